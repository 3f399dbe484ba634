import { z } from 'zod';
import { bodyMatchProblem } from '../status/body-match.ts';
import { HttpsUrlSchema, HttpUrlSchema, IdSchema } from './common.ts';

const base = {
	/** Stable id, unique within the surface; names the badge `badges/<surface>/<id>.svg`. @example "deploy-success" */
	id: IdSchema,
	/** What a responder reads next to the badge. @example "Deploy success rate" */
	name: z.string().min(1),
	/** Per-check timeout in milliseconds. @default status.defaultTimeoutMs (5000) */
	timeoutMs: z.number().int().min(100).max(60_000).optional(),
	/** Where a responder reads more (dashboard, console). Defaults to the source the check reads. */
	link: HttpsUrlSchema.optional(),
};

/**
 * Thresholds on a number. `direction: below` means lower values are worse (a success ratio),
 * `above` means higher values are worse (a latency). Comparisons are strict: with
 * `direction: below, degraded: 0.99`, the value 0.99 is still ok.
 * @example { direction: below, degraded: 0.99, down: 0.95 }
 */
export const ThresholdsSchema = z
	.strictObject({
		direction: z.enum(['below', 'above'], {
			error: 'expected direction "below" (lower is worse) or "above" (higher is worse)',
		}),
		/** Past this value the check is degraded. */
		degraded: z.number(),
		/** Past this value the check is down. */
		down: z.number(),
	})
	.refine((t) => (t.direction === 'below' ? t.down <= t.degraded : t.down >= t.degraded), {
		error:
			'the down threshold must lie beyond the degraded one (direction below: down <= degraded; above: down >= degraded)',
		path: ['down'],
	});

const Repo = z
	.string()
	.regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { error: 'expected "owner/repo", such as "example-org/platform"' });

/** Success ratio over the last N completed runs of a GitHub Actions workflow. */
export const GithubWorkflowCheckSchema = z.strictObject({
	...base,
	kind: z.literal('github-workflow'),
	repo: Repo,
	/** Workflow file name or id. @example "deploy.yml" */
	workflow: z.string().min(1),
	/** Only runs on this branch. @example "main" */
	branch: z.string().min(1).optional(),
	/** How many completed runs the success rate covers. @default 20 */
	window: z.number().int().min(1).max(100).default(20),
	/** Success-rate thresholds (0–1). @default { direction: below, degraded: 0.9, down: 0.7 } */
	thresholds: ThresholdsSchema.default({ direction: 'below', degraded: 0.9, down: 0.7 }),
});

/** Open GitHub issues carrying an incident label. */
export const GithubIncidentsCheckSchema = z.strictObject({
	...base,
	kind: z.literal('github-incidents'),
	repo: Repo,
	/** Issue label that marks an incident. @default "incident" */
	label: z.string().min(1).default('incident'),
	/** An open incident that also carries one of these labels makes the check down (otherwise degraded). @example ["sev1"] */
	downLabels: z.array(z.string().min(1)).default([]),
});

/** An HTTP health probe. */
export const HttpCheckSchema = z.strictObject({
	...base,
	kind: z.literal('http'),
	url: HttpUrlSchema,
	/** @default 200 */
	expectStatus: z.number().int().min(100).max(599).default(200),
	/**
	 * A substring, or a `/regex/flags`, the body must contain (the first 1 MiB is read). A regex runs in RE2
	 * (linear time, no backreferences or lookahead); flags i, m and s apply.
	 */
	bodyMatch: z
		.string()
		.min(1)
		.superRefine((s, ctx) => {
			const problem = bodyMatchProblem(s);
			if (problem)
				ctx.addIssue({
					code: 'custom',
					message: `expected a substring or a /regex/flags in RE2 syntax (linear time: no backreferences, no lookahead); ${problem}`,
				});
		})
		.optional(),
	/** Latency above this many ms is degraded. @default 1000 */
	slowMs: z.number().int().positive().default(1000),
});

/** A TLS certificate probe. */
export const TlsCheckSchema = z
	.strictObject({
		...base,
		kind: z.literal('tls'),
		/** Host to connect to. @example "api.example.com" */
		host: z.string().min(1),
		/** @default 443 */
		port: z.number().int().min(1).max(65535).default(443),
		/** Name sent as SNI and matched against the certificate. Defaults to host. */
		servername: z.string().min(1).optional(),
		/** Degraded once fewer than this many days are left AND less than `warnFraction` of the lifetime. @default 20 */
		warnDays: z.number().positive().default(20),
		/** Down once fewer than this many days are left. @default 3 */
		criticalDays: z.number().positive().default(3),
		/** Fraction of the lifetime left below which renewal is overdue. @default 0.33 */
		warnFraction: z.number().gt(0).lt(1).default(0.33),
	})
	.refine((c) => c.criticalDays < c.warnDays, {
		error: 'criticalDays must be smaller than warnDays',
		path: ['criticalDays'],
	});

/** A Prometheus instant query that returns one sample, judged by thresholds. */
export const PrometheusCheckSchema = z.strictObject({
	...base,
	kind: z.literal('prometheus'),
	/** PromQL instant query that returns exactly one sample. @example "sum(rate(webhook_deliveries_ok_total[5m])) / sum(rate(webhook_deliveries_total[5m]))" */
	query: z.string().min(1),
	/** Base URL of the Prometheus server; defaults to `status.prometheusUrl`. */
	server: HttpUrlSchema.optional(),
	thresholds: ThresholdsSchema,
	/** Unit shown after the value. `ratio` is shown as a percentage. @example "s" */
	unit: z.string().min(1).optional(),
});

/** Incidents in the GCP service-health feed that touch the surface's products and regions. */
export const GcpIncidentsCheckSchema = z.strictObject({
	...base,
	kind: z.literal('gcp-incidents'),
	/** Product titles or ids from the GCP incident feed. @example ["Cloud Run", "Cloud Build"] */
	products: z.array(z.string().min(1)).min(1),
	/** Region ids. Empty means the surface's `regions`; when those are empty too, any region. @example ["europe-west1"] */
	locations: z.array(z.string().min(1)).default([]),
	/** Feed URL; defaults to `status.gcpIncidentsUrl`. */
	feed: HttpsUrlSchema.optional(),
});

export const STATUS_CHECK_KINDS = [
	'github-workflow',
	'github-incidents',
	'http',
	'tls',
	'prometheus',
	'gcp-incidents',
] as const;

export const StatusCheckSchema = z.discriminatedUnion(
	'kind',
	[
		GithubWorkflowCheckSchema,
		GithubIncidentsCheckSchema,
		HttpCheckSchema,
		TlsCheckSchema,
		PrometheusCheckSchema,
		GcpIncidentsCheckSchema,
	],
	{ error: `expected kind to be one of ${STATUS_CHECK_KINDS.join(', ')}` },
);

export type StatusCheck = z.output<typeof StatusCheckSchema>;
export type StatusCheckKind = StatusCheck['kind'];
export type Thresholds = z.output<typeof ThresholdsSchema>;
export type GithubWorkflowCheck = z.output<typeof GithubWorkflowCheckSchema>;
export type GithubIncidentsCheck = z.output<typeof GithubIncidentsCheckSchema>;
export type HttpCheck = z.output<typeof HttpCheckSchema>;
export type TlsCheck = z.output<typeof TlsCheckSchema>;
export type PrometheusCheck = z.output<typeof PrometheusCheckSchema>;
export type GcpIncidentsCheck = z.output<typeof GcpIncidentsCheckSchema>;
