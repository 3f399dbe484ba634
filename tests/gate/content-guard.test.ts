/**
 * The content guard inside Astro's pipeline: the content-is-data rule run on the tree Astro's
 * own parser (Sätteri) builds. Through Sätteri directly, and through a real build of a file no
 * content loader reads (an MDX page under src/pages/), which must stop the build at its line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { contentGuard } from '../../src/integration/content-guard.ts';
import { copyTree, GOOD, REPO, TODAY } from './support.ts';

const ESM = (file: string, line: number) =>
	`${file}:${line}:1  error  content-not-data  "export const t = process.env.GITHUB_TOKEN" is an import/export statement: code run when the site is built. Remove it: content is data. Aside, Steps, Tabs, TabItem are available without an import.`;
const EXPR = (file: string, line: number, column: number) =>
	`${file}:${line}:${column}  error  content-not-data  the expression {t} is code, run when the site is built. Write the text itself; a literal brace in prose is written "\\{", and code examples go in a code span or block.`;
const HOSTILE = 'export const t = process.env.GITHUB_TOKEN\n\n# Token\n\nThe token is {t}.\n';

describe('content guard', () => {
	it('refuses, on Sätteri’s own tree, what the gate refuses', async () => {
		const guard = contentGuard('/repo');
		await expect(
			(async () =>
				mdxToJs(HOSTILE, {
					mdastPlugins: [guard],
					fileURL: new URL('file:///repo/content/runbooks/payments/leak.mdx'),
				} as never))(),
		).rejects.toThrow(
			[ESM('content/runbooks/payments/leak.mdx', 1), EXPR('content/runbooks/payments/leak.mdx', 5, 14)].join('\n'),
		);
	});

	it('lets plain Markdown and allowed components through', async () => {
		const out = await mdxToJs('# Fine\n\n<Aside type="note">Careful.</Aside> and <kbd>Ctrl</kbd>.\n', {
			mdastPlugins: [contentGuard('/repo')],
			fileURL: new URL('file:///repo/content/runbooks/payments/fine.mdx'),
		} as never);
		expect((out as { code: string }).code).toContain('Careful.');
	});

	it('stops a real build on a file no loader reads, at its line', () => {
		const tree = copyTree(GOOD, { 'src/pages/guard-probe.mdx': HOSTILE });
		try {
			for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json'])
				spawnSync('cp', [join(REPO, file), join(tree.root, file)]);
			// The repository's src/, with the probe page added to it.
			spawnSync('cp', ['-rn', `${join(REPO, 'src')}/.`, join(tree.root, 'src')]);
			spawnSync('cp', ['-al', join(REPO, 'node_modules'), join(tree.root, 'node_modules')]);
			const dist = join(tree.root, 'dist');
			const r = spawnSync(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build'], {
				cwd: tree.root,
				encoding: 'utf8',
				timeout: 240_000,
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
			expect(r.status, output.slice(-3000)).not.toBe(0);
			expect(output).toContain(ESM('src/pages/guard-probe.mdx', 1));
			expect(output).toContain(EXPR('src/pages/guard-probe.mdx', 5, 14));
			expect(existsSync(join(dist, 'guard-probe', 'index.html'))).toBe(false);
		} finally {
			tree.cleanup();
		}
	}, 300_000);
});
