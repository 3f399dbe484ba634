/**
 * The site runs the same gate: a real `astro build` fails on an error finding with the same
 * file:line text as `npm run check`, and (with LAUNCHBOOK_GATE=warn) renders each finding with
 * a link to its rule page, and one page per rule.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/catalog.ts';
import { GOOD, REPO, TODAY } from './support.ts';

const FINDING =
	'content/runbooks/payments/errors.mdx:31:1  error  runbook-rollback-steps  rollback step 3 of runbook "payments/errors" is a placeholder ("TBD"), not a concrete step.';

let root: string;
function build(env: Record<string, string>) {
	return spawnSync(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: root,
		encoding: 'utf8',
		timeout: 300_000,
		env: {
			...process.env,
			NO_COLOR: '1',
			LAUNCHBOOK_ROOT: root,
			LAUNCHBOOK_TODAY: TODAY,
			LAUNCHBOOK_OUT_DIR: join(root, 'dist'),
			LAUNCHBOOK_CACHE_DIR: join(root, 'cache'),
			ASTRO_TELEMETRY_DISABLED: '1',
			...env,
		},
	});
}

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'launchbook-gate-site-'));
	cpSync(GOOD, root, { recursive: true });
	const rb = join(root, 'content/runbooks/payments/errors.mdx');
	writeFileSync(
		rb,
		readFileSync(rb, 'utf8').replace(
			'2. Confirm the error rate falls on the dashboard within five minutes.',
			'2. Confirm the error rate falls.\n3. TBD',
		),
	);
	for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(REPO, file), join(root, file));
	// Copied and hard-linked, not symlinked: Vite keys compiled modules by real path.
	cpSync(join(REPO, 'src'), join(root, 'src'), { recursive: true });
	spawnSync('cp', ['-al', join(REPO, 'node_modules'), join(root, 'node_modules')]);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the site build runs the gate', () => {
	it('fails on an error finding, printing it as npm run check does', () => {
		const r = build({});
		expect(r.status).not.toBe(0);
		expect(`${r.stdout}${r.stderr}`).toContain(FINDING);
		expect(`${r.stdout}${r.stderr}`).toContain(
			'Launchbook: the coverage gate reports 1 error(s); see the lines above.\n  Hint:\n    Run "npm run check" for the same report without building;',
		);
		// The findings are the last thing a reader sees: no stack trace into the integration after them.
		expect(`${r.stdout}${r.stderr}`).not.toMatch(/Stack trace|\n\s+at .+:\d+:\d+\)?\n/);
	});

	it('with LAUNCHBOOK_GATE=warn, builds and links every finding to its rule page', () => {
		const r = build({ LAUNCHBOOK_GATE: 'warn' });
		expect(r.status, r.stderr.slice(-2000)).toBe(0);
		const dist = join(root, 'dist');
		for (const rule of RULES) expect(existsSync(join(dist, 'rules', rule.id, 'index.html')), rule.id).toBe(true);
		const rulePage = readFileSync(join(dist, 'rules/runbook-rollback-steps/index.html'), 'utf8');
		expect(rulePage).toContain('Rollback is an ordered list of concrete steps');
		expect(rulePage).toContain('content/runbooks/payments/errors.mdx:31:1');
		const home = readFileSync(join(dist, 'index.html'), 'utf8');
		expect(home).toMatch(
			/<a href="\/rules\/runbook-rollback-steps\/"[^>]*><code[^>]*>runbook-rollback-steps<\/code><\/a>/,
		);
		const surface = readFileSync(join(dist, 'surfaces/payments/index.html'), 'utf8');
		expect(surface).toContain('href="/rules/runbook-rollback-steps/"');
		expect(readFileSync(join(dist, 'rules/index.html'), 'utf8')).toContain('href="/rules/codeowners-drift/"');
	});

	it('builds when launchbook-baseline.json holds the error, as npm run check passes then', () => {
		const write = spawnSync(
			process.execPath,
			[join(REPO, 'scripts/check.mjs'), '--root', root, '--today', TODAY, '--write-baseline'],
			{ encoding: 'utf8' },
		);
		expect(write.stderr).toBe('Baseline: wrote 1 finding in 1 file to launchbook-baseline.json.\n');
		const checked = spawnSync(process.execPath, [join(REPO, 'scripts/check.mjs'), '--root', root, '--today', TODAY], {
			encoding: 'utf8',
		});
		expect(checked.status).toBe(0);
		const r = build({});
		expect(r.status, r.stderr.slice(-2000)).toBe(0);
		expect(r.stdout).toContain('1 finding(s) baselined in launchbook-baseline.json.');
		rmSync(join(root, 'launchbook-baseline.json'));
	});

	it('refuses an image in a runbook as the gate does: the offline kit would fetch it', () => {
		const rb = join(root, 'content/runbooks/payments/errors.mdx');
		const before = readFileSync(rb, 'utf8');
		writeFileSync(
			rb,
			before.replace('## Detection', '![flow](https://diagrams.example.com/payments.png)\n\n## Detection'),
		);
		try {
			const checked = spawnSync(process.execPath, [join(REPO, 'scripts/check.mjs'), '--root', root, '--today', TODAY], {
				encoding: 'utf8',
			});
			expect(checked.stderr).toMatch(
				/content\/runbooks\/payments\/errors\.mdx:\d+:1 {2}error {2}runbook-image {2}runbook "payments\/errors" has an image \(https:\/\/diagrams\.example\.com\/payments\.png\)/,
			);
			// Past the gate (warn), the build itself refuses it.
			const r = build({ LAUNCHBOOK_GATE: 'warn' });
			expect(r.status).not.toBe(0);
			expect(`${r.stdout}${r.stderr}`).toContain(
				'Offline kit offline-kit.html: 1 reference(s) would be fetched when the kit opens: <img src="https://diagrams.example.com/payments.png">.',
			);
		} finally {
			writeFileSync(rb, before);
		}
	});
});
