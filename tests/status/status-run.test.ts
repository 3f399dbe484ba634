/**
 * `node scripts/status.ts` end to end, as a process, against loopback servers: it exits 0
 * whatever the sources do, writes valid JSON and badges, keeps earlier observations (stale)
 * when a source fails, never prints or writes the token, and the built site escapes what
 * the sources sent.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStatusReport, type StatusReport } from '../../src/core/status/report.ts';
import { type GithubServer, startGithubServer } from './support/github-server.ts';
import { type Loopback, startServer } from './support/loopback.ts';
import { REPO, runSeconds, runStatus, SENTINEL } from './support/status-cli.ts';

const EVIL_TITLE = '<script>alert("pwned")</script> Billing down';

let work: string;
const builds: string[] = [];
let gh: GithubServer;
let web: Loopback;
const hung: import('node:http').ServerResponse[] = [];

function surfaceYaml(): string {
	return [
		'id: demo-surface',
		'name: Demo surface',
		'description: A surface for the status pipeline tests.',
		'tier: 1',
		'owner: { primary: demo-team }',
		'onCall: https://example-org.pagerduty.example.com/schedules/demo',
		'regions: [europe-west1]',
		'checks:',
		`  - { id: health, name: Health endpoint, kind: http, url: "${web.url}/healthz", bodyMatch: ok }`,
		`  - { id: hang, name: Hanging endpoint, kind: http, url: "${web.url}/hang", timeoutMs: 700 }`,
		'  - { id: deploys, name: Deploy success rate, kind: github-workflow, repo: example-org/platform, workflow: deploy.yml, window: 5 }',
		'  - { id: incidents, name: Open incidents, kind: github-incidents, repo: example-org/platform }',
		'  - { id: p95, name: Latency p95, kind: prometheus, query: "up", thresholds: { direction: above, degraded: 1, down: 2 } }',
		'',
	].join('\n');
}

function configYaml(extra = ''): string {
	return [
		'site: { url: https://launchbook.example.com, organisation: Example Integrations }',
		'status:',
		'  staleAfterMinutes: 30',
		'  defaultTimeoutMs: 2000',
		`  githubApiUrl: ${gh.url}`,
		'  outputDir: out/status',
		extra,
		'',
	].join('\n');
}

function readReport(root: string, dir = 'out/status'): StatusReport {
	const parsed = parseStatusReport(readFileSync(join(root, dir, 'status.json'), 'utf8'));
	if ('error' in parsed) throw new Error(parsed.error);
	return parsed.report;
}

const byId = (r: StatusReport, id: string) => r.surfaces[0]!.checks.find((c) => c.id === id)!;

function allFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true })
		.map((f) => join(dir, String(f)))
		.filter((f) => statSync(f).isFile());
}

beforeAll(async () => {
	gh = await startGithubServer({
		'example-org/platform': {
			runs: [
				{ id: 1, conclusion: 'success', run_started_at: new Date(Date.now() - 3_600_000).toISOString() },
				{ id: 2, conclusion: 'success', run_started_at: new Date(Date.now() - 7_200_000).toISOString() },
			],
			issues: [
				{
					number: 12,
					title: EVIL_TITLE,
					created_at: new Date(Date.now() - 600_000).toISOString(),
					labels: ['incident'],
				},
			],
		},
	});
	web = await startServer((req, res) => {
		if (req.url === '/healthz') res.writeHead(200).end('ok');
		else hung.push(res);
	});
	work = mkdtempSync(join(tmpdir(), 'launchbook-status-run-'));
	mkdirSync(join(work, 'content/surfaces'), { recursive: true });
	writeFileSync(join(work, 'content/surfaces/demo-surface.yaml'), surfaceYaml());
	writeFileSync(join(work, 'launchbook.config.yaml'), configYaml());
});

afterAll(async () => {
	for (const r of hung) r.destroy();
	await gh.close();
	await web.close();
	rmSync(work, { recursive: true, force: true });
	for (const b of builds) rmSync(b, { recursive: true, force: true });
});

describe('npm run status, end to end', () => {
	let first: StatusReport;

	it('run 1: exits 0, bounded by the slowest timeout, writes valid JSON, badges and shields JSON', async () => {
		const r = await runStatus(work);
		expect(r.status, r.stderr).toBe(0);
		// The run's own figure (content loaded, every check probed, files written) stays within the longest
		// timeout (2000 ms) plus 2 s; the process's wall time adds Node's start-up, so it only gets a loose bound.
		expect(runSeconds(r.stderr)).toBeLessThan(4);
		expect(r.seconds).toBeLessThan(20);
		first = readReport(work);
		expect(first.surfaces.map((s) => s.id)).toEqual(['demo-surface']);
		expect(byId(first, 'health')).toMatchObject({ state: 'ok', stale: false });
		expect(byId(first, 'hang')).toMatchObject({
			state: 'down',
			reason: `No complete answer from ${web.url}/hang within 700 ms.`,
		});
		expect(byId(first, 'deploys')).toMatchObject({ state: 'ok', value: 1 });
		expect(byId(first, 'incidents')).toMatchObject({
			state: 'degraded',
			value: 1,
			details: { newestTitle: EVIL_TITLE },
		});
		expect(byId(first, 'p95')).toMatchObject({
			state: 'unknown',
			observedAt: null,
			reason:
				'No Prometheus server is configured: set status.prometheusUrl in launchbook.config.yaml, or server on the check.',
		});
		expect(first.surfaces[0]).toMatchObject({ state: 'down', reason: 'Down: Hanging endpoint.' });
		for (const f of [
			'badges/demo-surface.svg',
			'badges/demo-surface/incidents.svg',
			'shields/demo-surface.json',
			'shields/demo-surface/health.json',
		]) {
			expect(existsSync(join(work, 'out/status', f)), f).toBe(true);
		}
		const svg = readFileSync(join(work, 'out/status/badges/demo-surface/incidents.svg'), 'utf8');
		expect(svg).not.toContain('<script');
		expect(svg).toContain('&lt;script&gt;');
		expect(JSON.parse(readFileSync(join(work, 'out/status/shields/demo-surface.json'), 'utf8'))).toMatchObject({
			schemaVersion: 1,
			label: 'demo-surface',
			message: 'down',
		});
		expect(readdirSync(join(work, 'out/status')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
		// The token was used…
		expect(gh.requests.some((q) => q.authorization === `token ${SENTINEL}`)).toBe(true);
		// …and never shown.
		expect(r.stdout + r.stderr).not.toContain(SENTINEL);
	});

	it('run 2: sources fail; earlier observations are kept, marked stale, nothing deleted, exit 0', async () => {
		gh.repos['example-org/platform'] = { fault: 'rate-limit-403' };
		const r = await runStatus(work);
		expect(r.status, r.stderr).toBe(0);
		const second = readReport(work);
		const deploys = byId(second, 'deploys');
		expect(deploys).toMatchObject({
			state: 'ok',
			value: 1,
			stale: true,
			observedAt: byId(first, 'deploys').observedAt,
		});
		expect(deploys.staleReason).toMatch(
			/^GitHub rate limit exhausted for the runs of workflow deploy\.yml in example-org\/platform \(HTTP 403, x-ratelimit-remaining 0, resource core, limit 60\); it resets at .*Z\.$/,
		);
		expect(deploys.reason).toMatch(/Showing the last value, observed (just now|1 min ago)\.$/);
		expect(byId(second, 'incidents')).toMatchObject({
			state: 'degraded',
			stale: true,
			details: { newestTitle: EVIL_TITLE },
		});
		expect(second.surfaces[0]!.checks).toHaveLength(5);
		expect(r.stderr).toContain('stale  demo-surface/deploys');
		expect(r.stdout + r.stderr).not.toContain(SENTINEL);
	});

	it('a hostile server echoing the Authorization header cannot make the token appear anywhere', async () => {
		gh.repos['example-org/platform'] = { fault: 'bad-credentials', echoAuthorization: true };
		const r = await runStatus(work);
		expect(r.status).toBe(0);
		const text = readFileSync(join(work, 'out/status/status.json'), 'utf8');
		expect(text).toContain('Bad credentials: token [redacted]');
		for (const f of allFiles(join(work, 'out/status'))) expect(readFileSync(f, 'utf8'), f).not.toContain(SENTINEL);
		expect(r.stdout + r.stderr).not.toContain(SENTINEL);
	});

	it('a damaged previous status.json is ignored with a warning, and replaced', async () => {
		writeFileSync(join(work, 'out/status/status.json'), '{"schemaVersion": 1, "surfaces": "nope"');
		const r = await runStatus(work);
		expect(r.status).toBe(0);
		expect(r.stderr).toMatch(
			/status: ignored the previous .*status\.json: not JSON \(.*\); starting without earlier observations\./,
		);
		expect(readReport(work).surfaces[0]!.checks).toHaveLength(5);
	});

	it('the built site escapes the issue title and carries no token', async () => {
		gh.repos['example-org/platform'] = {
			issues: [{ number: 12, title: EVIL_TITLE, created_at: new Date().toISOString(), labels: ['incident'] }],
			runs: [],
		};
		expect((await runStatus(work)).status).toBe(0);
		// A foreign or tampered status.json: a source that is not an http(s) link must not become an href.
		const file = join(work, 'out/status/status.json');
		const tampered = JSON.parse(readFileSync(file, 'utf8')) as StatusReport;
		tampered.surfaces[0]!.checks.find((c) => c.id === 'health')!.source = 'javascript:alert(document.domain)';
		writeFileSync(file, JSON.stringify(tampered));
		// Inside the repository (under node_modules/.cache, ignored): with an outDir outside the working directory, Astro puts its
		// prerender chunks in the shared ./.astro/.prerender, where concurrent builds overwrite each other.
		mkdirSync(join(REPO, 'node_modules/.cache'), { recursive: true });
		const out = mkdtempSync(join(REPO, 'node_modules/.cache/launchbook-status-site-'));
		builds.push(out);
		await promisify(execFile)(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build'], {
			cwd: REPO,
			maxBuffer: 64 * 1024 * 1024,
			timeout: 240_000,
			env: {
				...process.env,
				GITHUB_TOKEN: SENTINEL,
				LAUNCHBOOK_STATUS_DIR: join(work, 'out/status'),
				LAUNCHBOOK_OUT_DIR: join(out, 'dist'),
				LAUNCHBOOK_CACHE_DIR: join(out, 'cache'),
				ASTRO_TELEMETRY_DISABLED: '1',
			},
		});
		const html = readFileSync(join(out, 'dist/status/index.html'), 'utf8');
		expect(html).not.toContain('<script>alert');
		expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; Billing down');
		expect(html).toContain('How a surface');
		expect(html).not.toMatch(/href="javascript:/i);
		expect(html).toContain(`href="https://github.com/example-org/platform/issues?q=`); // the incidents source stays a link
		for (const f of allFiles(join(out, 'dist'))) {
			if (/\.(html|js|json|svg|css|txt|xml)$/.test(f))
				expect(readFileSync(f, 'utf8').includes(SENTINEL), f).toBe(false);
		}
	}, 300_000);
});

describe('no token, no network', () => {
	it('exits 0 quickly and every check says why it is unknown', async () => {
		const root = mkdtempSync(join(tmpdir(), 'launchbook-status-offline-'));
		try {
			mkdirSync(join(root, 'content/surfaces'), { recursive: true });
			writeFileSync(
				join(root, 'launchbook.config.yaml'),
				'site: { url: https://launchbook.example.com, organisation: Example Integrations }\nstatus: { githubApiUrl: "https://api.github.invalid", gcpIncidentsUrl: "https://status.invalid/incidents.json" }\n',
			);
			writeFileSync(
				join(root, 'content/surfaces/offline.yaml'),
				[
					'id: offline',
					'name: Offline',
					'description: Nothing here resolves (.invalid is reserved).',
					'tier: 2',
					'owner: { primary: demo-team }',
					'onCall: https://example-org.pagerduty.example.com/schedules/offline',
					'checks:',
					'  - { id: api, name: API, kind: http, url: "https://api.status-test.invalid/healthz" }',
					'  - { id: cert, name: Cert, kind: tls, host: app.status-test.invalid }',
					'  - { id: deploys, name: Deploys, kind: github-workflow, repo: example-org/platform, workflow: deploy.yml }',
					'  - { id: gcp, name: GCP, kind: gcp-incidents, products: [Cloud Run] }',
					'  - { id: prom, name: Prom, kind: prometheus, query: up, thresholds: { direction: below, degraded: 1, down: 0 } }',
					'',
				].join('\n'),
			);
			const r = await runStatus(root, { GITHUB_TOKEN: undefined });
			expect(r.status, r.stderr).toBe(0);
			expect(runSeconds(r.stderr)).toBeLessThan(5 + 2); // default timeout 5000 ms, plus 2 s
			expect(r.seconds).toBeLessThan(20);
			const report = readReport(root, 'public/status');
			const reasons = Object.fromEntries(report.surfaces[0]!.checks.map((c) => [c.id, [c.state, c.reason]]));
			expect(reasons).toEqual({
				api: [
					'unknown',
					expect.stringMatching(/^Could not resolve api\.status-test\.invalid \((ENOTFOUND|EAI_AGAIN)\)/),
				],
				cert: [
					'unknown',
					expect.stringMatching(/^Could not resolve app\.status-test\.invalid \((ENOTFOUND|EAI_AGAIN)\)/),
				],
				deploys: [
					'unknown',
					expect.stringMatching(/^Could not resolve api\.github\.invalid \((ENOTFOUND|EAI_AGAIN)\)/),
				],
				gcp: ['unknown', expect.stringMatching(/^Could not resolve status\.invalid \((ENOTFOUND|EAI_AGAIN)\)/)],
				prom: [
					'unknown',
					'No Prometheus server is configured: set status.prometheusUrl in launchbook.config.yaml, or server on the check.',
				],
			});
			expect(report.surfaces[0]).toMatchObject({
				state: 'unknown',
				reason: '5 of 5 checks are unknown: API, Cert, Deploys, GCP, Prom.',
			});
			expect(r.stderr).toContain('(no GITHUB_TOKEN set)');
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
