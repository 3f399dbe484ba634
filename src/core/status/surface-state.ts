/**
 * A surface's state, derived from its checks and open incidents. The rule is data as well
 * as code: the status page prints `SURFACE_STATE_RULE`, so what responders read is what runs.
 * Pure and small on purpose: the status page's browser script imports it too.
 */
import type { CheckStatus } from './check-status.ts';
import { isStale } from './staleness.ts';
import type { StatusState } from './state.ts';

export const SURFACE_STATE_RULE: readonly string[] = [
	'A check whose value is stale (its source could not be read on the last run, or the value is older than the stale limit) counts as unknown.',
	'Open incidents are checks too: an open GitHub issue with the incident label, or a GCP incident touching the surface’s products and regions, is at least degraded; one with a down label, or a GCP outage, is down.',
	'The surface is down when any check is down.',
	'Otherwise it is degraded when any check is degraded.',
	'Otherwise it is unknown when any check is unknown, or when the surface declares no checks: a surface is never shown ok while part of it is not known.',
	'Otherwise every check is ok and fresh, and the surface is ok.',
];

export interface DerivedState {
	readonly state: StatusState;
	readonly reason: string;
}

/** The state a check counts as under the rule, at `now`. */
export function effectiveCheckState(
	check: Pick<CheckStatus, 'state' | 'observedAt' | 'stale'>,
	now: Date,
	staleAfterMinutes: number,
): StatusState {
	return isStale(check, now, staleAfterMinutes) ? 'unknown' : check.state;
}

function names(checks: readonly Pick<CheckStatus, 'name'>[]): string {
	return checks.map((c) => c.name).join(', ');
}

export function deriveSurfaceState(
	checks: readonly Pick<CheckStatus, 'name' | 'state' | 'observedAt' | 'stale'>[],
	now: Date,
	staleAfterMinutes: number,
): DerivedState {
	if (checks.length === 0) return { state: 'unknown', reason: 'No status checks are declared for this surface.' };
	const by = (state: StatusState) => checks.filter((c) => effectiveCheckState(c, now, staleAfterMinutes) === state);
	const down = by('down');
	if (down.length > 0) return { state: 'down', reason: `Down: ${names(down)}.` };
	const degraded = by('degraded');
	if (degraded.length > 0) return { state: 'degraded', reason: `Degraded: ${names(degraded)}.` };
	const unknown = by('unknown');
	if (unknown.length > 0) {
		const stale = unknown.filter((c) => c.state !== 'unknown');
		const what = stale.length === unknown.length ? 'stale' : stale.length === 0 ? 'unknown' : 'unknown or stale';
		return {
			state: 'unknown',
			reason: `${unknown.length} of ${checks.length} checks ${unknown.length === 1 ? 'is' : 'are'} ${what}: ${names(unknown)}.`,
		};
	}
	return { state: 'ok', reason: `All ${checks.length} checks are ok.` };
}

const WORST_FIRST: Record<StatusState, number> = { down: 0, degraded: 1, unknown: 2, ok: 3 };

/** Surfaces with their derived state, worst first (down, degraded, unknown, ok), then by name. */
export function worstFirst<T extends { readonly name: string; readonly state: StatusState }>(items: readonly T[]): T[] {
	return [...items].sort((a, b) => WORST_FIRST[a.state] - WORST_FIRST[b.state] || a.name.localeCompare(b.name));
}
