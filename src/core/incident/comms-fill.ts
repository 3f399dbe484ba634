/**
 * Filling a communication template: placeholders in, message out, and which variables are
 * still missing. Also the default "next update" time from a severity's update cadence.
 * Pure (the current time is passed in); used at build time and by the fill-in form.
 */

/** Matches `{{name}}`, allowing spaces inside the braces, as the comms schema does. */
const PLACEHOLDER = /\{\{\s*([^}\s]+)\s*\}\}/g;

export interface FillResult {
	/** The message with every filled placeholder replaced; unfilled ones stay as `{{name}}`. */
	readonly text: string;
	/** Names of placeholders with no value (empty or only spaces), in order of first use. */
	readonly missing: readonly string[];
}

/** Replace `{{name}}` placeholders with trimmed values. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | undefined>>): FillResult {
	const missing: string[] = [];
	const text = template.replace(PLACEHOLDER, (_whole, name: string) => {
		const value = values[name]?.trim();
		if (value) return value;
		if (!missing.includes(name)) missing.push(name);
		return `{{${name}}}`;
	});
	return { text, missing };
}

/** Placeholder names used in a template, in order of first use. */
export function placeholders(template: string): string[] {
	const names: string[] = [];
	for (const m of template.matchAll(PLACEHOLDER)) if (!names.includes(m[1]!)) names.push(m[1]!);
	return names;
}

export interface Cadence {
	readonly internalMinutes: number;
	readonly customerMinutes?: number | undefined;
}

/** Minutes between updates for an audience: customer-facing audiences use the customer cadence when set. */
export function cadenceMinutes(cadence: Cadence, audience: string): number {
	return audience === 'internal' ? cadence.internalMinutes : (cadence.customerMinutes ?? cadence.internalMinutes);
}

/** A time as the templates take it (they write the zone themselves, "… {{startTime}} UTC"): `2026-11-26 14:35`. */
export function formatUtcMinute(date: Date): string {
	const iso = date.toISOString();
	return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** A time with its zone, for text that does not name it: `2026-11-26 14:35 UTC`. */
export function formatUtc(date: Date): string {
	return `${formatUtcMinute(date)} UTC`;
}

/** Default next update: `now` plus the cadence, rounded up to the next whole minute. */
export function nextUpdateAt(now: Date, minutes: number): Date {
	const ms = now.getTime() + minutes * 60_000;
	return new Date(Math.ceil(ms / 60_000) * 60_000);
}

/** Human names for the missing variables, for the "copy blocked" message. */
export function blockedMessage(missingLabels: readonly string[]): string {
	if (missingLabels.length === 0) return '';
	const list =
		missingLabels.length === 1
			? missingLabels[0]!
			: `${missingLabels.slice(0, -1).join(', ')} and ${missingLabels.at(-1)!}`;
	return `Copy blocked: fill in ${list} first.`;
}
