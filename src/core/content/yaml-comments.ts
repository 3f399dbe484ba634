/**
 * Plain (unquoted) text values followed by a comment on the same line. In YAML, ` #` starts a
 * comment even in the middle of what reads as one sentence, so
 * `handoff: note in #billing-oncall` silently becomes "note in". Pure: a parsed node and its
 * source text in, the cut values out.
 */
import { isMap, isScalar, isSeq, Scalar, type Node as YamlNode } from 'yaml';
import type { SourcePosition } from './finding.ts';

export interface CutText {
	/** Dotted field path of the value (`coverage.handoff`, `[3].item`). */
	readonly field: string;
	/** What the value became: the text before the comment. */
	readonly value: string;
	/** The comment text, without its `#`. */
	readonly comment: string;
	/** Where the `#` stands. */
	readonly position: SourcePosition;
}

/**
 * Text values (plain scalars holding words separated by spaces) with a comment after them on the
 * same line. One-word values (`owner: billing-platform # the team`) are ids, not text, and a
 * comment after them cuts nothing.
 */
export function cutTextValues(
	contents: YamlNode | null,
	text: string,
	at: (offset: number) => SourcePosition,
): CutText[] {
	const out: CutText[] = [];
	const visitNode = (node: YamlNode | null | undefined, path: string): void => {
		if (!node) return;
		if (isMap(node)) {
			for (const pair of node.items) {
				const keyNode = pair.key as YamlNode | null;
				const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
				visitNode(pair.value as YamlNode | null, path === '' ? key : `${path}.${key}`);
			}
		} else if (isSeq(node)) {
			node.items.forEach((item, i) => {
				visitNode(item as YamlNode | null, `${path}[${i}]`);
			});
		} else if (isScalar(node) && node.type === Scalar.PLAIN && typeof node.value === 'string' && node.range) {
			if (!/\s/.test(node.value)) return;
			const end = node.range[1];
			const lineEnd = text.indexOf('\n', end);
			const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
			const m = /^[ \t]+#/.exec(rest);
			if (!m) return;
			const hash = end + m[0].length - 1;
			out.push({ field: path, value: node.value, comment: rest.slice(m[0].length).trimEnd(), position: at(hash) });
		}
	};
	visitNode(contents, '');
	return out;
}
