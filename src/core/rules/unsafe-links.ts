/**
 * No link in an MDX body (runbooks, comms templates, tabletop records) uses a scheme that
 * runs code or smuggles a document: `javascript:`, `vbscript:`, `data:`, `file:`. Code
 * blocks and code spans are examples, not links, and are left alone. (MDX has no
 * `<scheme:…>` autolinks: those fail to parse and are reported as content-mdx.)
 */
import type { DocumentEntry } from '../content/model.ts';
import type { RuleContext } from './context.ts';

const SCHEME = String.raw`((?:java|vb)script|data|file)\s*:`;
const LINK_FORMS: readonly RegExp[] = [
	// [text](javascript:…) and ![alt](data:…)
	new RegExp(String.raw`\]\(\s*<?\s*${SCHEME}`, 'i'),
	// [ref]: javascript:…
	new RegExp(String.raw`^\s{0,3}\[[^\]]+\]:\s*<?\s*${SCHEME}`, 'i'),
	// <a href="javascript:…">, <img src={'data:…'}>
	new RegExp(String.raw`\b(?:href|src|action|formaction|xlink:href)\s*=\s*\{?\s*["'\`]?\s*${SCHEME}`, 'i'),
];

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** The line with code spans blanked out (same length, so columns stay true). */
function withoutCodeSpans(line: string): string {
	return line.replace(/(`+)(.+?)\1/g, (m) => ' '.repeat(m.length));
}

const KIND: Record<string, string> = { runbooks: 'runbook', comms: 'comms template', tabletops: 'tabletop record' };

function scan(ctx: RuleContext, doc: DocumentEntry<unknown>): void {
	let fence: string | undefined;
	doc.body.split('\n').forEach((raw, i) => {
		const open = FENCE.exec(raw);
		if (fence) {
			if (open && open[1]!.startsWith(fence[0]!) && open[1]!.length >= fence.length) fence = undefined;
			return;
		}
		if (open) {
			fence = open[1];
			return;
		}
		const line = withoutCodeSpans(raw);
		for (const form of LINK_FORMS) {
			const m = form.exec(line);
			if (!m) continue;
			const scheme = m[1]!.toLowerCase();
			ctx.report(
				'unsafe-link',
				doc.file,
				{ line: i + 1 + doc.bodyLineOffset, column: m.index + m[0].toLowerCase().lastIndexOf(scheme) + 1 },
				`${KIND[doc.collection] ?? 'document'} "${doc.id}" links to a ${scheme}: URL; a click would run or open something other than a web page.`,
				'Link to an https:// page instead; if the text is an example, put it in a code span.',
			);
			break;
		}
	});
}

export function checkUnsafeLinks(ctx: RuleContext): void {
	for (const doc of [...ctx.model.runbooks, ...ctx.model.comms, ...ctx.model.tabletops]) scan(ctx, doc);
}
