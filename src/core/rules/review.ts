/** Runbook reviews are fresh: a warning inside the window before the due date, an error after it. */
import { reviewState } from '../readiness/review.ts';
import type { RuleContext } from './context.ts';
import { plural } from './context.ts';

const FIX =
	'Review the runbook against the running system (commands, dashboards, regions), then set lastReviewed to the review date.';

export function checkReviews(ctx: RuleContext): void {
	for (const runbook of ctx.model.runbooks) {
		const { lastReviewed, reviewEvery } = runbook.data;
		// A review dated after today would count as fresh until long after the runbook went stale.
		if (lastReviewed > ctx.today) {
			ctx.at(
				'review-date-future',
				runbook,
				'lastReviewed',
				`runbook "${runbook.id}" was last reviewed on ${lastReviewed}, which is after today (${ctx.today}).`,
				'Set lastReviewed to the day the review actually took place (today at the latest).',
			);
			continue;
		}
		const state = reviewState(lastReviewed, reviewEvery, ctx.today, ctx.policy.reviewWarningDays);
		if (state.state === 'overdue') {
			ctx.at(
				'review-overdue',
				runbook,
				'lastReviewed',
				`runbook "${runbook.id}" was due for review on ${state.due} (${plural(-state.daysLeft, 'day')} ago; last reviewed ${lastReviewed}, every ${reviewEvery} days).`,
				FIX,
			);
		} else if (state.state === 'due-soon') {
			ctx.at(
				'review-due-soon',
				runbook,
				'lastReviewed',
				`runbook "${runbook.id}" is due for review on ${state.due}, in ${plural(state.daysLeft, 'day')}.`,
				FIX,
			);
		}
	}
}
