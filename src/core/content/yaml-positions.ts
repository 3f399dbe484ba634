/**
 * Where every key and list item of a parsed YAML document stands in its source, by dotted
 * path (`alerts[0].link`); `''` is the document itself. Pure: a parsed node in, positions out.
 */
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { SourcePosition } from './finding.ts';

export function yamlPositions(
	contents: YamlNode | null,
	at: (offset: number) => SourcePosition,
	fallback: SourcePosition,
): Record<string, SourcePosition> {
	// No prototype: a key named `__proto__`, `constructor` or `toString` is a field like any other.
	const positions: Record<string, SourcePosition> = Object.create(null);
	positions[''] = contents?.range ? at(contents.range[0]) : fallback;
	const walk = (node: YamlNode | null | undefined, path: string): void => {
		if (!node) return;
		if (isMap(node)) {
			for (const pair of node.items) {
				const keyNode = pair.key as YamlNode | null;
				const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
				const p = path === '' ? key : `${path}.${key}`;
				if (keyNode?.range) positions[p] = at(keyNode.range[0]);
				walk(pair.value as YamlNode | null, p);
			}
		} else if (isSeq(node)) {
			node.items.forEach((item, i) => {
				const p = `${path}[${i}]`;
				const n = item as YamlNode | null;
				if (n?.range) positions[p] = at(n.range[0]);
				walk(n, p);
			});
		}
	};
	walk(contents, '');
	return positions;
}
