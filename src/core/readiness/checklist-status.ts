/**
 * The status of a go/no-go item. A manual item carries its own; a derived item is computed
 * from Launchbook's checks and can never be typed in. Pure.
 */
import type { Finding } from '../content/finding.ts';
import type { ChecklistItem } from '../schemas/checklist.ts';

export interface ChecklistStatus {
	readonly state: 'go' | 'no-go' | 'pending' | 'see-status';
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

export function checklistStatus(item: ChecklistItem, findings: readonly Finding[]): ChecklistStatus {
	if (item.kind === 'manual') {
		return {
			state: item.status,
			reason: item.evidence ? 'set by its owner, with evidence' : 'set by its owner',
			derivedFrom: undefined,
		};
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
