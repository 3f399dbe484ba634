import { describe, expect, it } from 'vitest';
import {
	externalReferences,
	kitRunbookAnchor,
	namespaceRunbookIds,
	selfContain,
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
