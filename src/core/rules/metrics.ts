/**
 * Every metric a query reads is in the metric catalogue (`content/metrics.yaml`): alert queries
 * in PromQL, SLI expressions and latency histograms, and Prometheus status checks, read with
 * Prometheus's grammar. Applies once the catalogue exists. The catalogue's owners are teams.
 */
import { analysePromql, declaredMetricOf } from '../alerts/promql.ts';
import type { Entry } from '../content/model.ts';
import type { Surface } from '../schemas/surface.ts';
import type { RuleContext } from './context.ts';

/** Recording rules Launchbook writes itself (`slo:…`) are not in the catalogue. */
const GENERATED = /^slo:/;

interface Query {
	readonly entry: Entry<Surface>;
	readonly path: string;
	readonly what: string;
	readonly expr: string;
}

function queriesOf(entry: Entry<Surface>): Query[] {
	const out: Query[] = [];
	const s = entry.data;
	s.alerts.forEach((a, i) => {
		if (a.query?.language === 'promql')
			out.push({ entry, path: `alerts[${i}].query.expr`, what: `alert "${a.id}"`, expr: a.query.expr });
	});
	s.slos.forEach((slo, i) => {
		const sli = slo.sli;
		if (!sli) return;
		if (sli.kind === 'latency') {
			out.push({ entry, path: `slos[${i}].sli.metric`, what: `SLO "${slo.id}"`, expr: `${sli.metric}_bucket` });
			return;
		}
		for (const key of ['bad', 'good', 'total'] as const) {
			const expr = sli[key];
			if (expr !== undefined)
				out.push({
					entry,
					path: `slos[${i}].sli.${key}`,
					what: `the ${key} events of SLO "${slo.id}"`,
					expr: expr.replaceAll('{{window}}', '5m'),
				});
		}
	});
	s.checks.forEach((c, i) => {
		if (c.kind === 'prometheus')
			out.push({ entry, path: `checks[${i}].query`, what: `check "${c.id}"`, expr: c.query });
	});
	return out;
}

export function checkMetrics(ctx: RuleContext): void {
	const { model } = ctx;
	for (const m of model.metrics) {
		if (!ctx.index.knownTeam(m.data.owner))
			ctx.at(
				'metric-owner',
				m,
				'owner',
				`metric "${m.data.id}" names owner "${m.data.owner}", which is not a team in the roster.`,
				`Use one of the teams in content/teams/ (${[...ctx.index.teams.keys()].join(', ') || 'none yet'}).`,
			);
	}
	// Without a catalogue there is nothing to check against (and no reason to load the parser).
	if (model.metrics.length === 0 || ctx.options.promql === undefined) return;
	const queries = model.surfaces.flatMap(queriesOf);
	if (queries.length === 0) return;
	const parser = ctx.options.promql().parser;
	const declared = new Map(model.metrics.map((m) => [m.data.id, m.data]));
	const names = [...declared.keys()].sort();
	for (const q of queries) {
		const { errorAt, selectors } = analysePromql(parser, q.expr);
		if (errorAt !== undefined && q.path.startsWith('slos[')) {
			ctx.at(
				'metric-declared',
				q.entry,
				q.path,
				`${q.what} is not valid PromQL: the parser stops at character ${errorAt + 1} (${JSON.stringify(q.expr.slice(errorAt, errorAt + 20))}).`,
				'Check brackets, quotes and the range: the rules replace {{window}} with 5m, 30m, 1h, 2h, 6h, 1d and 3d.',
			);
			continue;
		}
		const reported = new Set<string>();
		for (const sel of selectors) {
			const name = sel.metric;
			if (name === undefined || GENERATED.test(name) || reported.has(name)) continue;
			if (declaredMetricOf(name, declared) !== undefined) continue;
			reported.add(name);
			const near = names.find((n) => n.startsWith(name.split('_')[0]!));
			ctx.at(
				'metric-declared',
				q.entry,
				q.path,
				`${q.what} reads metric "${name}", which is not in the metric catalogue (content/metrics.yaml).`,
				`Declare it there once (id: ${name}, type, unit, help, source, owner)${near ? `, or correct the name (declared: ${near}, …)` : ''}.`,
			);
		}
	}
}
