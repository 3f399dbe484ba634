/** Review freshness of a runbook: due date, days left, and whether it is fresh, due soon or overdue. Pure. */

export interface ReviewState {
	/** `YYYY-MM-DD` the next review is due. */
	readonly due: string;
	/** Whole days from `today` to the due date; negative once overdue. */
	readonly daysLeft: number;
	readonly state: 'fresh' | 'due-soon' | 'overdue';
}

const DAY_MS = 86_400_000;

export function reviewState(
	lastReviewed: string,
	reviewEveryDays: number,
	today: string,
	warningDays: number,
): ReviewState {
	const dueMs = Date.parse(`${lastReviewed}T00:00:00Z`) + reviewEveryDays * DAY_MS;
	const daysLeft = Math.round((dueMs - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
	const state = daysLeft < 0 ? 'overdue' : daysLeft <= warningDays ? 'due-soon' : 'fresh';
	return { due: new Date(dueMs).toISOString().slice(0, 10), daysLeft, state };
}

/** Today's date as `YYYY-MM-DD` (UTC). The caller passes the clock in; the core never reads it. */
export function isoDay(now: Date): string {
	return now.toISOString().slice(0, 10);
}
