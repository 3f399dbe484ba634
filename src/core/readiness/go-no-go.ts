/**
 * The honest go/no-go decision: every checklist item's state on a given day, and the decision
 * with the reasons that make it. A manual "go" whose evidence was checked longer ago than the
 * policy allows is stale; the tabletop item is no-go while any tabletop action is overdue; once
 * the launch date has passed, a pending item makes the decision no-go. Pure.
 */
import type { Finding } from '../content/finding.ts';
import type { ContentModel, Entry } from '../content/model.ts';
import type { ChecklistItem } from '../schemas/checklist.ts';
import { actionItemState } from './action-item.ts';
import { type ChecklistStatus, checklistStatus } from './checklist-status.ts';

export interface ItemDecision {
	readonly entry: Entry<ChecklistItem>;
	readonly status: ChecklistStatus;
}

export interface GoNoGo {
	readonly decision: 'go' | 'no-go' | 'pending';
	/** Why the decision is what it is, one sentence each, most serious first. */
	readonly reasons: readonly string[];
	readonly items: readonly ItemDecision[];
	/** The launch day (`YYYY-MM-DD`, UTC) from the earliest run sheet's T0, when there is one. */
	readonly launchDate: string | undefined;
	/** Items still pending after the launch date: each with its owner. */
	readonly pendingPastLaunch: readonly ItemDecision[];
	/** Tabletop actions overdue on the day, by id. */
	readonly overdueActions: readonly { readonly id: string; readonly owner: string; readonly due: string }[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function goNoGo(
	model: Pick<ContentModel, 'checklist' | 'tabletops' | 'runSheets' | 'config'>,
	findings: readonly Finding[],
	today: string,
): GoNoGo {
	const overdueActions = model.tabletops.flatMap((t) =>
		t.data.actions
			.filter((a) => actionItemState(a, today).overdue)
			.map((a) => ({ id: a.id, owner: a.owner, due: a.due })),
	);
	const evidenceDays = model.config.policy.checklistEvidenceDays;
	const items = model.checklist.map((entry) => ({
		entry,
		status: checklistStatus(entry.data, findings, {
			today,
			evidenceDays,
			overdueActions: overdueActions.map((a) => a.id),
		}),
	}));
	const t0 = [...model.runSheets].map((r) => r.data.t0).sort()[0];
	const launchDate = t0?.slice(0, 10);
	const pastLaunch = launchDate !== undefined && today > launchDate;
	const pendingPastLaunch = pastLaunch ? items.filter((i) => i.status.state === 'pending') : [];
	const of = (state: string) => items.filter((i) => i.status.state === state);
	const reasons: string[] = [];
	const noGo = of('no-go');
	if (noGo.length > 0)
		reasons.push(`${plural(noGo.length, 'item')} no-go: ${noGo.map((i) => i.entry.data.id).join(', ')}.`);
	if (pendingPastLaunch.length > 0)
		reasons.push(
			`${plural(pendingPastLaunch.length, 'item')} still pending after the launch date ${launchDate}: ${pendingPastLaunch.map((i) => `${i.entry.data.id} (${i.entry.data.owner})`).join(', ')}.`,
		);
	const stale = of('stale');
	if (stale.length > 0)
		reasons.push(
			`${plural(stale.length, 'item')} with stale evidence, not counted as go: ${stale.map((i) => i.entry.data.id).join(', ')}.`,
		);
	const pending = pastLaunch ? [] : of('pending');
	if (pending.length > 0)
		reasons.push(`${plural(pending.length, 'item')} pending: ${pending.map((i) => i.entry.data.id).join(', ')}.`);
	const live = of('see-status');
	if (live.length > 0)
		reasons.push(
			`${plural(live.length, 'item')} decided by live status on the day: ${live.map((i) => i.entry.data.id).join(', ')}.`,
		);
	const decision =
		noGo.length > 0 || pendingPastLaunch.length > 0
			? 'no-go'
			: stale.length + pending.length + live.length > 0
				? 'pending'
				: 'go';
	if (decision === 'go') reasons.push('every item is go, with evidence checked within the policy window.');
	return { decision, reasons, items, launchDate, pendingPastLaunch, overdueActions };
}
