/**
 * Prepares the promtool unit tests in tests/alerts/promtool/ to run against exported rule
 * files: copies each test file next to the rule files and gives every expected alert the
 * annotations its rule carries. The test files hold what is worth writing by hand — series,
 * evaluation times and expected labels; annotations are checked by the golden tests.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export const PROMTOOL_TESTS_DIR = join(import.meta.dirname, '../promtool');

interface RuleFile {
	groups: { rules: { alert?: string; annotations?: Record<string, string> }[] }[];
}
interface TestFile {
	rule_files: string[];
	tests: {
		alert_rule_test?: {
			alertname: string;
			exp_alerts?: { exp_labels?: Record<string, string>; exp_annotations?: Record<string, string> }[];
		}[];
	}[];
}

/** Names of the test files, sorted. */
export function promtoolTestFiles(): string[] {
	return readdirSync(PROMTOOL_TESTS_DIR)
		.filter((f) => f.endsWith('.test.yml'))
		.sort();
}

export function readTestFile(name: string): TestFile {
	return parse(readFileSync(join(PROMTOOL_TESTS_DIR, name), 'utf8')) as TestFile;
}

/** Alert names each test file expects to fire at least once. */
export function firingAlertNames(test: TestFile): Set<string> {
	const names = new Set<string>();
	for (const group of test.tests)
		for (const t of group.alert_rule_test ?? []) if ((t.exp_alerts ?? []).length > 0) names.add(t.alertname);
	return names;
}

/** Alert names each test file expects to stay quiet at some evaluation time. */
export function quietAlertNames(test: TestFile): Set<string> {
	const names = new Set<string>();
	for (const group of test.tests)
		for (const t of group.alert_rule_test ?? []) if ((t.exp_alerts ?? []).length === 0) names.add(t.alertname);
	return names;
}

/** Write `name` into `ruleDir` (which holds the exported rule files), annotations filled in. */
export function materialiseTestFile(name: string, ruleDir: string): string {
	const test = readTestFile(name);
	const annotations = new Map<string, Record<string, string>>();
	for (const ruleFile of test.rule_files) {
		const rules = parse(readFileSync(join(ruleDir, ruleFile), 'utf8')) as RuleFile;
		for (const g of rules.groups) for (const r of g.rules) if (r.alert) annotations.set(r.alert, r.annotations ?? {});
	}
	for (const group of test.tests) {
		for (const t of group.alert_rule_test ?? []) {
			for (const a of t.exp_alerts ?? []) a.exp_annotations ??= annotations.get(t.alertname) ?? {};
		}
	}
	const target = join(ruleDir, name);
	writeFileSync(target, stringify(test, { lineWidth: 0 }));
	return target;
}
