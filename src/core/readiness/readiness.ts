/**
 * Launch readiness: one row per surface, one cell per criterion (owner, alerts, rollback,
 * fresh review, tabletop exercised, comms, live status). Each cell says what the content
 * declares, then findings on the surface's files raise it to a warning or a problem. The
 * home page renders this; the coverage gate feeds the findings. Pure.
 */
import type { Finding } from '../content/finding.ts';
import type { ContentModel } from '../content/model.ts';
import { reviewState } from './review.ts';
import { parseRunbookRef } from '../site/site-links.ts';
import { surfaceFiles } from '../content/surface-files.ts';

export const CRITERIA = [
	{ id: 'owner', label: 'Owner' },
	{ id: 'alerts', label: 'Alerts' },
	{ id: 'rollback', label: 'Rollback' },
	{ id: 'review', label: 'Fresh review' },
	{ id: 'tabletop', label: 'Tabletop exercised' },
	{ id: 'comms', label: 'Comms' },
	{ id: 'status', label: 'Live status' },
] as const;

export type CriterionId = (typeof CRITERIA)[number]['id'];

/** `unknown`: the content cannot say (live status is decided at run time). */
export type CellState = 'ok' | 'warning' | 'problem' | 'unknown';

export interface ReadinessCell {
	readonly criterion: CriterionId;
	readonly state: CellState;
	/** What the content declares, in words. */
	readonly summary: string;
	/** Findings on the surface's files that concern this criterion. */
	readonly findings: readonly Finding[];
}

export interface ReadinessRow {
	readonly surface: string;
	readonly name: string;
	readonly tier: number;
	readonly cells: readonly ReadinessCell[];
	/** Worst state over the cells that are known. */
	readonly state: CellState;
	/** Every finding on the surface's files (surface, escalation, runbooks). */
	readonly findings: readonly Finding[];
}

/** The coverage gate's rules, by the criterion their findings count against. */
const RULE_CRITERIA: Readonly<Record<string, CriterionId>> = {
	'surface-owner': 'owner',
	'surface-on-call': 'owner',
	'escalation-coverage': 'owner',
	'escalation-roster': 'owner',
	'surface-alerts': 'alerts',
	'alert-link-https': 'alerts',
	'alert-runbook-section': 'alerts',
	'runbook-alerts': 'alerts',
	'surface-runbook': 'rollback',
	'runbook-required-sections': 'rollback',
	'runbook-rollback-steps': 'rollback',
	'review-due-soon': 'review',
	'review-overdue': 'review',
	'changed-path-stale-review': 'review',
	'tabletop-recent': 'tabletop',
	'tabletop-action-overdue': 'tabletop',
	'tabletop-action-link': 'tabletop',
	'comms-coverage': 'comms',
};

/**
 * Which criterion a rule's findings count against: the known rules by id, others by the
 * words in their id; `undefined` when none fits (the finding still counts for the row).
 */
export function criterionForRule(rule: string): CriterionId | undefined {
	const known = RULE_CRITERIA[rule];
	if (known) return known;
	if (/rollback/.test(rule)) return 'rollback';
	if (/review|stale/.test(rule)) return 'review';
	if (/tabletop|action-item/.test(rule)) return 'tabletop';
	if (/comms/.test(rule)) return 'comms';
	if (/status/.test(rule)) return 'status';
	if (/alert/.test(rule)) return 'alerts';
	if (/owner|roster|on-call|escalation/.test(rule)) return 'owner';
	return undefined;
}

/** Unknown outranks ok: a surface whose live status is unknown is never shown as ok overall. */
const RANK: Record<CellState, number> = { ok: 0, unknown: 1, warning: 2, problem: 3 };

export function worstState(states: readonly CellState[]): CellState {
	if (states.length === 0) return 'unknown';
	let worst: CellState = 'ok';
	for (const s of states) if (RANK[s] > RANK[worst]) worst = s;
	return worst;
}

const DAY_MS = 86_400_000;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

type Model = Pick<ContentModel, 'config' | 'surfaces' | 'teams' | 'escalation' | 'runbooks' | 'tabletops' | 'comms'>;

/** The newest tabletop that exercised the surface on or before `today`. */
export function lastTabletop(model: Pick<ContentModel, 'tabletops'>, surfaceId: string, today: string) {
	return model.tabletops
		.filter((t) => t.data.surfaces.includes(surfaceId) && t.data.date <= today)
		.sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id))[0];
}

/** Whether a runbook section is a rollback with at least one ordered step. */
function hasOrderedRollback(
	sections: readonly {
		text: string;
		blocks: readonly { type: string; ordered?: boolean; items?: readonly string[] }[];
	}[],
): boolean {
	return sections.some(
		(s) =>
			/^rollback\b/i.test(s.text) &&
			s.blocks.some((b) => b.type === 'list' && b.ordered === true && (b.items?.length ?? 0) > 0),
	);
}

function declaredCells(
	model: Model,
	surfaceId: string,
	today: string,
): Record<CriterionId, { state: CellState; summary: string }> {
	const surface = model.surfaces.find((s) => s.data.id === surfaceId)!.data;
	const runbooks = model.runbooks.filter((r) => r.data.surface === surfaceId);
	const team = (id: string) => model.teams.find((t) => t.data.id === id)?.data;

	const primary = team(surface.owner.primary);
	const secondary = surface.owner.secondary ? team(surface.owner.secondary) : undefined;
	const owner = primary
		? { state: 'ok' as const, summary: secondary ? `${primary.name}, then ${secondary.name}` : primary.name }
		: { state: 'problem' as const, summary: `primary team "${surface.owner.primary}" is not in the roster` };

	let alerts: { state: CellState; summary: string };
	if (surface.alerts.length === 0) {
		alerts = { state: 'problem', summary: 'no alerts declared' };
	} else {
		const unresolved = surface.alerts.filter((a) => {
			const { runbook, anchor } = parseRunbookRef(a.runbook);
			const target = model.runbooks.find((r) => r.id === runbook);
			return !target || (anchor !== undefined && !target.outline.sections.some((s) => s.slug === anchor));
		}).length;
		alerts =
			unresolved === 0
				? { state: 'ok', summary: `${plural(surface.alerts.length, 'alert')}, each landing on a runbook section` }
				: {
						state: 'problem',
						summary: `${unresolved} of ${plural(surface.alerts.length, 'alert')} land on a missing runbook section`,
					};
	}

	const withRollback = runbooks.filter((r) => hasOrderedRollback(r.outline.sections)).length;
	const rollback =
		runbooks.length === 0
			? { state: 'problem' as const, summary: 'no runbooks' }
			: withRollback === 0
				? { state: 'problem' as const, summary: 'no runbook has ordered rollback steps' }
				: {
						state: 'ok' as const,
						summary: `ordered rollback steps in ${withRollback} of ${plural(runbooks.length, 'runbook')}`,
					};

	let review: { state: CellState; summary: string };
	if (runbooks.length === 0) {
		review = { state: 'problem', summary: 'no runbooks to review' };
	} else {
		const states = runbooks.map((r) =>
			reviewState(r.data.lastReviewed, r.data.reviewEvery, today, model.config.policy.reviewWarningDays),
		);
		const overdue = states.filter((s) => s.state === 'overdue').length;
		const soon = states.filter((s) => s.state === 'due-soon').length;
		const nextDue = states.map((s) => s.due).sort()[0]!;
		review =
			overdue > 0
				? { state: 'problem', summary: `${overdue} of ${plural(runbooks.length, 'runbook')} overdue for review` }
				: soon > 0
					? {
							state: 'warning',
							summary: `${soon} of ${plural(runbooks.length, 'runbook')} due for review by ${nextDue}`,
						}
					: { state: 'ok', summary: `${plural(runbooks.length, 'runbook')} reviewed; next due ${nextDue}` };
	}

	const window = model.config.policy.tabletopWindowDays;
	const last = lastTabletop(model, surfaceId, today);
	let tabletop: { state: CellState; summary: string };
	if (!last) {
		tabletop = { state: 'problem', summary: 'never exercised in a tabletop' };
	} else {
		const age = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${last.data.date}T00:00:00Z`)) / DAY_MS);
		tabletop =
			age > window
				? { state: 'problem', summary: `last exercised ${last.data.date}, more than ${window} days ago` }
				: { state: 'ok', summary: `exercised ${last.data.date}` };
	}

	const severities = [...new Set(surface.alerts.map((a) => a.severity))].sort();
	let comms: { state: CellState; summary: string };
	if (severities.length === 0) {
		comms = { state: 'unknown', summary: 'no alert severities to cover' };
	} else {
		let required = 0;
		let missing = 0;
		for (const sev of severities) {
			// Own entries only: a severity named "constructor" is not the object's constructor.
			const requiredComms = model.config.policy.commsRequired;
			const need = Object.hasOwn(requiredComms, sev) ? requiredComms[sev] : undefined;
			if (!need) continue;
			for (const phase of need.phases) {
				for (const audience of need.audiences) {
					required++;
					const found = model.comms.some(
						(c) => c.data.severities.includes(sev) && c.data.phase === phase && c.data.audience === audience,
					);
					if (!found) missing++;
				}
			}
		}
		comms =
			missing > 0
				? {
						state: 'problem',
						summary: `${missing} of ${plural(required, 'required template')} missing for ${severities.join(', ')}`,
					}
				: {
						state: 'ok',
						summary: `templates for ${severities.join(', ')}${required === 0 ? ' (none required by policy)' : ''}`,
					};
	}

	const status =
		surface.checks.length === 0
			? { state: 'warning' as const, summary: 'no live status checks declared' }
			: { state: 'unknown' as const, summary: `${plural(surface.checks.length, 'status check')} declared` };

	return { owner, alerts, rollback, review, tabletop, comms, status };
}

function raise(state: CellState, findings: readonly Finding[]): CellState {
	if (findings.some((f) => f.level === 'error')) return 'problem';
	if (findings.length > 0 && RANK[state] < RANK.warning) return 'warning';
	return state;
}

/** Readiness of every surface, in the surfaces' tier then id order. */
export function readiness(model: Model, findings: readonly Finding[], today: string): ReadinessRow[] {
	return [...model.surfaces]
		.sort((a, b) => a.data.tier - b.data.tier || a.data.id.localeCompare(b.data.id))
		.map(({ data: surface }) => {
			const files = surfaceFiles(model, surface.id);
			const own = findings.filter((f) => files.has(f.file));
			const declared = declaredCells(model, surface.id, today);
			const cells = CRITERIA.map(({ id }) => {
				const mine = own.filter((f) => criterionForRule(f.rule) === id);
				return { criterion: id, state: raise(declared[id].state, mine), summary: declared[id].summary, findings: mine };
			});
			const unmatched = own.filter((f) => criterionForRule(f.rule) === undefined);
			const state = raise(worstState(cells.map((c) => c.state)), unmatched);
			return { surface: surface.id, name: surface.name, tier: surface.tier, cells, state, findings: own };
		});
}
