/**
 * Output of `alerts:verify` in the coverage gate's three formats, built from the gate's own
 * reporter pieces (finding line, colour rule, GitHub escaping and limits) so the two tools
 * print alike; verify rules have their pages at /rules/<id>/ like the gate's.
 */
import { ruleHref } from '../core/rules/catalog.ts';
import { type Finding, formatFinding } from '../core/content/finding.ts';
import { neutraliseCommands } from '../core/content/workflow-commands.ts';
import {
	ANNOTATIONS_PER_LEVEL,
	escapeCell,
	escapeCode,
	escapeData,
	escapeProperty,
	SUMMARY_LIMIT_BYTES,
} from './reporters/github.ts';

export type ReportFormat = 'text' | 'json' | 'github';

export interface AlertReport {
	readonly stdout: string;
	readonly stderr: string;
	/** Markdown for `$GITHUB_STEP_SUMMARY` (github format only). */
	readonly summary: string | undefined;
}

export interface AlertReportOptions {
	readonly siteUrl: string;
	/** How many files were checked. */
	readonly files: number;
	/** How many alerts (alerting rules and AlertPolicies) were checked. */
	readonly alerts?: number;
	readonly color: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function counts(findings: readonly Finding[]) {
	const errors = findings.filter((f) => f.level === 'error').length;
	return { errors, warnings: findings.length - errors };
}

export function summaryLine(findings: readonly Finding[], files: number, alerts?: number): string {
	const { errors, warnings } = counts(findings);
	const checked = alerts === undefined ? '' : `; ${plural(alerts, 'alert')} checked`;
	if (findings.length === 0) return `Alert files: no findings in ${plural(files, 'file')}${checked}.`;
	return `Alert files: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(new Set(findings.map((f) => f.file)).size, 'file')} of ${files} checked${checked}.`;
}

const paint = (code: string, text: string) => `\u001b[${code}m${text}\u001b[0m`;

export function renderText(findings: readonly Finding[], o: AlertReportOptions): string {
	const lines = findings.map((f) => {
		const line = formatFinding(f);
		if (!o.color) return line;
		const level = f.level === 'error' ? paint('31;1', 'error') : paint('33;1', 'warning');
		const at = `${f.file}:${f.line}:${f.column}`;
		return line.replace(`  ${f.level}  `, `  ${level}  `).replace(at, paint('1', at));
	});
	if (findings.length > 0)
		lines.push(
			'',
			`${summaryLine(findings, o.files, o.alerts)} Each rule is explained at ${o.siteUrl.replace(/\/$/, '')}${ruleHref('<rule-id>')}.`,
		);
	else lines.push(summaryLine(findings, o.files, o.alerts));
	return neutraliseCommands(`${lines.join('\n')}\n`);
}

export function renderJson(findings: readonly Finding[], o: AlertReportOptions): string {
	const base = o.siteUrl.replace(/\/$/, '');
	const { errors, warnings } = counts(findings);
	const report = {
		tool: 'launchbook-alerts-verify',
		version: 1,
		summary: {
			errors,
			warnings,
			files: new Set(findings.map((f) => f.file)).size,
			checked: o.files,
			...(o.alerts === undefined ? {} : { alerts: o.alerts }),
		},
		findings: findings.map((f) => ({ ...f, url: base + ruleHref(f.rule) })),
	};
	return `${JSON.stringify(report, null, 2)}\n`;
}

export function renderAnnotations(findings: readonly Finding[], siteUrl: string): string {
	const base = siteUrl.replace(/\/$/, '');
	const shown = { error: 0, warning: 0 };
	const left = { error: 0, warning: 0 };
	const lines: string[] = [];
	for (const f of findings) {
		if (shown[f.level] >= ANNOTATIONS_PER_LEVEL) {
			left[f.level]++;
			continue;
		}
		shown[f.level]++;
		const props = [
			`file=${escapeProperty(f.file)}`,
			`line=${f.line}`,
			`col=${f.column}`,
			`title=${escapeProperty(`${f.rule} (${f.level})`)}`,
		];
		lines.push(
			`::${f.level} ${props.join(',')}::${escapeData(`${f.message} ${f.fix} See ${base}${ruleHref(f.rule)}`)}`,
		);
	}
	if (left.error + left.warning > 0) {
		const parts = [
			left.error > 0 ? plural(left.error, 'error') : '',
			left.warning > 0 ? plural(left.warning, 'warning') : '',
		].filter(Boolean);
		lines.push(
			`::notice title=${escapeProperty('Launchbook alerts:verify')}::${escapeData(`${parts.join(' and ')} left out of the annotations: GitHub shows ${ANNOTATIONS_PER_LEVEL} of each level per step. The job summary lists all ${findings.length} findings.`)}`,
		);
	}
	return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function renderSummary(
	findings: readonly Finding[],
	o: AlertReportOptions,
	limit = SUMMARY_LIMIT_BYTES,
): string {
	const base = o.siteUrl.replace(/\/$/, '');
	const head = ['## Launchbook alerts:verify', ''];
	if (findings.length === 0) return `${[...head, `✅ ${summaryLine(findings, o.files, o.alerts)}`, ''].join('\n')}\n`;
	const { errors } = counts(findings);
	head.push(
		`${errors > 0 ? '❌' : '⚠️'} ${summaryLine(findings, o.files, o.alerts)}`,
		'',
		'| Level | Rule | Location | Finding | Fix |',
		'| --- | --- | --- | --- | --- |',
	);
	let text = `${head.join('\n')}\n`;
	let bytes = Buffer.byteLength(text);
	for (let i = 0; i < findings.length; i++) {
		const f = findings[i]!;
		const row = `| ${f.level} | [${f.rule}](${base}${ruleHref(f.rule)}) | ${escapeCode(`${f.file}:${f.line}:${f.column}`)} | ${escapeCell(f.message)} | ${escapeCell(f.fix)} |\n`;
		if (bytes + Buffer.byteLength(row) > limit - 512) {
			return `${text}\n_${plural(findings.length - i, 'more finding')} not shown: the job summary is limited to ${Math.round(limit / 1024)} KiB._\n`;
		}
		text += row;
		bytes += Buffer.byteLength(row);
	}
	return text;
}

/** What to print where, per format: text on stderr; JSON on stdout; annotations on stdout plus a summary. */
export function renderAlertReport(
	findings: readonly Finding[],
	format: ReportFormat,
	o: AlertReportOptions,
): AlertReport {
	switch (format) {
		case 'text':
			return { stdout: '', stderr: renderText(findings, o), summary: undefined };
		case 'json':
			return { stdout: renderJson(findings, o), stderr: '', summary: undefined };
		case 'github':
			return {
				stdout: renderAnnotations(findings, o.siteUrl),
				stderr: renderText(findings, { ...o, color: false }),
				summary: renderSummary(findings, o),
			};
	}
}
