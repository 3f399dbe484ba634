/**
 * One status run: every check of every surface probed concurrently, outcomes merged with
 * the previous report, the report assembled with derived surface states, secrets scrubbed.
 */
import { toCheckStatus } from '../../core/status/observation.ts';
import { redactDeep } from '../../core/status/redact.ts';
import {
	buildStatusReport,
	type CheckStatus,
	type StatusReport,
	type SurfaceStatus,
} from '../../core/status/report.ts';
import type { StatusCheck } from '../../core/schemas/status-check.ts';
import type { StatusConfig } from '../../core/schemas/status-config.ts';
import { runBounded } from './check-runner.ts';
import { createGithubClient, type GithubClient } from './github-client.ts';
import { probeCheck } from './probe.ts';

export interface SurfaceChecks {
	readonly id: string;
	readonly name: string;
	readonly regions: readonly string[];
	readonly checks: readonly StatusCheck[];
}

export interface CollectOptions {
	readonly surfaces: readonly SurfaceChecks[];
	readonly config: StatusConfig;
	readonly previous?: StatusReport | undefined;
	/** Surfaces whose content did not load this time: their previous entries are carried over, stale. */
	readonly unloadedSurfaces?: readonly string[];
	/** GitHub token (from GITHUB_TOKEN); used for requests only, scrubbed from everything written. */
	readonly token?: string | undefined;
	/** Octokit throttling and retry: on in production, off in tests. @default true */
	readonly githubPlugins?: boolean;
	readonly tlsCa?: string | undefined;
	readonly warn: (message: string) => void;
	readonly now?: () => Date;
}

export async function collectStatus(o: CollectOptions): Promise<StatusReport> {
	const now = o.now ?? (() => new Date());
	let client: GithubClient | undefined;
	const github = () =>
		(client ??= createGithubClient({
			baseUrl: o.config.githubApiUrl,
			token: o.token,
			plugins: o.githubPlugins ?? true,
			maxRetryAfterSeconds: Math.max(0, Math.floor(o.config.defaultTimeoutMs / 2000)),
			warn: o.warn,
		}));
	const previousChecks = new Map<string, CheckStatus>();
	for (const s of o.previous?.surfaces ?? []) for (const c of s.checks) previousChecks.set(`${s.id}/${c.id}`, c);

	const tasks = o.surfaces.flatMap((surface) =>
		surface.checks.map((check) => ({
			item: { surface, check },
			timeoutMs: check.timeoutMs ?? o.config.defaultTimeoutMs,
		})),
	);
	const finishedAt: Date[] = new Array(tasks.length);
	let index = 0;
	const order = new Map(tasks.map((t) => [t.item, index++]));
	const outcomes = await runBounded(
		tasks,
		o.config.concurrency,
		async (item, signal, timeoutMs) => {
			const outcome = await probeCheck(item.check, {
				signal,
				timeoutMs,
				config: o.config,
				surfaceRegions: item.surface.regions,
				github,
				githubAuthenticated: Boolean(o.token),
				tlsCa: o.tlsCa,
				now,
			});
			finishedAt[order.get(item)!] = now();
			return outcome;
		},
		(item, error) =>
			o.warn(
				`status: the ${item.check.kind} probe of ${item.surface.id}/${item.check.id} failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
			),
	);

	const at = now();
	let t = 0;
	const surfaces: { id: string; name: string; checks: CheckStatus[] }[] = o.surfaces.map((surface) => ({
		id: surface.id,
		name: surface.name,
		checks: surface.checks.map((check) => {
			const i = t++;
			return toCheckStatus(
				{ id: check.id, surface: surface.id, kind: check.kind, name: check.name, link: check.link },
				outcomes[i]!,
				previousChecks.get(`${surface.id}/${check.id}`),
				finishedAt[i] ?? at,
			);
		}),
	}));
	for (const id of o.unloadedSurfaces ?? []) {
		const prev: SurfaceStatus | undefined = o.previous?.surfaces.find((s) => s.id === id);
		if (!prev || surfaces.some((s) => s.id === id)) continue;
		surfaces.push({
			id: prev.id,
			name: prev.name,
			checks: prev.checks.map((c) =>
				toCheckStatus(
					{ id: c.id, surface: c.surface, kind: c.kind, name: c.name },
					{
						outcome: 'unavailable',
						reason: `The surface file for ${id} did not load this run (see the content problems).`,
						source: c.source,
					},
					c,
					at,
				),
			),
		});
	}
	const report = buildStatusReport(surfaces, at, o.config.staleAfterMinutes);
	return o.token ? redactDeep(report, [o.token]) : report;
}
