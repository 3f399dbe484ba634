import { describe, expect, it } from 'vitest';
import {
	externalReferences,
	kitLinkProblems,
	kitRunbookAnchor,
	namespaceRunbookIds,
	owningTeams,
	rewriteKitLinks,
	selfContain,
	slimKitHtml,
	teamKitSurfaces,
} from '../../src/core/incident/offline-kit.ts';

describe('making the offline kit self-contained', () => {
	const page = [
		'<html><head><link rel="stylesheet" href="/_astro/a.css" media="print"><link rel="icon" href="/favicon.svg">',
		'<script type="module" src="/_astro/page.js"></script><script>console.log(1)</script></head><body>',
		'<a href="#runbooks">Runbooks</a>',
		'<article data-kit-runbook="billing-events/event-backlog" aria-labelledby="rb-billing-events--event-backlog">',
		'<h3 id="rb-billing-events--event-backlog">Backlog</h3><h2 id="rollback">Rollback</h2><a href="#rollback">#</a><a href="https://example.com/x">x</a></article>',
		'<article data-kit-runbook="gcp-deploy/stuck"><h2 id="rollback">Rollback</h2></article>',
		'</body></html>',
	].join('');

	it('inlines stylesheets, drops scripts and other fetching links, and names what it removed', () => {
		const r = selfContain(page, (href) => (href === '/_astro/a.css' ? 'body{color:red}' : undefined));
		expect(r.inlined).toEqual(['/_astro/a.css']);
		expect(r.removed).toEqual([
			'<script type="module" src="/_astro/page.js">',
			'<script>',
			'<link rel="icon" href="/favicon.svg">',
		]);
		expect(r.html).toContain('<style media="print">body{color:red}</style>');
		expect(r.html).not.toMatch(/<script|<link/);
		expect(externalReferences(r.html)).toEqual([]);
	});

	it('gives each runbook its own anchors, leaving its title anchor and outside links alone', () => {
		const html = namespaceRunbookIds(page);
		expect(html).toContain('<h3 id="rb-billing-events--event-backlog">');
		expect(html).toContain(`<h2 id="${kitRunbookAnchor('billing-events/event-backlog', 'rollback')}">`);
		expect(html).toContain('<a href="#rb-billing-events--event-backlog--rollback">#</a>');
		expect(html).toContain('<h2 id="rb-gcp-deploy--stuck--rollback">');
		expect(html).toContain('<a href="#runbooks">Runbooks</a>');
		expect(html).toContain('<a href="https://example.com/x">x</a>');
	});

	it('finds everything that would be fetched, and allows data: URIs, in-page references and plain links', () => {
		const html = [
			'<img src="https://cdn.example.com/a.png"><img src="data:image/png;base64,AAAA">',
			'<style>@import "x.css"; .a{background:url(/bg.png)} .b{background:url("data:image/svg+xml,%3Csvg%3E")}</style>',
			'<svg><use href="#icon"></use><path marker-end="url(#arrow)"></path></svg><link rel="preload" href="/f.woff2">',
			'<a href="https://example.com/">a link is not a fetch</a><iframe src="/x.html"></iframe>',
		].join('');
		expect(externalReferences(html)).toEqual([
			'<img src="https://cdn.example.com/a.png">',
			'<iframe src="/x.html">',
			'<link rel="preload" href="/f.woff2">',
			'url(/bg.png)',
			'@import "x.css";',
		]);
	});
});

describe('links of the offline kit', () => {
	const ids =
		'<h2 id="kit-toc"></h2><h3 id="rb-a--b"></h3><h2 id="rb-a--b--rollback"></h2><h3 id="escalation-pay"></h3><h3 id="vendor-gcp"></h3><h3 id="team-ops"></h3><li id="team-ops-lead"></li><h3 id="sev-sev1"></h3><h3 id="comms-internal-resolved"></h3><h3 id="status-pay"></h3><h2 id="status"></h2>';
	const link = (href: string) => `<a href="${href}">x</a>`;
	const rewrite = (href: string, base = '/') =>
		/href="([^"]*)"/.exec(
			rewriteKitLinks(ids + link(href), 'https://lb.example.com/repo/', base).html.slice(ids.length),
		)![1];

	it.each([
		['/runbooks/a/b/#rollback', '#rb-a--b--rollback'],
		['/runbooks/a/b/#no-such-heading', '#rb-a--b'],
		['/runbooks/a/b/', '#rb-a--b'],
		['/escalation/#surface-pay', '#escalation-pay'],
		['/escalation/#vendor-gcp', '#vendor-gcp'],
		['/roster/#team-ops', '#team-ops'],
		['/roster/#role-ops-lead', '#team-ops-lead'],
		['/severities/#sev1', '#sev-sev1'],
		['/comms/internal-resolved/', '#comms-internal-resolved'],
		['/status/#surface-pay', '#status-pay'],
		['/status/', '#status'],
		['/offline-kit.html', '#kit-toc'],
	])('%s → %s', (href, want) => {
		expect(rewrite(href)).toBe(want);
		// Under a base path the same links carry it.
		expect(rewrite(`/repo${href}`, '/repo/')).toBe(want);
	});

	it('makes what the kit does not hold an absolute https link to the live site, and leaves anchors and https alone', () => {
		expect(rewrite('/runbooks/other/x/#rollback')).toBe('https://lb.example.com/runbooks/other/x/#rollback');
		expect(rewrite('/repo/risks/#risk-1', '/repo/')).toBe('https://lb.example.com/repo/risks/#risk-1');
		expect(rewrite('#status')).toBe('#status');
		expect(rewrite('https://status.stripe.com/')).toBe('https://status.stripe.com/');
	});

	it('names every link that would not work from a file', () => {
		expect(kitLinkProblems(`${ids}${link('#status')}${link('https://x.example/')}`)).toEqual([]);
		expect(
			kitLinkProblems(`${ids}${link('#gone')}${link('/runbooks/')}${link('http://x.example/')}${link('mailto:a@b')}`),
		).toEqual([
			'#gone (no such anchor in the kit)',
			'/runbooks/ (not an anchor of the kit nor an https link)',
			'http://x.example/ (not an anchor of the kit nor an https link)',
			'mailto:a@b (not an anchor of the kit nor an https link)',
		]);
	});

	it("scopes a team's kit to its surfaces and everything they depend on, transitively", () => {
		const surfaces = [
			{ id: 'pay', owner: 'billing', dependsOn: ['foundation', 'stripe'] },
			{ id: 'foundation', owner: 'infra', dependsOn: ['gcp', 'network'] },
			{ id: 'network', owner: 'infra', dependsOn: [] },
			{ id: 'hooks', owner: 'integrations', dependsOn: ['foundation'] },
		];
		expect(teamKitSurfaces(surfaces, 'billing')).toEqual({ own: ['pay'], upstream: ['foundation', 'network'] });
		expect(teamKitSurfaces(surfaces, 'infra')).toEqual({ own: ['foundation', 'network'], upstream: [] });
		expect(owningTeams(surfaces.map((s) => s.owner))).toEqual(['billing', 'infra', 'integrations']);
	});

	it('leaves "back to contents" inside a runbook pointing out of it', () => {
		const html = namespaceRunbookIds(
			'<h2 id="kit-toc"></h2><article data-kit-runbook="a/b"><h2 id="rollback"></h2><a href="#rollback">r</a><a href="#kit-toc">back</a></article>',
		);
		expect(html).toContain('href="#rb-a--b--rollback"');
		expect(html).toContain('href="#kit-toc"');
	});
});

describe('slimming the kit', () => {
	it('drops heading anchor links and turns Expressive Code blocks into plain pre/code, line for line', () => {
		const html =
			'<div class="sl-heading-wrapper level-h2"><h2 id="rollback">Rollback</h2><a class="sl-anchor-link" href="#rollback"><span aria-hidden="true"><svg><path d="M0"/></svg></span><span class="sr-only">Section titled “Rollback”</span></a></div>' +
			'<div class="expressive-code"><figure class="frame is-terminal"><figcaption class="header"><span class="title">deploy.sh</span><span class="sr-only">Terminal window</span></figcaption><pre data-language="sh"><code><div class="ec-line"><div class="code"><span style="--0:#fff">gcloud</span><span> run</span></div></div><div class="ec-line"><div class="code"><span class="indent">  </span><span>--region=&quot;eu&quot;</span></div></div></code></pre><div class="copy"><button data-code="gcloud run"></button></div></figure></div>';
		expect(slimKitHtml(html)).toBe(
			'<div class="sl-heading-wrapper level-h2"><h2 id="rollback">Rollback</h2></div><p class="code-title">deploy.sh</p><pre data-language="sh"><code>gcloud run\n  --region=&quot;eu&quot;</code></pre>',
		);
	});
});
