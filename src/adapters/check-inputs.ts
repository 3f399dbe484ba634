/**
 * What the gate reads besides the content model: the committed CODEOWNERS and the positions
 * of the config file's keys (so policy findings point at the key).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, LineCounter, parseDocument, isScalar, type Node as YamlNode } from 'yaml';
import { CODEOWNERS_FILE } from '../core/ownership/codeowners.ts';
import type { SourcePosition } from '../core/content/finding.ts';
import { CONFIG_FILE } from './content-loader.ts';

/** The committed CODEOWNERS text, or `null` when there is none. */
export function readCodeowners(root: string): { file: string; text: string | null } {
	const abs = join(root, CODEOWNERS_FILE);
	try {
		return { file: CODEOWNERS_FILE, text: existsSync(abs) ? readFileSync(abs, 'utf8') : null };
	} catch {
		return { file: CODEOWNERS_FILE, text: null };
	}
}

/** Positions of the config file's mapping keys by dotted path; empty when it cannot be read. */
export function readConfigPositions(root: string): Record<string, SourcePosition> {
	// No prototype: a key named `__proto__` or `constructor` is a field like any other.
	const positions: Record<string, SourcePosition> = Object.create(null);
	try {
		const text = readFileSync(join(root, CONFIG_FILE), 'utf8');
		const lineCounter = new LineCounter();
		const doc = parseDocument(text, { lineCounter });
		const walk = (node: unknown, path: string) => {
			if (!isMap(node)) return;
			for (const pair of node.items) {
				const key = pair.key as YamlNode | null;
				const name = isScalar(key) ? String(key.value) : String(key);
				const p = path === '' ? name : `${path}.${name}`;
				if (key?.range) {
					const lp = lineCounter.linePos(key.range[0]);
					positions[p] = { line: lp.line, column: lp.col };
				}
				walk(pair.value, p);
			}
		};
		walk(doc.contents, '');
	} catch {
		/* the loader reports an unreadable config; positions are a nicety */
	}
	return positions;
}
