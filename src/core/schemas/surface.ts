import { z } from 'zod';
import { HttpsUrlSchema, IdSchema, LinkSchema, PromDurationSchema, RunbookRefSchema } from './common.ts';
import { StatusCheckSchema } from './status-check.ts';

/** An alert that pages or tickets for this surface, and the runbook section it lands on. */
export const AlertSchema = z.strictObject({
	/** Stable id, unique across all surfaces; used in `/alerts/<id>/` deep links. @example "billing-event-latency-p95" */
	id: IdSchema,
	/** Alert name as it appears in the notification. @example "BillingEventLatencyP95High" */
	name: z
		.string()
		.min(1)
		.regex(/^[A-Za-z][A-Za-z0-9_]*$/, {
			error: 'expected an alert name such as "BillingEventLatencyP95High" (letters, digits, underscores)',
		}),
	/** Severity id from `content/severities.yaml`. @example "sev2" */
	severity: IdSchema,
	/** The alert policy in the monitoring system. */
	link: HttpsUrlSchema,
	/** Runbook section the alert lands on: `runbook-id#anchor`. @example "billing-events/event-backlog#mitigation" */
	runbook: RunbookRefSchema,
	/** One-line summary for the notification. */
	summary: z.string().min(1),
	/** Optional query the alert evaluates. */
	query: z
		.object({
			language: z.enum(['promql', 'mql', 'logging']),
			expr: z.string().min(1),
		})
		.optional(),
	/** How long the condition must hold. @default "5m" */
	for: PromDurationSchema.default('5m'),
});

/** A service-level objective. */
export const SloSchema = z.strictObject({
	id: IdSchema,
	/** @example "Webhook deliveries processed" */
	name: z.string().min(1),
	/** Target in percent, strictly between 0 and 100. @example 99.9 */
	objective: z.number().gt(0).lt(100),
	/** Rolling window. @example "30d" */
	window: z.string().regex(/^\d+[dh]$/, { error: 'expected a window such as "30d"' }),
	/** What is measured. */
	indicator: z.string().min(1),
});

/** A production surface of the integrations platform. One file per surface in `content/surfaces/`. */
export const SurfaceSchema = z.strictObject({
	/** @example "billing-events" */
	id: IdSchema,
	/** @example "Billing event processing" */
	name: z.string().min(1),
	description: z.string().min(1),
	/** 1 is most critical. */
	tier: z.number().int().min(1).max(3),
	owner: z.strictObject({
		/** Team id from `content/teams/`. */
		primary: IdSchema,
		secondary: IdSchema.optional(),
	}),
	/** On-call rotation link (pager schedule). */
	onCall: HttpsUrlSchema,
	/** Surfaces or vendors (`content/vendors/`) this surface needs to work. */
	dependsOn: z.array(IdSchema).default([]),
	/** Repository globs this surface owns, for CODEOWNERS and pull-request mode. @example ["services/billing/**"] */
	codePaths: z.array(z.string().min(1)).default([]),
	/** GCP regions this surface runs in. @example ["europe-west1"] */
	regions: z.array(z.string().min(1)).default([]),
	slos: z.array(SloSchema).default([]),
	alerts: z.array(AlertSchema).default([]),
	dashboards: z.array(LinkSchema).default([]),
	logs: z.array(LinkSchema).default([]),
	/** Live status checks. */
	checks: z.array(StatusCheckSchema).default([]),
});

export type Surface = z.output<typeof SurfaceSchema>;
export type Alert = z.output<typeof AlertSchema>;
