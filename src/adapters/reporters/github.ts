/**
 * GitHub Actions output: workflow-command annotations (escaped by GitHub's rules, capped at
 * GitHub's per-step limits, with a note of how many were left out) and a Markdown table of
 * every finding for the job summary (kept under its 1 MiB limit).
 */
import type { Finding } from '../../core/content/finding.ts';
import { ruleHref } from '../../core/rules/catalog.ts';

/** GitHub shows at most this many annotations of each level per step, and drops the rest silently. */
export const ANNOTATIONS_PER_LEVEL = 10;
/** GitHub's limit for `$GITHUB_STEP_SUMMARY` per step. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** Escape a workflow-command message. */
export function escapeData(value: string): string {
	return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a workflow-command property value (file, title…). */
export function escapeProperty(value: string): string {
	return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function annotation(f: Finding, siteUrl: string): string {
	const props = [
		`file=${escapeProperty(f.file)}`,
		`line=${f.line}`,
		`col=${f.column}`,
		`title=${escapeProperty(`${f.rule} (${f.level})`)}`,
	];
	const url = `${siteUrl.replace(/\/$/, '')}${ruleHref(f.rule)}`;
	return `::${f.level} ${props.join(',')}::${escapeData(`${f.message} ${f.fix} See ${url}`)}`;
}

/** Annotation lines, at most {@link ANNOTATIONS_PER_LEVEL} of each level, then a notice of what was left out. */
export function renderAnnotations(findings: readonly Finding[], siteUrl: string): string {
	const lines: string[] = [];
	const shown = { error: 0, warning: 0 };
	const left = { error: 0, warning: 0 };
	for (const f of findings) {
		if (shown[f.level] < ANNOTATIONS_PER_LEVEL) {
			shown[f.level]++;
			lines.push(annotation(f, siteUrl));
		} else {
			left[f.level]++;
		}
	}
	if (left.error + left.warning > 0) {
		const parts = [
			left.error > 0 ? `${left.error} error${left.error === 1 ? '' : 's'}` : '',
			left.warning > 0 ? `${left.warning} warning${left.warning === 1 ? '' : 's'}` : '',
		].filter(Boolean);
		lines.push(
			`::notice title=${escapeProperty('Launchbook coverage gate')}::${escapeData(`${parts.join(' and ')} left out of the annotations: GitHub shows ${ANNOTATIONS_PER_LEVEL} of each level per step. The job summary lists all ${findings.length} findings.`)}`,
		);
	}
	return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * Make text safe inside a Markdown table cell of the job summary: no HTML, no code span, no link,
 * image or autolink (`[`, `]`, `(`, `)`, `!`, `<`, `https:`, `www.`), no @mention or #reference, no
 * emphasis or strike-through that changes what a reader sees, no cell break. Each is written as an
 * HTML entity, which GitHub's Markdown shows as the character itself; URLs and @names read from
 * content are shown defanged (a zero-width space after `://`, `www` and `@`), never as links.
 */
export function escapeCell(value: string): string {
	return (
		value
			.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
			.replace(/\r?\n|\r/g, ' ')
			.replace(/[|`[\]()!@*_~\\#:]/g, (c) => `&#${c.charCodeAt(0)};`)
			// Autolinks and mentions are also found in the decoded text (GitHub's mention filter, GFM autolink
			// literals in some renderers): a zero-width space after "://", "www" and "@" stops them.
			.replace(/&#58;\/\//g, '&#58;&#8203;//')
			.replace(/(www)\./gi, '$1&#8203;&#46;')
			.replace(/&#64;/g, '&#64;&#8203;')
	);
}

/**
 * A file location in a table cell, monospaced. Not a Markdown code span: entities do not work in one, and
 * Markdown parsers disagree on an escaped `|` inside one in a table, which can end it early and let the
 * rest of a hostile file name be read as links. `<code>` with the cell escaping has neither problem.
 */
export function escapeCode(value: string): string {
	return `<code>${escapeCell(value)}</code>`;
}

/** The job summary: a heading, a verdict and a table of all findings, under `limit` bytes. */
export function renderSummary(findings: readonly Finding[], siteUrl: string, limit = SUMMARY_LIMIT_BYTES): string {
	const errors = findings.filter((f) => f.level === 'error').length;
	const warnings = findings.length - errors;
	const base = siteUrl.replace(/\/$/, '');
	const head = ['## Launchbook coverage gate', ''];
	if (findings.length === 0) {
		head.push('✅ No findings: operational coverage is complete.', '');
		return `${head.join('\n')}\n`;
	}
	head.push(
		`${errors > 0 ? '❌' : '⚠️'} ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}. Each rule links to its page: what it checks, why, and how to fix it.`,
		'',
	);
	head.push('| Level | Rule | Location | Finding | Fix |', '| --- | --- | --- | --- | --- |');
	let text = `${head.join('\n')}\n`;
	let bytes = Buffer.byteLength(text);
	const reserve = 512;
	for (let i = 0; i < findings.length; i++) {
		const f = findings[i]!;
		const row = `| ${f.level} | [${f.rule}](${base}${ruleHref(f.rule)}) | ${escapeCode(`${f.file}:${f.line}:${f.column}`)} | ${escapeCell(f.message)} | ${escapeCell(f.fix)} |\n`;
		const size = Buffer.byteLength(row);
		if (bytes + size > limit - reserve) {
			const rest = findings.length - i;
			text += `\n_${rest} more finding${rest === 1 ? '' : 's'} not shown: the job summary is limited to ${Math.round(limit / 1024)} KiB. Run \`npm run check\` locally for the full list._\n`;
			return text;
		}
		text += row;
		bytes += size;
	}
	return text;
}
