import { oneLine } from './workflow-commands.ts';

/** One problem found in the content, in the one format every reporter prints. */
export interface Finding {
	/** Rule id; also the slug of the rule's page on the site. @example "alert-runbook-section" */
	readonly rule: string;
	readonly level: 'error' | 'warning';
	/** Path relative to the repository root, with forward slashes. */
	readonly file: string;
	/** 1-based. */
	readonly line: number;
	/** 1-based. */
	readonly column: number;
	/** What is wrong. */
	readonly message: string;
	/** How to fix it. */
	readonly fix: string;
}

export interface SourcePosition {
	readonly line: number;
	readonly column: number;
}

/** Sort findings by file, then line, then column, then rule, so output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
	return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

/** `file:line:col  level  rule  message Fix.` — the line people read; always one line, whatever the fields hold. */
export function formatFinding(f: Finding): string {
	return oneLine(`${f.file}:${f.line}:${f.column}  ${f.level}  ${f.rule}  ${f.message} ${f.fix}`);
}
