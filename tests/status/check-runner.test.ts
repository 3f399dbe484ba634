import { describe, expect, it } from 'vitest';
import { ABORT_GRACE_MS, runBounded } from '../../src/adapters/status/check-runner.ts';
import type { ProbeOutcome } from '../../src/core/status/probe-outcome.ts';

const ok: ProbeOutcome = {
	outcome: 'measured',
	state: 'ok',
	reason: 'fine',
	value: 1,
	display: '1',
	source: null,
	details: {},
};

describe('bounded runner', () => {
	it('keeps at most `concurrency` probes in flight and keeps results in order', async () => {
		let inFlight = 0;
		let peak = 0;
		const results = await runBounded(
			Array.from({ length: 25 }, (_, i) => ({ item: i, timeoutMs: 1000 })),
			4,
			async (i) => {
				peak = Math.max(peak, ++inFlight);
				await new Promise((r) => setTimeout(r, 5));
				inFlight--;
				return { ...ok, value: i };
			},
		);
		expect(peak).toBe(4);
		expect(results.map((r) => (r.outcome === 'measured' ? r.value : null))).toEqual(
			Array.from({ length: 25 }, (_, i) => i),
		);
	});

	it('gives up on a probe that ignores its abort signal, and turns a throw into a reason', async () => {
		const unexpected: string[] = [];
		const started = performance.now();
		const results = await runBounded(
			[
				{ item: 'hang', timeoutMs: 200 },
				{ item: 'throw', timeoutMs: 200 },
				{ item: 'fine', timeoutMs: 200 },
			],
			3,
			async (item) => {
				if (item === 'hang') return new Promise<ProbeOutcome>(() => {});
				if (item === 'throw') throw new Error('boom');
				return ok;
			},
			(item, error) => unexpected.push(`${item}: ${(error as Error).message}`),
		);
		// The hanging probe is given up at its timeout plus the grace period, not waited for: a
		// generous margin for a loaded CI machine, still far below what a real hang would take.
		expect(performance.now() - started).toBeGreaterThanOrEqual(200 + ABORT_GRACE_MS - 20);
		expect(performance.now() - started).toBeLessThan(200 + ABORT_GRACE_MS + 2000);
		expect(results).toEqual([
			{ outcome: 'unavailable', reason: 'The check did not finish within 200 ms.', source: null },
			{ outcome: 'unavailable', reason: 'The probe failed unexpectedly: boom.', source: null },
			ok,
		]);
		expect(unexpected).toEqual(['throw: boom']);
	});
});
