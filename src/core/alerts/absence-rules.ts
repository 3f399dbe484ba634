/**
 * Absence alerts: for every metric a surface's PromQL alerts and SLIs read, an alert that fires
 * when its series stop existing (`absent_over_time`), so a vanished exporter or a renamed metric
 * pages instead of silently clearing every alert that reads it. Severity and runbook are those
 * of the most severe alert or SLO page that depends on the metric. Pure: the parser is passed in.
 */
import { type DeclaredAlert, runbookUrl, severityLevel } from './declared-alert.ts';
import { type DeclaredSlo, pascal } from './declared-slo.ts';
import { analysePromql, type PromqlParser } from './promql.ts';
import type { SloAlertRule, SloRuleGroup } from './slo-rules.ts';

/** How long a metric must have no samples before it counts as gone, and then how long before paging. */
export const ABSENT_RANGE = '10m';
export const ABSENT_FOR = '5m';

interface Dependent {
	readonly what: string;
	readonly severity: string;
	readonly level: number;
	readonly runbook: string;
}

/** The selector an SLO's SLI reads, per metric, in the order they appear. */
function sliSelectors(d: DeclaredSlo, parser: PromqlParser): { metric: string; text: string }[] {
	const sli = d.sli;
	if (!sli) return [];
	if (sli.kind === 'latency') {
		const m = sli.matchers?.trim().replace(/,\s*$/, '') ?? '';
		return [{ metric: `${sli.metric}_count`, text: absenceSelector(`${sli.metric}_count`, `{${m}}`) }];
	}
	return [sli.bad, sli.good, sli.total].flatMap((e) =>
		e === undefined ? [] : selectorsOf(parser, e.replaceAll('{{window}}', '5m')),
	);
}

/**
 * The selector whose absence means the metric is gone: its name and its equality matchers only.
 * A regex or negative matcher usually selects a state that is normally empty (failed
 * certificates, error outcomes), whose absence is good news.
 */
export function absenceSelector(metric: string, selectorText: string): string {
	const inner = /\{(.*)\}\s*$/s.exec(selectorText)?.[1] ?? '';
	const kept = [...inner.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*")/g)]
		.filter((m) => m[2] === '=' && m[1] !== '__name__')
		.map((m) => `${m[1]}=${m[3]}`);
	return kept.length > 0 ? `${metric}{${kept.join(', ')}}` : metric;
}

/** `x{a="1", b="2"}` → `['a="1"', 'b="2"']`. */
function matchersOf(selector: string): string[] {
	const inner = /\{(.*)\}$/s.exec(selector)?.[1];
	return inner ? inner.split(', ') : [];
}

function selectorsOf(parser: PromqlParser, expr: string): { metric: string; text: string }[] {
	return analysePromql(parser, expr).selectors.flatMap((s) =>
		s.metric !== undefined && !s.metric.startsWith('slo:')
			? [{ metric: s.metric, text: absenceSelector(s.metric, s.text) }]
			: [],
	);
}

/** `probe_ssl_earliest_cert_expiry` → `ProbeSslEarliestCertExpiryAbsent`. */
export function absenceAlertName(metric: string): string {
	return `${pascal(metric)}Absent`;
}

/** Per metric a surface's PromQL alerts and SLIs read: its shared selector, owning team and readers. */
function absencePlan(
	surfaceId: string,
	alerts: readonly DeclaredAlert[],
	slos: readonly DeclaredSlo[],
	parser: PromqlParser,
): Map<string, { text: string; readonly team: string; readonly dependents: Dependent[] }> {
	const byMetric = new Map<string, { text: string; readonly team: string; readonly dependents: Dependent[] }>();
	const add = (sel: { metric: string; text: string }, team: string, dep: Dependent) => {
		const entry = byMetric.get(sel.metric);
		if (!entry) {
			byMetric.set(sel.metric, { text: sel.text, team, dependents: [dep] });
			return;
		}
		entry.dependents.push(dep);
		// The matchers every use shares: `x{a="1", b="2"}` and `x{a="1"}` are gone when `x{a="1"}` is.
		const shared = matchersOf(sel.text);
		const kept = matchersOf(entry.text).filter((m) => shared.includes(m));
		entry.text = kept.length > 0 ? `${sel.metric}{${kept.join(', ')}}` : sel.metric;
	};
	for (const a of alerts) {
		if (a.surface.id !== surfaceId || a.alert.query?.language !== 'promql') continue;
		const level = severityLevel(a.alert.severity, a.severity) ?? 9;
		const dep = { what: a.alert.name, severity: a.alert.severity, level, runbook: a.alert.runbook };
		for (const sel of selectorsOf(parser, a.alert.query.expr)) add(sel, a.surface.owner.primary, dep);
	}
	for (const d of slos) {
		if (d.surface.id !== surfaceId || !d.sli || !d.slo.runbook || !d.page) continue;
		const level = severityLevel(d.page.id, d.page.severity) ?? 9;
		const dep = { what: `SLO ${d.slo.id}`, severity: d.page.id, level, runbook: d.slo.runbook };
		for (const sel of sliSelectors(d, parser)) add(sel, d.surface.owner.primary, dep);
	}
	return byMetric;
}

/** The absence alerts of a surface by name, each with the runbook section of its most severe reader. */
export function absenceAlertRefs(
	surfaceId: string,
	alerts: readonly DeclaredAlert[],
	slos: readonly DeclaredSlo[],
	parser: PromqlParser,
): { name: string; runbook: string }[] {
	return [...absencePlan(surfaceId, alerts, slos, parser)].map(([metric, { dependents }]) => ({
		name: absenceAlertName(metric),
		runbook: [...dependents].sort((x, y) => x.level - y.level)[0]!.runbook,
	}));
}

/** One group per surface with PromQL: an absence alert per metric its alerts and SLIs read. */
export function absenceRuleGroup(
	surfaceId: string,
	alerts: readonly DeclaredAlert[],
	slos: readonly DeclaredSlo[],
	parser: PromqlParser,
	siteUrl: string,
): SloRuleGroup | undefined {
	const byMetric = absencePlan(surfaceId, alerts, slos, parser);
	if (byMetric.size === 0) return undefined;
	const rules: SloAlertRule[] = [...byMetric].map(([metric, { text, team, dependents }]) => {
		const worst = [...dependents].sort((x, y) => x.level - y.level)[0]!;
		const names = [...new Set(dependents.map((x) => x.what))];
		return {
			alert: absenceAlertName(metric),
			expr: `absent_over_time(${text}[${ABSENT_RANGE}])`,
			for: ABSENT_FOR,
			labels: { severity: worst.severity, surface: surfaceId, team, metric },
			annotations: {
				summary: `No samples of ${metric} for ${ABSENT_RANGE}: ${names.join(', ')} cannot fire while it is missing.`,
				description: `The series ${text} stopped existing (exporter down, scrape failing, metric renamed). Alerts and SLOs that read it see nothing and stay quiet: ${names.join(', ')}. Bring the metric back first.`,
				runbook_url: runbookUrl(siteUrl, worst.runbook),
			},
		};
	});
	return { name: `${surfaceId}-absent-metrics`, rules };
}
