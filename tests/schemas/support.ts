/**
 * Schema-test support: a known-good content tree (tests/fixtures/schemas/good) copied to a
 * temporary directory, one mutation applied, and the real loader run over it. Findings are
 * compared as the exact lines a user reads.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { compareFindings, formatFinding } from '../../src/core/content/finding.ts';
import { LOAD_PROBLEMS, type LoadProblemId } from '../../src/core/content/load-problems.ts';
import type { ContentModel } from '../../src/core/content/model.ts';

export const GOOD = resolve(import.meta.dirname, '../fixtures/schemas/good');

/** Text of a file of the good tree, by path relative to its root (`content/teams/billing-platform.yaml`). */
export function goodText(path: string): string {
	return readFileSync(join(GOOD, path), 'utf8');
}

/**
 * The good file with `from` replaced by `to`. Fails loudly when `from` does not occur exactly
 * once, so a fixture edit cannot silently turn a mutation into a no-op.
 */
export function mutate(path: string, from: string, to: string): Record<string, string> {
	const text = goodText(path);
	const count = text.split(from).length - 1;
	if (count !== 1) throw new Error(`mutation of ${path}: expected "${from}" exactly once, found ${count} times`);
	return { [path]: text.replace(from, to) };
}

/** Copy the good tree to a temporary directory, write (or delete, with null) the given files, load it with the real loader, and remove the copy. */
export function loadWith(files: Record<string, string | Uint8Array | null> = {}): ContentModel {
	const root = mkdtempSync(join(tmpdir(), 'launchbook-schema-'));
	try {
		cpSync(GOOD, root, { recursive: true });
		for (const [path, content] of Object.entries(files)) {
			const abs = join(root, path);
			if (content === null) {
				rmSync(abs, { force: true });
				continue;
			}
			mkdirSync(dirname(abs), { recursive: true });
			writeFileSync(abs, content);
		}
		return loadContent(root);
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

/** The findings of a load, formatted exactly as every reporter prints them, in stable order. */
export function findingLines(model: ContentModel): string[] {
	return [...model.problems].sort(compareFindings).map(formatFinding);
}

/** The line a load problem prints: position, level, rule, message, then the rule's fix from the catalog. */
export function line(
	file: string,
	lineNo: number,
	column: number,
	rule: LoadProblemId,
	message: string,
	fix: string = LOAD_PROBLEMS[rule].fix,
): string {
	return `${file}:${lineNo}:${column}  error  ${rule}  ${message} ${fix}`;
}
