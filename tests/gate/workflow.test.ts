/**
 * The pull-request workflow: valid YAML that GitHub would run on every pull request, with the
 * history and system tools its steps need, the tests, and the gate in github format against the
 * base branch. (GitHub itself is not reachable here; this pins what a reviewer would check.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { REPO } from './support.ts';

interface Step {
	readonly name?: string;
	readonly uses?: string;
	readonly run?: string;
	readonly if?: string;
	readonly with?: Record<string, unknown>;
	readonly env?: Record<string, string>;
}

const doc = parseDocument(readFileSync(join(REPO, '.github/workflows/pull-request.yml'), 'utf8'), { uniqueKeys: true });
const workflow = doc.toJS() as {
	on: Record<string, unknown>;
	permissions: Record<string, string>;
	jobs: Record<string, { 'runs-on': string; container?: string; steps: Step[] }>;
};
const [job] = Object.values(workflow.jobs);
const steps = job!.steps;
const indexOf = (test: (s: Step) => boolean) => steps.findIndex(test);

describe('.github/workflows/pull-request.yml', () => {
	it('parses without errors or warnings and runs on pull requests with read-only permissions', () => {
		expect(doc.errors).toEqual([]);
		expect(doc.warnings).toEqual([]);
		expect(Object.keys(workflow.on)).toEqual(['pull_request']);
		expect(workflow.permissions).toEqual({ contents: 'read' });
		expect(Object.keys(workflow.jobs)).toHaveLength(1);
	});

	it('runs on Debian, where apt has the chromium and prometheus packages the tests need', () => {
		expect(job!.container).toMatch(/bookworm|trixie|debian/);
		const install = steps[indexOf((s) => /apt-get install/.test(s.run ?? ''))];
		expect(install?.run).toMatch(/apt-get update\n/);
		for (const pkg of ['chromium', 'prometheus', 'openssl', 'git'])
			expect(install?.run).toMatch(new RegExp(`\\b${pkg}\\b`));
		expect(install?.run).not.toMatch(/\bsudo\b/);
	});

	it('checks out the full history (pull-request mode diffs against the merge base) and lets git read it', () => {
		const checkout = indexOf((s) => s.uses?.startsWith('actions/checkout@') === true);
		expect(checkout).toBeGreaterThan(indexOf((s) => /apt-get install/.test(s.run ?? '')));
		expect(steps[checkout]!.with).toEqual({ 'fetch-depth': 0 });
		expect(steps.some((s) => s.run === 'git config --global --add safe.directory "$GITHUB_WORKSPACE"')).toBe(true);
	});

	it('installs with npm ci, lints, type-checks, runs the tests with system tools required, then the gate in github format against the base branch', () => {
		const ci = indexOf((s) => s.run === 'npm ci');
		const tests = indexOf((s) => s.run === 'npm test');
		const gate = indexOf((s) => s.run?.startsWith('npm run check') === true);
		const lint = indexOf((s) => s.run === 'npm run lint');
		const typecheck = indexOf((s) => s.run === 'npm run typecheck');
		expect(ci).toBeGreaterThan(0);
		expect(lint).toBeGreaterThan(ci);
		expect(typecheck).toBeGreaterThan(ci);
		expect(tests).toBeGreaterThan(ci);
		expect(gate).toBeGreaterThan(tests);
		expect(steps[tests]!.env).toMatchObject({ LAUNCHBOOK_REQUIRE_TOOLS: '1' });
		expect(steps[gate]!.run).toBe('npm run check -- --format github --base "origin/$BASE_REF"');
		expect(steps[gate]!.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
		// The reviewer sees coverage findings even when a test failed.
		expect(steps[gate]!.if).toBe('success() || failure()');
	});

	it('names only scripts that exist in package.json', () => {
		const scripts = (
			JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
		).scripts;
		for (const s of steps) {
			const m = /^npm (?:run (\S+)|(test))\b/.exec(s.run ?? '');
			if (m) expect(Object.keys(scripts), s.run).toContain(m[1] ?? m[2]);
		}
	});
});
