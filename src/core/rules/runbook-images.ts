/**
 * The gate rejects what the build rejects: every runbook is rendered into the offline kit,
 * which must open with no network, and the build fails when the kit would fetch anything. An
 * image in a runbook body (`![…](…)`, `<img>`, `<picture>`, `<video>`) is such a fetch, so it is
 * an error here, at its line and column, and `check` passing means `build` passes. Code spans
 * and fenced code are text, not images.
 */
import type { RuleContext } from './context.ts';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const IMAGE =
	/!\[[^\]\n]*\]\(\s*<?([^\s)>]*)|<(img|picture|video|audio|source)\b[^>]*?(?:\ssrcs?e?t?\s*=\s*["']?([^"'\s>]*))?/gi;

export function checkRunbookImages(ctx: RuleContext): void {
	for (const runbook of ctx.model.runbooks) {
		const lines = runbook.body.split('\n');
		let fence: string | undefined;
		for (const [i, text] of lines.entries()) {
			const open = FENCE.exec(text);
			if (fence) {
				if (open && open[1]!.startsWith(fence)) fence = undefined;
				continue;
			}
			if (open) {
				fence = open[1]!.slice(0, 3);
				continue;
			}
			if (/^( {4}|\t)/.test(text)) continue; // indented code
			// Code spans are text: blank them out, keeping columns.
			const prose = text.replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length));
			for (const m of prose.matchAll(IMAGE)) {
				const url = m[1] ?? m[3] ?? '';
				const what = m[2] ? `an <${m[2].toLowerCase()}> element` : 'an image';
				ctx.report(
					'runbook-image',
					runbook.file,
					{ line: runbook.bodyLineOffset + i, column: (m.index ?? 0) + 1 },
					`runbook "${runbook.id}" has ${what}${url ? ` (${url})` : ''}; the offline kit holds every runbook and must open with no network, so the build refuses it.`,
					'Describe what the image shows in words or a table, and link to it instead ([diagram](https://…)) if it must be seen.',
				);
			}
		}
	}
}
