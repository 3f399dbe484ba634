/**
 * The exported Prometheus rule files under the real promtool (Debian's prometheus package):
 * `promtool check rules` accepts them, and `promtool test rules` runs unit tests with
 * synthetic series for every PromQL alert the shipped content declares.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { declaredAlerts } from '../../src/core/alerts/declared-alert.ts';
import { prometheusFilePath } from '../../src/core/alerts/export-set.ts';
import { findTool } from '../support/system-tool.ts';
import {
	firingAlertNames,
	materialiseTestFile,
	promtoolTestFiles,
	quietAlertNames,
	readTestFile,
} from './support/promtool-tests.ts';
import { GOLDEN_DIR, NODE, REPO } from './support/paths.ts';

const promtool = findTool(
	'promtool',
	['/usr/bin/promtool', '/usr/local/bin/promtool'],
	'apt-get install --no-install-recommends prometheus',
);
const shipped = declaredAlerts(loadContent(REPO)).filter((d) => d.alert.query?.language === 'promql');
const surfaces = [...new Set(shipped.map((d) => d.surface.id))];
let out: string;

beforeAll(() => {
	out = mkdtempSync(join(tmpdir(), 'alerts-promtool-'));
	execFileSync(NODE, [join(REPO, 'scripts/alerts-export.ts'), '--root', REPO, '--out', out], { stdio: 'ignore' });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('promtool unit tests cover the shipped alerts', () => {
	const tests = new Map(promtoolTestFiles().map((f) => [f, readTestFile(f)]));

	it("has one test file per surface with PromQL alerts, on that surface's exported file", () => {
		expect([...tests.keys()]).toEqual(surfaces.map((s) => `${s}.test.yml`).sort());
		for (const [name, t] of tests)
			expect(t.rule_files).toEqual([prometheusFilePath(name.replace(/\.test\.yml$/, '')).replace('prometheus/', '')]);
	});

	it.each(shipped.map((d) => [d.alert.name, d.surface.id]))(
		'%s has a case where it fires and one where it stays quiet',
		(name, surface) => {
			const t = tests.get(`${surface}.test.yml`);
			expect(t, `tests/alerts/promtool/${surface}.test.yml is missing`).toBeDefined();
			expect(firingAlertNames(t!).has(name), `no alert_rule_test in ${surface}.test.yml expects ${name} to fire`).toBe(
				true,
			);
			expect(
				quietAlertNames(t!).has(name),
				`no alert_rule_test in ${surface}.test.yml expects ${name} to stay quiet`,
			).toBe(true);
		},
	);
});

describe.skipIf(promtool.skipReason !== undefined)('promtool', () => {
	it.each(surfaces)('check rules accepts the exported %s rules', (surface) => {
		const r = spawnSync(promtool.path!, ['check', 'rules', join(out, prometheusFilePath(surface))], {
			encoding: 'utf8',
		});
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/SUCCESS: \d+ rules found/);
	});

	it('check rules accepts the whole export in one run (alert, SLI, budget and burn rules)', () => {
		const files = surfaces.map((s) => join(out, prometheusFilePath(s)));
		const r = spawnSync(promtool.path!, ['check', 'rules', ...files], { encoding: 'utf8' });
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout.match(/SUCCESS: \d+ rules found/g)).toHaveLength(files.length);
		const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
		for (const w of ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'])
			expect(text).toContain(`record: slo:sli_error:ratio_rate${w}\n`);
		expect(text).toContain('record: slo:period_error_budget_remaining:ratio\n');
		expect(text.match(/alert: \w+BudgetBurnPage\n/g)?.length).toBeGreaterThanOrEqual(6);
	});

	it('check rules accepts the golden rule files', () => {
		const r = spawnSync(
			promtool.path!,
			[
				'check',
				'rules',
				join(GOLDEN_DIR, 'prometheus/payments.rules.yaml'),
				join(GOLDEN_DIR, 'prometheus/edge.rules.yaml'),
			],
			{ encoding: 'utf8' },
		);
		expect(r.status).toBe(0);
		expect(r.stdout.match(/SUCCESS/g)).toHaveLength(2);
	});

	it.each(promtoolTestFiles())('test rules passes %s', (name) => {
		const file = materialiseTestFile(name, join(out, 'prometheus'));
		const r = spawnSync(promtool.path!, ['test', 'rules', file], { encoding: 'utf8' });
		expect(`${r.stdout}${r.stderr}`).toContain('SUCCESS');
		expect(r.status).toBe(0);
	});

	it('test rules fails when an expression stops firing (the tests can fail)', () => {
		const file = materialiseTestFile('custom-domains.test.yml', join(out, 'prometheus'));
		const rules = join(out, prometheusFilePath('custom-domains'));
		const text = readFileSync(rules, 'utf8');
		// The expression as first shipped: sum of the zero-valued samples kept by "== 0" is 0, so it never fired.
		const broken = text.replace(
			'count by (domain) (custom_domain_dns_check_ok == 0)',
			'sum by (domain) (custom_domain_dns_check_ok == 0)',
		);
		expect(broken).not.toBe(text);
		writeFileSync(rules, broken);
		try {
			const r = spawnSync(promtool.path!, ['test', 'rules', file], { encoding: 'utf8' });
			expect(r.status).toBe(1);
			expect(r.stdout + r.stderr).toContain('alertname: CustomDomainDnsMisconfigured, time: 3h');
		} finally {
			writeFileSync(rules, text);
		}
	});
});
