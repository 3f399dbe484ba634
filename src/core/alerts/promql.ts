/**
 * PromQL read with Prometheus's own grammar (`@prometheus-io/lezer-promql`): the metric names an
 * expression selects, and where it stops parsing. The parser is handed in, never imported here:
 * loading it costs about 100 ms, so entry points load it only when there is PromQL to read
 * (`promqlTools` in src/adapters/promql-tools.ts, shared with the alert-query rule). Pure.
 */
import type { PromqlParser } from './promql-check.ts';

export type { PromqlParser };

export interface PromqlSelector {
	/** Metric name (`foo_total`, or the value of `__name__="…"`), undefined for a name regex. */
	readonly metric: string | undefined;
	/** The selector's text, `foo_total{outcome="error"}`, without a range. */
	readonly text: string;
	/** Offset of the selector in the expression. */
	readonly from: number;
}

export interface PromqlAnalysis {
	/** Offset where the parser gave up, when it did. */
	readonly errorAt: number | undefined;
	readonly selectors: readonly PromqlSelector[];
}

export function analysePromql(parser: PromqlParser, expr: string): PromqlAnalysis {
	const cursor = parser.parse(expr).cursor();
	let errorAt: number | undefined;
	const selectors: PromqlSelector[] = [];
	do {
		if (cursor.type.isError && errorAt === undefined) errorAt = cursor.from;
		if (cursor.type.name !== 'VectorSelector') continue;
		const from = cursor.from;
		const text = expr.slice(cursor.from, cursor.to);
		let metric: string | undefined;
		if (cursor.firstChild()) {
			do {
				if ((cursor.type.name as string) === 'Identifier') metric = expr.slice(cursor.from, cursor.to);
			} while (cursor.nextSibling());
			cursor.parent();
		}
		if (metric === undefined) {
			const m = /__name__\s*=\s*"([^"]+)"/.exec(text);
			metric = m?.[1];
		}
		selectors.push({ metric, text, from });
	} while (cursor.next());
	return { errorAt, selectors };
}

/** Histogram and summary series carry a suffix on the declared name. */
const SUFFIXES = ['_bucket', '_count', '_sum'] as const;

/** The declared metric a series name belongs to: `x_bucket` → `x` when `x` is a histogram. */
export function declaredMetricOf(
	name: string,
	declared: ReadonlyMap<string, { readonly type: string }>,
): string | undefined {
	if (declared.has(name)) return name;
	for (const suffix of SUFFIXES) {
		if (!name.endsWith(suffix)) continue;
		const base = name.slice(0, -suffix.length);
		const type = declared.get(base)?.type;
		if (type === 'histogram' || (type === 'summary' && suffix !== '_bucket')) return base;
	}
	return undefined;
}
