import { z } from 'zod';
import { IdSchema } from './common.ts';

/** A metric name as Prometheus spells it (recording-rule colons allowed). @example "fivetran_webhook_deliveries_total" */
export const MetricNameSchema = z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, {
	error: 'expected a Prometheus metric name such as "fivetran_webhook_deliveries_total"',
});

/**
 * One metric that alerts, SLOs or status checks read, declared once in `content/metrics.yaml`.
 * A histogram is declared by its base name; its `_bucket`, `_count` and `_sum` series follow.
 */
export const MetricSchema = z.strictObject({
	/** The metric name. @example "billing_event_processing_seconds" */
	id: MetricNameSchema,
	type: z.enum(['counter', 'gauge', 'histogram', 'summary'], {
		error: 'expected type counter, gauge, histogram or summary',
	}),
	/** Unit of the value. @example "seconds" */
	unit: z.string().min(1),
	/** What one sample means. */
	help: z.string().min(1),
	/** Where the series come from. */
	source: z.strictObject({
		/** `exporter` (a separate process), `instrumentation` (the service itself) or `gcp` (a Cloud Monitoring metric read through Managed Service for Prometheus). */
		kind: z.enum(['exporter', 'instrumentation', 'gcp'], {
			error: 'expected source.kind exporter, instrumentation or gcp',
		}),
		/** The exporter, the instrumented service, or the GCP metric type. @example "run.googleapis.com/request_count" */
		name: z.string().min(1),
	}),
	/** Team id from `content/teams/` that keeps the metric emitted. */
	owner: IdSchema,
});

export type Metric = z.output<typeof MetricSchema>;
