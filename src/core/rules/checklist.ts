/** Go/no-go items: a "go" whose evidence was checked too long ago, and items still pending after the launch date. */
import { checklistStatus } from '../readiness/checklist-status.ts';
import type { RuleContext } from './context.ts';

export function checkChecklist(ctx: RuleContext): void {
	const day = { today: ctx.today, evidenceDays: ctx.policy.checklistEvidenceDays, overdueActions: [] };
	const t0 = [...ctx.model.runSheets].map((r) => r.data.t0).sort()[0];
	const launchDate = t0?.slice(0, 10);
	for (const entry of ctx.model.checklist) {
		const item = entry.data;
		if (item.kind !== 'manual') continue;
		const status = checklistStatus(item, [], day);
		if (status.state === 'stale') {
			ctx.at(
				'checklist-evidence-stale',
				entry,
				item.checked === undefined ? 'status' : 'checked',
				`go/no-go item "${item.id}" (${item.owner}) says go, but ${status.reason}: it does not count as go.`,
				`Check the evidence again and set "checked: ${ctx.today}", or set the status to pending until it is checked.`,
			);
		}
		if (item.status === 'pending' && launchDate !== undefined && ctx.today > launchDate) {
			ctx.at(
				'checklist-pending-past-launch',
				entry,
				'status',
				`go/no-go item "${item.id}" is still pending after the launch date ${launchDate}; its owner is ${item.owner}. The decision is no-go until it is settled.`,
				'Settle it with its owner: go with evidence and a checked date, or no-go with the reason.',
			);
		}
	}
}
