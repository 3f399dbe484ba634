/**
 * Content is data: the hostile corpus judged three ways. The pure rule on each body; the real
 * CLI on one tree holding every case (exact findings, exit 1); and the real `astro build` of
 * that tree, which the Launchbook integration refuses through the same rule, even with
 * LAUNCHBOOK_GATE=warn, so nothing reaches dist/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_COMPONENTS, bodySafety, urlScheme } from '../../src/core/markdown/body-safety.ts';
import { HARMLESS, HOSTILE, type HostileCase } from './hostile-corpus.ts';
import { copyTree, GOOD, REPO, runCli, TODAY } from './support.ts';

const RUNBOOK_FRONTMATTER = [
	'title: Hostile case',
	'description: A body an attacker wrote.',
	'surface: payments',
	'alerts: []',
	'owner: payments-team',
	'lastReviewed: 2026-11-01',
	'reviewEvery: 90d',
].join('\n');

function frontmatterOf(c: Pick<HostileCase, 'path' | 'frontmatter'>): string {
	if (c.path.startsWith('docs/'))
		return [
			'title: Hostile page',
			'description: A page an attacker wrote.',
			...(c.frontmatter ? [c.frontmatter] : []),
		].join('\n');
	if (c.path.startsWith('runbooks/') && !c.path.includes('/_')) return RUNBOOK_FRONTMATTER;
	return 'title: Draft';
}

const fileOf = (c: Pick<HostileCase, 'path' | 'frontmatter' | 'body'>) => `---\n${frontmatterOf(c)}\n---\n${c.body}`;
/** Lines before the body: both "---" and the frontmatter between them. */
const offsetOf = (c: Pick<HostileCase, 'path' | 'frontmatter'>) => frontmatterOf(c).split('\n').length + 2;

/** The full finding lines a case must give, with file and absolute lines. */
function expectedLines(c: HostileCase): string[] {
	return c.expect.map((e) => {
		const m = /^(-?\d+):(\d+) {2}(\S+) {2}(.*)$/.exec(e);
		if (!m) throw new Error(`corpus: bad expectation ${e}`);
		return `content/${c.path}:${Number(m[1]) + offsetOf(c)}:${m[2]}  error  ${m[3]}  ${m[4]}`;
	});
}

const SAFETY_LINE = /^(\S+):\d+:\d+ {2}error {2}(content-not-data|unsafe-link|content-mdx) {2}/;

describe('hostile content corpus', () => {
	it('holds at least 25 cases, each at its own path', () => {
		expect(HOSTILE.length).toBeGreaterThanOrEqual(25);
		expect(new Set(HOSTILE.map((c) => c.path)).size).toBe(HOSTILE.length);
	});

	it.each(
		HOSTILE.filter((c) => c.expect.every((e) => !e.startsWith('-') && !e.includes('  content-mdx  '))).map(
			(c) => [c.name, c] as const,
		),
	)('the pure rule refuses %s', (_name, c) => {
		const found = bodySafety(c.body, {
			format: c.path.endsWith('.mdx') ? 'mdx' : 'md',
			components: c.path.startsWith('docs/') ? [] : Object.keys(BODY_COMPONENTS),
		});
		expect(found?.map((f) => `${f.line}:${f.column}  ${f.rule}  ${f.message} ${f.fix}`)).toEqual(c.expect);
	});

	it('reads schemes as a browser does', () => {
		expect(urlScheme('  JaVa\tScRi\npt:alert(1)')).toBe('javascript');
		expect(urlScheme('\u0000\u200bdata:text/html,x')).toBe('data');
		expect(urlScheme('https://example.com/a:b')).toBe('https');
		expect(urlScheme('/runbooks/payments/errors/#rollback')).toBeUndefined();
		expect(urlScheme('javascript%3Aalert(1)')).toBeUndefined();
	});

	it.each(HARMLESS.map((c) => [c.name, c] as const))('leaves %s alone', (_name, c) => {
		expect(bodySafety(c.body, { format: 'mdx', components: Object.keys(BODY_COMPONENTS) })).toEqual([]);
	});
});

describe('hostile content through the CLI and the build', () => {
	let tree: ReturnType<typeof copyTree>;
	beforeAll(() => {
		const files: Record<string, string> = {};
		for (const c of [...HOSTILE, ...HARMLESS]) files[`content/${c.path}`] = fileOf(c);
		tree = copyTree(GOOD, files);
	});
	afterAll(() => tree?.cleanup());

	it('npm run check reports every case at file:line:col with its fix, and exits 1', () => {
		const r = runCli(['--root', tree.root, '--today', TODAY]);
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('');
		const safety = r.stderr.split('\n').filter((l) => SAFETY_LINE.test(l));
		for (const c of HOSTILE) {
			const own = safety.filter((l) => l.startsWith(`content/${c.path}:`));
			expect(own, c.name).toEqual(expectedLines(c));
		}
		expect(safety).toHaveLength(HOSTILE.reduce((n, c) => n + c.expect.length, 0));
		for (const c of HARMLESS) expect(safety.filter((l) => l.startsWith(`content/${c.path}:`))).toEqual([]);
		// The harmless file is loaded and judged, not skipped: other rules see it.
		for (const c of HARMLESS) expect(r.stderr).toContain(`content/${c.path}:`);
		expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|TypeError|RangeError/);
	});

	it('the Astro build refuses the same findings, even under LAUNCHBOOK_GATE=warn, and writes no page', () => {
		const dist = join(tree.root, 'dist');
		for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json'])
			spawnSync('cp', [join(REPO, file), join(tree.root, file)]);
		spawnSync('cp', ['-r', join(REPO, 'src'), join(tree.root, 'src')]);
		spawnSync('cp', ['-al', join(REPO, 'node_modules'), join(tree.root, 'node_modules')]);
		const r = spawnSync(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build'], {
			cwd: tree.root,
			encoding: 'utf8',
			timeout: 120_000,
			env: {
				...process.env,
				NO_COLOR: '1',
				LAUNCHBOOK_GATE: 'warn',
				LAUNCHBOOK_TODAY: TODAY,
				LAUNCHBOOK_OUT_DIR: dist,
				LAUNCHBOOK_CACHE_DIR: join(tree.root, 'cache'),
				ASTRO_TELEMETRY_DISABLED: '1',
			},
		});
		const output = `${r.stdout}\n${r.stderr}`;
		expect(r.status, output.slice(-2000)).not.toBe(0);
		for (const c of HOSTILE) for (const line of expectedLines(c)) expect(output, c.name).toContain(line);
		expect(output).toContain('Launchbook:');
		expect(output).toContain('content problem(s); see the lines above.');
		// Nothing was rendered: no page, so no payload, can be in dist/.
		const pages = existsSync(dist)
			? (readdirSync(dist, { recursive: true }) as string[]).filter((f) => statSync(join(dist, f)).isFile())
			: [];
		expect(pages).toEqual([]);
	}, 150_000);
});
