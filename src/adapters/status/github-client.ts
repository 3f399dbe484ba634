/**
 * The GitHub client: octokit with its throttling and retry plugins. In production both are
 * on, bounded so that a check never waits longer than its timeout; tests switch them off
 * and point `baseUrl` at a loopback server. The token is read by the caller from
 * GITHUB_TOKEN and handed over here; it is never logged or returned.
 */
import { Octokit } from 'octokit';

export type GithubClient = InstanceType<typeof Octokit>;

export interface GithubClientOptions {
	readonly baseUrl: string;
	readonly token: string | undefined;
	/** Throttling and retry on (production) or off (tests). */
	readonly plugins: boolean;
	/** A rate-limit wait longer than this is not waited for: the check reports the limit instead. */
	readonly maxRetryAfterSeconds: number;
	/** Where octokit's warnings go (never includes the token: octokit logs method and URL only). */
	readonly warn: (message: string) => void;
}

export function createGithubClient(o: GithubClientOptions): GithubClient {
	const retryOnce = (
		retryAfter: number,
		options: { method?: string; url?: string; request?: { retryCount?: number } },
	) => {
		const wait = retryAfter <= o.maxRetryAfterSeconds && (options.request?.retryCount ?? 0) === 0;
		o.warn(
			`GitHub rate limit on ${options.method ?? 'GET'} ${options.url ?? ''}: ${wait ? `retrying after ${retryAfter} s` : `not waiting ${retryAfter} s`}.`,
		);
		return wait;
	};
	return new Octokit({
		baseUrl: o.baseUrl.replace(/\/+$/, ''),
		...(o.token ? { auth: o.token } : {}),
		userAgent: 'launchbook-status',
		log: { debug: () => {}, info: () => {}, warn: o.warn, error: o.warn },
		throttle: o.plugins
			? { enabled: true, onRateLimit: retryOnce, onSecondaryRateLimit: retryOnce }
			: { enabled: false },
		// One retry for 5xx and network errors, after 1 s. 4xx is final; rate limits (403, 429) are the throttling plugin's to wait out.
		retry: o.plugins
			? { enabled: true, retries: 1, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] }
			: { enabled: false },
	});
}
