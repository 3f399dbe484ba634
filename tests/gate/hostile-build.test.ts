/**
 * The site build refuses what the gate refuses: a real `astro build` of a fixture tree with
 * links under content/ (a runbook and a guide page pointing at a file outside the repository)
 * stops with the gate's findings, even with LAUNCHBOOK_GATE=warn, and nothing of the outside
 * file reaches the output, the log or dist/.
 */
import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOAD_PROBLEMS } from '../../src/core/content/load-problems.ts';
import { GOOD, REPO, TODAY } from './support.ts';

const SECRET = 'OUTSIDE-THE-REPOSITORY-b41c07';
let root: string;
let outside: string;

beforeAll(() => {
	outside = mkdtempSync(join(tmpdir(), 'launchbook-outside-'));
	// A file an attacker would like published: shaped like a runbook, so a loader that followed the link would render it.
	writeFileSync(
		join(outside, 'runbook.mdx'),
		`---\ntitle: ${SECRET}\ndescription: x\nsurface: payments\nalerts: []\nowner: payments-team\nlastReviewed: 2026-11-01\nreviewEvery: 90d\n---\n\n## Summary\n\n${SECRET}\n`,
	);
	root = mkdtempSync(join(tmpdir(), 'launchbook-hostile-build-'));
	cpSync(GOOD, root, { recursive: true });
	symlinkSync(join(outside, 'runbook.mdx'), join(root, 'content/runbooks/payments/stolen.mdx'));
	mkdirSync(join(root, 'content/docs'), { recursive: true });
	symlinkSync(join(outside, 'runbook.mdx'), join(root, 'content/docs/guide.mdx'));
	for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(REPO, file), join(root, file));
	cpSync(join(REPO, 'src'), join(root, 'src'), { recursive: true });
	spawnSync('cp', ['-al', join(REPO, 'node_modules'), join(root, 'node_modules')]);
});
afterAll(() => {
	rmSync(root, { recursive: true, force: true });
	rmSync(outside, { recursive: true, force: true });
});

/** Every file under `dir`, as text. */
function allText(dir: string): string {
	if (!existsSync(dir)) return '';
	return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
		.filter((d) => d.isFile())
		.map((d) => readFileSync(join(d.parentPath, d.name), 'latin1'))
		.join('\n');
}

describe('the site build refuses linked content', () => {
	it('stops with the gate finding for each link, publishing nothing of the outside file', () => {
		const dist = join(root, 'dist');
		const r = spawnSync(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build'], {
			cwd: root,
			encoding: 'utf8',
			timeout: 300_000,
			env: {
				...process.env,
				NO_COLOR: '1',
				LAUNCHBOOK_ROOT: root,
				LAUNCHBOOK_TODAY: TODAY,
				// Coverage errors would only warn: content that is not a regular file still stops the build.
				LAUNCHBOOK_GATE: 'warn',
				LAUNCHBOOK_OUT_DIR: dist,
				LAUNCHBOOK_CACHE_DIR: join(root, 'cache'),
				ASTRO_TELEMETRY_DISABLED: '1',
			},
		});
		const output = `${r.stdout}${r.stderr}`;
		expect(r.status, output).not.toBe(0);
		for (const file of ['content/docs/guide.mdx', 'content/runbooks/payments/stolen.mdx'])
			expect(output).toContain(
				`${file}:1:1  error  content-symlink  ${file} is a symbolic link; content is read only from regular files inside the repository, and links are never followed. ${LOAD_PROBLEMS['content-symlink'].fix}`,
			);
		expect(output).toContain('Launchbook: 2 content problem(s); see the lines above.');
		expect(output).not.toContain(SECRET);
		expect(allText(dist)).not.toContain(SECRET);
		expect(allText(join(root, 'cache'))).not.toContain(SECRET);
	});
});
