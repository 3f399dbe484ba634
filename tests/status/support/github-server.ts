/**
 * A loopback server speaking GitHub's REST wire format for the endpoints the status probes
 * use: workflow runs (`total_count` + `workflow_runs`), issues (pull requests included, as
 * GitHub does), Link-header pagination, rate-limit answers with the documented headers, and
 * a few broken answers. It records every request so tests can assert what was sent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Loopback, startServer } from './loopback.ts';

export interface Run {
	id: number;
	conclusion: string | null;
	status?: string;
	run_started_at: string;
}

export interface Issue {
	number: number;
	title: string;
	created_at: string;
	labels?: string[];
	pull_request?: boolean;
}

export interface RepoFixture {
	runs?: Run[];
	issues?: Issue[];
	/** Force a fault for every request to this repository. */
	fault?: 'rate-limit-403' | 'rate-limit-429' | 'secondary-429' | 'malformed-json' | 'not-found' | 'bad-credentials';
	/** Answer the first N requests with `fault`, then normally. */
	faultTimes?: number;
	retryAfterSeconds?: number;
	/** Echo the Authorization header back in an error message (a hostile server). */
	echoAuthorization?: boolean;
	/** A Link header to send instead of the real one (a hostile server pointing "next" elsewhere). */
	link?: string;
}

export interface Recorded {
	method: string;
	url: string;
	authorization: string | undefined;
}

export interface GithubServer extends Loopback {
	readonly requests: Recorded[];
	readonly repos: Record<string, RepoFixture>;
}

const RESET = () => Math.floor(Date.now() / 1000) + 3600;

function rateHeaders(remaining: number): Record<string, string> {
	return {
		'x-ratelimit-limit': '60',
		'x-ratelimit-remaining': String(remaining),
		'x-ratelimit-used': String(60 - remaining),
		'x-ratelimit-reset': String(RESET()),
		'x-ratelimit-resource': 'core',
	};
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...rateHeaders(59), ...headers });
	res.end(JSON.stringify(body));
}

/** Slice a list into a page and write GitHub's Link header (next, last). */
function page<T>(
	req: IncomingMessage,
	base: string,
	items: T[],
	pageSize: number,
): { slice: T[]; link: string | undefined } {
	const url = new URL(req.url!, base);
	const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), pageSize);
	const n = Math.max(1, Number(url.searchParams.get('page') ?? 1));
	const last = Math.max(1, Math.ceil(items.length / perPage));
	const slice = items.slice((n - 1) * perPage, n * perPage);
	const at = (p: number) => {
		const u = new URL(url.href);
		u.searchParams.set('page', String(p));
		return `<${u.href}>`;
	};
	const parts: string[] = [];
	if (n < last) parts.push(`${at(n + 1)}; rel="next"`, `${at(last)}; rel="last"`);
	if (n > 1) parts.push(`${at(1)}; rel="first"`, `${at(n - 1)}; rel="prev"`);
	return { slice, link: parts.length > 0 ? parts.join(', ') : undefined };
}

export async function startGithubServer(repos: Record<string, RepoFixture>, pageSize = 100): Promise<GithubServer> {
	const requests: Recorded[] = [];
	const counts = new Map<string, number>();
	const state = { repos };
	const server = await startServer((req, res) => {
		requests.push({ method: req.method ?? 'GET', url: req.url ?? '', authorization: req.headers.authorization });
		const base = `http://${req.headers.host}`;
		const url = new URL(req.url!, base);
		const m = /^\/repos\/([^/]+)\/([^/]+)\/(actions\/workflows\/([^/]+)\/runs|issues)$/.exec(url.pathname);
		if (!m) return json(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
		const repoName = `${m[1]}/${m[2]}`;
		const repo = state.repos[repoName];
		if (!repo)
			return json(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
		const seen = (counts.get(repoName) ?? 0) + 1;
		counts.set(repoName, seen);
		const faulty = repo.fault && (repo.faultTimes === undefined || seen <= repo.faultTimes);
		if (faulty) {
			switch (repo.fault) {
				case 'rate-limit-403':
					return json(
						res,
						403,
						{
							message: `API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit.)`,
							documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
						},
						rateHeaders(0),
					);
				case 'rate-limit-429':
					return json(res, 429, { message: 'API rate limit exceeded for 127.0.0.1.' }, rateHeaders(0));
				case 'secondary-429':
					return json(
						res,
						429,
						{ message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
						{ 'retry-after': String(repo.retryAfterSeconds ?? 60) },
					);
				case 'malformed-json':
					res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...rateHeaders(58) });
					return res.end('{"total_count": 3, "workflow_runs": [{"id": 1, ');
				case 'not-found':
					return json(res, 404, { message: 'Not Found' });
				case 'bad-credentials':
					return json(res, 401, {
						message: repo.echoAuthorization ? `Bad credentials: ${req.headers.authorization}` : 'Bad credentials',
					});
			}
		}
		if (m[3] === 'issues') {
			const label = url.searchParams.get('labels');
			const items = (repo.issues ?? [])
				.filter((i) => !label || (i.labels ?? []).includes(label))
				.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))
				.map((i) => ({
					url: `${base}/repos/${repoName}/issues/${i.number}`,
					html_url: `https://github.com/${repoName}/${i.pull_request ? 'pull' : 'issues'}/${i.number}`,
					number: i.number,
					title: i.title,
					state: 'open',
					created_at: i.created_at,
					labels: (i.labels ?? []).map((name, k) => ({ id: k + 1, name, color: 'd73a4a' })),
					...(i.pull_request
						? {
								pull_request: {
									url: `${base}/repos/${repoName}/pulls/${i.number}`,
									html_url: `https://github.com/${repoName}/pull/${i.number}`,
								},
							}
						: {}),
				}));
			const { slice, link } = page(req, base, items, pageSize);
			const sent = repo.link ?? link;
			return json(res, 200, slice, sent ? { link: sent } : {});
		}
		const status = url.searchParams.get('status');
		const runs = (repo.runs ?? [])
			.filter((r) => status !== 'completed' || r.conclusion !== null)
			.sort((a, b) => Date.parse(b.run_started_at) - Date.parse(a.run_started_at))
			.map((r) => ({
				id: r.id,
				name: 'Deploy',
				head_branch: url.searchParams.get('branch') ?? 'main',
				status: r.conclusion === null ? (r.status ?? 'in_progress') : 'completed',
				conclusion: r.conclusion,
				workflow_id: 42,
				run_started_at: r.run_started_at,
				created_at: r.run_started_at,
				updated_at: r.run_started_at,
				html_url: `https://github.com/${repoName}/actions/runs/${r.id}`,
			}));
		const { slice, link } = page(req, base, runs, pageSize);
		const sent = repo.link ?? link;
		return json(res, 200, { total_count: runs.length, workflow_runs: slice }, sent ? { link: sent } : {});
	});
	return { ...server, close: () => server.close(), requests, repos: state.repos };
}
