/**
 * Checks an alert's PromQL the way Prometheus would load it: the real grammar
 * (`@prometheus-io/lezer-promql`, the parser of Prometheus's own UI), then the checks Prometheus
 * makes after parsing that `promtool check rules` reports too: functions given a range vector
 * where they need one, the number of arguments, valid regular expressions in `=~`/`!~`, and
 * an expression that is a vector, not a string or a bare range. Pure: the parser is passed in
 * (the caller loads it lazily, only when there is PromQL to check).
 */
import type { SyntaxNode, Tree } from '@lezer/common';

/** What this module needs of the lezer-promql parser. */
export interface PromqlParser {
	parse(input: string): Tree;
}

export interface PromqlTools {
	readonly parser: PromqlParser;
	/** Whether a pattern compiles as RE2 (Go's regexp syntax); the message when not. */
	readonly regexProblem?: (pattern: string) => string | undefined;
}

export interface PromqlProblem {
	/** Offset in the expression. */
	readonly offset: number;
	readonly message: string;
}

/** Functions whose argument at `range` must be a range vector (`x[5m]` or a subquery). */
const FUNCTIONS: Record<string, { min: number; max: number; range?: number }> = {
	abs: { min: 1, max: 1 },
	absent: { min: 1, max: 1 },
	absent_over_time: { min: 1, max: 1, range: 0 },
	avg_over_time: { min: 1, max: 1, range: 0 },
	ceil: { min: 1, max: 1 },
	changes: { min: 1, max: 1, range: 0 },
	clamp: { min: 3, max: 3 },
	clamp_max: { min: 2, max: 2 },
	clamp_min: { min: 2, max: 2 },
	count_over_time: { min: 1, max: 1, range: 0 },
	day_of_month: { min: 0, max: 1 },
	day_of_week: { min: 0, max: 1 },
	days_in_month: { min: 0, max: 1 },
	delta: { min: 1, max: 1, range: 0 },
	deriv: { min: 1, max: 1, range: 0 },
	exp: { min: 1, max: 1 },
	floor: { min: 1, max: 1 },
	histogram_quantile: { min: 2, max: 2 },
	holt_winters: { min: 3, max: 3, range: 0 },
	double_exponential_smoothing: { min: 3, max: 3, range: 0 },
	hour: { min: 0, max: 1 },
	idelta: { min: 1, max: 1, range: 0 },
	increase: { min: 1, max: 1, range: 0 },
	irate: { min: 1, max: 1, range: 0 },
	label_join: { min: 3, max: Number.POSITIVE_INFINITY },
	label_replace: { min: 5, max: 5 },
	last_over_time: { min: 1, max: 1, range: 0 },
	ln: { min: 1, max: 1 },
	log10: { min: 1, max: 1 },
	log2: { min: 1, max: 1 },
	max_over_time: { min: 1, max: 1, range: 0 },
	min_over_time: { min: 1, max: 1, range: 0 },
	minute: { min: 0, max: 1 },
	month: { min: 0, max: 1 },
	predict_linear: { min: 2, max: 2, range: 0 },
	present_over_time: { min: 1, max: 1, range: 0 },
	quantile_over_time: { min: 2, max: 2, range: 1 },
	rate: { min: 1, max: 1, range: 0 },
	resets: { min: 1, max: 1, range: 0 },
	round: { min: 1, max: 2 },
	scalar: { min: 1, max: 1 },
	sgn: { min: 1, max: 1 },
	sort: { min: 1, max: 1 },
	sort_desc: { min: 1, max: 1 },
	sqrt: { min: 1, max: 1 },
	stddev_over_time: { min: 1, max: 1, range: 0 },
	stdvar_over_time: { min: 1, max: 1, range: 0 },
	sum_over_time: { min: 1, max: 1, range: 0 },
	time: { min: 0, max: 0 },
	timestamp: { min: 1, max: 1 },
	vector: { min: 1, max: 1 },
	year: { min: 0, max: 1 },
};

const RANGE_NODES = new Set(['MatrixSelector', 'SubqueryExpr']);

/** The argument nodes of a call body (expressions, not the parentheses and commas). */
function argumentsOf(body: SyntaxNode): SyntaxNode[] {
	const out: SyntaxNode[] = [];
	for (let c = body.firstChild; c; c = c.nextSibling)
		if (!/^[(),]$/.test(c.name) && c.type.isError === false) out.push(c);
	return out;
}

/** Strip enclosing parentheses: `(x[5m])` is a range vector too. */
function unparen(node: SyntaxNode): SyntaxNode {
	let n = node;
	while (n.name === 'ParenExpr' && n.firstChild) {
		let inner: SyntaxNode | null = n.firstChild;
		while (inner && /^[()]$/.test(inner.name)) inner = inner.nextSibling;
		if (!inner) break;
		n = inner;
	}
	return n;
}

function describeAt(expr: string, offset: number): string {
	if (offset >= expr.length) return 'unexpected end of input';
	const rest = expr.slice(offset).trimStart();
	const token = /^[A-Za-z_:][A-Za-z0-9_:]*|^\d[\w.]*|^\S/.exec(rest)?.[0] ?? rest[0]!;
	return `unexpected "${token.length > 40 ? `${token.slice(0, 40)}…` : token}"`;
}

/** The first problem Prometheus would report loading this alert expression, or `undefined`. */
export function checkPromql(expr: string, tools: PromqlTools): PromqlProblem | undefined {
	const tree = tools.parser.parse(expr);
	let problem: PromqlProblem | undefined;
	const cursor = tree.cursor();
	// Iterative walk: deep expressions cannot overflow the stack here.
	do {
		const node = cursor.node;
		if (node.type.isError) {
			problem = {
				offset: node.from,
				message: `does not parse: ${describeAt(expr, node.from)} at character ${node.from + 1}`,
			};
			break;
		}
		if (node.name === 'FunctionCall') {
			const id = node.getChild('FunctionIdentifier');
			const body = node.getChild('FunctionCallBody');
			if (id && body) {
				const name = expr.slice(id.from, id.to);
				const spec = FUNCTIONS[name];
				const args = argumentsOf(body);
				if (spec) {
					if (args.length < spec.min || args.length > spec.max) {
						const want =
							spec.min === spec.max
								? `${spec.min}`
								: spec.max === Number.POSITIVE_INFINITY
									? `at least ${spec.min}`
									: `${spec.min} to ${spec.max}`;
						problem = {
							offset: id.from,
							message: `${name}() takes ${want} argument${want === '1' ? '' : 's'}, not ${args.length}`,
						};
						break;
					}
					const arg = spec.range === undefined ? undefined : args[spec.range];
					if (arg && !RANGE_NODES.has(unparen(arg).name)) {
						problem = {
							offset: arg.from,
							message: `${name}() needs a range vector such as ${expr.slice(arg.from, arg.to)}[5m] as argument ${spec.range! + 1}, not an instant vector`,
						};
						break;
					}
				}
			}
		}
		if (tools.regexProblem && (node.name === 'EqlRegex' || node.name === 'NeqRegex')) {
			const matcher = node.parent?.parent;
			const literal = matcher?.getChild('StringLiteral');
			if (literal) {
				const raw = expr.slice(literal.from, literal.to);
				const pattern = unquote(raw);
				const why = pattern === undefined ? undefined : tools.regexProblem(pattern);
				if (why) {
					problem = { offset: literal.from, message: `the regular expression ${raw} is not valid: ${why}` };
					break;
				}
			}
		}
	} while (cursor.next());
	if (problem) return problem;
	const top = tree.topNode.firstChild;
	if (top) {
		const kind = unparen(top).name;
		if (kind === 'StringLiteral')
			return { offset: top.from, message: 'is a string; an alert expression must give a vector' };
		if (RANGE_NODES.has(kind))
			return {
				offset: top.from,
				message:
					'is a range vector; an alert expression must give an instant vector (wrap it in a function such as rate())',
			};
	}
	return undefined;
}

/** The value of a PromQL string literal (double, single or back quotes). */
function unquote(raw: string): string | undefined {
	const q = raw[0];
	if (q === '`') return raw.slice(1, -1);
	if (q !== '"' && q !== "'") return undefined;
	return raw.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', '\\': '\\' })[c] ?? c);
}
