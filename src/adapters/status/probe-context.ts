/** What every probe receives from the runner. */
import type { StatusConfig } from '../../core/schemas/status-config.ts';
import type { GithubClient } from './github-client.ts';

export interface ProbeContext {
	/** Aborts when the check's time is up. */
	readonly signal: AbortSignal;
	readonly timeoutMs: number;
	readonly config: StatusConfig;
	/** GCP regions of the surface the check belongs to. */
	readonly surfaceRegions: readonly string[];
	/** Shared GitHub client (octokit); created once per run. */
	readonly github: () => GithubClient;
	/** Whether a GitHub token is configured (never the token itself). */
	readonly githubAuthenticated: boolean;
	/** Extra trusted CA certificates (PEM) for TLS probes; tests use a CA made at test time. */
	readonly tlsCa?: string | undefined;
	readonly now: () => Date;
}
