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
	/**
	 * This alert means the surface itself is out (a regional outage, say). While it fires,
	 * Alertmanager inhibits the alerts of every surface in its blast radius (those that
	 * depend on it through `dependsOn`), so responders get one page, not five. @default false
	 */
	outage: z.boolean().default(false),
});

/** A PromQL expression with the `{{window}}` placeholder where the range goes: `rate(x[{{window}}])`. */
const WindowedPromqlSchema = z
	.string()
	.min(1)
	.refine((s) => s.includes('{{window}}'), {
		error: 'expected a PromQL expression with {{window}} as the range, e.g. sum(rate(requests_total[{{window}}]))',
	});

/**
 * An SLI as a ratio of event counts over counters: `bad` (or `good`) over `total`. Each is a
 * PromQL expression with `{{window}}` as its range; the rules fill in 5m, 30m, 1h, 2h, 6h, 1d, 3d.
 * @example { kind: ratio, bad: 'sum(rate(deliveries_total{outcome!="success"}[{{window}}]))', total: 'sum(rate(deliveries_total[{{window}}]))' }
 */
export const RatioSliSchema = z
	.strictObject({
		kind: z.literal('ratio'),
		/** Events that count against the objective. Give this or `good`. */
		bad: WindowedPromqlSchema.optional(),
		/** Events that count for the objective. Give this or `bad`. */
		good: WindowedPromqlSchema.optional(),
		/** All events. */
		total: WindowedPromqlSchema,
	})
	.refine((s) => (s.bad === undefined) !== (s.good === undefined), {
		error: 'give exactly one of bad and good (the events against or for the objective), next to total',
		path: ['bad'],
	});

/**
 * An SLI on a Prometheus histogram: the share of events slower than `threshold` is the error.
 * @example { kind: latency, metric: billing_event_processing_seconds, threshold: 30 }
 */
export const LatencySliSchema = z.strictObject({
	kind: z.literal('latency'),
	/** Histogram name without the `_bucket` / `_count` suffix. @example "billing_event_processing_seconds" */
	metric: z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, {
		error: 'expected a metric name such as "billing_event_processing_seconds"',
	}),
	/** Upper bound of a good event, in the histogram's unit; must be one of its bucket bounds (`le`). @example 30 */
	threshold: z.number().positive(),
	/** Label matchers every series must carry, without braces. @example 'service="billing-events"' */
	matchers: z
		.string()
		.regex(/^[^{}]*$/, { error: 'expected label matchers without braces, such as service="billing-events"' })
		.optional(),
});

export const SliSchema = z.discriminatedUnion('kind', [RatioSliSchema, LatencySliSchema], {
	error: 'expected sli.kind to be ratio (good or bad over total) or latency (histogram and threshold)',
});

/** Cloud Monitoring's equivalent of the SLI, for the exported ServiceLevelObjective. */
export const CloudMonitoringSliSchema = z
	.strictObject({
		/** The Service resource the SLO belongs to. @example "projects/example-integrations-prod/services/billing-events" */
		service: z.string().regex(/^projects\/[a-z0-9-]+\/services\/[A-Za-z0-9_-]+$/, {
			error: 'expected a Service name such as "projects/example-integrations-prod/services/billing-events"',
		}),
		/** Request-based ratio of two time-series filters. */
		goodTotalRatio: z
			.strictObject({
				goodServiceFilter: z.string().min(1).optional(),
				badServiceFilter: z.string().min(1).optional(),
				totalServiceFilter: z.string().min(1),
			})
			.refine((r) => (r.goodServiceFilter === undefined) !== (r.badServiceFilter === undefined), {
				error: 'give exactly one of goodServiceFilter and badServiceFilter, next to totalServiceFilter',
			})
			.optional(),
		/** Request-based share of a distribution metric's values inside a range. */
		distributionCut: z
			.strictObject({
				distributionFilter: z.string().min(1),
				range: z.strictObject({ min: z.number().optional(), max: z.number().optional() }),
			})
			.optional(),
	})
	.refine((c) => (c.goodTotalRatio === undefined) !== (c.distributionCut === undefined), {
		error: 'give exactly one of goodTotalRatio and distributionCut',
	});

/** A service-level objective. */
export const SloSchema = z.strictObject({
	/** Unique across all surfaces; names the rules' `slo` label. */
	id: IdSchema,
	/** @example "Webhook deliveries processed" */
	name: z.string().min(1),
	/** Target in percent, strictly between 0 and 100. @example 99.9 */
	objective: z.number().gt(0).lt(100),
	/** Rolling window. @example "30d" */
	window: z.string().regex(/^\d+[dh]$/, { error: 'expected a window such as "30d"' }),
	/** What is measured, in words: the explanation next to the measurable `sli`. */
	indicator: z.string().min(1),
	/** The measurable indicator the burn-rate rules are generated from. */
	sli: SliSchema.optional(),
	/** Runbook section the burn-rate alerts land on: `runbook-id#anchor`. That runbook lists `<id>-burn-page` and `<id>-burn-ticket` under `alerts`. */
	runbook: RunbookRefSchema.optional(),
	/** Severity of the page-level burn alerts (14.4x, 6x). @default the mildest severity that pages */
	pageSeverity: IdSchema.optional(),
	/** Severity of the ticket-level burn alerts (3x, 1x). @default the worst severity that does not page */
	ticketSeverity: IdSchema.optional(),
	/** Cloud Monitoring equivalent, exported as a ServiceLevelObjective with burn-rate alert policies. */
	cloudMonitoring: CloudMonitoringSliSchema.optional(),
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
export type Slo = z.output<typeof SloSchema>;
export type Sli = z.output<typeof SliSchema>;
