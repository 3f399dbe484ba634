/**
 * A run sheet as the launch day reads it: steps and gates merged into one timeline, each with
 * its time in UTC worked out from T0, and the span of the freeze, war room and hypercare. Pure.
 */
import { offsetMinutes, type RunSheet, type RunSheetGate, type RunSheetStep } from '../schemas/run-sheet.ts';

export type TimelineEntry =
	| {
			readonly kind: 'step';
			readonly at: string;
			readonly utc: string;
			readonly step: RunSheetStep;
			readonly index: number;
	  }
	| {
			readonly kind: 'gate';
			readonly at: string;
			readonly utc: string;
			readonly gate: RunSheetGate;
			readonly index: number;
	  };

/** `2026-12-15 13:00 UTC` for an offset from T0. */
export function offsetUtc(t0: string, offset: string): string {
	const at = Date.parse(t0) + offsetMinutes(offset) * 60_000;
	return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Steps and gates in time order; at the same time a gate comes after the steps that lead to it. */
export function runSheetTimeline(sheet: RunSheet): TimelineEntry[] {
	const entries: TimelineEntry[] = [
		...sheet.steps.map((step, index) => ({
			kind: 'step' as const,
			at: step.at,
			utc: offsetUtc(sheet.t0, step.at),
			step,
			index,
		})),
		...sheet.gates.map((gate, index) => ({
			kind: 'gate' as const,
			at: gate.at,
			utc: offsetUtc(sheet.t0, gate.at),
			gate,
			index,
		})),
	];
	return entries.sort(
		(a, b) =>
			offsetMinutes(a.at) - offsetMinutes(b.at) || (a.kind === b.kind ? a.index - b.index : a.kind === 'step' ? -1 : 1),
	);
}
