/**
 * Pull-request mode: each changed path has an owning surface (or may go unowned), and a
 * change to a surface's code finds its runbooks within their review period.
 */
import { normalisePath, pathOwnership } from '../ownership/path-ownership.ts';
import { reviewState } from '../readiness/review.ts';
import type { RuleContext } from './context.ts';
import { listSome } from './context.ts';

export function checkChangedPaths(ctx: RuleContext): void {
	const changed = ctx.options.changedPaths;
	if (!changed || changed.length === 0) return;
	const ownership = pathOwnership(ctx.model);
	const bySurface = new Map<string, string[]>();
	for (const raw of new Set(changed.map(normalisePath))) {
		if (raw === '') continue;
		const owners = ownership.owners(raw);
		if (owners.length === 0) {
			// A surface file that failed to load may own it; the load problem is reported already.
			if (!ownership.allowedUnowned(raw) && !ctx.index.anyFailed('surfaces')) {
				ctx.report(
					'changed-path-unowned',
					raw,
					{ line: 1, column: 1 },
					`${raw} changes, but no surface's codePaths match it.`,
					'Add a glob matching it to the codePaths of the surface that runs it (content/surfaces/), or add it to policy.unownedAllowed in launchbook.config.yaml if it is not production code.',
				);
			}
			continue;
		}
		for (const s of owners) {
			const list = bySurface.get(s);
			if (list) list.push(raw);
			else bySurface.set(s, [raw]);
		}
	}
	for (const [surface, paths] of [...bySurface].sort((a, b) => a[0].localeCompare(b[0]))) {
		for (const runbook of ctx.index.runbooksBySurface.get(surface) ?? []) {
			const state = reviewState(
				runbook.data.lastReviewed,
				runbook.data.reviewEvery,
				ctx.today,
				ctx.policy.reviewWarningDays,
			);
			if (state.state !== 'overdue') continue;
			ctx.at(
				'changed-path-stale-review',
				runbook,
				'lastReviewed',
				`this change touches surface "${surface}" (${listSome(paths.sort())}), whose runbook "${runbook.id}" was due for review on ${state.due}.`,
				'Review the runbook in this pull request against the changed code and set lastReviewed to today.',
			);
		}
	}
}
