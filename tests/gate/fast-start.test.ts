/**
 * The fast start of `npm run check` and `npm run alerts:verify` (scripts/lib/fast-start.mjs):
 * the real CLIs, run with a bundle cache of their own, print exactly what they print from their
 * sources; a stale bundle is rebuilt before use, and a broken one falls back to the sources.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support.ts';

const cache = mkdtempSync(join(tmpdir(), 'launchbook-bundles-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const ARGS = ['--format', 'json', '--today', '2026-12-02'];
const run = (env: Record<string, string> = {}) =>
	runCli(ARGS, { env: { LAUNCHBOOK_BUNDLE_CACHE: cache, LAUNCHBOOK_DEBUG: '1', ...env } });
const MANIFEST = join(cache, 'src-cli-check-command-ts.json');
const BUNDLE = join(cache, 'src-cli-check-command-ts.mjs');

describe('fast start of the gate', () => {
	const fromSources = runCli(ARGS, { env: { LAUNCHBOOK_NO_BUNDLE: '1' } });

	it('bundles on the first run, reuses the bundle after, and prints what the sources print', () => {
		expect(fromSources.status).toBe(0);
		const first = run();
		expect(first.stderr).toContain('fast-start: bundling src/cli/check-command.ts\n');
		expect(first.stdout).toBe(fromSources.stdout);
		expect(first.status).toBe(fromSources.status);
		expect(readdirSync(cache).sort()).toEqual(['src-cli-check-command-ts.json', 'src-cli-check-command-ts.mjs']);
		const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { inputs: [string, number, number][] };
		const inputs = manifest.inputs.map(([path]) => path);
		expect(inputs).toContain('src/cli/check-command.ts');
		expect(inputs).toContain('src/core/rules/catalog.ts');
		expect(inputs.some((p) => p.startsWith('node_modules/yaml/'))).toBe(true);

		const second = run();
		expect(second.stderr).not.toContain('fast-start: bundling');
		expect(second.stdout).toBe(fromSources.stdout);
	});

	it('rebuilds a bundle when any file in it has changed since', () => {
		const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { inputs: [string, number, number][] };
		const entry = manifest.inputs.find(([path]) => path === 'src/core/rules/catalog.ts')!;
		entry[2] -= 1000;
		writeFileSync(MANIFEST, JSON.stringify(manifest));
		const r = run();
		expect(r.stderr).toContain('fast-start: bundling src/cli/check-command.ts\n');
		expect(r.stdout).toBe(fromSources.stdout);
		const rebuilt = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { inputs: [string, number, number][] };
		expect(rebuilt.inputs.find(([path]) => path === 'src/core/rules/catalog.ts')![2]).toBe(entry[2] + 1000);
	});

	it('runs from the sources when the bundle cannot be used', () => {
		writeFileSync(BUNDLE, 'throw new Error("this bundle is broken");\n');
		const r = run();
		expect(r.stderr).toContain('fast-start: running src/cli/check-command.ts from sources: this bundle is broken\n');
		expect(r.stdout).toBe(fromSources.stdout);
		expect(r.status).toBe(fromSources.status);
	});
});
