/** Success rate over the last N completed runs of a GitHub Actions workflow, and the last run. */
import { z } from 'zod';
import { formatPercent } from '../../core/status/format.ts';
import type { ProbeOutcome } from '../../core/status/probe-outcome.ts';
import { describeThresholds, judgeThreshold } from '../../core/status/state.ts';
import type { GithubWorkflowCheck } from '../../core/schemas/status-check.ts';
import { describeGithubError } from './github-error.ts';
import { CrossOriginAnswer, MalformedGithubAnswer, readPages } from './github-pages.ts';
import type { ProbeContext } from './probe-context.ts';
import { unavailable } from '../../core/status/probe-outcome.ts';

/** Conclusions that count towards the success rate. Cancelled, skipped and neutral runs say nothing about health. */
export const COUNTED_CONCLUSIONS = ['success', 'failure', 'timed_out', 'startup_failure'] as const;

const RunSchema = z.looseObject({
	id: z.number(),
	status: z.string().nullable(),
	conclusion: z.string().nullable(),
	run_started_at: z.string().nullable().optional(),
	created_at: z.string(),
	html_url: z.string(),
});
const RunsPageSchema = z
	.looseObject({ total_count: z.number(), workflow_runs: z.array(RunSchema) })
	.transform((p) => p.workflow_runs);

export async function probeGithubWorkflow(check: GithubWorkflowCheck, ctx: ProbeContext): Promise<ProbeOutcome> {
	const [owner, repo] = check.repo.split('/') as [string, string];
	const web = ctx.config.githubWebUrl.replace(/\/+$/, '');
	const source = `${web}/${check.repo}/actions/workflows/${encodeURIComponent(check.workflow)}${check.branch ? `?query=${encodeURIComponent(`branch:${check.branch}`)}` : ''}`;
	const what = `the runs of workflow ${check.workflow} in ${check.repo}`;
	let runs: z.output<typeof RunSchema>[];
	try {
		const got = await readPages(
			ctx.github(),
			{
				route: 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
				params: {
					owner,
					repo,
					workflow_id: check.workflow,
					status: 'completed',
					per_page: Math.min(check.window, 100),
					...(check.branch ? { branch: check.branch } : {}),
				},
			},
			{
				baseUrl: ctx.config.githubApiUrl,
				signal: ctx.signal,
				maxPages: 10,
				enough: check.window,
				what,
				expected: 'an object with total_count and workflow_runs',
				page: RunsPageSchema,
				key: (r) => r.id,
			},
		);
		runs = got.items;
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
	const completed = runs
		.filter((r) => r.conclusion !== null)
		.sort((a, b) => Date.parse(b.run_started_at ?? b.created_at) - Date.parse(a.run_started_at ?? a.created_at));
	const counted = completed
		.filter((r) => (COUNTED_CONCLUSIONS as readonly string[]).includes(r.conclusion!))
		.slice(0, check.window);
	if (counted.length === 0) {
		return {
			outcome: 'measured',
			state: 'unknown',
			reason: `No completed runs of ${check.workflow}${check.branch ? ` on ${check.branch}` : ''} with a success or failure conclusion yet.`,
			value: null,
			display: '',
			source,
			details: { runsRead: runs.length },
		};
	}
	const last = counted[0]!;
	const ok = counted.filter((r) => r.conclusion === 'success').length;
	const rate = ok / counted.length;
	const lastAt = last.run_started_at ?? last.created_at;
	let state = judgeThreshold(rate, check.thresholds);
	let why = `${ok} of the last ${counted.length} completed runs succeeded (${formatPercent(rate)}; ${describeThresholds(check.thresholds, formatPercent)}).`;
	if (last.conclusion !== 'success' && state === 'ok') {
		state = 'degraded';
		why += ` The last run ended ${last.conclusion}.`;
	} else {
		why += ` The last run ended ${last.conclusion}.`;
	}
	return {
		outcome: 'measured',
		state,
		reason: why,
		value: rate,
		unit: 'ratio',
		display: `${formatPercent(rate)} · last ${last.conclusion}`,
		source,
		details: {
			succeeded: ok,
			counted: counted.length,
			lastConclusion: last.conclusion,
			lastRunAt: lastAt,
			lastRunUrl: last.html_url,
		},
	};
}
