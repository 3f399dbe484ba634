/**
 * The gate reads alert queries and summaries as Prometheus does: for each case, the gate's
 * PromQL check (the real lezer-promql grammar plus Prometheus's post-parse checks) and its Go
 * template check agree with the real `promtool check rules` on a rule file holding the alert:
 * both accept, or both reject. Then, through the CLI, the finding a user reads for each.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { promqlTools } from '../../src/adapters/promql-tools.ts';
import { checkGoTemplate } from '../../src/core/alerts/go-template.ts';
import { checkPromql } from '../../src/core/alerts/promql-check.ts';
import { findTool } from '../support/system-tool.ts';
import { copyTree, GOOD, runCli, TODAY } from '../gate/support.ts';

const promtool = findTool(
	'promtool',
	['/usr/bin/promtool', '/usr/local/bin/promtool'],
	'apt-get install --no-install-recommends prometheus',
);
const dir = mkdtempSync(join(tmpdir(), 'promql-gate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whether promtool accepts one alert with this expression and summary. */
function promtoolAccepts(expr: string, summary: string): boolean {
	const file = join(dir, 'rule.yml');
	writeFileSync(file, stringify({ groups: [{ name: 'g', rules: [{ alert: 'A', expr, annotations: { summary } }] }] }));
	const r = spawnSync(promtool.path!, ['check', 'rules', file], { encoding: 'utf8' });
	return r.status === 0;
}

const EXPRESSIONS: readonly [expr: string, valid: boolean][] = [
	['sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.05', true],
	['histogram_quantile(0.95, sum by (le) (rate(billing_event_seconds_bucket[5m]))) > 30', true],
	['time() - max(fivetran_last_sync_end_timestamp_seconds) > 3600', true],
	['absent_over_time(up{job="billing"}[10m])', true],
	['sum(rate(x[5m]) > 1', false],
	['rate(http_requests_total) > 1', false],
	['abs(x, y) > 1', false],
	['foo_bar_baz(x) > 1', false],
	['x{job=~"("} > 1', false],
	['x{job="a"', false],
	['quantile_over_time(0.9, x) > 1', false],
	['1 +', false],
];

/**
 * The gate is stricter than promtool here: `check rules` only parses, and these parse, but a
 * rule whose result is a range vector or a string fails at every evaluation in Prometheus.
 */
const STRICTER: readonly string[] = ['up[5m]', '"a string"'];

const SUMMARIES: readonly [summary: string, valid: boolean][] = [
	['Backlog is {{ $value | humanize }} events', true],
	['{{ $labels.instance }} is down ({{ printf "%.2f" $value }})', true],
	['{{ if gt $value 1.0 }}high{{ else }}low{{ end }}', true],
	['{{- $value -}} {{/* a comment */}} x }} y', true],
	['Backlog is {{ $value events', false],
	['{{ if gt $value 1.0 }}high', false],
	['done {{ end }}', false],
	['{{ humanise $value }}', false],
	['{{ $valeu }}', false],
	['{{ "unterminated }}', false],
	['{{}}', false],
	['{{ (len $labels }}', false],
];

describe.skipIf(promtool.skipReason !== undefined)('the gate agrees with promtool check rules', () => {
	const tools = promqlTools();
	it.each(EXPRESSIONS)('expr %s', (expr, valid) => {
		const gate = checkPromql(expr, tools) === undefined;
		expect(promtoolAccepts(expr, 'x'), 'promtool').toBe(valid);
		expect(gate, `gate: ${checkPromql(expr, tools)?.message}`).toBe(valid);
	});
	it.each(STRICTER)('expr %s: promtool accepts it, the gate refuses what Prometheus cannot evaluate', (expr) => {
		expect(promtoolAccepts(expr, 'x')).toBe(true);
		expect(checkPromql(expr, tools)?.message).toMatch(/an alert expression must give/);
	});
	it.each(SUMMARIES)('summary %s', (summary, valid) => {
		expect(promtoolAccepts('up == 0', summary), 'promtool').toBe(valid);
		expect(checkGoTemplate(summary) === undefined, `gate: ${checkGoTemplate(summary)?.message}`).toBe(valid);
	});
});

const PAYMENTS = 'content/surfaces/payments.yaml';
describe('the CLI reports them at the alert', () => {
	const cases: [name: string, from: string, to: string, expect: string][] = [
		[
			'a PromQL syntax error',
			'summary: Payment errors are high.',
			'summary: Payment errors are high.\n    query: { language: promql, expr: "sum(rate(payment_errors_total[5m]) > 1" }',
			`${PAYMENTS}:18:32  error  alert-promql  the PromQL of alert "payments-errors" does not parse: unexpected end of input at character 39.`,
		],
		[
			'rate() of an instant vector',
			'summary: Payment errors are high.',
			'summary: Payment errors are high.\n    query:\n      language: promql\n      expr: rate(payment_errors_total) > 1',
			`${PAYMENTS}:20:7  error  alert-promql  the PromQL of alert "payments-errors" rate() needs a range vector such as payment_errors_total[5m] as argument 1, not an instant vector.`,
		],
		[
			'an unclosed template action in the summary',
			'summary: Payment errors are high.',
			'summary: "Errors at {{ $value | humanizePercentage"',
			`${PAYMENTS}:17:5  error  alert-template  the summary of alert "payments-errors" is not a valid template: unclosed action at character 11.`,
		],
		[
			'an undefined template function in the summary',
			'summary: Payment errors are high.',
			'summary: "Errors at {{ humanise $value }}"',
			`${PAYMENTS}:17:5  error  alert-template  the summary of alert "payments-errors" is not a valid template: function "humanise" not defined at character 14.`,
		],
	];
	it.each(cases)('%s', (_name, from, to, expected) => {
		const tree = copyTree(GOOD);
		try {
			const text = readFileSync(join(tree.root, PAYMENTS), 'utf8');
			expect(text).toContain(from);
			writeFileSync(join(tree.root, PAYMENTS), text.replace(from, to));
			const r = runCli(['--root', tree.root, '--today', TODAY]);
			expect(
				r.stderr.split('\n').some((l) => l.startsWith(expected)),
				r.stderr,
			).toBe(true);
			expect(r.status).toBe(1);
		} finally {
			tree.cleanup();
		}
	});
});
