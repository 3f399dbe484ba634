/**
 * The build's "today", read once so every page of a build agrees. LAUNCHBOOK_TODAY=YYYY-MM-DD
 * pins it (fixtures, reproducible builds); otherwise it is the build machine's UTC date.
 * Pages print it in `data-lb-today` so a reader (or a test) knows which day the page judged.
 */
import { isoDay } from '../core/review.ts';

const pinned = process.env.LAUNCHBOOK_TODAY;
if (pinned !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(pinned)) {
	throw new Error(`LAUNCHBOOK_TODAY is "${pinned}"; expected a date written YYYY-MM-DD, or unset it to use today's date.`);
}
const today = pinned ?? isoDay(new Date());

export function buildDay(): string {
	return today;
}
