import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGithubClient } from '../../src/adapters/status/github-client.ts';
import { probeGithubIncidents } from '../../src/adapters/status/github-incidents-probe.ts';
import { probeGithubWorkflow } from '../../src/adapters/status/github-workflow-probe.ts';
import { GithubIncidentsCheckSchema, GithubWorkflowCheckSchema } from '../../src/core/schemas/status-check.ts';
import { type GithubServer, type Run, startGithubServer } from './support/github-server.ts';
import { startServer } from './support/loopback.ts';
import { testContext } from './support/probe-context.ts';

const HOUR = 3_600_000;
const ago = (h: number) => new Date(Date.now() - h * HOUR).toISOString();
const runs = (conclusions: (string | null)[]): Run[] =>
	conclusions.map((c, i) => ({ id: 1000 + i, conclusion: c, run_started_at: ago(i + 1) }));

let gh: GithubServer;

beforeAll(async () => {
	gh = await startGithubServer(
		{
			'example-org/healthy': {
				runs: runs([
					'success',
					'success',
					'success',
					'success',
					'success',
					'success',
					'success',
					'success',
					'success',
					'success',
				]),
			},
			'example-org/flaky': {
				runs: runs([
					'failure',
					'success',
					'success',
					'success',
					'success',
					'success',
					'success',
					'success',
					'success',
					'success',
				]),
			},
			'example-org/broken': {
				runs: runs([
					'failure',
					'failure',
					'success',
					'failure',
					'cancelled',
					'skipped',
					'timed_out',
					'success',
					'failure',
					'success',
					'success',
				]),
			},
			'example-org/long': { runs: runs(Array.from({ length: 45 }, (_, i) => (i % 5 === 0 ? 'failure' : 'success'))) },
			'example-org/no-runs': { runs: runs([null, 'cancelled']) },
			'example-org/incidents': {
				issues: [
					{ number: 7, title: 'Billing events delayed', created_at: ago(5), labels: ['incident'] },
					{ number: 9, title: 'Fix the retry loop', created_at: ago(1), labels: ['incident'], pull_request: true },
					{ number: 8, title: 'Deploys failing in europe-west1', created_at: ago(2), labels: ['incident', 'sev1'] },
					{ number: 6, title: 'Unrelated bug', created_at: ago(3), labels: ['bug'] },
				],
			},
			'example-org/quiet': {
				issues: [{ number: 1, title: 'A PR only', created_at: ago(1), labels: ['incident'], pull_request: true }],
			},
			'example-org/many-incidents': {
				issues: Array.from({ length: 7 }, (_, i) => ({
					number: 100 + i,
					title: `Incident ${i}`,
					created_at: ago(10 - i),
					labels: ['incident'],
					pull_request: i === 3,
				})),
			},
			'example-org/rate-limited': { fault: 'rate-limit-403' },
			'example-org/rate-limited-429': { fault: 'rate-limit-429' },
			'example-org/secondary': { fault: 'secondary-429', retryAfterSeconds: 60 },
			'example-org/malformed': { fault: 'malformed-json' },
			'example-org/bad-token': { fault: 'bad-credentials' },
		},
		3, // three items a page: every list above longer than that is read through Link headers
	);
});
afterAll(async () => gh.close());

function ctx(extra: { token?: string } = {}) {
	return testContext({ timeoutMs: 3000, config: { githubApiUrl: gh.url }, ...extra });
}

async function workflow(repo: string, extra: Record<string, unknown> = {}, c = ctx()) {
	try {
		return await probeGithubWorkflow(
			GithubWorkflowCheckSchema.parse({
				id: 'deploy',
				name: 'Deploy',
				kind: 'github-workflow',
				repo,
				workflow: 'deploy.yml',
				branch: 'main',
				window: 10,
				...extra,
			}),
			c,
		);
	} finally {
		c.dispose();
	}
}

async function incidents(repo: string, extra: Record<string, unknown> = {}, c = ctx()) {
	try {
		return await probeGithubIncidents(
			GithubIncidentsCheckSchema.parse({
				id: 'incidents',
				name: 'Incidents',
				kind: 'github-incidents',
				repo,
				...extra,
			}),
			c,
		);
	} finally {
		c.dispose();
	}
}

describe('GitHub workflow runs over the REST wire format', () => {
	it('ok: every counted run succeeded; runs read across pages', async () => {
		const before = gh.requests.length;
		const r = await workflow('example-org/healthy');
		expect(r).toMatchObject({
			outcome: 'measured',
			state: 'ok',
			value: 1,
			unit: 'ratio',
			display: '100% · last success',
			reason:
				'10 of the last 10 completed runs succeeded (100%; below 90.0% is degraded, below 70.0% is down). The last run ended success.',
			source: 'https://github.com/example-org/healthy/actions/workflows/deploy.yml?query=branch%3Amain',
		});
		const sent = gh.requests.slice(before);
		expect(sent).toHaveLength(4); // 10 runs at 3 a page
		expect(sent[0]!.url).toBe(
			'/repos/example-org/healthy/actions/workflows/deploy.yml/runs?status=completed&per_page=10&branch=main',
		);
		expect(sent[1]!.url).toContain('page=2');
	});

	it('degraded: rate fine, but the last run failed', async () => {
		const r = await workflow('example-org/flaky');
		expect(r).toMatchObject({ state: 'degraded', value: 0.9, display: '90.0% · last failure' });
		expect(r.reason).toBe(
			'9 of the last 10 completed runs succeeded (90.0%; below 90.0% is degraded, below 70.0% is down). The last run ended failure.',
		);
	});

	it('down: success rate under the down threshold; cancelled and skipped runs do not count', async () => {
		const r = await workflow('example-org/broken');
		expect(r).toMatchObject({ state: 'down', display: '44.4% · last failure' });
		expect(r.outcome === 'measured' && r.details).toMatchObject({
			succeeded: 4,
			counted: 9,
			lastConclusion: 'failure',
			lastRunUrl: 'https://github.com/example-org/broken/actions/runs/1000',
		});
	});

	it('stops reading pages once the window is full', async () => {
		const before = gh.requests.length;
		const r = await workflow('example-org/long', { window: 20 });
		expect(r).toMatchObject({ state: 'degraded', value: 0.8 });
		expect(gh.requests.length - before).toBe(7); // ceil(20 / 3)
	});

	it('unknown (measured): no completed run with a counted conclusion', async () => {
		const r = await workflow('example-org/no-runs');
		expect(r).toMatchObject({
			outcome: 'measured',
			state: 'unknown',
			reason: 'No completed runs of deploy.yml on main with a success or failure conclusion yet.',
		});
	});

	it('403 rate limit with x-ratelimit-* headers: unavailable, says when it resets and how to raise it', async () => {
		const r = await workflow('example-org/rate-limited');
		expect(r.outcome).toBe('unavailable');
		expect(r.reason).toMatch(
			/^GitHub rate limit exhausted for the runs of workflow deploy\.yml in example-org\/rate-limited \(HTTP 403, x-ratelimit-remaining 0, resource core, limit 60\); it resets at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z\. No GITHUB_TOKEN is set: set one to raise the limit to 5,000 requests an hour \(1,000 per repository for the Actions token\)\.$/,
		);
	});

	it('429 primary rate limit: unavailable with the reset time', async () => {
		const r = await workflow('example-org/rate-limited-429', {}, ctx({ token: 'ghp_test_not_a_secret' }));
		expect(r.outcome).toBe('unavailable');
		expect(r.reason).toMatch(
			/^GitHub rate limit exhausted for .* \(HTTP 429, x-ratelimit-remaining 0, resource core, limit 60\); it resets at .*Z\.$/,
		);
	});

	it('429 secondary rate limit with retry-after: unavailable, says how long to wait', async () => {
		const r = await workflow('example-org/secondary');
		expect(r).toMatchObject({
			outcome: 'unavailable',
			reason:
				'GitHub secondary rate limit for the runs of workflow deploy.yml in example-org/secondary (HTTP 429); retry after 60 s.',
		});
	});

	it('malformed JSON: unavailable, names what was expected', async () => {
		const r = await workflow('example-org/malformed');
		expect(r).toMatchObject({
			outcome: 'unavailable',
			reason:
				'GitHub answered the runs of workflow deploy.yml in example-org/malformed with a body that is not the documented JSON (expected an object with total_count and workflow_runs).',
		});
	});

	it('404: unavailable, hints at the missing token', async () => {
		const r = await workflow('example-org/nowhere');
		expect(r).toMatchObject({
			outcome: 'unavailable',
			reason:
				'GitHub found no the runs of workflow deploy.yml in example-org/nowhere (HTTP 404); private repositories also answer 404 when no GITHUB_TOKEN is set.',
		});
	});

	it('401: unavailable, says to fix the token', async () => {
		const r = await workflow('example-org/bad-token', {}, ctx({ token: 'ghp_revoked' }));
		expect(r).toMatchObject({
			outcome: 'unavailable',
			reason:
				'GitHub refused the credentials for the runs of workflow deploy.yml in example-org/bad-token (HTTP 401: Bad credentials). Set GITHUB_TOKEN to a token that can read it.',
		});
	});

	it('never follows a Link "next" to another origin, so the token goes nowhere else', async () => {
		const foreign: string[] = [];
		const elsewhere = await startServer((req, res) => {
			foreign.push(req.headers.authorization ?? '(none)');
			res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
		});
		try {
			gh.repos['example-org/hostile-link'] = {
				issues: [{ number: 1, title: 'Webhooks failing', created_at: ago(1), labels: ['incident'] }],
				link: `<${elsewhere.url}/repos/example-org/hostile-link/issues?page=2>; rel="next"`,
			};
			const r = await incidents('example-org/hostile-link', {}, ctx({ token: 'ghp_must_stay_home' }));
			// The first page counts; the list is marked incomplete ("1+") rather than read from elsewhere.
			expect(r).toMatchObject({
				outcome: 'measured',
				state: 'degraded',
				value: 1,
				display: '1+ open · Webhooks failing',
			});
			expect(foreign).toEqual([]);
		} finally {
			await elsewhere.close();
		}
	});

	it('sends the token as a bearer credential to the API origin only', async () => {
		const before = gh.requests.length;
		await workflow('example-org/healthy', {}, ctx({ token: 'ghp_sent_only_here' }));
		for (const r of gh.requests.slice(before)) expect(r.authorization).toBe('token ghp_sent_only_here');
	});
});

describe('GitHub incident issues over the REST wire format', () => {
	it('counts open incident issues, filters out pull requests, names the newest, reads all pages', async () => {
		const before = gh.requests.length;
		const r = await incidents('example-org/incidents');
		expect(r).toMatchObject({
			outcome: 'measured',
			state: 'degraded',
			value: 2,
			display: '2 open · Deploys failing in europe-west1',
		});
		expect(r.reason).toMatch(
			/^2 open incident issue\(s\) in example-org\/incidents; the newest is #8 "Deploys failing in europe-west1" \(opened .*Z\)\.$/,
		);
		expect(gh.requests[before]!.url).toBe(
			'/repos/example-org/incidents/issues?labels=incident&state=open&sort=created&direction=desc&per_page=100',
		);
	});

	it('down when an open incident carries a down label', async () => {
		const r = await incidents('example-org/incidents', { downLabels: ['sev1'] });
		expect(r).toMatchObject({ state: 'down' });
		expect(r.reason).toContain(' 1 of them carry "sev1".');
	});

	it('ok when the only labelled item is a pull request', async () => {
		const r = await incidents('example-org/quiet');
		expect(r).toMatchObject({
			state: 'ok',
			value: 0,
			display: 'none open',
			reason: 'No open issues labelled "incident" in example-org/quiet.',
		});
	});

	it('Link-header pagination: 7 items at 3 a page, one pull request among them', async () => {
		const before = gh.requests.length;
		const r = await incidents('example-org/many-incidents');
		expect(r).toMatchObject({ value: 6, state: 'degraded' });
		expect(gh.requests.length - before).toBe(3);
		expect(r.outcome === 'measured' && r.details.newestTitle).toBe('Incident 6');
	});

	it('rate limit on the issues endpoint is unavailable too', async () => {
		const r = await incidents('example-org/rate-limited');
		expect(r.outcome).toBe('unavailable');
		expect(r.reason).toMatch(
			/^GitHub rate limit exhausted for the open issues labelled "incident" in example-org\/rate-limited \(HTTP 403/,
		);
	});
});

describe('production client: throttling and retry plugins on', () => {
	it('waits out a short secondary rate limit (retry-after 1 s) and then reads the runs', async () => {
		gh.repos['example-org/retry-once'] = {
			fault: 'secondary-429',
			faultTimes: 1,
			retryAfterSeconds: 1,
			runs: runs(['success']),
		};
		const c = ctx();
		const client = createGithubClient({
			baseUrl: gh.url,
			token: undefined,
			plugins: true,
			maxRetryAfterSeconds: 2,
			warn: () => {},
		});
		const started = performance.now();
		const before = gh.requests.length;
		const r = await workflow('example-org/retry-once', {}, { ...c, github: () => client });
		expect(r).toMatchObject({ outcome: 'measured', state: 'ok' });
		expect(gh.requests.length - before).toBe(2);
		expect(performance.now() - started).toBeGreaterThanOrEqual(900);
	});

	it('does not wait for a long retry-after: reports the limit at once', async () => {
		const warnings: string[] = [];
		const client = createGithubClient({
			baseUrl: gh.url,
			token: undefined,
			plugins: true,
			maxRetryAfterSeconds: 2,
			warn: (m) => warnings.push(m),
		});
		const started = performance.now();
		const r = await workflow('example-org/secondary', {}, { ...ctx(), github: () => client });
		// Not 60 s, nor the 2 s it would accept: reported at once (margin for a loaded CI machine).
		expect(performance.now() - started).toBeLessThan(1900);
		expect(r).toMatchObject({
			outcome: 'unavailable',
			reason:
				'GitHub secondary rate limit for the runs of workflow deploy.yml in example-org/secondary (HTTP 429); retry after 60 s.',
		});
		expect(warnings.some((w) => w.includes('not waiting 60 s'))).toBe(true);
	});
});
