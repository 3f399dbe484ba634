/** Shared helpers for the coverage-gate tests: the known-good fixture, mutation, and the CLI as a child process. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { formatFinding, type Finding } from '../../src/core/content/finding.ts';
import { outlineMarkdown } from '../../src/core/markdown/markdown-outline.ts';
import type { ContentModel, DocumentEntry } from '../../src/core/content/model.ts';
import { checkCoverage, type CheckOptions } from '../../src/core/rules/index.ts';

export const REPO = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(REPO, 'tests/fixtures/gate');
export const GOOD = join(FIXTURES, 'good');
/** The day every gate test judges dates against. */
export const TODAY = '2026-11-26';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
export type MutableModel = Mutable<ContentModel>;

const good = loadContent(GOOD);

/** A deep copy of the known-good model, changed by `change`. */
export function mutate(change: (m: MutableModel) => void): ContentModel {
	const copy = structuredClone(good) as MutableModel;
	change(copy);
	return copy as ContentModel;
}

/** Replace a document's body and re-outline it, keeping its frontmatter positions. */
export function setBody(doc: Mutable<DocumentEntry<unknown>>, body: string): void {
	const bodyLine = Math.max(...Object.values(doc.positions).map((p) => p.line)) + 1;
	doc.body = body;
	doc.bodyLineOffset = bodyLine;
	doc.outline = outlineMarkdown(body, bodyLine) as Mutable<DocumentEntry<unknown>>['outline'];
}

export function lines(findings: readonly Finding[]): string[] {
	return findings.map(formatFinding);
}

export function check(model: ContentModel, options: Partial<CheckOptions> = {}): string[] {
	return lines(checkCoverage(model, { today: TODAY, ...options }));
}

export interface CliResult {
	readonly status: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** Run `scripts/check.mjs` as a child process with the project's Node. */
export function runCli(
	args: readonly string[],
	options: { env?: Record<string, string | undefined>; input?: string; cwd?: string } = {},
): CliResult {
	const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
	for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
	delete env.GITHUB_STEP_SUMMARY;
	if (options.env?.GITHUB_STEP_SUMMARY) env.GITHUB_STEP_SUMMARY = options.env.GITHUB_STEP_SUMMARY;
	const r = spawnSync(process.execPath, [join(REPO, 'scripts/check.mjs'), ...args], {
		cwd: options.cwd ?? REPO,
		env,
		input: options.input ?? '',
		encoding: 'utf8',
		timeout: 60_000,
	});
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A writable copy of a fixture tree, with files replaced (string or bytes) or removed (`null`). */
export function copyTree(
	from: string,
	files: Record<string, string | Uint8Array | null> = {},
): { root: string; cleanup: () => void } {
	const root = mkdtempSync(join(tmpdir(), 'launchbook-gate-'));
	cpSync(from, root, { recursive: true });
	for (const [path, content] of Object.entries(files)) {
		const abs = join(root, path);
		if (content === null) {
			rmSync(abs, { force: true, recursive: true });
			continue;
		}
		mkdirSync(dirname(abs), { recursive: true });
		writeFileSync(abs, content);
	}
	return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
