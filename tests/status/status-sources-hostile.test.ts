/**
 * Status sources that misbehave on purpose, each a real loopback server speaking the source's wire
 * format: a body built to make a backtracking regex run for ever, Prometheus samples that are not
 * numbers, GitHub pagination that loops and repeats items, and redirects to another origin.
 */
import type { ServerResponse } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeGithubIncidents } from '../../src/adapters/status/github-incidents-probe.ts';
import { probeGithubWorkflow } from '../../src/adapters/status/github-workflow-probe.ts';
import { probeHttp } from '../../src/adapters/status/http-probe.ts';
import { probePrometheus } from '../../src/adapters/status/prometheus-probe.ts';
import {
	GithubIncidentsCheckSchema,
	GithubWorkflowCheckSchema,
	HttpCheckSchema,
	PrometheusCheckSchema,
} from '../../src/core/schemas/status-check.ts';
import { StatusConfigSchema } from '../../src/core/schemas/status-config.ts';
import { parseStatusReport } from '../../src/core/status/report.ts';
import { type GithubServer, startGithubServer } from './support/github-server.ts';
import { type Loopback, startServer } from './support/loopback.ts';
import { testContext } from './support/probe-context.ts';
import { runSeconds, runStatus, SENTINEL } from './support/status-cli.ts';

/** 200,000 "a" and a "!": JavaScript's RegExp needs about 2^200000 steps for /(a+)+$/ on it. */
const POISON = `${'a'.repeat(200_000)}!`;

let web: Loopback;
let other: Loopback;
/** Requests the "other origin" server saw, with the Authorization header they carried. */
const otherSaw: { url: string; authorization: string | undefined }[] = [];
/** What /api/v1/query answers, keyed by the query. */
const samples: Record<string, unknown> = {
	empty: [1764000000, ''],
	blank: [1764000000, '  '],
	inf: [1764000000, '+Inf'],
	neginf: [1764000000, '-Inf'],
	nan: [1764000000, 'NaN'],
	hex: [1764000000, '0x10'],
	fine: [1764000000, '0.5'],
};
const hung: ServerResponse[] = [];

beforeAll(async () => {
	other = await startServer((req, res) => {
		otherSaw.push({ url: req.url ?? '', authorization: req.headers.authorization });
		if (req.url?.startsWith('/api/v1/query'))
			res
				.writeHead(200, { 'content-type': 'application/json' })
				.end(JSON.stringify({ status: 'success', data: { resultType: 'scalar', result: [1, '0.999'] } }));
		else if (req.url?.startsWith('/repos/'))
			res
				.writeHead(200, { 'content-type': 'application/json' })
				.end(
					JSON.stringify([
						{ number: 1, title: 'From elsewhere', html_url: 'https://x', created_at: '2026-11-01T00:00:00Z' },
					]),
				);
		else res.writeHead(200).end('healthy');
	});
	web = await startServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		if (url.pathname === '/poison') res.writeHead(200, { 'content-type': 'text/plain' }).end(POISON);
		else if (url.pathname === '/multiline') res.writeHead(200).end('service: billing\nstatus:\nok\n');
		else if (url.pathname === '/elsewhere') res.writeHead(302, { location: `${other.url}/healthz` }).end();
		else if (url.pathname === '/api/v1/query') {
			const q = url.searchParams.get('query') ?? '';
			if (q === 'moved') {
				res.writeHead(307, { location: `${other.url}/api/v1/query?query=up` }).end();
				return;
			}
			res
				.writeHead(200, { 'content-type': 'application/json' })
				.end(JSON.stringify({ status: 'success', data: { resultType: 'scalar', result: samples[q] } }));
		} else if (url.pathname.startsWith('/repos/')) {
			res.writeHead(302, { location: `${other.url}${url.pathname}${url.search}` }).end();
		} else hung.push(res);
	});
});

afterAll(async () => {
	for (const r of hung) r.destroy();
	await web.close();
	await other.close();
});

describe('bodyMatch runs in RE2: linear time whatever the pattern', () => {
	it('a catastrophic pattern on a long body answers at once, through the probe', async () => {
		const ctx = testContext({ timeoutMs: 5000 });
		const started = performance.now();
		const r = await probeHttp(
			HttpCheckSchema.parse({ id: 'h', name: 'H', kind: 'http', url: `${web.url}/poison`, bodyMatch: '/(a+)+$/' }),
			ctx,
		);
		ctx.dispose();
		// Printed, not asserted on: the bound that matters is the CLI's (below).
		process.stderr.write(
			`bodyMatch /(a+)+$/ on ${POISON.length} bytes: ${(performance.now() - started).toFixed(0)} ms\n`,
		);
		expect(r).toMatchObject({ state: 'down', reason: 'HTTP 200, but the body does not contain /(a+)+$/.' });
	});

	it('flags i, m and s apply as in JavaScript', async () => {
		const ctx = testContext();
		for (const [bodyMatch, state] of [
			['/STATUS:\\s+OK/i', 'ok'],
			['/^ok$/m', 'ok'],
			['/^ok$/', 'down'],
			['/status:.ok/s', 'ok'],
			['/status:.ok/', 'down'],
		] as const) {
			const r = await probeHttp(
				HttpCheckSchema.parse({ id: 'h', name: 'H', kind: 'http', url: `${web.url}/multiline`, bodyMatch }),
				ctx,
			);
			expect(r.outcome === 'measured' && r.state, bodyMatch).toBe(state);
		}
		ctx.dispose();
	});

	it('a pattern RE2 cannot run (backreference, lookahead) is refused when content loads, with the reason', () => {
		for (const [bodyMatch, why] of [
			['/(a)\\1/', 'invalid escape sequence: `\\1`'],
			['/ok(?=!)/', 'invalid or unsupported Perl syntax: `(?=`'],
		]) {
			const r = HttpCheckSchema.safeParse({ id: 'h', name: 'H', kind: 'http', url: 'https://x.example', bodyMatch });
			expect(r.success).toBe(false);
			expect(r.error!.issues[0]!.message).toBe(
				`expected a substring or a /regex/flags in RE2 syntax (linear time: no backreferences, no lookahead); error parsing regexp: ${why}`,
			);
		}
	});

	it('npm run status finishes within the longest timeout + 2 s with a catastrophic bodyMatch', async () => {
		const root = mkdtempSync(join(tmpdir(), 'launchbook-redos-'));
		try {
			mkdirSync(join(root, 'content/surfaces'), { recursive: true });
			writeFileSync(
				join(root, 'launchbook.config.yaml'),
				'site: { url: https://launchbook.example.com, organisation: Example Integrations }\nstatus: { defaultTimeoutMs: 1500, outputDir: out }\n',
			);
			writeFileSync(
				join(root, 'content/surfaces/redos.yaml'),
				[
					'id: redos',
					'name: ReDoS',
					'description: A health check whose pattern backtracks catastrophically in JavaScript.',
					'tier: 2',
					'owner: { primary: demo-team }',
					'onCall: https://example-org.pagerduty.example.com/schedules/redos',
					'checks:',
					`  - { id: nested, name: Nested quantifier, kind: http, url: "${web.url}/poison", bodyMatch: "/(a+)+$/" }`,
					`  - { id: alternation, name: Overlapping alternation, kind: http, url: "${web.url}/poison", bodyMatch: "/^(a|aa)+$/" }`,
					'',
				].join('\n'),
			);
			const r = await runStatus(root, { GITHUB_TOKEN: undefined });
			expect(r.status, r.stderr).toBe(0);
			expect(runSeconds(r.stderr)).toBeLessThan(1.5 + 2);
			const parsed = parseStatusReport(readFileSync(join(root, 'out/status.json'), 'utf8'));
			if ('error' in parsed) throw new Error(parsed.error);
			expect(parsed.report.surfaces[0]!.checks.map((c) => [c.id, c.state, c.reason])).toEqual([
				['nested', 'down', 'HTTP 200, but the body does not contain /(a+)+$/.'],
				['alternation', 'down', 'HTTP 200, but the body does not contain /^(a|aa)+$/.'],
			]);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});

describe('Prometheus samples that are not finite numbers are unknown', () => {
	const probe = async (query: string) => {
		const ctx = testContext({ config: { prometheusUrl: web.url } });
		try {
			return await probePrometheus(
				PrometheusCheckSchema.parse({
					id: 'p',
					name: 'P',
					kind: 'prometheus',
					query,
					thresholds: { direction: 'below', degraded: 0.99, down: 0.95 },
				}),
				ctx,
			);
		} finally {
			ctx.dispose();
		}
	};
	const why = (shown: string) =>
		`The query returned ${shown}, not a finite number (a division by zero when nothing happened?).`;

	it.each([
		['empty', 'an empty value'],
		['blank', 'an empty value'],
		['inf', '+Inf'],
		['neginf', '-Inf'],
		['nan', 'NaN'],
	])('%s sample', async (query, shown) => {
		expect(await probe(query)).toMatchObject({
			outcome: 'measured',
			state: 'unknown',
			value: null,
			reason: why(shown),
		});
	});

	it('a finite sample is judged (the thresholds above are not the reason)', async () => {
		expect(await probe('fine')).toMatchObject({ state: 'down', value: 0.5 });
	});

	it('an answer redirected to another origin is not data', async () => {
		expect(await probe('moved')).toEqual({
			outcome: 'unavailable',
			reason: `Prometheus at ${web.url.slice(7)} redirected to another origin (${other.url}); an answer from there is not data.`,
			source: `${web.url}/graph?g0.expr=moved&g0.tab=0`,
		});
	});
});

describe('http checks follow redirects on their own origin only', () => {
	it('a redirect to another origin is unknown, and names where it pointed', async () => {
		const ctx = testContext();
		const r = await probeHttp(
			HttpCheckSchema.parse({ id: 'h', name: 'H', kind: 'http', url: `${web.url}/elsewhere` }),
			ctx,
		);
		ctx.dispose();
		expect(r).toEqual({
			outcome: 'unavailable',
			reason: `${web.url}/elsewhere redirected to another origin (${other.url}); an answer from there is not this check's data. Point the check at ${other.url}/healthz if that is where the service lives.`,
			source: `${web.url}/elsewhere`,
		});
		expect(otherSaw.some((s) => s.url === '/healthz')).toBe(false);
	});
});

describe('GitHub pagination', () => {
	let gh: GithubServer;
	const issue = (n: number) => ({
		number: n,
		title: `Incident ${n}`,
		created_at: `2026-11-0${n}T00:00:00Z`,
		labels: ['incident'],
	});
	beforeAll(async () => {
		gh = await startGithubServer({
			'example-org/looping': { issues: [issue(1), issue(2), issue(3)] },
			'example-org/shifting': {
				runs: [
					{ id: 7, conclusion: 'success', run_started_at: '2026-11-20T00:00:00Z' },
					{ id: 8, conclusion: 'failure', run_started_at: '2026-11-19T00:00:00Z' },
				],
			},
		});
	});
	afterAll(async () => gh.close());

	it('a next link back to a page already read ends the walk; each issue counts once', async () => {
		// Every answer says "next" is ?page=1 of the same list: the second request reads it, the third would loop.
		gh.repos['example-org/looping']!.link = `<${gh.url}/repos/example-org/looping/issues?page=1>; rel="next"`;
		const ctx = testContext({ config: { githubApiUrl: gh.url } });
		const before = gh.requests.length;
		const r = await probeGithubIncidents(
			GithubIncidentsCheckSchema.parse({ id: 'i', name: 'I', kind: 'github-incidents', repo: 'example-org/looping' }),
			ctx,
		);
		ctx.dispose();
		expect(gh.requests.length - before).toBe(2);
		expect(r).toMatchObject({ state: 'degraded', value: 3, display: '3+ open · Incident 3' });
	});

	it('runs repeated on a later page (the list shifted while it was read) are counted once', async () => {
		gh.repos['example-org/shifting']!.link =
			`<${gh.url}/repos/example-org/shifting/actions/workflows/deploy.yml/runs?page=1>; rel="next"`;
		const ctx = testContext({ config: { githubApiUrl: gh.url } });
		const r = await probeGithubWorkflow(
			GithubWorkflowCheckSchema.parse({
				id: 'w',
				name: 'W',
				kind: 'github-workflow',
				repo: 'example-org/shifting',
				workflow: 'deploy.yml',
				window: 10,
			}),
			ctx,
		);
		ctx.dispose();
		expect(r).toMatchObject({ value: 0.5, details: { succeeded: 1, counted: 2 } });
	});

	it('an answer redirected to another origin is not data, and the token does not follow it', async () => {
		const ctx = testContext({ config: { githubApiUrl: web.url }, token: SENTINEL });
		const r = await probeGithubIncidents(
			GithubIncidentsCheckSchema.parse({ id: 'i', name: 'I', kind: 'github-incidents', repo: 'example-org/moved' }),
			ctx,
		);
		ctx.dispose();
		expect(r).toMatchObject({
			outcome: 'unavailable',
			reason: `GitHub's answer for the open issues labelled "incident" in example-org/moved was redirected to another origin (${other.url}); an answer from there is not data.`,
		});
		const followed = otherSaw.filter((s) => s.url.startsWith('/repos/example-org/moved/'));
		expect(followed.length).toBe(1);
		expect(followed[0]!.authorization).toBeUndefined();
	});

	it('githubApiUrl must be https, loopback excepted', () => {
		const refused = StatusConfigSchema.safeParse({ githubApiUrl: 'http://github.example.com/api/v3' });
		expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			[
				'githubApiUrl',
				'expected an https:// URL (the GitHub token is sent there; http:// only for 127.0.0.1, [::1] or localhost)',
			],
		]);
		for (const ok of [
			'https://github.example.com/api/v3',
			'http://127.0.0.1:8080',
			'http://[::1]:9',
			'http://localhost:1',
		])
			expect(StatusConfigSchema.safeParse({ githubApiUrl: ok }).success, ok).toBe(true);
	});
});
