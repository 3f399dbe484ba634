/**
 * Prometheus rules for SLOs, in the shape Sloth generates (recording rules named
 * `slo:sli_error:ratio_rate<window>`, `slo:period_error_budget_remaining:ratio`, …) but labelled
 * `slo` and `surface`, and with burn alerts that carry a severity from the severity model and
 * the runbook section they land on. Three groups per SLO: SLI recordings, meta recordings, alerts.
 * Pure: declared SLOs in, rule groups out.
 */
import { runbookUrl } from './declared-alert.ts';
import {
	BURN_CONDITIONS,
	type BurnTier,
	burnAlertName,
	burnFactor,
	type DeclaredSlo,
	errorBudget,
	SLI_WINDOWS,
	sloRunbookLabel,
	tidy,
	windowMs,
} from './declared-slo.ts';
import type { Sli } from '../schemas/surface.ts';

export interface RecordingRule {
	readonly record: string;
	readonly expr: string;
	readonly labels: Readonly<Record<string, string>>;
}

export interface SloAlertRule {
	readonly alert: string;
	readonly expr: string;
	readonly for?: string;
	readonly labels: Readonly<Record<string, string>>;
	readonly annotations: Readonly<Record<string, string>>;
}

export interface SloRuleGroup {
	readonly name: string;
	readonly rules: readonly (RecordingRule | SloAlertRule)[];
}

/** `{slo="event-latency", surface="billing-events"}`: the selector of one SLO's recorded series. */
export function sloSelector(d: Pick<DeclaredSlo, 'slo' | 'surface'>): string {
	return `{slo=${JSON.stringify(d.slo.id)}, surface=${JSON.stringify(d.surface.id)}}`;
}

/** A histogram bucket bound as Prometheus 2 exposes it (`30`) and Prometheus 3 stores it (`30.0`). */
function leMatcher(threshold: number): string {
	const text = String(threshold);
	return Number.isInteger(threshold) ? `le=~"${text}(\\\\.0)?"` : `le="${text}"`;
}

/** The error ratio of an SLI over one window, as PromQL. */
export function errorRatioExpr(sli: Sli, window: string): string {
	const fill = (expr: string) => `(${expr.trim().replaceAll('{{window}}', window)})`;
	switch (sli.kind) {
		case 'ratio':
			return sli.bad !== undefined
				? `${fill(sli.bad)} / ${fill(sli.total)}`
				: `1 - (${fill(sli.good!)} / ${fill(sli.total)})`;
		case 'latency': {
			const extra = sli.matchers?.trim() ? `${sli.matchers.trim().replace(/,\s*$/, '')}, ` : '';
			const good = `sum(rate(${sli.metric}_bucket{${extra}${leMatcher(sli.threshold)}}[${window}]))`;
			const total = `sum(rate(${sli.metric}_count{${extra.replace(/, $/, '')}}[${window}]))`;
			return `1 - (${good} / ${total})`;
		}
	}
}

/** The SLO window in whole days or hours, as the `window` label and rule suffix: `30d`. */
function periodLabel(window: string): string {
	return window;
}

function baseLabels(d: DeclaredSlo): Record<string, string> {
	return { slo: d.slo.id, surface: d.surface.id };
}

export function sliRecordingGroup(d: DeclaredSlo): SloRuleGroup {
	const sli = d.sli!;
	return {
		name: `slo-${d.surface.id}-${d.slo.id}-sli-recordings`,
		rules: SLI_WINDOWS.map((w) => ({
			record: `slo:sli_error:ratio_rate${w}`,
			expr: errorRatioExpr(sli, w),
			labels: { ...baseLabels(d), window: w },
		})),
	};
}

export function metaRecordingGroup(d: DeclaredSlo): SloRuleGroup {
	const sel = sloSelector(d);
	const period = periodLabel(d.slo.window);
	// A fresh object per rule: a shared one would be written as a YAML anchor and aliases.
	const labels = () => baseLabels(d);
	const days = tidy(windowMs(d.slo.window) / 86_400_000);
	return {
		name: `slo-${d.surface.id}-${d.slo.id}-meta-recordings`,
		rules: [
			{ record: 'slo:objective:ratio', expr: `vector(${tidy(d.slo.objective / 100)})`, labels: labels() },
			{ record: 'slo:error_budget:ratio', expr: `vector(${errorBudget(d.slo.objective)})`, labels: labels() },
			{ record: 'slo:time_period:days', expr: `vector(${days})`, labels: labels() },
			{
				record: 'slo:current_burn_rate:ratio',
				expr: `slo:sli_error:ratio_rate5m${sel} / on (slo, surface) group_left () slo:error_budget:ratio${sel}`,
				labels: labels(),
			},
			{
				// The average of the 5m ratio over the window, as Sloth records it: cheap, and it
				// weighs every five minutes alike.
				record: `slo:sli_error:ratio_rate${period}`,
				expr: `sum_over_time(slo:sli_error:ratio_rate5m${sel}[${period}]) / ignoring (window) count_over_time(slo:sli_error:ratio_rate5m${sel}[${period}])`,
				labels: { ...labels(), window: period },
			},
			{
				record: 'slo:period_burn_rate:ratio',
				expr: `slo:sli_error:ratio_rate${period}${sel} / on (slo, surface) group_left () slo:error_budget:ratio${sel}`,
				labels: labels(),
			},
			{
				record: 'slo:period_error_budget_remaining:ratio',
				expr: `1 - slo:period_burn_rate:ratio${sel}`,
				labels: labels(),
			},
		],
	};
}

/** The PromQL of one tier's burn alert: any of its conditions, each on a long and a short window. */
export function burnAlertExpr(d: DeclaredSlo, tier: BurnTier): string {
	const sel = sloSelector(d);
	const budget = errorBudget(d.slo.objective);
	return BURN_CONDITIONS.filter((c) => c.tier === tier)
		.map((c) => {
			const factor = burnFactor(c, d.slo.window);
			const over = (w: string) => `max(slo:sli_error:ratio_rate${w}${sel} > (${factor} * ${budget})) without (window)`;
			return `(\n  ${over(c.short)}\n  and\n  ${over(c.long)}\n)`;
		})
		.join('\nor\n');
}

function burnDescription(d: DeclaredSlo, tier: BurnTier): string {
	const owner = d.team?.name ?? d.surface.owner.primary;
	const conditions = BURN_CONDITIONS.filter((c) => c.tier === tier)
		.map((c) => `${burnFactor(c, d.slo.window)}x over ${c.long} and ${c.short}`)
		.join(', or ');
	return (
		`${d.surface.name} (tier ${d.surface.tier}, owned by ${owner}): SLO "${d.slo.name}" (${d.slo.objective} % over ${d.slo.window}) ` +
		`is burning its error budget at ${conditions}. Runbook: ${sloRunbookLabel(d)}.`
	);
}

export function burnAlertRule(d: DeclaredSlo, tier: BurnTier, siteUrl: string): SloAlertRule {
	const severity = tier === 'page' ? d.page : d.ticket;
	if (!severity) throw new Error(`SLO ${d.slo.id} has no ${tier} severity`);
	if (!d.slo.runbook) throw new Error(`SLO ${d.slo.id} names no runbook section`);
	const dashboard = d.surface.dashboards[0]?.url;
	const first = BURN_CONDITIONS.find((c) => c.tier === tier)!;
	return {
		alert: burnAlertName(d.slo, tier),
		expr: burnAlertExpr(d, tier),
		labels: {
			severity: severity.id,
			slo: d.slo.id,
			surface: d.surface.id,
			team: d.surface.owner.primary,
			burn: tier,
		},
		annotations: {
			summary: `${d.slo.name}: error budget burning at ${burnFactor(first, d.slo.window)}x or more (${tier}).`,
			description: burnDescription(d, tier),
			runbook_url: runbookUrl(siteUrl, d.slo.runbook),
			...(dashboard ? { dashboard } : {}),
		},
	};
}

/** Why an SLO gets no rules, or undefined when it gets them. */
export function sloRulesBlocker(d: DeclaredSlo): string | undefined {
	if (!d.sli) return 'it has no measurable sli';
	if (!d.slo.runbook) return 'it names no runbook section for its burn alerts';
	if (!d.page) return 'no severity in content/severities.yaml pages, and it sets no pageSeverity';
	if (!d.ticket) return 'content/severities.yaml declares no severity, and it sets no ticketSeverity';
	return undefined;
}

export function sloAlertGroup(d: DeclaredSlo, siteUrl: string): SloRuleGroup {
	return {
		name: `slo-${d.surface.id}-${d.slo.id}-alerts`,
		rules: [burnAlertRule(d, 'page', siteUrl), burnAlertRule(d, 'ticket', siteUrl)],
	};
}

/** The three groups of one SLO. */
export function sloRuleGroups(d: DeclaredSlo, siteUrl: string): SloRuleGroup[] {
	return [sliRecordingGroup(d), metaRecordingGroup(d), sloAlertGroup(d, siteUrl)];
}
