/**
 * The pure parts of alerts:verify: reading a built page, resolving links against a site
 * index, and the checks on parsed files — on small in-memory inputs, one case each.
 */
import { describe, expect, it } from 'vitest';
import { parseAlertText } from '../../src/adapters/alert-files.ts';
import { indexHtmlPage, pagePathOf, resolveSiteLink, type SiteIndex } from '../../src/core/alerts/site-index.ts';
import { ruleLevel } from '../../src/core/rules/catalog.ts';
import { verifyAlertFiles } from '../../src/core/alerts/verify.ts';

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
