/**
 * The report for people: one line per finding, then a summary. Colour only on a terminal, never with NO_COLOR.
 * No line of it reads as a GitHub workflow command (core/content/workflow-commands.ts).
 */
import type { Finding } from '../../core/content/finding.ts';
import { formatFinding } from '../../core/content/finding.ts';
import { neutraliseCommands } from '../../core/content/workflow-commands.ts';

export interface TextOptions {
	readonly color: boolean;
	/** Base URL of the site, for the rule-page hint. */
	readonly siteUrl: string;
}

/** Colour is used when the stream is a terminal, unless NO_COLOR is set (non-empty); FORCE_COLOR forces it. */
export function wantsColor(env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
	if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
	return Boolean(isTTY) && env.TERM !== 'dumb';
}

const paint = (on: boolean, code: string, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

export function summaryLine(findings: readonly Finding[]): string {
	const errors = findings.filter((f) => f.level === 'error').length;
	const warnings = findings.length - errors;
	if (findings.length === 0) return 'Coverage gate: no findings.';
	const files = new Set(findings.map((f) => f.file)).size;
	return `Coverage gate: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`;
}

export function renderText(findings: readonly Finding[], options: TextOptions): string {
	const lines = findings.map((f) => {
		const line = formatFinding(f);
		if (!options.color) return line;
		const level = f.level === 'error' ? paint(true, '31;1', 'error') : paint(true, '33;1', 'warning');
		return line
			.replace(`  ${f.level}  `, `  ${level}  `)
			.replace(`${f.file}:${f.line}:${f.column}`, paint(true, '1', `${f.file}:${f.line}:${f.column}`));
	});
	const out = [...lines];
	if (findings.length > 0)
		out.push(
			'',
			`${summaryLine(findings)} Each rule is explained at ${options.siteUrl.replace(/\/$/, '')}/rules/<rule-id>/.`,
		);
	else out.push(summaryLine(findings));
	// A finding line starts with its file name, which may start with "::" (or a colour code and "::").
	return neutraliseCommands(`${out.join('\n')}\n`);
}
