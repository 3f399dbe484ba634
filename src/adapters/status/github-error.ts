/** GitHub REST failures (rate limits, auth, missing repositories, network) described for a responder. */
import { type UnavailableOutcome, unavailable } from '../../core/status/probe-outcome.ts';
import { describeNetworkError, isAbort } from './network-error.ts';

interface RequestErrorLike {
	status?: number;
	message?: string;
	response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
	cause?: unknown;
}

export function describeGithubError(
	error: unknown,
	what: string,
	ctx: { apiHost: string; authenticated: boolean; timeoutMs: number; source: string | null },
): UnavailableOutcome {
	const e = (error ?? {}) as RequestErrorLike;
	if (isAbort(error)) return unavailable(`GitHub did not answer ${what} within ${ctx.timeoutMs} ms.`, ctx.source);
	const status = typeof e.status === 'number' ? e.status : undefined;
	const headers = e.response?.headers ?? {};
	const header = (name: string) => (headers[name] === undefined ? undefined : String(headers[name]));
	if (status === undefined || (status === 500 && !e.response)) {
		return unavailable(`${describeNetworkError(e.cause ?? error, ctx.apiHost)}`, ctx.source);
	}
	const message = githubMessage(e);
	const noToken = ctx.authenticated
		? ''
		: ' No GITHUB_TOKEN is set: set one to raise the limit to 5,000 requests an hour (1,000 per repository for the Actions token).';
	if (status === 403 || status === 429) {
		const remaining = header('x-ratelimit-remaining');
		const retryAfter = header('retry-after');
		if (remaining === '0') {
			const reset = Number(header('x-ratelimit-reset'));
			const when = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toISOString() : 'an unknown time';
			const resource = header('x-ratelimit-resource');
			return unavailable(
				`GitHub rate limit exhausted for ${what} (HTTP ${status}, x-ratelimit-remaining 0${resource ? `, resource ${resource}` : ''}, limit ${header('x-ratelimit-limit') ?? '?'}); it resets at ${when}.${noToken}`,
				ctx.source,
				{ httpStatus: status, rateLimitReset: when },
			);
		}
		if (retryAfter !== undefined || /secondary rate limit/i.test(message)) {
			return unavailable(
				`GitHub secondary rate limit for ${what} (HTTP ${status}); retry after ${retryAfter ?? 'at least 60'} s.`,
				ctx.source,
				{ httpStatus: status, retryAfterSeconds: retryAfter === undefined ? null : Number(retryAfter) },
			);
		}
		return unavailable(
			`GitHub denied ${what} (HTTP ${status}: ${message}).${ctx.authenticated ? ' The token lacks the permission to read it.' : ''}`,
			ctx.source,
			{ httpStatus: status },
		);
	}
	if (status === 401)
		return unavailable(
			`GitHub refused the credentials for ${what} (HTTP 401: ${message}). Set GITHUB_TOKEN to a token that can read it.`,
			ctx.source,
			{ httpStatus: 401 },
		);
	if (status === 404) {
		const hint = ctx.authenticated
			? ' or the token cannot see it'
			: '; private repositories also answer 404 when no GITHUB_TOKEN is set';
		return unavailable(`GitHub found no ${what} (HTTP 404)${hint}.`, ctx.source, { httpStatus: 404 });
	}
	return unavailable(`GitHub answered ${what} with HTTP ${status}: ${message}.`, ctx.source, { httpStatus: status });
}

function githubMessage(e: RequestErrorLike): string {
	const data = e.response?.data;
	if (data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string')
		return (data as { message: string }).message.slice(0, 200);
	return (e.message ?? 'no message').split('\n')[0]!.slice(0, 200);
}
