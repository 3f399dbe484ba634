/** Open GitHub issues carrying the incident label (pull requests filtered out): the count and the newest title. */
import { z } from 'zod';
import { truncate } from '../../core/status/format.ts';
import { type ProbeOutcome, unavailable } from '../../core/status/probe-outcome.ts';
import type { GithubIncidentsCheck } from '../../core/schemas/status-check.ts';
import { describeGithubError } from './github-error.ts';
import { CrossOriginAnswer, MalformedGithubAnswer, readPages } from './github-pages.ts';
import type { ProbeContext } from './probe-context.ts';

export const MAX_ISSUE_PAGES = 10;

const IssueSchema = z.looseObject({
	number: z.number(),
	title: z.string(),
	html_url: z.string(),
	created_at: z.string(),
	labels: z.array(z.union([z.string(), z.looseObject({ name: z.string().nullable().optional() })])).default([]),
	pull_request: z.unknown().optional(),
});
const IssuesPageSchema = z.array(IssueSchema);

export async function probeGithubIncidents(check: GithubIncidentsCheck, ctx: ProbeContext): Promise<ProbeOutcome> {
	const [owner, repo] = check.repo.split('/') as [string, string];
	const web = ctx.config.githubWebUrl.replace(/\/+$/, '');
	const source = `${web}/${check.repo}/issues?q=${encodeURIComponent(`is:issue is:open label:"${check.label}"`)}`;
	const what = `the open issues labelled "${check.label}" in ${check.repo}`;
	let issues: z.output<typeof IssueSchema>[];
	let complete: boolean;
	try {
		const got = await readPages(
			ctx.github(),
			{
				route: 'GET /repos/{owner}/{repo}/issues',
				params: { owner, repo, labels: check.label, state: 'open', sort: 'created', direction: 'desc', per_page: 100 },
			},
			{
				baseUrl: ctx.config.githubApiUrl,
				signal: ctx.signal,
				maxPages: MAX_ISSUE_PAGES,
				enough: Number.POSITIVE_INFINITY,
				what,
				expected: 'an array of issues',
				page: IssuesPageSchema,
				key: (i) => i.number,
			},
		);
		issues = got.items;
		complete = got.complete;
	} catch (error) {
		if (error instanceof MalformedGithubAnswer || error instanceof CrossOriginAnswer)
			return unavailable(error.message, source);
		return describeGithubError(error, what, {
			apiHost: new URL(ctx.config.githubApiUrl).host,
			authenticated: ctx.githubAuthenticated,
			timeoutMs: ctx.timeoutMs,
			source,
		});
	}
	// The issues API returns pull requests too; they carry a `pull_request` key.
	const open = issues
		.filter((i) => i.pull_request === undefined)
		.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
	const count = open.length;
	const more = complete ? '' : '+';
	if (count === 0) {
		return {
			outcome: 'measured',
			state: 'ok',
			reason: `No open issues labelled "${check.label}" in ${check.repo}.`,
			value: 0,
			display: 'none open',
			source,
			details: { open: 0 },
		};
	}
	const newest = open[0]!;
	const labelNames = (i: (typeof open)[number]) => i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? '')));
	const severe = open.filter((i) => labelNames(i).some((n) => check.downLabels.includes(n)));
	const state = severe.length > 0 ? 'down' : 'degraded';
	const severeNote =
		severe.length > 0 ? ` ${severe.length} of them carry ${check.downLabels.map((l) => `"${l}"`).join(' or ')}.` : '';
	return {
		outcome: 'measured',
		state,
		reason: `${count}${more} open incident issue(s) in ${check.repo}; the newest is #${newest.number} "${truncate(newest.title, 120)}" (opened ${newest.created_at}).${severeNote}`,
		value: count,
		display: `${count}${more} open · ${truncate(newest.title, 32)}`,
		source,
		details: {
			open: count,
			complete,
			newestTitle: newest.title,
			newestNumber: newest.number,
			newestUrl: newest.html_url,
			newestOpenedAt: newest.created_at,
		},
	};
}
