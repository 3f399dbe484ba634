/**
 * The scheduled publish, end to end on a fixture site root (tests/site/fixtures/basic, which has an
 * overdue runbook review) with real processes: `npm run status` killed with SIGKILL mid-write, then the
 * site built the way .github/workflows/status.yml builds it, then `node scripts/build.ts` with tokens in
 * its environment. Proves: a killed run leaves the previous status intact and its leftovers never reach
 * dist/; the publish renders gate errors instead of stopping while a build without LAUNCHBOOK_GATE
 * (pull requests) still fails; the token reaches the status process and never the build that renders
 * content: a page that prints the whole environment publishes no token.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	watch,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildEnv, prepareFixtureRoot } from '../site/fixture-site.ts';
import { type GithubServer, startGithubServer } from './support/github-server.ts';
import { type Loopback, startServer } from './support/loopback.ts';
import { REPO, runStatus, SENTINEL } from './support/status-cli.ts';

const OTHER_SECRET = 'npm_SENTINEL_other_secret_9876543210';
const TODAY = '2026-06-01';

/** The build step's environment in the scheduled workflow, as GitHub reads it. */
const workflowBuildEnv = (() => {
	const wf = parse(readFileSync(join(REPO, '.github/workflows/status.yml'), 'utf8')) as {
		jobs: { build: { steps: { run?: string; env?: Record<string, string> }[] } };
	};
	return wf.jobs.build.steps.find((s) => s.run === 'npm run build:site')!.env!;
})();

let root: string;
let big: string;
let gh: GithubServer;
let web: Loopback;

function files(dir: string): string[] {
	return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile());
}
function snapshot(dir: string): Record<string, string> {
	return Object.fromEntries(files(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** Run a command in the fixture root, asynchronously (the loopback servers live in this process). */
function run(
	args: string[],
	env: Record<string, string | undefined>,
): Promise<{ status: number | null; stderr: string; stdout: string }> {
	return new Promise((resolve, reject) => {
		const full: Record<string, string> = {};
		for (const [k, v] of Object.entries({ ...buildEnv(), ...env })) if (v !== undefined) full[k] = v;
		const child = spawn(process.execPath, args, { cwd: root, env: full, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('error', reject);
		child.on('close', (status) => resolve({ status, stdout, stderr }));
	});
}

const siteEnv = (extra: Record<string, string | undefined> = {}) => ({
	LAUNCHBOOK_TODAY: TODAY,
	LAUNCHBOOK_OUT_DIR: join(root, 'dist'),
	LAUNCHBOOK_CACHE_DIR: join(root, 'cache'),
	ASTRO_TELEMETRY_DISABLED: '1',
	NODE_ENV: 'production',
	// The test runner's own settings must not decide the gate's mode.
	LAUNCHBOOK_GATE: undefined,
	...extra,
});

/** Kill a status run with SIGKILL the moment its staging folder appears next to public/status. */
async function killMidWrite(): Promise<void> {
	const pub = join(root, 'public');
	let child: ChildProcess | undefined;
	const watcher = watch(pub, (_event, name) => {
		if (name?.startsWith('.status.staging-')) child?.kill('SIGKILL');
	});
	try {
		const r = await runStatus(
			big,
			{ GITHUB_TOKEN: undefined },
			{
				args: ['--out', join(pub, 'status')],
				onSpawn: (c) => (child = c),
			},
		);
		expect(r.signal).toBe('SIGKILL');
	} finally {
		watcher.close();
	}
}

beforeAll(async () => {
	gh = await startGithubServer({
		'example-org/platform': {
			runs: [{ id: 1, conclusion: 'success', run_started_at: '2026-05-31T12:00:00Z' }],
		},
	});
	web = await startServer((_req, res) => res.writeHead(200).end('status: ok'));
	root = prepareFixtureRoot('basic');
	// The fixture's checks, pointed at loopback servers: one needs the token.
	const surface = join(root, 'content/surfaces/core-api.yaml');
	writeFileSync(
		surface,
		readFileSync(surface, 'utf8').replace(
			/^checks:\n(?: {2}- .*\n)+/m,
			[
				'checks:',
				`  - { id: api-health, name: API health, kind: http, url: "${web.url}/healthz" }`,
				'  - { id: deploys, name: Deploys, kind: github-workflow, repo: example-org/platform, workflow: deploy.yml }',
				'',
			].join('\n'),
		),
	);
	writeFileSync(
		join(root, 'launchbook.config.yaml'),
		`${readFileSync(join(root, 'launchbook.config.yaml'), 'utf8')}status:\n  githubApiUrl: ${gh.url}\n  defaultTimeoutMs: 2000\n`,
	);
	// The most a renderer could do with the environment: a page that prints all of it.
	writeFileSync(
		join(root, 'src/pages/env-probe.astro'),
		'---\nconst env = JSON.stringify(process.env, null, 1);\n---\n<html><body><pre id="env">{env}</pre></body></html>\n',
	);
	// A second content root with many checks, so a run spends a while writing its files.
	big = mkdtempSync(join(tmpdir(), 'launchbook-publish-big-'));
	mkdirSync(join(big, 'content/surfaces'), { recursive: true });
	writeFileSync(
		join(big, 'launchbook.config.yaml'),
		'site: { url: https://fixture.example.com, organisation: Example Fixture }\nstatus: { defaultTimeoutMs: 2000, concurrency: 200 }\n',
	);
	for (const id of ['core-api', 'webhooks'])
		writeFileSync(
			join(big, `content/surfaces/${id}.yaml`),
			[
				`id: ${id}`,
				`name: ${id}`,
				'description: Many checks.',
				'tier: 1',
				'owner: { primary: api-team }',
				'onCall: https://pager.example.com/schedules/api',
				'checks:',
				...Array.from(
					{ length: 400 },
					(_, i) => `  - { id: c-${i}, name: C ${i}, kind: http, url: "${web.url}/c/${i}" }`,
				),
				'',
			].join('\n'),
		);
	mkdirSync(join(root, 'public'), { recursive: true });
}, 120_000);

afterAll(async () => {
	await gh?.close();
	await web?.close();
	if (root) rmSync(root, { recursive: true, force: true });
	if (big) rmSync(big, { recursive: true, force: true });
});

describe('the scheduled publish on a fixture site', () => {
	let generationA: Record<string, string>;

	it('a status run killed mid-write leaves the previous files exactly as they were', async () => {
		const first = await runStatus(big, { GITHUB_TOKEN: undefined }, { args: ['--out', join(root, 'public/status')] });
		expect(first.status, first.stderr).toBe(0);
		generationA = snapshot(join(root, 'public/status'));
		expect(Object.keys(generationA)).toHaveLength(1 + 2 * 2 + 800 * 2);
		await killMidWrite();
		expect(snapshot(join(root, 'public/status'))).toEqual(generationA);
		expect(readdirSync(join(root, 'public')).filter((n) => n.startsWith('.status.staging-'))).toHaveLength(1);
	});

	it("the publish build renders the gate's errors instead of stopping, and publishes none of the killed run's leftovers", async () => {
		expect(workflowBuildEnv).toMatchObject({ LAUNCHBOOK_GATE: 'warn' });
		const r = await run([join(root, 'scripts/build.ts'), '--skip-status'], siteEnv(workflowBuildEnv));
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout + r.stderr).toMatch(
			/\[WARN\] \[launchbook\] status: removed \.status\.staging-\d+-[0-9a-f]+, left by a run that was stopped\./,
		);
		expect(r.stdout + r.stderr).toMatch(/\[WARN\] \[launchbook\] .*error {2}review-overdue {2}/);
		const dist = join(root, 'dist');
		expect(files(dist).filter((f) => /staging|previous|\.tmp$/.test(f))).toEqual([]);
		expect(readFileSync(join(dist, 'status/status.json'), 'utf8')).toBe(generationA['status.json']);
		expect(readdirSync(join(root, 'public'))).toEqual(['status']);
		const home = readFileSync(join(dist, 'index.html'), 'utf8');
		expect(home).toMatch(/<li class="lb-finding[^"]*" data-rule="review-overdue" data-level="error"/);
	}, 300_000);

	it('a pull-request build (no LAUNCHBOOK_GATE) still stops on the same error', async () => {
		const r = await run([join(root, 'scripts/build.ts'), '--skip-status'], siteEnv());
		expect(r.status).toBe(1);
		expect(r.stdout + r.stderr).toMatch(/\[ERROR\] \[launchbook\] .*error {2}review-overdue {2}/);
		expect(r.stdout + r.stderr).toContain('Launchbook: the coverage gate reports');
	}, 300_000);

	it('the next status run removes what a killed run left and writes a new generation', async () => {
		await killMidWrite();
		const r = await runStatus(big, { GITHUB_TOKEN: undefined }, { args: ['--out', join(root, 'public/status')] });
		expect(r.status).toBe(0);
		expect(r.stderr).toMatch(/^status: removed \.status\.staging-\d+-[0-9a-f]+, left by a run that was stopped\.$/m);
		expect(readdirSync(join(root, 'public'))).toEqual(['status']);
		expect(readFileSync(join(root, 'public/status/status.json'), 'utf8')).not.toBe(generationA['status.json']);
	});

	it('npm run build: the token reaches the status process, never the site build; a page printing the environment shows none', async () => {
		rmSync(join(root, 'public/status'), { recursive: true, force: true });
		const before = gh.requests.length;
		const r = await run(
			[join(root, 'scripts/build.ts')],
			siteEnv({
				...workflowBuildEnv,
				GITHUB_TOKEN: SENTINEL,
				STATUS_GITHUB_TOKEN: SENTINEL,
				NPM_TOKEN: OTHER_SECRET,
				MY_COPY: SENTINEL,
			}),
		);
		expect(r.status, r.stderr).toBe(0);
		// The status process used the token…
		expect(gh.requests.slice(before).map((q) => q.authorization)).toContain(`token ${SENTINEL}`);
		expect(r.stderr).toContain(
			'build: the site build runs without GITHUB_TOKEN, MY_COPY, NPM_TOKEN, STATUS_GITHUB_TOKEN (secrets stay with the status step).',
		);
		// …the build rendered the environment it had…
		const dist = join(root, 'dist');
		const probe = readFileSync(join(dist, 'env-probe/index.html'), 'utf8');
		expect(probe).toContain(`&quot;LAUNCHBOOK_TODAY&quot;: &quot;${TODAY}&quot;`);
		expect(probe).not.toContain('GITHUB_TOKEN');
		// …and no file of the site holds a secret.
		for (const f of files(dist)) {
			const text = readFileSync(join(dist, f), 'latin1');
			expect(text.includes(SENTINEL), f).toBe(false);
			expect(text.includes(OTHER_SECRET), f).toBe(false);
		}
		expect(existsSync(join(dist, 'status/status.json'))).toBe(true);
		expect(r.stdout + r.stderr).not.toContain(SENTINEL);
	}, 300_000);
});

// The same separation without a fixture: the build child's environment, observed from outside.
describe('scripts/build.ts hands astro build a scrubbed environment', () => {
	it('fails clearly on an unknown flag', () => {
		const r = spawnSync(process.execPath, [join(REPO, 'scripts/build.ts'), '--skip-statuz'], { encoding: 'utf8' });
		expect(r.status).toBe(2);
		expect(r.stderr).toBe('build: unknown option "--skip-statuz"\nusage: node scripts/build.ts [--skip-status]\n');
	});
});
