/**
 * The status of a go/no-go item. A manual item carries its own; a derived item is computed
 * from Launchbook's checks and can never be typed in. Pure.
 */
import type { Finding } from '../content/finding.ts';
import type { ChecklistItem } from '../schemas/checklist.ts';

export interface ChecklistStatus {
	/** `stale`: set to go, but its evidence was checked too long ago (or never): not counted as go. */
	readonly state: 'go' | 'no-go' | 'pending' | 'see-status' | 'stale';
	/** What decided it, in words. */
	readonly reason: string;
	/** For derived items: the check it comes from. */
	readonly derivedFrom: string | undefined;
}

/** Rules that concern tabletops and their action items. */
export function isTabletopRule(rule: string): boolean {
	return /^tabletop-|action-item/.test(rule);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the day adds to an item's status: when its evidence goes stale, and which tabletop actions are overdue. */
export interface ChecklistDay {
	readonly today: string;
	/** A manual go older than this many days (since `checked`) is stale. */
	readonly evidenceDays: number;
	/** Ids of tabletop actions overdue today. */
	readonly overdueActions: readonly string[];
}

const DAY_MS = 86_400_000;

export function checklistStatus(
	item: ChecklistItem,
	findings: readonly Finding[],
	day?: ChecklistDay,
): ChecklistStatus {
	if (item.kind === 'manual') {
		const by = item.evidence ? 'set by its owner, with evidence' : 'set by its owner';
		if (day && item.status === 'go') {
			if (item.checked === undefined) {
				return {
					state: 'stale',
					reason: `${by}, but no day the evidence was checked (set checked)`,
					derivedFrom: undefined,
				};
			}
			const age = Math.round((Date.parse(`${day.today}T00:00:00Z`) - Date.parse(`${item.checked}T00:00:00Z`)) / DAY_MS);
			if (age > day.evidenceDays) {
				return {
					state: 'stale',
					reason: `evidence last checked ${item.checked}, ${age} days ago (the policy allows ${day.evidenceDays})`,
					derivedFrom: undefined,
				};
			}
			return { state: 'go', reason: `${by}, checked ${item.checked}`, derivedFrom: undefined };
		}
		return { state: item.status, reason: by, derivedFrom: undefined };
	}
	const errors = findings.filter((f) => f.level === 'error');
	switch (item.from) {
		case 'coverage-gate': {
			return errors.length === 0
				? { state: 'go', reason: 'the coverage gate reports no errors', derivedFrom: 'coverage-gate' }
				: {
						state: 'no-go',
						reason: `the coverage gate reports ${plural(errors.length, 'error')}`,
						derivedFrom: 'coverage-gate',
					};
		}
		case 'tabletops': {
			const overdue = day?.overdueActions ?? [];
			if (overdue.length > 0) {
				return {
					state: 'no-go',
					reason: `${plural(overdue.length, 'tabletop action')} overdue (${overdue.join(', ')})`,
					derivedFrom: 'tabletops',
				};
			}
			const n = errors.filter((f) => isTabletopRule(f.rule)).length;
			return n === 0
				? {
						state: 'go',
						reason: 'no tabletop errors (every surface exercised, no overdue action items)',
						derivedFrom: 'tabletops',
					}
				: { state: 'no-go', reason: `${plural(n, 'tabletop error')} in the coverage gate`, derivedFrom: 'tabletops' };
		}
		case 'live-status':
			return { state: 'see-status', reason: 'decided by live status: see the status page', derivedFrom: 'live-status' };
	}
}
