/** A ProbeContext for tests: GitHub client with throttling and retry off, pointed at a loopback server. */
import { createGithubClient, type GithubClient } from '../../../src/adapters/status/github-client.ts';
import type { ProbeContext } from '../../../src/adapters/status/probe-context.ts';
import { StatusConfigSchema, type StatusConfig } from '../../../src/core/schemas/status-config.ts';

export function testContext(
	o: {
		timeoutMs?: number;
		config?: Partial<StatusConfig>;
		token?: string;
		tlsCa?: string;
		regions?: string[];
		now?: Date;
	} = {},
): ProbeContext & { dispose(): void } {
	const timeoutMs = o.timeoutMs ?? 2000;
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), timeoutMs);
	const config = StatusConfigSchema.parse({ ...o.config });
	let client: GithubClient | undefined;
	return {
		signal: controller.signal,
		timeoutMs,
		config,
		surfaceRegions: o.regions ?? [],
		github: () =>
			(client ??= createGithubClient({
				baseUrl: config.githubApiUrl,
				token: o.token,
				plugins: false,
				maxRetryAfterSeconds: 0,
				warn: () => {},
			})),
		githubAuthenticated: Boolean(o.token),
		tlsCa: o.tlsCa,
		now: () => o.now ?? new Date(),
		dispose: () => clearTimeout(timer),
	};
}
