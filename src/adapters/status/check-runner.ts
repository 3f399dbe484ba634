/**
 * Runs checks concurrently with a bound on how many run at once and a deadline per check.
 * A probe gets an AbortSignal that fires at its timeout; if it still has not settled a
 * moment later, the runner stops waiting. Nothing a probe does can throw out of here.
 */
import { type ProbeOutcome, unavailable } from '../../core/status/probe-outcome.ts';

/** How long after the abort the runner waits for a probe to wind down before giving up on it. */
export const ABORT_GRACE_MS = 250;

export interface RunnerTask<T> {
	readonly item: T;
	readonly timeoutMs: number;
}

export async function runBounded<T>(
	tasks: readonly RunnerTask<T>[],
	concurrency: number,
	probe: (item: T, signal: AbortSignal, timeoutMs: number) => Promise<ProbeOutcome>,
	onUnexpected: (item: T, error: unknown) => void = () => {},
): Promise<ProbeOutcome[]> {
	const results: ProbeOutcome[] = new Array(tasks.length);
	let next = 0;
	const worker = async () => {
		for (;;) {
			const i = next++;
			if (i >= tasks.length) return;
			const task = tasks[i]!;
			const controller = new AbortController();
			let hardTimer: NodeJS.Timeout | undefined;
			const softTimer = setTimeout(
				() => controller.abort(new DOMException(`timed out after ${task.timeoutMs} ms`, 'TimeoutError')),
				task.timeoutMs,
			);
			const deadline = new Promise<ProbeOutcome>((resolve) => {
				hardTimer = setTimeout(
					() => resolve(unavailable(`The check did not finish within ${task.timeoutMs} ms.`)),
					task.timeoutMs + ABORT_GRACE_MS,
				);
			});
			try {
				results[i] = await Promise.race([
					probe(task.item, controller.signal, task.timeoutMs).catch((error: unknown) => {
						onUnexpected(task.item, error);
						return unavailable(
							`The probe failed unexpectedly: ${error instanceof Error ? error.message : String(error)}.`,
						);
					}),
					deadline,
				]);
			} finally {
				clearTimeout(softTimer);
				clearTimeout(hardTimer);
				controller.abort();
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker));
	return results;
}
