/** When a value stops being trusted: kept from an earlier run, or older than the configured age. */
import type { CheckStatus } from './check-status.ts';

/** Age of an observation at `now`, in ms; Infinity when it was never observed. */
export function observationAgeMs(check: Pick<CheckStatus, 'observedAt'>, now: Date): number {
	if (check.observedAt === null) return Number.POSITIVE_INFINITY;
	return Math.max(0, now.getTime() - Date.parse(check.observedAt));
}

/**
 * A check is stale when this run could not read its source (the previous value was kept),
 * or when its value is older than `staleAfterMinutes`. A check that never observed anything
 * is unknown, not stale.
 */
export function isStale(
	check: Pick<CheckStatus, 'observedAt' | 'stale'>,
	now: Date,
	staleAfterMinutes: number,
): boolean {
	if (check.observedAt === null) return false;
	return check.stale || observationAgeMs(check, now) > staleAfterMinutes * 60_000;
}
