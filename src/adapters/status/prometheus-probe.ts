/** A Prometheus instant query (`GET /api/v1/query`) that returns one sample, judged by thresholds. */
import { z } from 'zod';
import { formatValue } from '../../core/status/format.ts';
import { type ProbeOutcome, unavailable } from '../../core/status/probe-outcome.ts';
import { describeThresholds, judgeThreshold } from '../../core/status/state.ts';
import type { PrometheusCheck } from '../../core/schemas/status-check.ts';
import { fetchCapped } from './capped-fetch.ts';
import type { ProbeContext } from './probe-context.ts';

const MAX_BYTES = 4 * 1024 * 1024;

const Sample = z.tuple([z.number(), z.string()]);
const AnswerSchema = z.discriminatedUnion('status', [
	z.looseObject({
		status: z.literal('success'),
		data: z.discriminatedUnion('resultType', [
			z.looseObject({
				resultType: z.literal('vector'),
				result: z.array(z.looseObject({ metric: z.record(z.string(), z.string()), value: Sample })),
			}),
			z.looseObject({ resultType: z.literal('scalar'), result: Sample }),
			z.looseObject({ resultType: z.literal('matrix'), result: z.array(z.unknown()) }),
			z.looseObject({ resultType: z.literal('string'), result: z.unknown() }),
		]),
	}),
	z.looseObject({ status: z.literal('error'), errorType: z.string().optional(), error: z.string().optional() }),
]);

export async function probePrometheus(check: PrometheusCheck, ctx: ProbeContext): Promise<ProbeOutcome> {
	const base = check.server ?? ctx.config.prometheusUrl;
	if (!base) {
		return unavailable(
			'No Prometheus server is configured: set status.prometheusUrl in launchbook.config.yaml, or server on the check.',
			null,
		);
	}
	const root = base.replace(/\/+$/, '');
	const source = `${root}/graph?g0.expr=${encodeURIComponent(check.query)}&g0.tab=0`;
	const got = await fetchCapped(`${root}/api/v1/query?query=${encodeURIComponent(check.query)}`, {
		signal: ctx.signal,
		timeoutMs: ctx.timeoutMs,
		maxBytes: MAX_BYTES,
		what: `Prometheus at ${new URL(root).host}`,
		source,
	});
	if (!got.ok) return got.outcome;
	let json: unknown;
	try {
		json = JSON.parse(got.text);
	} catch {
		return unavailable(
			`Prometheus at ${new URL(root).host} answered HTTP ${got.status} with a body that is not JSON.`,
			source,
		);
	}
	const parsed = AnswerSchema.safeParse(json);
	if (!parsed.success)
		return unavailable(
			`Prometheus answered HTTP ${got.status} with JSON that is not the documented query answer.`,
			source,
		);
	const answer = parsed.data;
	if (answer.status === 'error') {
		const reason = `Prometheus refused the query (${answer.errorType ?? `HTTP ${got.status}`}: ${answer.error ?? 'no message'}).`;
		// A bad query is the check's fault, not the source's: nothing earlier to keep.
		return got.status >= 500
			? unavailable(reason, source)
			: {
					outcome: 'measured',
					state: 'unknown',
					reason: `${reason} Fix the query in the check.`,
					value: null,
					display: '',
					source,
					details: {},
				};
	}
	let raw: string;
	if (answer.data.resultType === 'scalar') raw = answer.data.result[1];
	else if (answer.data.resultType === 'vector') {
		const n = answer.data.result.length;
		if (n !== 1) {
			const reason =
				n === 0
					? 'The query returned no samples (is the metric scraped?).'
					: `The query returned ${n} series; write it to return one, e.g. wrapped in sum() or max().`;
			return {
				outcome: 'measured',
				state: 'unknown',
				reason,
				value: null,
				display: '',
				source,
				details: { series: n },
			};
		}
		raw = answer.data.result[0]!.value[1];
	} else {
		return {
			outcome: 'measured',
			state: 'unknown',
			reason: `The query returned a ${answer.data.resultType}; an instant query for one number is needed.`,
			value: null,
			display: '',
			source,
			details: {},
		};
	}
	// Number('') and Number(' ') are 0: an empty sample must not read as a measured zero.
	const value = raw.trim() === '' ? Number.NaN : Number(raw);
	if (!Number.isFinite(value)) {
		return {
			outcome: 'measured',
			state: 'unknown',
			reason: `The query returned ${raw.trim() === '' ? 'an empty value' : raw}, not a finite number (a division by zero when nothing happened?).`,
			value: null,
			display: '',
			source,
			details: { raw },
		};
	}
	const state = judgeThreshold(value, check.thresholds);
	const show = (n: number) => formatValue(n, check.unit);
	return {
		outcome: 'measured',
		state,
		reason: `The query returned ${show(value)} (${describeThresholds(check.thresholds, show)}).`,
		value,
		...(check.unit ? { unit: check.unit } : {}),
		display: show(value),
		source,
		details: {},
	};
}
