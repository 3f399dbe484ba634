/**
 * The SLOs declared in content, flattened with what the rules and exports need: the surface,
 * its team, the page and ticket severities, and the runbook section the burn alerts land on.
 * Also the multi-window, multi-burn-rate scheme of the Google SRE Workbook (chapter 5). Pure.
 */
import type { ContentModel, DocumentEntry, Entry } from '../content/model.ts';
import type { Runbook } from '../schemas/runbook.ts';
import type { Severity } from '../schemas/severity.ts';
import type { Sli, Slo, Surface } from '../schemas/surface.ts';
import type { Team } from '../schemas/team.ts';
import { parseRunbookRef } from '../site/site-links.ts';
import { promDurationMs } from './duration.ts';

/** The windows the error ratio is recorded over: `slo:sli_error:ratio_rate<window>`. */
export const SLI_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;
export type SliWindow = (typeof SLI_WINDOWS)[number];

export type BurnTier = 'page' | 'ticket';

export interface BurnCondition {
	readonly tier: BurnTier;
	readonly long: SliWindow;
	readonly short: SliWindow;
	/** Share of the whole window's budget spent over the long window when the alert fires. */
	readonly budgetShare: number;
}

/** Workbook table 5-8: 2 % of the budget in 1 h, 5 % in 6 h (page); 10 % in 1 d and 10 % in 3 d (ticket). */
export const BURN_CONDITIONS: readonly BurnCondition[] = [
	{ tier: 'page', long: '1h', short: '5m', budgetShare: 0.02 },
	{ tier: 'page', long: '6h', short: '30m', budgetShare: 0.05 },
	{ tier: 'ticket', long: '1d', short: '2h', budgetShare: 0.1 },
	{ tier: 'ticket', long: '3d', short: '6h', budgetShare: 0.1 },
];

/** Round away float noise: 0.1 * 720 / 24 is 3.0000000000000004 in binary. */
export const tidy = (n: number): number => Number(n.toPrecision(12));

/** Burn-rate factor of a condition for an SLO window: 14.4, 6, 3 and 1 for 30 days. */
export function burnFactor(c: BurnCondition, window: string): number {
	return tidy((c.budgetShare * windowMs(window)) / promDurationMs(c.long)!);
}

export function windowMs(window: string): number {
	const ms = promDurationMs(window);
	if (ms === undefined) throw new Error(`"${window}" is not a window such as "30d"`);
	return ms;
}

/** Error budget as a ratio: objective 99.9 → 0.001. */
export function errorBudget(objective: number): number {
	return tidy((100 - objective) / 100);
}

export interface SloSeverity {
	readonly id: string;
	readonly severity: Severity | undefined;
}

export interface DeclaredSlo {
	readonly slo: Slo;
	/** The measurable indicator; SLOs without one have no rules. */
	readonly sli: Sli | undefined;
	readonly surface: Surface;
	readonly file: string;
	/** Index in the surface's `slos` list (for `locate()`). */
	readonly index: number;
	readonly team: Team | undefined;
	readonly page: SloSeverity | undefined;
	readonly ticket: SloSeverity | undefined;
	readonly runbookId: string;
	readonly anchor: string;
	readonly runbook: DocumentEntry<Runbook> | undefined;
	readonly sectionTitle: string | undefined;
}

/**
 * Default severities of burn alerts from the severity model: a page goes to the mildest
 * severity whose responders are paged; a ticket to the worst severity that is not paged, or,
 * where every severity pages, to the mildest one.
 */
export function defaultSloSeverities(severities: readonly Severity[]): {
	page: Severity | undefined;
	ticket: Severity | undefined;
} {
	const byLevel = [...severities].sort((a, b) => a.level - b.level);
	const paging = byLevel.filter((s) => s.response.notify === 'page');
	return {
		page: paging[paging.length - 1],
		ticket: byLevel.find((s) => s.response.notify !== 'page') ?? byLevel[byLevel.length - 1],
	};
}

const byId = <T extends { id: string }>(entries: readonly Entry<T>[]) =>
	new Map(entries.map((e) => [e.data.id, e.data]));

/** Every SLO in content, surfaces by id and SLOs in file order, so exports are stable. */
export function declaredSlos(
	model: Pick<ContentModel, 'surfaces' | 'teams' | 'severities' | 'runbooks'>,
): DeclaredSlo[] {
	const teams = byId(model.teams);
	const severities = byId(model.severities);
	const defaults = defaultSloSeverities(model.severities.map((e) => e.data));
	const runbooks = new Map(model.runbooks.map((r) => [r.id, r]));
	const severityOf = (id: string | undefined, fallback: Severity | undefined): SloSeverity | undefined =>
		id !== undefined ? { id, severity: severities.get(id) } : fallback && { id: fallback.id, severity: fallback };
	const out: DeclaredSlo[] = [];
	for (const entry of [...model.surfaces].sort((a, b) => a.data.id.localeCompare(b.data.id))) {
		entry.data.slos.forEach((slo, index) => {
			const { runbook: runbookId, anchor = '' } = slo.runbook ? parseRunbookRef(slo.runbook) : { runbook: '' };
			const runbook = runbooks.get(runbookId);
			const section = anchor === '' ? undefined : runbook?.outline.sections.find((s) => s.slug === anchor);
			out.push({
				slo,
				sli: slo.sli,
				surface: entry.data,
				file: entry.file,
				index,
				team: teams.get(entry.data.owner.primary),
				page: severityOf(slo.pageSeverity, defaults.page),
				ticket: severityOf(slo.ticketSeverity, defaults.ticket),
				runbookId,
				anchor,
				runbook,
				sectionTitle: section?.text,
			});
		});
	}
	return out;
}

/** `event-latency` → `EventLatency`. */
export function pascal(id: string): string {
	return id
		.split(/[^a-zA-Z0-9]+/)
		.filter(Boolean)
		.map((w) => w[0]!.toUpperCase() + w.slice(1))
		.join('');
}

/** Alert name of an SLO's burn alerts: `EventLatencyBudgetBurnPage`. */
export function burnAlertName(slo: Pick<Slo, 'id'>, tier: BurnTier): string {
	return `${pascal(slo.id)}BudgetBurn${tier === 'page' ? 'Page' : 'Ticket'}`;
}

/** Stable id of a burn alert, for `/alerts/<id>/`-style links: `event-latency-burn-page`. */
export function burnAlertId(slo: Pick<Slo, 'id'>, tier: BurnTier): string {
	return `${slo.id}-burn-${tier}`;
}

/** "Billing event backlog › SLO burn: event latency", or the runbook id when the runbook is missing. */
export function sloRunbookLabel(d: Pick<DeclaredSlo, 'runbook' | 'runbookId' | 'sectionTitle' | 'anchor'>): string {
	const page = d.runbook?.data.title ?? d.runbookId;
	if (d.anchor === '') return page;
	return `${page} › ${d.sectionTitle ?? `#${d.anchor}`}`;
}

/** The burn alerts an SLO's rules hold, as alert references: id, name and runbook section. */
export function burnAlertRefs(slos: readonly DeclaredSlo[]): { id: string; name: string; runbook: string }[] {
	return slos.flatMap((d) =>
		d.sli && d.slo.runbook
			? (['page', 'ticket'] as const).map((tier) => ({
					id: burnAlertId(d.slo, tier),
					name: burnAlertName(d.slo, tier),
					runbook: d.slo.runbook!,
				}))
			: [],
	);
}

/** Every burn alert id an SLO would have (with or without an SLI), to the SLO and its surface. */
export function sloBurnAlertIds(
	surfaces: readonly Surface[],
): Map<string, { readonly surface: Surface; readonly slo: Slo }> {
	const out = new Map<string, { surface: Surface; slo: Slo }>();
	for (const surface of surfaces)
		for (const slo of surface.slos)
			for (const tier of ['page', 'ticket'] as const) {
				const id = burnAlertId(slo, tier);
				if (!out.has(id)) out.set(id, { surface, slo });
			}
	return out;
}
