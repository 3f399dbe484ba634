/** The state of a tabletop action item on a given day: its status, and whether it is overdue. Pure. */
import type { ActionItem } from '../schemas/tabletop.ts';

export interface ActionItemState {
	readonly status: ActionItem['status'];
	/** Not done and its due date has passed. */
	readonly overdue: boolean;
	/** Whole days past the due date; 0 unless overdue. */
	readonly daysOverdue: number;
}

const DAY_MS = 86_400_000;

export function actionItemState(item: Pick<ActionItem, 'status' | 'due'>, today: string): ActionItemState {
	const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${item.due}T00:00:00Z`)) / DAY_MS);
	const overdue = item.status !== 'done' && days > 0;
	return { status: item.status, overdue, daysOverdue: overdue ? days : 0 };
}
