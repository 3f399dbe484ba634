/**
 * The content-is-data rule inside Astro's own Markdown/MDX pipeline. The Launchbook integration
 * judges every body under content/ before the build starts; this guard runs the same rule
 * function (`treeSafety`) again on the tree Astro's parser (Sätteri) builds for each file it
 * compiles, just before it is turned into HTML or code. A file no loader read, or a construct
 * the two parsers read differently, still cannot reach dist/: the build stops at its file and line.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { BODY_COMPONENTS, type SafetyFinding, treeSafety } from '../core/markdown/body-safety.ts';

export interface GuardContext {
	readonly fileURL: URL | undefined;
	readonly sourceFormat: 'markdown' | 'mdx';
}

/** Thrown when a compiled file breaks the rule; its message is the findings, one per line. */
export class ContentNotDataError extends Error {
	readonly findings: readonly SafetyFinding[];
	constructor(file: string, findings: readonly SafetyFinding[]) {
		super(findings.map((f) => `${file}:${f.line}:${f.column}  error  ${f.rule}  ${f.message} ${f.fix}`).join('\n'));
		this.name = 'ContentNotDataError';
		this.findings = findings;
	}
}

/** A Sätteri mdast plugin factory judging every file Astro compiles; `root` is the repository root. */
export function contentGuard(root: string) {
	return ({ fileURL, sourceFormat }: GuardContext) => {
		const file = fileURL ? relative(root, fileURLToPath(fileURL)).split(sep).join('/') : '(inline Markdown)';
		const docs = file.startsWith('content/docs/');
		return {
			name: 'launchbook-content-guard',
			options: { position: true },
			before(tree: Root) {
				const findings = treeSafety(tree, {
					format: sourceFormat === 'mdx' ? 'mdx' : 'md',
					components: docs ? [] : Object.keys(BODY_COMPONENTS),
				});
				if (findings.length > 0) throw new ContentNotDataError(file, findings);
			},
		};
	};
}
