/**
 * When rotations are on shift, in UTC: each shift (days, local hours, IANA time zone) becomes
 * concrete UTC intervals day by day, so daylight-saving changes in each zone are taken as they
 * come rather than assumed away. Pure: Intl is part of the language and reads no files.
 */
import type { Shift, Weekday } from '../schemas/team.ts';

export interface Interval {
	/** UTC milliseconds, inclusive. */
	readonly start: number;
	/** UTC milliseconds, exclusive. */
	readonly end: number;
}

const DAY_MS = 86_400_000;
const WEEKDAY_OF_UTC_DAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
	let f = formatters.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(zone, f);
	}
	return f;
}

/** The zone's offset from UTC at an instant, in milliseconds (Dublin in summer: +3,600,000). */
export function zoneOffset(zone: string, instant: number): number {
	const parts: Record<string, number> = {};
	for (const p of formatter(zone).formatToParts(new Date(instant))) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
	return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The UTC instant of a local wall-clock time (`dayUtc` is the local date at 00:00 UTC, `minutes`
 * from local midnight). A time skipped by a daylight-saving change resolves to the instant after the jump.
 */
export function localToUtc(zone: string, dayUtc: number, minutes: number): number {
	const wall = dayUtc + minutes * 60_000;
	const first = wall - zoneOffset(zone, wall);
	const second = wall - zoneOffset(zone, first);
	return second;
}

const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The UTC intervals a shift covers for shifts starting on local days in `[fromDay, toDay)` (UTC midnights). */
export function shiftIntervals(shift: Shift, fromDay: number, toDay: number): Interval[] {
	const out: Interval[] = [];
	const from = clock(shift.from);
	let to = clock(shift.to);
	if (to <= from) to += 24 * 60;
	for (let day = fromDay; day < toDay; day += DAY_MS) {
		if (!shift.days.includes(WEEKDAY_OF_UTC_DAY[new Date(day).getUTCDay()]!)) continue;
		out.push({ start: localToUtc(shift.timezone, day, from), end: localToUtc(shift.timezone, day, to) });
	}
	return out;
}

/** The parts of `[start, end)` that none of the shifts covers, merged and in order. */
export function uncovered(shifts: readonly Shift[], start: number, end: number): Interval[] {
	// Shifts starting the day before can run past midnight into the window; two days of margin
	// cover any shift of up to 24 hours in any offset.
	const first = Math.floor(start / DAY_MS) * DAY_MS - 2 * DAY_MS;
	const last = Math.ceil(end / DAY_MS) * DAY_MS + DAY_MS;
	const covered = shifts
		.flatMap((s) => shiftIntervals(s, first, last))
		.filter((i) => i.end > start && i.start < end)
		.sort((a, b) => a.start - b.start);
	const gaps: Interval[] = [];
	let cursor = start;
	for (const i of covered) {
		if (i.start > cursor) gaps.push({ start: cursor, end: Math.min(i.start, end) });
		cursor = Math.max(cursor, i.end);
		if (cursor >= end) break;
	}
	if (cursor < end) gaps.push({ start: cursor, end });
	return gaps;
}

/** `2026-12-02 00:00` in UTC. */
export function formatUtc(instant: number): string {
	return new Date(instant).toISOString().slice(0, 16).replace('T', ' ');
}

/** `19:00` local time in a zone. */
export function formatLocal(zone: string, instant: number): string {
	const local = new Date(instant + zoneOffset(zone, instant));
	return local.toISOString().slice(11, 16);
}

/** Plain words for a list of shifts: `Europe/Dublin mon–sun 07:00–19:00; America/Toronto mon–sun 07:00–19:00`. */
export function describeShifts(shifts: readonly Shift[]): string {
	return shifts.map((s) => `${s.timezone} ${describeDays(s.days)} ${s.from}–${s.to}`).join('; ');
}

const ORDER: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
function describeDays(days: readonly Weekday[]): string {
	const set = new Set(days);
	const sorted = ORDER.filter((d) => set.has(d));
	if (sorted.length === 7) return 'daily';
	const runs: Weekday[][] = [];
	for (const d of sorted) {
		const run = runs.at(-1);
		if (run && ORDER.indexOf(run.at(-1)!) + 1 === ORDER.indexOf(d)) run.push(d);
		else runs.push([d]);
	}
	return runs.map((r) => (r.length > 2 ? `${r[0]}–${r.at(-1)}` : r.join(','))).join(',');
}
