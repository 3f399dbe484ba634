/**
 * The scheduled status workflow (.github/workflows/status.yml), read as the YAML GitHub reads:
 * it refreshes status on a schedule and redeploys the static site to GitHub Pages (outside
 * the platform's GCP), with write access only where Pages needs it and the token never echoed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const FILE = join(import.meta.dirname, '..', '..', '.github', 'workflows', 'status.yml');
const text = readFileSync(FILE, 'utf8');

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	needs?: string | string[];
	permissions?: Record<string, string>;
	environment?: { name: string };
	steps: Step[];
}
const wf = parse(text, { strict: true, uniqueKeys: true }) as {
	on: { schedule: { cron: string }[]; workflow_dispatch?: unknown };
	permissions: Record<string, string>;
	concurrency: { group: string; 'cancel-in-progress': boolean };
	jobs: Record<string, Job>;
};

const writes = (p: Record<string, string> | undefined) =>
	Object.entries(p ?? {})
		.filter(([, v]) => v === 'write')
		.map(([k]) => k)
		.sort();

describe('.github/workflows/status.yml', () => {
	it('runs every 15 minutes and on demand', () => {
		expect(wf.on.schedule).toEqual([{ cron: '*/15 * * * *' }]);
		expect('workflow_dispatch' in wf.on).toBe(true);
	});

	it('one deployment at a time, never cancelled half-way', () => {
		expect(wf.concurrency).toEqual({ group: 'launchbook-pages', 'cancel-in-progress': false });
	});

	it('grants write access only to the deploy job, which runs no project code', () => {
		expect(wf.permissions).toEqual({ contents: 'read' });
		const build = wf.jobs.build!;
		expect(writes(build.permissions)).toEqual([]);
		expect(build.permissions).toEqual({ contents: 'read', actions: 'read', issues: 'read' });
		const deploy = wf.jobs.deploy!;
		expect(deploy.needs).toBe('build');
		expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
		expect(deploy.environment?.name).toBe('github-pages');
		expect(deploy.steps.every((s) => s.run === undefined)).toBe(true);
		expect(deploy.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
	});

	it('collects status with the token in one step, and builds the site in another without it; uploads dist/ to Pages', () => {
		const steps = wf.jobs.build!.steps;
		expect(steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'persist-credentials': false } });
		const collect = steps.find((s) => s.run === 'npm run status')!;
		expect(collect.env).toEqual({ GITHUB_TOKEN: '${{ secrets.STATUS_GITHUB_TOKEN || github.token }}' });
		// The token is in that step's environment only; the step that renders content comes after it, without it.
		expect(steps.filter((s) => JSON.stringify(s).match(/secrets\.|github\.token|TOKEN/))).toEqual([collect]);
		const build = steps.find((s) => s.run === 'npm run build:site')!;
		expect(steps.indexOf(build)).toBeGreaterThan(steps.indexOf(collect));
		expect(steps.some((s) => s.run === 'npm run build')).toBe(false);
		expect(steps.at(-1)).toEqual({ uses: 'actions/upload-pages-artifact@v3', with: { path: 'dist' } });
		// Nothing prints the token or hands it to a command line.
		for (const s of steps) expect(s.run ?? '').not.toMatch(/GITHUB_TOKEN|secrets\.|github\.token/);
	});

	it('the scheduled publish renders gate errors instead of stopping (LAUNCHBOOK_GATE=warn); pull requests still block', () => {
		const steps = wf.jobs.build!.steps;
		const withGate = steps.filter((s) => s.env?.LAUNCHBOOK_GATE !== undefined);
		expect(withGate.map((s) => [s.run, s.env!.LAUNCHBOOK_GATE])).toEqual([['npm run build:site', 'warn']]);
		const pr = readFileSync(join(import.meta.dirname, '..', '..', '.github', 'workflows', 'pull-request.yml'), 'utf8');
		expect(pr).not.toContain('LAUNCHBOOK_GATE');
		expect(readFileSync(join(import.meta.dirname, '..', '..', '.ci', 'run'), 'utf8')).not.toContain('LAUNCHBOOK_GATE');
	});

	it('writes the job summary through the escaping status:summary script, not inline code', () => {
		const summary = wf.jobs.build!.steps.find((s) => s.run?.includes('GITHUB_STEP_SUMMARY'))!;
		expect(summary.run).toBe('npm run --silent status:summary >> "$GITHUB_STEP_SUMMARY"');
	});

	it('is hosted on GitHub Pages, not on the platform’s GCP', () => {
		expect(text).not.toMatch(/gcloud|google-github-actions|firebase|\bgsutil\b/);
	});
});
