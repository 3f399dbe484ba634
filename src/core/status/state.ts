/**
 * The four states a check or a surface can be in, and how a measured number becomes one
 * of them through thresholds.
 */
import type { Thresholds } from '../schemas/status-check.ts';

export const STATUS_STATES = ['ok', 'degraded', 'down', 'unknown'] as const;
export type StatusState = (typeof STATUS_STATES)[number];

/** Words a responder reads; never shown by colour alone. */
export const STATE_LABELS: Readonly<Record<StatusState, string>> = {
	ok: 'ok',
	degraded: 'degraded',
	down: 'down',
	unknown: 'unknown',
};

/** Judge a number against thresholds. Comparisons are strict: a value equal to a threshold is on the better side. */
export function judgeThreshold(value: number, t: Thresholds): Exclude<StatusState, 'unknown'> {
	if (t.direction === 'below') {
		if (value < t.down) return 'down';
		if (value < t.degraded) return 'degraded';
		return 'ok';
	}
	if (value > t.down) return 'down';
	if (value > t.degraded) return 'degraded';
	return 'ok';
}

/** "below 0.9 is degraded, below 0.7 is down", with values formatted by `show`. */
export function describeThresholds(t: Thresholds, show: (n: number) => string = String): string {
	return `${t.direction} ${show(t.degraded)} is degraded, ${t.direction} ${show(t.down)} is down`;
}
