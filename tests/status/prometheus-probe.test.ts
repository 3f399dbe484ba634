import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probePrometheus } from '../../src/adapters/status/prometheus-probe.ts';
import { PrometheusCheckSchema } from '../../src/core/schemas/status-check.ts';
import { findTool } from '../support/system-tool.ts';
import { closedPort } from './support/loopback.ts';
import { type RunningPrometheus, startPrometheus } from './support/prometheus-server.ts';
import { testContext } from './support/probe-context.ts';

const prometheusTool = findTool(
	'prometheus',
	['/usr/bin/prometheus'],
	'apt-get install --no-install-recommends prometheus',
);

const METRICS = [
	'# HELP webhook_delivery_success_ratio Share of Fivetran webhook deliveries processed.',
	'# TYPE webhook_delivery_success_ratio gauge',
	'webhook_delivery_success_ratio 0.995',
	'# HELP billing_event_latency_p95_seconds p95 of billing event processing.',
	'# TYPE billing_event_latency_p95_seconds gauge',
	'billing_event_latency_p95_seconds 42',
	'# TYPE queue_depth gauge',
	'queue_depth{queue="a"} 1',
	'queue_depth{queue="b"} 2',
	'',
].join('\n');

let prom: RunningPrometheus;

async function query(q: string, thresholds: Record<string, unknown>, unit?: string, server?: string) {
	const ctx = testContext({ timeoutMs: 3000, config: { prometheusUrl: prom.url } });
	try {
		return await probePrometheus(
			PrometheusCheckSchema.parse({
				id: 'q',
				name: 'Q',
				kind: 'prometheus',
				query: q,
				thresholds,
				...(unit ? { unit } : {}),
				...(server ? { server } : {}),
			}),
			ctx,
		);
	} finally {
		ctx.dispose();
	}
}

const RATIO = { direction: 'below', degraded: 0.99, down: 0.95 };
const LATENCY = { direction: 'above', degraded: 10, down: 30 };

describe.skipIf(prometheusTool.skipReason !== undefined)(
	'Prometheus check against a real Prometheus scraping a loopback exporter',
	() => {
		beforeAll(async () => {
			prom = await startPrometheus(prometheusTool.path!, METRICS, 'webhook_delivery_success_ratio');
		}, 60_000);
		afterAll(async () => prom?.stop());

		it('ok: webhook delivery ratio above the degraded threshold', async () => {
			const r = await query('webhook_delivery_success_ratio', RATIO, 'ratio');
			expect(r).toMatchObject({
				outcome: 'measured',
				state: 'ok',
				value: 0.995,
				display: '99.5%',
				reason: 'The query returned 99.5% (below 99.0% is degraded, below 95.0% is down).',
				source: `${prom.url}/graph?g0.expr=webhook_delivery_success_ratio&g0.tab=0`,
			});
		});

		it('degraded: the ratio dips under the degraded threshold', async () => {
			const r = await query('webhook_delivery_success_ratio - 0.02', RATIO, 'ratio');
			expect(r).toMatchObject({ state: 'degraded', display: '97.5%' });
		});

		it('down: billing latency p95 above the down threshold', async () => {
			const r = await query('billing_event_latency_p95_seconds', LATENCY, 's');
			expect(r).toMatchObject({
				state: 'down',
				value: 42,
				display: '42 s',
				reason: 'The query returned 42 s (above 10 s is degraded, above 30 s is down).',
			});
		});

		it('scalar results are read too', async () => {
			const r = await query('scalar(billing_event_latency_p95_seconds) / 10', LATENCY, 's');
			expect(r).toMatchObject({ state: 'ok', value: 4.2 });
		});

		it('unknown: no samples', async () => {
			const r = await query('metric_nobody_exports', RATIO);
			expect(r).toMatchObject({
				outcome: 'measured',
				state: 'unknown',
				reason: 'The query returned no samples (is the metric scraped?).',
			});
		});

		it('unknown: more than one series', async () => {
			const r = await query('queue_depth', LATENCY);
			expect(r).toMatchObject({
				state: 'unknown',
				reason: 'The query returned 2 series; write it to return one, e.g. wrapped in sum() or max().',
			});
		});

		it('unknown: not a number', async () => {
			const r = await query('billing_event_latency_p95_seconds * 0 / 0', LATENCY);
			expect(r).toMatchObject({
				state: 'unknown',
				reason: 'The query returned NaN, not a finite number (a division by zero when nothing happened?).',
			});
		});

		it('unknown: a query Prometheus refuses, with its own words', async () => {
			const r = await query('sum(', LATENCY);
			expect(r).toMatchObject({ outcome: 'measured', state: 'unknown' });
			expect(r.reason).toMatch(/^Prometheus refused the query \(bad_data: .+\)\. Fix the query in the check\.$/);
		});

		it('unavailable: the Prometheus server is not there', async () => {
			const port = await closedPort();
			const r = await query('up', LATENCY, undefined, `http://127.0.0.1:${port}`);
			expect(r).toMatchObject({
				outcome: 'unavailable',
				reason: `Connection refused by 127.0.0.1:${port} (ECONNREFUSED): nothing listens there.`,
			});
		});
	},
);

describe('Prometheus check without a server configured', () => {
	it('is unavailable and says how to configure one', async () => {
		const ctx = testContext();
		const r = await probePrometheus(
			PrometheusCheckSchema.parse({ id: 'q', name: 'Q', kind: 'prometheus', query: 'up', thresholds: LATENCY }),
			ctx,
		);
		ctx.dispose();
		expect(r).toEqual({
			outcome: 'unavailable',
			reason:
				'No Prometheus server is configured: set status.prometheusUrl in launchbook.config.yaml, or server on the check.',
			source: null,
		});
	});
});
