/**
 * The one MDX parse of a body (remark-parse, remark-mdx and GFM, as Astro's MDX reads it),
 * shared by the outliner and the content-is-data check so a body that needs the full parser is
 * parsed once per run, not twice. The few most recent trees are kept by body text; callers only
 * read them. Throws what the parser throws. Pure.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const recent = new Map<string, Root>();
const KEEP = 16;

export function parseMdxTree(body: string): Root {
	const known = recent.get(body);
	if (known) return known;
	const tree = processor.parse(body);
	if (recent.size >= KEEP) recent.delete(recent.keys().next().value!);
	recent.set(body, tree);
	return tree;
}
