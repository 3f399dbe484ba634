/**
 * What a probe returns. A probe never throws on a remote failure: a failure is data.
 * `measured`: the source answered (the service may well be down — that is a measurement).
 * `unavailable`: the source could not be read (no network, DNS, rate limit, bad answer);
 * the previous observation is kept and marked stale.
 */
import type { StatusState } from './state.ts';

export type Details = Record<string, string | number | boolean | null>;

export interface MeasuredOutcome {
	readonly outcome: 'measured';
	readonly state: StatusState;
	readonly reason: string;
	readonly value: number | null;
	readonly unit?: string;
	readonly display: string;
	readonly source: string | null;
	readonly details: Details;
}

export interface UnavailableOutcome {
	readonly outcome: 'unavailable';
	readonly reason: string;
	readonly source: string | null;
	readonly details?: Details;
}

export type ProbeOutcome = MeasuredOutcome | UnavailableOutcome;

export function unavailable(reason: string, source: string | null = null, details?: Details): UnavailableOutcome {
	return details ? { outcome: 'unavailable', reason, source, details } : { outcome: 'unavailable', reason, source };
}
