/**
 * `npm run alerts:verify` as a child process, against the real built site (inject('builtSite')),
 * on foreign alert files with known defects: the exact findings with file and line in all
 * three formats, and the exit codes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { VERIFY_RULES, type VerifyRuleId } from '../../src/core/alerts/verify-rules.ts';
import { NODE, REPO } from './support/paths.ts';

const site = inject('builtSite');
const SITE_URL = 'https://launchbook.example.com';
const temps: string[] = [];
const temp = () => {
	const d = mkdtempSync(join(tmpdir(), 'alerts-verify-'));
	temps.push(d);
	return d;
};
afterAll(() => {
	for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function verify(args: string[], env: Record<string, string> = {}) {
	return spawnSync(NODE, [join(REPO, 'scripts/alerts-verify.mjs'), ...args], {
		cwd: REPO,
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1', ...env },
	});
}

type Expected = [location: string, rule: VerifyRuleId, message: string];
/** The line a user reads, built from the rule catalog so a reworded fix changes one place. */
const line = ([location, rule, message]: Expected) =>
	`${location}  ${VERIFY_RULES[rule].level}  ${rule}  ${message} ${VERIFY_RULES[rule].fix}`;

const F = 'tests/fixtures/alerts/foreign';
const EXPECTED: Expected[] = [
	[`${F}/broken/syntax.json:4:1`, 'verify-file-syntax', 'invalid JSON: Expected double-quoted property name.'],
	[
		`${F}/broken/syntax.yml:7:1`,
		'verify-file-syntax',
		'Flow map in block collection must be sufficiently indented and end with a }.',
	],
	[
		`${F}/cloud-monitoring/bad-links.json:12:5`,
		'verify-policy-documentation',
		'policy "FivetranSignatureFailuresHigh": documentation.mimeType is "text/plain", not "text/markdown".',
	],
	[
		`${F}/cloud-monitoring/bad-links.json:16:9`,
		'verify-runbook-section',
		'policy "FivetranSignatureFailuresHigh": documentation.links[0].url https://launchbook.example.com/runbooks/fivetran-webhooks/signature-verification-failing/#rotate-the-secret: the page /runbooks/fivetran-webhooks/signature-verification-failing/ has no heading with the anchor "rotate-the-secret".',
	],
	[
		`${F}/cloud-monitoring/bad-links.json:19:9`,
		'verify-policy-links',
		'policy "FivetranSignatureFailuresHigh": documentation.links[1].displayName is 79 characters; the limit is 63.',
	],
	[
		`${F}/cloud-monitoring/bad-links.json:22:7`,
		'verify-policy-links',
		'policy "FivetranSignatureFailuresHigh": documentation.links[2] has no url.',
	],
	[
		`${F}/cloud-monitoring/bad-links.json:25:7`,
		'verify-policy-links',
		'policy "FivetranSignatureFailuresHigh" has 4 documentation.links; Cloud Monitoring accepts at most 3.',
	],
	[
		`${F}/cloud-monitoring/no-links.json:2:3`,
		'verify-alert-unknown',
		'policy "Billing backlog (hand-made)" matches no alert declared in content/surfaces.',
	],
	[
		`${F}/cloud-monitoring/no-links.json:7:3`,
		'verify-runbook-missing',
		'policy "Billing backlog (hand-made)" has no documentation.links; the runbook link goes there.',
	],
	[
		`${F}/cloud-monitoring/policies-list.json:17:53`,
		'verify-runbook-external',
		'policy "CloudDeployRolloutStuck": documentation.links[0].url https://wiki.example.com/deploy/stuck-rollouts points outside the site https://launchbook.example.com: it points at wiki.example.com.',
	],
	[
		`${F}/kubernetes/prometheus-rule.yaml:21:13`,
		'verify-runbook-page',
		'alert "CustomDomainDnsMisconfigured": runbook_url https://launchbook.example.com/alerts/custom-domain-dns-broken/ names the page /alerts/custom-domain-dns-broken/, which the built site does not have.',
	],
	[
		`${F}/prometheus/team-rules.yml:14:9`,
		'verify-runbook-missing',
		'alert "BillingEventLatencyP95High" has no runbook_url annotation.',
	],
	[
		`${F}/prometheus/team-rules.yml:21:11`,
		'verify-runbook-external',
		'alert "StripeUndeliveredEvents": runbook_url https://wiki.example.com/billing/stripe-undelivered points outside the site https://launchbook.example.com: it points at wiki.example.com.',
	],
	[
		`${F}/prometheus/team-rules.yml:26:11`,
		'verify-runbook-external',
		'alert "BillingReconciliationDrift": runbook_url http://launchbook.example.com/runbooks/billing-events/charge-not-recorded/#billingreconciliationdrift points outside the site https://launchbook.example.com: it uses http, not https.',
	],
	[
		`${F}/prometheus/team-rules.yml:31:11`,
		'verify-runbook-mismatch',
		'alert "StripeSignatureFailuresHigh": runbook_url lands on /runbooks/billing-events/event-backlog/#mitigation, but content declares /runbooks/billing-events/stripe-signature-failing/#stripesignaturefailureshigh.',
	],
	[
		`${F}/prometheus/team-rules.yml:38:11`,
		'verify-runbook-page',
		'alert "FivetranWebhookSilent": runbook_url https://launchbook.example.com/runbooks/fivetran-webhooks/webhook-disabled/#fivetranwebhooksilent names the page /runbooks/fivetran-webhooks/webhook-disabled/, which the built site does not have.',
	],
	[
		`${F}/prometheus/team-rules.yml:43:11`,
		'verify-runbook-section',
		'alert "FivetranWebhookDeliverySuccessLow": runbook_url https://launchbook.example.com/runbooks/fivetran-webhooks/deliveries-failing/#retry-storm: the page /runbooks/fivetran-webhooks/deliveries-failing/ has no heading with the anchor "retry-storm".',
	],
	[
		`${F}/prometheus/team-rules.yml:45:9`,
		'verify-alert-unknown',
		'alert "LegacyQueueDepthHigh" matches no alert declared in content/surfaces.',
	],
	[
		`${F}/prometheus/team-rules.yml:53:11`,
		'verify-runbook-no-section',
		'alert "CloudRunRevision5xxHigh": runbook_url https://launchbook.example.com/runbooks/gcp-deploy/cloud-run-health-check-failing/ lands on the top of /runbooks/gcp-deploy/cloud-run-health-check-failing/, not on a section.',
	],
];

describe('alerts:verify on foreign files with known defects', () => {
	it('reports every defect with file, line and column in text, and exits 1', () => {
		const r = verify(['--site', site, F]);
		expect(r.stdout).toBe('');
		expect(r.stderr).toBe(
			`${[...EXPECTED.map(line), '', `Alert files: 17 errors, 2 warnings in 7 files of 8 checked; 16 alerts checked. Each rule is explained at ${SITE_URL}/rules/<rule-id>/.`].join('\n')}\n`,
		);
		expect(r.status).toBe(1);
	});

	it('reports a named file that is no alert file (a folder search skips it)', () => {
		const r = verify(['--site', site, `${F}/broken/not-rules.json`]);
		expect(r.stderr.split('\n')[0]).toBe(
			line([
				`${F}/broken/not-rules.json:1:1`,
				'verify-file-format',
				'found a mapping with keys "apiVersion", "kind", not Prometheus rule groups or an AlertPolicy.',
			]),
		);
		expect(r.status).toBe(1);
	});

	it('writes one JSON report on stdout with the same findings', () => {
		const r = verify(['--site', site, '--format', 'json', F]);
		expect(r.status).toBe(1);
		expect(r.stderr).toBe('');
		const report = JSON.parse(r.stdout);
		expect(report.tool).toBe('launchbook-alerts-verify');
		expect(report.summary).toEqual({ errors: 17, warnings: 2, files: 7, checked: 8, alerts: 16 });
		expect(
			report.findings.map((f: { file: string; line: number; column: number; rule: string }) => [
				`${f.file}:${f.line}:${f.column}`,
				f.rule,
			]),
		).toEqual(EXPECTED.map(([loc, rule]) => [loc, rule]));
		expect(report.findings[0]).toEqual({
			rule: 'verify-file-syntax',
			level: 'error',
			file: `${F}/broken/syntax.json`,
			line: 4,
			column: 1,
			message: 'invalid JSON: Expected double-quoted property name.',
			fix: VERIFY_RULES['verify-file-syntax'].fix,
			url: `${SITE_URL}/rules/verify-file-syntax/`,
		});
	});

	it('writes GitHub annotations within the per-step limit and all findings to the job summary', () => {
		const summary = join(temp(), 'summary.md');
		writeFileSync(summary, '');
		const r = verify(['--site', site, '--format', 'github', F], { GITHUB_STEP_SUMMARY: summary });
		expect(r.status).toBe(1);
		const lines = r.stdout.trimEnd().split('\n');
		expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
		expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(2);
		expect(lines.at(-1)).toBe(
			'::notice title=Launchbook alerts%3Averify::7 errors left out of the annotations: GitHub shows 10 of each level per step. The job summary lists all 19 findings.',
		);
		expect(lines[0]).toBe(
			`::error file=${F}/broken/syntax.json,line=4,col=1,title=verify-file-syntax (error)::invalid JSON: Expected double-quoted property name. ${VERIFY_RULES['verify-file-syntax'].fix} See ${SITE_URL}/rules/verify-file-syntax/`,
		);
		const md = readFileSync(summary, 'utf8');
		expect(
			md.startsWith(
				'## Launchbook alerts:verify\n\n❌ Alert files: 17 errors, 2 warnings in 7 files of 8 checked; 16 alerts checked.\n',
			),
		).toBe(true);
		expect(md.split('\n').filter((l) => l.startsWith('| error |') || l.startsWith('| warning |'))).toHaveLength(19);
	});

	it('exits 0 when only warnings remain', () => {
		const dir = temp();
		writeFileSync(
			join(dir, 'rules.yml'),
			'groups:\n  - name: g\n    rules:\n      - alert: CloudRunRevision5xxHigh\n        expr: vector(1)\n        annotations:\n          runbook_url: https://launchbook.example.com/runbooks/gcp-deploy/cloud-run-health-check-failing/\n',
		);
		const r = verify(['--site', site, join(dir, 'rules.yml')]);
		expect(r.stderr).toContain('  warning  verify-runbook-no-section  ');
		expect(r.stderr).toContain('Alert files: 0 errors, 1 warning in 1 file of 1 checked; 1 alert checked.');
		expect(r.status).toBe(0);
	});

	it('finds nothing wrong in the exports of the shipped content', () => {
		const out = temp();
		const exp = spawnSync(NODE, [join(REPO, 'scripts/alerts-export.ts'), '--out', out], {
			cwd: REPO,
			encoding: 'utf8',
		});
		expect(exp.status).toBe(0);
		const r = verify(['--site', site, join(out, 'prometheus'), join(out, 'cloud-monitoring')]);
		expect(r.stderr).toMatch(/^Alert files: no findings in \d+ files; \d+ alerts checked\.\n$/);
		expect(r.status).toBe(0);
	});
});

describe('alerts:verify on what teams bring', () => {
	const write = (name: string, text: string) => {
		const dir = temp();
		writeFileSync(join(dir, name), text);
		return join(dir, name);
	};

	it('fails when no alert was checked (only recording rules), and says so', () => {
		const file = write(
			'recording.yml',
			'groups:\n  - name: g\n    rules:\n      - record: job:x:rate5m\n        expr: vector(1)\n',
		);
		const r = verify(['--site', site, file]);
		expect(r.stderr).toBe(
			'Alert files: no findings in 1 file; 0 alerts checked.\nalerts:verify: no alert was checked: the file holds no alerting rule or AlertPolicy. Name the rule files to check.\n',
		);
		expect(r.status).toBe(1);
	});

	it('leaves out files matching --exclude, and fails when that leaves no alert', () => {
		const r = verify(['--site', site, '--exclude', 'broken/**', '--exclude', '*.json', F]);
		expect(r.stderr).not.toContain('foreign/broken/');
		expect(r.stderr).not.toContain('.json:');
		expect(r.stderr).toContain('in 2 files of 2 checked; 12 alerts checked.');
		const none = verify(['--site', site, '--exclude', '**', F]);
		expect(none.stderr).toContain(
			'alerts:verify: no alert was checked: the 0 files hold no alerting rule or AlertPolicy (after --exclude).',
		);
		expect(none.status).toBe(1);
	});

	it('expands $externalLabels from --external-label, and refuses a malformed one', () => {
		const file = write(
			'templated.yml',
			'groups:\n  - name: g\n    rules:\n      - alert: CloudRunRevision5xxHigh\n        expr: vector(1)\n        labels: { severity: sev2 }\n        annotations:\n          runbook_url: "{{ $externalLabels.launchbook }}/alerts/cloud-run-revision-5xx-high/"\n',
		);
		const unexpanded = verify(['--site', site, file]);
		expect(unexpanded.stderr).toContain('  warning  verify-runbook-template  ');
		const ok = verify(['--site', site, '--external-label', `launchbook=${SITE_URL}`, file]);
		expect(ok.stderr).toBe('Alert files: no findings in 1 file; 1 alert checked.\n');
		expect(ok.status).toBe(0);
		const bad = verify(['--site', site, '--external-label', 'launchbook', file]);
		expect(bad.stderr.split('\n')[0]).toBe(
			'alerts:verify: --external-label takes <name>=<value> (a label name, "=", its value), not "launchbook".',
		);
		expect(bad.status).toBe(2);
	});

	it('hints at helm template for a chart template, with its line', () => {
		const file = write(
			'prometheusrule.yaml',
			'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: billing\n  labels:\n    release: {{ .Release.Name }}\nspec:\n  groups: []\n',
		);
		const r = verify(['--site', site, file]);
		expect(r.stderr.split('\n')[0]).toMatch(
			/prometheusrule\.yaml:6:14 {2}error {2}verify-file-syntax {2}this is a Helm chart template \(\{\{ \.Release… at line 6\), not a rule file; render it with `helm template` first and verify the output\./,
		);
		expect(r.status).toBe(1);
	});
});

describe('alerts:verify usage errors exit 2', () => {
	it.each([
		[[] as string[], 'alerts:verify: name at least one Prometheus rule file, AlertPolicy JSON or folder of them.'],
		[['--format', 'sarif', F], 'alerts:verify: --format must be one of text, json, github, not "sarif".'],
		[
			['--site', '/nonexistent/dist', F],
			'alerts:verify: /nonexistent/dist is not a built site (no index.html). Build it first: npm run build, then pass its output folder with --site.',
		],
		[['--bogus', F], "alerts:verify: Unknown option '--bogus'."],
	])('%j', (args, message) => {
		const r = verify(args);
		expect(r.stderr.split('\n')[0]).toBe(message);
		expect(r.status).toBe(2);
	});

	it('names a path that does not exist', () => {
		const r = verify(['--site', site, 'no/such/rules.yml']);
		expect(r.stderr).toBe('alerts:verify: no/such/rules.yml does not exist.\n');
		expect(r.status).toBe(2);
	});
});
