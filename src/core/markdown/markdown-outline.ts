/**
 * Reads the structure of a Markdown/MDX body: headings with the anchors the site gives
 * them, and what each section holds. Pure: text in, outline out.
 */
import GithubSlugger from 'github-slugger';
import type { Heading as MdastHeading, List, ListItem, Root, RootContent } from 'mdast';
import type { Block, Outline, Section } from './outline-types.ts';
import { parseMdxTree } from './mdx-tree.ts';
import { plainOutline } from './plain-outline.ts';

export type { Block, Outline, Section } from './outline-types.ts';

export class MarkdownSyntaxError extends Error {
	readonly line: number;
	readonly column: number;
	constructor(message: string, line: number, column: number) {
		super(message);
		this.line = line;
		this.column = column;
	}
}

/** Plain text of a node, as a heading's anchor is computed from it. */
export function plainText(node: { type: string; value?: string; children?: unknown[] }): string {
	if (typeof node.value === 'string' && node.type !== 'mdxFlowExpression' && node.type !== 'mdxTextExpression')
		return node.value;
	if (!Array.isArray(node.children)) return '';
	return (node.children as { type: string; value?: string; children?: unknown[] }[]).map(plainText).join('');
}

function blockOf(node: RootContent, lineOffset: number): Block {
	const line = (node.position?.start.line ?? 1) + lineOffset;
	switch (node.type) {
		case 'list':
			return {
				type: 'list',
				ordered: Boolean((node as List).ordered),
				items: (node as List).children.map((i: ListItem) => plainText(i).trim()),
				line,
			};
		case 'paragraph':
			return { type: 'paragraph', text: plainText(node).trim(), line };
		case 'code':
			return { type: 'code', lang: node.lang ?? '', value: node.value, line };
		default:
			return { type: 'other', kind: node.type, line };
	}
}

/**
 * The parser's messages name other places in the body, such as where an unclosed tag opened:
 * `(18:1-18:8)` or `(18:8)`. Shift their lines by `lineOffset` so they point into the whole
 * file, like the finding's own line.
 */
function shiftPositions(message: string, lineOffset: number): string {
	if (lineOffset === 0) return message;
	const point = (line: string, column: string) => `${Number(line) + lineOffset}:${column}`;
	return message.replace(
		/\((\d+):(\d+)(?:-(\d+):(\d+))?\)/g,
		(_, l1: string, c1: string, l2?: string, c2?: string) =>
			`(${point(l1, c1)}${l2 !== undefined && c2 !== undefined ? `-${point(l2, c2)}` : ''})`,
	);
}

/**
 * Outline a Markdown/MDX body. `lineOffset` is added to every line so positions point into
 * the whole file (the frontmatter comes first). Throws {@link MarkdownSyntaxError} when the
 * MDX does not parse.
 */
export function outlineMarkdown(body: string, lineOffset = 0): Outline {
	// Plain bodies (most runbooks) take a fast path that gives the same outline; see plain-outline.ts.
	return plainOutline(body, lineOffset) ?? outlineMarkdownFull(body, lineOffset);
}

/** {@link outlineMarkdown} through the full remark-mdx parse, always. */
export function outlineMarkdownFull(body: string, lineOffset = 0): Outline {
	let tree: Root;
	try {
		tree = parseMdxTree(body);
	} catch (error) {
		const e = error as {
			reason?: string;
			message?: string;
			line?: number;
			column?: number;
			place?: { line?: number; column?: number; start?: { line: number; column: number } };
		};
		const place = e.place && 'start' in e.place && e.place.start ? e.place.start : e.place;
		const line = (place?.line ?? e.line ?? 1) + lineOffset;
		const column = place?.column ?? e.column ?? 1;
		throw new MarkdownSyntaxError(shiftPositions(e.reason ?? e.message ?? String(error), lineOffset), line, column);
	}
	const slugger = new GithubSlugger();
	const sections: Section[] = [];
	let current: { depth: number; text: string; slug: string; line: number; column: number; blocks: Block[] } | undefined;
	for (const node of tree.children) {
		if (node.type === 'heading') {
			const text = plainText(node as MdastHeading).trim();
			current = {
				depth: (node as MdastHeading).depth,
				text,
				slug: slugger.slug(text),
				line: (node.position?.start.line ?? 1) + lineOffset,
				column: node.position?.start.column ?? 1,
				blocks: [],
			};
			sections.push(current);
		} else if (current) {
			current.blocks.push(blockOf(node, lineOffset));
		}
	}
	return { sections };
}
