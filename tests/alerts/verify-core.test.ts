/**
 * The pure parts of alerts:verify: reading a built page, resolving links against a site
 * index, and the checks on parsed files — on small in-memory inputs, one case each.
 */
import { describe, expect, it } from 'vitest';
import { parseAlertText } from '../../src/adapters/alert-files.ts';
import { indexHtmlPage, pagePathOf, resolveSiteLink, type SiteIndex } from '../../src/core/alerts/site-index.ts';
import { ruleLevel } from '../../src/core/rules/catalog.ts';
import { rollUpFindings, verifyAlertFiles, verifyAlerts } from '../../src/core/alerts/verify.ts';

const page = (anchors: string[], redirect?: string) => ({ anchors: new Set(anchors), redirect });
const SITE: SiteIndex = {
	pages: new Map([
		['/', page(['_top'])],
		['/runbooks/billing/backlog/', page(['_top', 'mitigation', 'rollback', 'café-steps'])],
		['/alerts/backlog-high/', page([], '/runbooks/billing/backlog/#mitigation')],
		['/alerts/stale/', page([], '/runbooks/billing/backlog/#removed-section')],
		['/exports/prometheus/billing.rules.yaml', page([])],
	]),
};
const URL_ = 'https://launchbook.example.com';

describe('indexHtmlPage', () => {
	it('collects heading ids and a meta refresh target, whatever the attribute order and quoting', () => {
		const html = `<h1 id="_top">T</h1><div id="not-a-heading"></div><h2 class="x" id='diagnosis'>D</h2><H3 ID=next-steps>N</H3><h4>no id</h4>
			<meta content="0;URL='/runbooks/a/#b&amp;c'" http-equiv="Refresh">`;
		const p = indexHtmlPage(html);
		expect([...p.anchors]).toEqual(['_top', 'diagnosis', 'next-steps']);
		expect(p.redirect).toBe('/runbooks/a/#b&c');
	});

	it('maps built files to page paths', () => {
		expect(pagePathOf('index.html')).toBe('/');
		expect(pagePathOf('runbooks/a/b/index.html')).toBe('/runbooks/a/b/');
		expect(pagePathOf('404.html')).toBe('/404.html');
	});
});

describe('resolveSiteLink', () => {
	it.each([
		[
			'https://launchbook.example.com/runbooks/billing/backlog/#mitigation',
			{ kind: 'ok', path: '/runbooks/billing/backlog/', anchor: 'mitigation' },
		],
		[
			'https://launchbook.example.com/runbooks/billing/backlog#rollback',
			{ kind: 'ok', path: '/runbooks/billing/backlog/', anchor: 'rollback' },
		],
		[
			'https://launchbook.example.com/runbooks/billing/backlog/index.html#rollback',
			{ kind: 'ok', path: '/runbooks/billing/backlog/', anchor: 'rollback' },
		],
		[
			'https://launchbook.example.com/runbooks/billing/backlog/#caf%C3%A9-steps',
			{ kind: 'ok', path: '/runbooks/billing/backlog/', anchor: 'café-steps' },
		],
		[
			'https://launchbook.example.com/runbooks/billing/backlog/',
			{ kind: 'no-section', path: '/runbooks/billing/backlog/' },
		],
		[
			'https://launchbook.example.com/runbooks/billing/backlog/#mitigaton',
			{ kind: 'section-missing', path: '/runbooks/billing/backlog/', anchor: 'mitigaton' },
		],
		[
			'https://launchbook.example.com/runbooks/billing/gone/#x',
			{ kind: 'page-missing', path: '/runbooks/billing/gone/' },
		],
		[
			'https://launchbook.example.com/alerts/backlog-high/',
			{ kind: 'ok', path: '/runbooks/billing/backlog/', anchor: 'mitigation', via: '/alerts/backlog-high/' },
		],
		[
			'https://launchbook.example.com/alerts/stale/',
			{ kind: 'section-missing', path: '/runbooks/billing/backlog/', anchor: 'removed-section', via: '/alerts/stale/' },
		],
		[
			'https://launchbook.example.com/exports/prometheus/billing.rules.yaml',
			{ kind: 'no-section', path: '/exports/prometheus/billing.rules.yaml' },
		],
		[
			'http://launchbook.example.com/runbooks/billing/backlog/#mitigation',
			{ kind: 'external', reason: 'it uses http, not https' },
		],
		[
			'https://wiki.example.com/runbooks/billing/backlog/',
			{ kind: 'external', reason: 'it points at wiki.example.com' },
		],
		['/runbooks/billing/backlog/#mitigation', { kind: 'external', reason: 'it is not an absolute URL' }],
		['javascript:alert(document.cookie)', { kind: 'external', reason: 'it is a javascript: link, not a web address' }],
		['mailto:oncall@example.com', { kind: 'external', reason: 'it is a mailto: link, not a web address' }],
	])('%s', (link, expected) => {
		expect(resolveSiteLink(SITE, URL_, link)).toEqual(expected);
	});

	it('honours a site URL with a base path', () => {
		expect(
			resolveSiteLink(
				SITE,
				'https://example.com/launchbook',
				'https://example.com/launchbook/runbooks/billing/backlog/#rollback',
			),
		).toEqual({ kind: 'ok', path: '/runbooks/billing/backlog/', anchor: 'rollback' });
		expect(
			resolveSiteLink(SITE, 'https://example.com/launchbook', 'https://example.com/other/runbooks/billing/backlog/'),
		).toEqual({ kind: 'external', reason: 'its path is outside /launchbook/' });
	});
});

const declared = [{ id: 'backlog-high', name: 'BacklogHigh', runbook: 'billing/backlog#mitigation' }];
const check = (file: string, text: string) =>
	verifyAlertFiles({ files: [parseAlertText(text, file)], site: SITE, siteUrl: URL_, declared });
const brief = (findings: ReturnType<typeof check>) => findings.map((f) => `${f.line}:${f.column} ${f.rule}`);

describe('verifyAlertFiles', () => {
	it('accepts a rule file whose alerts land on their declared sections, directly or by deep link', () => {
		const text = [
			'groups:',
			'  - name: a',
			'    rules:',
			'      - alert: BacklogHigh',
			'        expr: vector(1)',
			'        annotations: { runbook_url: "https://launchbook.example.com/runbooks/billing/backlog/#mitigation" }',
			'      - alert: BacklogHigh',
			'        expr: vector(1)',
			'        annotations: { runbook_url: "https://launchbook.example.com/alerts/backlog-high/" }',
		].join('\n');
		expect(check('rules.yml', text)).toEqual([]);
	});

	it('reads PrometheusRule manifests and the gcloud list shape', () => {
		const crd =
			'kind: PrometheusRule\nspec:\n  groups:\n    - name: a\n      rules:\n        - alert: Unknown1\n          expr: vector(1)\n';
		expect(brief(check('crd.yaml', crd))).toEqual(['6:11 verify-alert-unknown', '6:11 verify-runbook-missing']);
		const list =
			'{"alertPolicies": [{"displayName": "BacklogHigh", "conditions": [], "documentation": {"links": [{"displayName": "Runbook", "url": "https://launchbook.example.com/runbooks/billing/backlog/#rollback"}]}}]}';
		expect(check('list.json', list).map((f) => f.message)).toEqual([
			'policy "BacklogHigh": documentation.links[0].url lands on /runbooks/billing/backlog/#rollback, but content declares /runbooks/billing/backlog/#mitigation.',
		]);
	});

	it('reports each rule at the level policy.rules gives it, and drops rules set to off', () => {
		const json =
			'{\n\t"displayName": "BacklogHigh",\n\t"conditions": [],\n\t"documentation": {\n\t\t"mimeType": "text/html",\n\t\t"links": []\n\t}\n}\n';
		const files = [parseAlertText(json, 'tabs.json')];
		const policy = { rules: { 'verify-policy-documentation': 'warning', 'verify-runbook-missing': 'off' } } as const;
		const findings = verifyAlertFiles({
			files,
			site: SITE,
			siteUrl: URL_,
			declared,
			levelOf: (rule) => ruleLevel(policy, rule),
		});
		expect(findings.map((f) => `${f.line}:${f.column} ${f.level} ${f.rule}`)).toEqual([
			'5:3 warning verify-policy-documentation',
		]);
	});

	it('does not take a ServiceLevelObjective for an AlertPolicy', () => {
		const slo = JSON.stringify({
			displayName: 'Billing events processed within 30 s',
			goal: 0.999,
			rollingPeriod: '2419200s',
			serviceLevelIndicator: { requestBased: { goodTotalRatio: { goodServiceFilter: 'x', totalServiceFilter: 'y' } } },
		});
		expect(
			verifyAlertFiles({
				files: [{ ...parseAlertText(slo, 'slo.json'), discovered: true }],
				site: SITE,
				siteUrl: URL_,
				declared,
			}),
		).toEqual([]);
		expect(brief(check('slo.json', slo))).toEqual(['1:1 verify-file-format']);
	});

	it('reads tab-indented JSON and points at the right line', () => {
		const json =
			'{\n\t"displayName": "BacklogHigh",\n\t"conditions": [],\n\t"documentation": {\n\t\t"mimeType": "text/html",\n\t\t"links": []\n\t}\n}\n';
		expect(brief(check('tabs.json', json))).toEqual(['4:2 verify-runbook-missing', '5:3 verify-policy-documentation']);
	});

	it('reports policy documentation over 8,192 characters', () => {
		const json = JSON.stringify({
			displayName: 'BacklogHigh',
			conditions: [],
			documentation: {
				content: 'x'.repeat(8193),
				links: [{ displayName: 'Runbook', url: 'https://launchbook.example.com/alerts/backlog-high/' }],
			},
		});
		expect(check('long.json', json).map((f) => f.message)).toEqual([
			'policy "BacklogHigh": documentation.content is 8193 characters; the limit is 8192.',
		]);
	});

	it('reports YAML syntax errors at their line, and empty files', () => {
		expect(brief(check('bad.yml', 'groups:\n  - name: a\n    rules: [\n'))).toEqual(['4:1 verify-file-syntax']);
		expect(brief(check('empty.yml', '# nothing\n'))).toEqual(['1:1 verify-file-format']);
	});
});

/** The regressions of issue 14: each shape a team brings, the result it must give. */
describe('verifyAlerts on the shapes real rule files have', () => {
	const run = (file: string, text: string, extra: Partial<Parameters<typeof verifyAlerts>[0]> = {}) =>
		verifyAlerts({ files: [parseAlertText(text, file)], site: SITE, siteUrl: URL_, declared, ...extra });
	const policy = (links: { displayName: string; url: string }[]) =>
		JSON.stringify({ displayName: 'BacklogHigh', conditions: [], documentation: { links } }, null, 2);
	const ON_SITE = 'https://launchbook.example.com/runbooks/billing/backlog/#mitigation';

	it('flags an off-site runbook link of a policy even when another link is on the site', () => {
		const r = run(
			'p.json',
			policy([
				{ displayName: 'Runbook', url: ON_SITE },
				{ displayName: 'Runbook (old wiki)', url: 'https://wiki.example.com/billing/backlog' },
				{ displayName: 'Dashboard', url: 'https://console.cloud.google.com/monitoring/dashboards/x' },
			]),
		);
		expect(r.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
			'12:9 verify-runbook-external policy "BacklogHigh": documentation.links[1].url https://wiki.example.com/billing/backlog points outside the site https://launchbook.example.com: it points at wiki.example.com.',
		]);
		expect(r.checked).toBe(1);
	});

	it('flags a policy whose links hold no runbook link at all', () => {
		const r = run('p.json', policy([{ displayName: 'Dashboard', url: 'https://console.cloud.google.com/x' }]));
		expect(r.findings.map((f) => `${f.rule} ${f.message}`)).toEqual([
			'verify-runbook-missing policy "BacklogHigh": none of its documentation.links is a runbook link (a link named "Runbook…", or one to /runbooks/ or /alerts/ on https://launchbook.example.com).',
		]);
	});

	it('matches a name declared twice (warning and critical) per rule by its labels', () => {
		const twice = [
			{
				id: 'backlog-warn',
				name: 'BacklogHigh',
				runbook: 'billing/backlog#mitigation',
				labels: { severity: ['sev3', 'minor', 'warning'] },
			},
			{
				id: 'backlog-crit',
				name: 'BacklogHigh',
				runbook: 'billing/backlog#rollback',
				labels: { severity: ['sev1', 'critical'] },
			},
		];
		const rule = (severity: string, anchor: string) =>
			`      - alert: BacklogHigh\n        expr: vector(1)\n        labels: { severity: ${severity} }\n        annotations: { runbook_url: "https://launchbook.example.com/runbooks/billing/backlog/#${anchor}" }`;
		const ok = [
			'groups:',
			'  - name: a',
			'    rules:',
			rule('warning', 'mitigation'),
			rule('critical', 'rollback'),
		].join('\n');
		expect(run('r.yml', ok, { declared: twice })).toEqual({ findings: [], checked: 2 });
		const swapped = ['groups:', '  - name: a', '    rules:', rule('warning', 'rollback')].join('\n');
		expect(run('r.yml', swapped, { declared: twice }).findings.map((f) => f.message)).toEqual([
			'alert "BacklogHigh": runbook_url lands on /runbooks/billing/backlog/#rollback, but content declares /runbooks/billing/backlog/#mitigation.',
		]);
	});

	it('flags unknown keys in a rule group as promtool does, and accepts "rules:" left empty', () => {
		const typo = 'groups:\n  - name: a\n    rule:\n      - alert: BacklogHigh\n        expr: vector(1)\n';
		expect(run('t.yml', typo).findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
			'3:5 verify-file-format groups[0]: "rule" is not a key of a rule group (did you mean "rules"?); promtool check rules refuses the file. Known keys: name, interval, limit, query_offset, labels, rules.',
		]);
		expect(run('e.yml', 'groups:\n  - name: empty\n    rules:\n')).toEqual({ findings: [], checked: 0 });
		expect(run('e.yml', 'groups:\n  - name: empty\n    rules: []\n')).toEqual({ findings: [], checked: 0 });
	});

	it('counts the alerts it checked: recording rules are not alerts', () => {
		const text =
			'groups:\n  - name: a\n    rules:\n      - record: job:x:rate5m\n        expr: vector(1)\n      - alert: BacklogHigh\n        expr: vector(1)\n        annotations: { runbook_url: "https://launchbook.example.com/alerts/backlog-high/" }\n';
		expect(run('c.yml', text)).toEqual({ findings: [], checked: 1 });
	});

	it('expands a templated runbook_url from the rule labels, alertname and external labels', () => {
		const text = [
			'groups:',
			'  - name: a',
			'    rules:',
			'      - alert: BacklogHigh',
			'        expr: vector(1)',
			'        labels: { area: billing }',
			'        annotations:',
			'          runbook_url: "{{ $externalLabels.site }}/runbooks/{{ $labels.area }}/backlog/#mitigation"',
			'      - alert: BacklogHigh',
			'        expr: vector(1)',
			'        annotations:',
			'          runbook_url: "https://launchbook.example.com/runbooks/billing/backlog/#{{ .Labels.alertname }}"',
		].join('\n');
		const r = run('t.yml', text, { externalLabels: { site: 'https://launchbook.example.com' } });
		expect(r.findings.map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
			'12 verify-runbook-section alert "BacklogHigh": runbook_url https://launchbook.example.com/runbooks/billing/backlog/#BacklogHigh: the page /runbooks/billing/backlog/ has no heading with the anchor "BacklogHigh".',
		]);
	});

	it('reports what cannot be expanded as a template, not as a missing page', () => {
		const text =
			'groups:\n  - name: a\n    rules:\n      - alert: BacklogHigh\n        expr: vector(1)\n        labels: { severity: sev2 }\n        annotations:\n          runbook_url: "https://launchbook.example.com/runbooks/{{ $labels.job }}/#mitigation"\n      - alert: BacklogHigh\n        expr: vector(1)\n        annotations:\n          runbook_url: "{{ $externalLabels.site }}/alerts/backlog-high/"\n';
		expect(run('t.yml', text).findings.map((f) => `${f.line} ${f.level} ${f.rule} ${f.message}`)).toEqual([
			'8 warning verify-runbook-template alert "BacklogHigh": runbook_url https://launchbook.example.com/runbooks/{{ $labels.job }}/#mitigation is a template that cannot be expanded before the alert fires: {{ $labels.job }} names the label "job", which only the firing series carries (the rule sets alertname, severity).',
			'12 warning verify-runbook-template alert "BacklogHigh": runbook_url {{ $externalLabels.site }}/alerts/backlog-high/ is a template that cannot be expanded before the alert fires: {{ $externalLabels.site }} names the external label "site"; pass it with --external-label site=<value>.',
		]);
	});

	it('reads a kind: List of PrometheusRules (kubectl get -o yaml)', () => {
		const text = [
			'apiVersion: v1',
			'kind: List',
			'items:',
			'  - apiVersion: monitoring.coreos.com/v1',
			'    kind: PrometheusRule',
			'    metadata: { name: billing }',
			'    spec:',
			'      groups:',
			'        - name: billing',
			'          rules:',
			'            - alert: BacklogHigh',
			'              expr: vector(1)',
			'              annotations: { runbook_url: "https://launchbook.example.com/alerts/backlog-high/" }',
			'            - alert: NotDeclared',
			'              expr: vector(1)',
			'              annotations: { runbook_url: "https://launchbook.example.com/alerts/backlog-high/" }',
			'  - apiVersion: v1',
			'    kind: ConfigMap',
			'    metadata: { name: unrelated }',
		].join('\n');
		const r = run('list.yaml', text);
		expect(r.checked).toBe(2);
		expect(r.findings.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['14:15 verify-alert-unknown']);
	});

	it('tells a Helm chart template to be rendered first', () => {
		const text =
			'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: {{ include "billing.fullname" . }}\nspec:\n  groups:\n    - name: billing\n      rules:\n        - alert: BacklogHigh\n          for: {{ .Values.alerts.for }}\n';
		expect(
			run('templates/rules.yaml', text).findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`),
		).toEqual([
			'4:9 verify-file-syntax this is a Helm chart template ({{ include "… at line 4), not a rule file; render it with `helm template` first and verify the output.',
		]);
	});

	it('rolls more than 20 findings of one rule up by rule and host', () => {
		const rules = Array.from(
			{ length: 25 },
			(_, i) =>
				`      - alert: BacklogHigh\n        expr: vector(${i})\n        annotations: { runbook_url: "https://wiki.example.com/page-${i}" }`,
		);
		const few =
			'      - alert: BacklogHigh\n        expr: vector(1)\n        annotations: { runbook_url: "https://other.example.org/x" }';
		const r = run('many.yml', ['groups:', '  - name: a', '    rules:', ...rules, few].join('\n'));
		expect(r.findings).toHaveLength(26);
		expect(rollUpFindings(r.findings).map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
			'6 verify-runbook-external 25 findings of this rule (links to wiki.example.com) in 1 file, rolled up; the first: alert "BacklogHigh": runbook_url https://wiki.example.com/page-0 points outside the site https://launchbook.example.com: it points at wiki.example.com.',
			'81 verify-runbook-external alert "BacklogHigh": runbook_url https://other.example.org/x points outside the site https://launchbook.example.com: it points at other.example.org.',
		]);
		expect(rollUpFindings(r.findings.slice(0, 20))).toEqual(r.findings.slice(0, 20));
	});
});
