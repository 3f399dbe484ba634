/**
 * The layers, as the README and DESIGN describe them, enforced: the pure core imports no
 * I/O (no node: modules, no astro: virtual modules, no adapters or entry points), and
 * adapters import no entry point. Imports point down only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
	return (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
		.filter((f) => /\.(ts|mjs|astro)$/.test(f))
		.map((f) => join(dir, f));
}

/** Every module specifier a file imports (static, dynamic and re-exports). */
function importsOf(file: string): string[] {
	const text = readFileSync(join(ROOT, file), 'utf8');
	const found = new Set<string>();
	for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]/g)) found.add(m[1]!);
	for (const m of text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) found.add(m[1]!);
	for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.add(m[1]!);
	return [...found];
}

function layerOf(file: string, specifier: string): string | undefined {
	if (!specifier.startsWith('.')) return undefined;
	const target = relative(ROOT, join(ROOT, file, '..', specifier));
	return target.split('/').slice(0, 2).join('/');
}

describe('architecture', () => {
	it('keeps the core pure: no node:, astro: or I/O packages, no imports from adapters or entry points', () => {
		const offences: string[] = [];
		for (const file of sources('src/core')) {
			for (const spec of importsOf(file)) {
				const layer = layerOf(file, spec);
				if (
					/^(node:|astro:|astro\/|@astrojs\/|octokit|playwright)/.test(spec) ||
					['fs', 'path', 'http', 'https', 'net', 'tls', 'child_process'].includes(spec)
				)
					offences.push(`${file} imports ${spec}`);
				if (layer && layer !== 'src/core' && !layer.startsWith('src/core'))
					offences.push(`${file} imports ${spec} (${layer})`);
			}
		}
		expect(offences).toEqual([]);
	});

	it('keeps adapters below the entry points', () => {
		const offences: string[] = [];
		for (const file of sources('src/adapters')) {
			for (const spec of importsOf(file)) {
				const layer = layerOf(file, spec);
				if (layer && ['src/pages', 'src/integration', 'src/cli', 'src/components'].includes(layer))
					offences.push(`${file} imports ${spec} (${layer})`);
				if (spec.includes('/scripts/') || spec.startsWith('../../scripts')) offences.push(`${file} imports ${spec}`);
			}
		}
		expect(offences).toEqual([]);
	});

	it('finds imports at all (the scanner is not blind)', () => {
		expect(importsOf('src/adapters/content-loader.ts')).toEqual(
			expect.arrayContaining(['node:fs', 'yaml', '../core/content/collections.ts']),
		);
		expect(layerOf('src/adapters/content-loader.ts', '../core/content/collections.ts')).toBe('src/core');
	});
	it('groups the core by concern: no module lies loose in src/core', () => {
		const loose = readdirSync(join(ROOT, 'src/core'), { withFileTypes: true })
			.filter((e) => e.isFile())
			.map((e) => e.name);
		expect(loose).toEqual([]);
	});

	it('has no import cycle inside src/core (type-only imports included)', () => {
		const graph = new Map<string, string[]>();
		for (const file of sources('src/core')) {
			graph.set(
				file,
				importsOf(file)
					.filter((s) => s.startsWith('.'))
					.map((s) => relative(ROOT, join(ROOT, file, '..', s))),
			);
		}
		const cycles: string[] = [];
		const state = new Map<string, 'open' | 'done'>();
		const stack: string[] = [];
		const visit = (file: string): void => {
			state.set(file, 'open');
			stack.push(file);
			for (const next of graph.get(file) ?? []) {
				if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
				else if (!state.has(next)) visit(next);
			}
			stack.pop();
			state.set(file, 'done');
		};
		for (const file of graph.keys()) if (!state.has(file)) visit(file);
		expect(cycles).toEqual([]);
	});

	it('the scanner reads the markdown imports the cycle check relies on', () => {
		expect(importsOf('src/core/markdown/markdown-outline.ts')).toContain('./plain-outline.ts');
		expect(importsOf('src/core/markdown/plain-outline.ts')).not.toContain('./markdown-outline.ts');
	});
});
