import { z } from 'zod';
import { HttpUrlSchema } from './common.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

function isHttpsOrLoopback(value: string): boolean {
	if (!URL.canParse(value)) return true; // HttpUrlSchema already says what is wrong
	const url = new URL(value);
	return url.protocol === 'https:' || LOOPBACK_HOSTS.has(url.hostname);
}

/** Settings of the live-status pipeline (`status:` in `launchbook.config.yaml`). */
export const StatusConfigSchema = z.strictObject({
	/** Past this many minutes a value is shown grey with the word "stale". @default 30 */
	staleAfterMinutes: z.number().int().positive().default(30),
	/** Timeout of one check, in milliseconds, when the check sets none. @default 5000 */
	defaultTimeoutMs: z.number().int().min(100).max(60_000).default(5000),
	/** How many checks run at once. Keep it above the number of checks that may hang. @default 50 */
	concurrency: z.number().int().min(1).max(500).default(50),
	/** How often the status page re-fetches the status JSON, in seconds. @default 60 */
	refreshSeconds: z.number().int().min(5).max(3600).default(60),
	/** Where `npm run status` writes `status.json`, badges and shields JSON, relative to the repository root. @default "public/status" */
	outputDir: z
		.string()
		.min(1)
		.refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), {
			error: 'expected a path inside the repository, such as "public/status"',
		})
		.default('public/status'),
	/** Base URL of the Prometheus server that `prometheus` checks query when they name none. @example "https://prometheus.example.com" */
	prometheusUrl: HttpUrlSchema.optional(),
	/**
	 * GitHub REST API base URL (GitHub Enterprise, or a loopback server in tests). The token is sent there, so it
	 * must be https; plain http is accepted for 127.0.0.1, ::1 and localhost only. @default "https://api.github.com"
	 */
	githubApiUrl: HttpUrlSchema.refine(isHttpsOrLoopback, {
		error: 'expected an https:// URL (the GitHub token is sent there; http:// only for 127.0.0.1, [::1] or localhost)',
	}).default('https://api.github.com'),
	/** GitHub web URL, for the source links next to GitHub checks. @default "https://github.com" */
	githubWebUrl: HttpUrlSchema.default('https://github.com'),
	/** GCP service-health incident feed. @default "https://status.cloud.google.com/incidents.json" */
	gcpIncidentsUrl: HttpUrlSchema.default('https://status.cloud.google.com/incidents.json'),
});

export type StatusConfig = z.output<typeof StatusConfigSchema>;
