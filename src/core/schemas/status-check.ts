import { z } from 'zod';
import { HttpsUrlSchema, IdSchema } from './common.ts';

const base = {
	/** Stable id, unique within the surface. @example "deploy-success" */
	id: IdSchema,
	/** What a responder reads next to the badge. @example "Deploy success rate" */
	name: z.string().min(1),
	/** Per-check timeout in milliseconds. @default 5000 */
	timeoutMs: z.number().int().min(100).max(60_000).optional(),
};

/** Thresholds on a number. `direction: below` means lower values are worse. */
export const ThresholdsSchema = z.strictObject({
	direction: z.enum(['below', 'above']),
	/** Past this value the check is degraded. */
	degraded: z.number(),
	/** Past this value the check is down. */
	down: z.number(),
});

const Repo = z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { error: 'expected "owner/repo"' });

export const StatusCheckSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({
			...base,
			kind: z.literal('github-workflow'),
			repo: Repo,
			/** Workflow file name or id. @example "deploy.yml" */
			workflow: z.string().min(1),
			branch: z.string().optional(),
			/** How many completed runs the success rate covers. @default 20 */
			window: z.number().int().min(1).max(100).default(20),
			/** Success-rate thresholds (0–1). */
			thresholds: ThresholdsSchema.default({ direction: 'below', degraded: 0.9, down: 0.7 }),
		}),
		z.strictObject({
			...base,
			kind: z.literal('github-incidents'),
			repo: Repo,
			/** Issue label that marks an incident. @default "incident" */
			label: z.string().min(1).default('incident'),
		}),
		z.strictObject({
			...base,
			kind: z.literal('http'),
			url: z.string().url(),
			expectStatus: z.number().int().min(100).max(599).default(200),
			/** A substring or /regex/ the body must contain. */
			bodyMatch: z.string().optional(),
			/** Latency above this many ms is degraded. @default 1000 */
			slowMs: z.number().int().positive().default(1000),
		}),
		z.strictObject({
			...base,
			kind: z.literal('tls'),
			host: z.string().min(1),
			port: z.number().int().min(1).max(65535).default(443),
			/** Name sent as SNI and matched against the certificate. Defaults to host. */
			servername: z.string().optional(),
			/** Degraded under this many days left. @default 20 */
			warnDays: z.number().positive().default(20),
			/** Down under this many days left. @default 3 */
			criticalDays: z.number().positive().default(3),
			/** Degraded when less than this fraction of the lifetime is left. @default 0.33 */
			warnFraction: z.number().gt(0).lt(1).default(0.33),
		}),
		z.strictObject({
			...base,
			kind: z.literal('prometheus'),
			/** PromQL instant query that returns one sample. */
			query: z.string().min(1),
			/** Base URL of the Prometheus server; defaults to the status config's prometheus URL. */
			server: z.string().url().optional(),
			thresholds: ThresholdsSchema,
			unit: z.string().optional(),
		}),
		z.strictObject({
			...base,
			kind: z.literal('gcp-incidents'),
			/** Product titles or ids from the GCP incident feed. @example ["Cloud Run"] */
			products: z.array(z.string().min(1)).min(1),
			/** Region ids; empty means any. @example ["europe-west1"] */
			locations: z.array(z.string().min(1)).default([]),
			feed: HttpsUrlSchema.optional(),
		}),
	],
	{ error: 'expected kind to be one of github-workflow, github-incidents, http, tls, prometheus, gcp-incidents' },
);

export type StatusCheck = z.output<typeof StatusCheckSchema>;
