/**
 * A fast path for outlining Markdown bodies that use only plain constructs: ATX headings,
 * paragraphs (also indented by up to three spaces), single-backtick code spans, `**strong**`,
 * simple links, `-`/`+`/numbered lists (with lazy lines of plain text, and interrupting a
 * paragraph as CommonMark allows), backtick code fences and simple GFM tables. For such a
 * body it returns exactly the outline the full remark-mdx parse gives (same sections, slugs,
 * blocks, text and lines), about fifty times faster. Anything outside that subset (`<`, `{`,
 * single-asterisk emphasis, escapes, HTML, block quotes, setext headings, …) returns
 * `undefined` and the caller parses in full, so MDX syntax errors are always found by the
 * real parser. Linear in the body. Pure.
 */
import GithubSlugger from 'github-slugger';
import type { Block, Outline, Section } from './outline-types.ts';

/** Outside code, any of these may change the text or make MDX meaningful: leave it to the full parser. */
const UNSAFE = /[<{}\\*_[\]~&\t\r]|^\s*(?:import|export)\s/;
/** At the start of a line, outside tables, these start a block quote. */
const QUOTE = /^\s*>/;
const FENCE = /^(`{3,})([^`]*)$/;
/** The look-ahead keeps the spaces with `[ ]+`: `(.*)` cannot trade them back (quadratic on a line of blanks and a CR). */
const HEADING = /^(#{1,6})(?:[ ]+(?![ ])(.*))?$/;
const ORDERED = /^(\d{1,9})([.)]) (\S.*)$/;
const BULLET = /^([-+]) (\S.*)$/;
const ONLY_RULE_CHARS = /^[ \-=:|]+$/;
/** What an indented line may start with to be taken as a paragraph: a letter, `(`, one backtick, or `**` opening strong. */
const INDENTED_TEXT = /^(?:[\p{L}(]|`(?!``)|\*\*[^\s*])/u;
/** What a lazy continuation line may start with: the same, or a digit that does not make a list marker. */
const LAZY_TEXT = /^(?:[\p{L}(]|`(?!``)|\*\*[^\s*]|\d+(?![\d.)]))/u;
const DELIMITER_ROW = /^\|?(?: *:?-+:? *\|)*(?: *:?-+:? *)\|?$/;

class Unsupported extends Error {}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** `[text](https://…)` or `[text](/path)`: no title, no nesting, no markup in the text. */
const LINK = /(!?)\[([^[\]`*_<>{}\\&~!]+)\]\(((?:https:\/\/|\/|#)[^\s()<>{}\\]*)\)/g;

/**
 * Plain text of an inline run, as the full parser's `plainText` gives it: code spans become
 * their content, `**strong**` and `[links](…)` their text. Anything else unsafe bails out.
 */
function inline(text: string, cell = false): string {
	// A link whose text is one code span: the link gives way to the span.
	const unlinked = text.replace(
		/(!?)\[(`[^`\n]+`)\]\(((?:https:\/\/|\/|#)[^\s()<>{}\\`]*)\)/g,
		(_m, bang: string, span: string) => {
			if (bang) throw new Unsupported();
			return span;
		},
	);
	const parts = unlinked.split('`');
	if (parts.length % 2 === 0) throw new Unsupported();
	// Strong emphasis: runs of exactly two asterisks, each clearly an opener or a closer, strictly alternating.
	let open = false;
	const cut: number[][] = parts.map(() => []);
	for (let p = 0; p < parts.length; p++) {
		const part = parts[p]!;
		if (p % 2 === 0) {
			for (let i = part.indexOf('*'); i >= 0; i = part.indexOf('*', i + 2)) {
				if (part[i + 1] !== '*' || part[i + 2] === '*') throw new Unsupported();
				const before = i > 0 ? part[i - 1]! : p > 0 ? '`' : '';
				const after = i + 2 < part.length ? part[i + 2]! : p + 1 < parts.length ? '`' : '';
				if (!open) {
					if (!(before === '' || /\s|\(/.test(before)) || !(LETTER_OR_DIGIT.test(after) || after === '`'))
						throw new Unsupported();
				} else if (
					// A closer after a letter, digit or code span may be followed by space or sentence punctuation;
					// after punctuation (`**Note:**`) only by space or the end, where it is right- but not left-flanking.
					!((LETTER_OR_DIGIT.test(before) || before === '`') && (after === '' || /[\s.,;:!?)]/.test(after))) &&
					!(/[.,;:!?)]/.test(before) && (after === '' || /\s/.test(after)))
				) {
					throw new Unsupported();
				}
				open = !open;
				cut[p]!.push(i);
			}
		}
	}
	if (open) throw new Unsupported();
	let out = '';
	for (let p = 0; p < parts.length; p++) {
		let part = parts[p]!;
		if (p % 2 === 0) {
			for (const i of [...cut[p]!].reverse()) part = part.slice(0, i) + part.slice(i + 2);
			part = part.replace(LINK, (_m, bang: string, label: string) => {
				if (bang) throw new Unsupported();
				return label;
			});
			if (UNSAFE.test(part) || (!cell && p === 0 && QUOTE.test(part))) throw new Unsupported();
			out += part;
		} else {
			// `` `` `` (empty span) is a double backtick: not handled here.
			if (part === '') throw new Unsupported();
			const code = part.replace(/\n/g, ' ');
			out +=
				code.length > 1 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '' ? code.slice(1, -1) : code;
		}
	}
	return out;
}

const isBlank = (line: string) => line.trim() === '';

/** A heading's text without a closing run of `#` (after a space, or the whole text), scanned from the end: linear. */
function withoutClosingHashes(content: string): string {
	let end = content.length;
	while (end > 0 && content[end - 1] === '#') end--;
	if (end === content.length) return content;
	if (end === 0) return '';
	if (content[end - 1] !== ' ') return content;
	while (end > 0 && content[end - 1] === ' ') end--;
	return content.slice(0, end);
}
/** A list item may start inside a paragraph only with a bullet or the number 1 (CommonMark, as micromark reads it). */
const interruptsParagraph = (line: string) => BULLET.test(line) || ORDERED.exec(line)?.[1] === '1';
const indentOf = (line: string) => line.length - line.trimStart().length;

/** How many more lines list items may be re-read for lazy lines. */
interface Budget {
	lines: number;
}

/** Plain text that, after a paragraph, can only continue it: up to three spaces, then a letter, `(`, a code span, strong text or a number that is not a list marker. */
const isLazyText = (line: string) => {
	const text = line.trimStart();
	return indentOf(line) <= 3 && line === line.trimEnd() && LAZY_TEXT.test(text) && !ONLY_RULE_CHARS.test(text);
};

interface ParsedBlock {
	readonly block: Block;
	/** Plain text, as the full parser's `plainText` would give for this node. */
	readonly text: string;
}

interface Heading {
	readonly depth: number;
	readonly text: string;
	readonly line: number;
}

/**
 * Parse `lines` (already de-indented for their container) into blocks. `firstLine` is the
 * 1-based line of `lines[0]` in the body. Headings are allowed only at the top level.
 */
function parseBlocks(
	lines: readonly string[],
	firstLine: number,
	top: boolean,
	budget: Budget,
	onHeading?: (h: Heading) => void,
): ParsedBlock[] {
	const blocks: ParsedBlock[] = [];
	let i = 0;
	let previousParagraph = false;
	while (i < lines.length) {
		const line = lines[i]!;
		const at = firstLine + i;
		if (isBlank(line)) {
			previousParagraph = false;
			i++;
			continue;
		}
		if (line !== line.trimEnd() || ONLY_RULE_CHARS.test(line)) throw new Unsupported();
		// One to three spaces before plain text start a paragraph (the spaces are dropped); any other indented start is not ours.
		const indentedParagraph = indentOf(line) > 0 && indentOf(line) <= 3 && INDENTED_TEXT.test(line.trimStart());
		if (indentOf(line) > 0 && !indentedParagraph) throw new Unsupported();
		const heading = indentedParagraph ? null : HEADING.exec(line);
		if (heading) {
			if (!top || !onHeading) throw new Unsupported();
			let content = heading[2] ?? '';
			content = withoutClosingHashes(content);
			onHeading({ depth: heading[1]!.length, text: inline(content).trim(), line: at });
			previousParagraph = false;
			i++;
			continue;
		}
		if (line.startsWith('~~~') || line.startsWith('#')) throw new Unsupported();
		const fence = FENCE.exec(line);
		if (!fence && line.startsWith('```')) throw new Unsupported();
		if (fence) {
			const ticks = fence[1]!;
			const info = fence[2]!.trim();
			const close = lines.findIndex(
				(l, j) => j > i && indentOf(l) <= 3 && /^`+$/.test(l.trim()) && l.trim().length >= ticks.length,
			);
			if (close < 0 || indentOf(lines[close]!) > 0) throw new Unsupported();
			const value = lines.slice(i + 1, close).join('\n');
			const lang = info === '' ? '' : info.split(/\s+/)[0]!;
			blocks.push({ block: { type: 'code', lang, value, line: at }, text: value });
			previousParagraph = false;
			i = close + 1;
			continue;
		}
		const ordered = ORDERED.exec(line);
		const bullet = ordered ? undefined : BULLET.exec(line);
		if (ordered || bullet) {
			if (previousParagraph && !interruptsParagraph(line)) throw new Unsupported();
			const kind = ordered ? `o${ordered[2]}` : `b${bullet![1]}`;
			const items: string[] = [];
			let listText = '';
			while (i < lines.length) {
				const l = lines[i]!;
				const o = ORDERED.exec(l);
				const b = o ? undefined : BULLET.exec(l);
				const k = o ? `o${o[2]}` : b ? `b${b[1]}` : undefined;
				if (k !== kind) break;
				const width = o ? o[1]!.length + 2 : 2;
				const itemLines = [(o ? o[3] : b![2])!];
				const itemFirst = firstLine + i;
				let j = i + 1;
				let lastNonBlank = i;
				// The item's lines so far are known to end in its own paragraph (checked once, kept while plain text follows).
				let inParagraph = false;
				while (j < lines.length) {
					const next = lines[j]!;
					if (isBlank(next)) {
						inParagraph = false;
						j++;
						continue;
					}
					if (indentOf(next) >= width) {
						for (let k2 = lastNonBlank + 1; k2 < j; k2++) itemLines.push('');
						const inner = next.slice(width);
						itemLines.push(inner);
						inParagraph &&= isLazyText(inner);
						lastNonBlank = j;
						j++;
						continue;
					}
					// Less indented and not blank: a lazy continuation (unsupported) or the end of the item.
					if (lastNonBlank === j - 1) {
						if (ORDERED.test(next) || BULLET.test(next)) break;
						// A lazy line: plain text right after the item's own paragraph continues that paragraph.
						if (!isLazyText(next)) throw new Unsupported();
						if (!inParagraph) {
							// Re-reading the item is bounded by a budget, so the fast path stays linear in the body.
							budget.lines -= itemLines.length;
							if (
								budget.lines < 0 ||
								parseBlocks(itemLines, itemFirst, false, budget).at(-1)?.block.type !== 'paragraph'
							)
								throw new Unsupported();
							inParagraph = true;
						}
						itemLines.push(next.trimStart());
						lastNonBlank = j;
						j++;
						continue;
					}
					break;
				}
				const content = parseBlocks(itemLines, itemFirst, false, budget);
				const itemText = content.map((c) => c.text).join('');
				listText += itemText;
				items.push(itemText.trim());
				i = lastNonBlank + 1;
				// Skip blank lines between items of the same list.
				let k3 = i;
				while (k3 < lines.length && isBlank(lines[k3]!)) k3++;
				const after = lines[k3];
				if (after === undefined) {
					i = k3;
					break;
				}
				const ao = ORDERED.exec(after);
				const ab = ao ? undefined : BULLET.exec(after);
				const ak = ao ? `o${ao[2]}` : ab ? `b${ab[1]}` : undefined;
				if (ak !== kind) break;
				i = k3;
			}
			blocks.push({ block: { type: 'list', ordered: Boolean(ordered), items, line: at }, text: listText });
			previousParagraph = false;
			continue;
		}
		// A table: a header row with pipes starting a block, a delimiter row with as many cells, rows to a blank line.
		const next = lines[i + 1];
		if (line.includes('|') && next !== undefined && DELIMITER_ROW.test(next.trim()) && next.includes('|')) {
			if (previousParagraph || !top || indentedParagraph) throw new Unsupported();
			// GFM splits cells at every pipe, inside code spans too; each cell must be plain on its own.
			const cells = (row: string) => row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
			if (cells(line).length !== cells(next).length || indentOf(next) > 0) throw new Unsupported();
			for (const c of cells(line)) inline(c, true);
			let j = i + 2;
			while (j < lines.length && !isBlank(lines[j]!)) {
				const row = lines[j]!;
				if (
					row !== row.trimEnd() ||
					indentOf(row) > 0 ||
					/^(?:#|```|~~~|[-+] |\d{1,9}[.)] |>)/.test(row) ||
					ONLY_RULE_CHARS.test(row)
				)
					throw new Unsupported();
				for (const c of cells(row)) inline(c, true);
				j++;
			}
			blocks.push({ block: { type: 'other', kind: 'table', line: at }, text: '' });
			previousParagraph = false;
			i = j;
			continue;
		}
		// A paragraph: to a blank line, a heading or a fence. A marker the strict patterns refused (two spaces, empty item) is not ours.
		if (/^(?:\d{1,9}[.)]|[-+])(?: |$)/.test(line)) throw new Unsupported();
		const start = i;
		const texts: string[] = [];
		while (i < lines.length) {
			const l = lines[i]!;
			if (isBlank(l)) break;
			if (i > start && (HEADING.test(l) || FENCE.test(l) || interruptsParagraph(l))) break;
			if (l !== l.trimEnd() || ONLY_RULE_CHARS.test(l)) throw new Unsupported();
			// Any other marker-like line (`1.  two spaces`, an indented `- x`) may start a list too: not ours.
			if (
				i > start &&
				(/^(?:\d{1,9}[.)]|[-+*])(?:\s|$)/.test(l.trimStart()) ||
					l.trimStart().startsWith('#') ||
					l.trimStart().startsWith('```'))
			)
				throw new Unsupported();
			if (indentOf(l) >= 4 || /^\s*>/.test(l)) throw new Unsupported();
			texts.push(l.trimStart());
			i++;
		}
		const text = inline(texts.join('\n'));
		blocks.push({ block: { type: 'paragraph', text: text.trim(), line: firstLine + start }, text });
		previousParagraph = true;
	}
	return blocks;
}

/**
 * The outline of a body in the plain subset, or `undefined` when the body needs the full
 * parser. `lineOffset` is added to every line, as for `outlineMarkdown`.
 */
export function plainOutline(body: string, lineOffset = 0): Outline | undefined {
	const lines = body.split('\n');
	const sections: { depth: number; text: string; slug: string; line: number; column: number; blocks: Block[] }[] = [];
	const slugger = new GithubSlugger();
	try {
		const blocks = parseBlocks(lines, 1, true, { lines: 4 * lines.length + 1000 }, (h) => {
			sections.push({
				depth: h.depth,
				text: h.text,
				slug: slugger.slug(h.text),
				line: h.line + lineOffset,
				column: 1,
				blocks: [],
			});
		});
		// Assign blocks to the section whose heading precedes them.
		let s = -1;
		for (const { block } of blocks) {
			while (s + 1 < sections.length && sections[s + 1]!.line - lineOffset < block.line) s++;
			if (s >= 0) sections[s]!.blocks.push({ ...block, line: block.line + lineOffset });
		}
	} catch (error) {
		if (error instanceof Unsupported) return undefined;
		throw error;
	}
	return { sections: sections as Section[] };
}
