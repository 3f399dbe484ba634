/**
 * The built site says who each severity pages, what an outage holds back and how that was
 * derived: the escalation page's paging section and each surface page's, read from the real
 * `astro build` the suite makes, against the escalation matrix read straight from content.
 */
import { describe, expect, inject, it } from 'vitest';
import { indexBuiltSite } from '../../src/adapters/alert-files.ts';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { resolveSiteLink } from '../../src/core/alerts/site-index.ts';
import { REPO } from '../alerts/support/paths.ts';
import { elementAt, mainOf, readPage, textOf } from '../site/html.ts';
import { expectedFirstReceivers } from './support/matrix.ts';

const site = inject('builtSite');
const model = loadContent(REPO);
const surfaces = model.surfaces.map((s) => s.data.id).sort();
const severities = model.severities.map((s) => s.data.id);

describe('escalation page: paging', () => {
	const html = mainOf(readPage(site, '/escalation/'));
	const section = elementAt(html, '<section class="lb-paging"')!;

	it('has the section, with the derivation and the rules that check it', () => {
		expect(section).toBeDefined();
		const text = textOf(section);
		expect(text).toContain("Derived from the matrix above: an alert's surface and severity labels pick the route");
		expect(text).toContain("Later levels are the pager's escalation policy: Alertmanager does not escalate by time.");
		for (const rule of ['paging-receiver', 'paging-receiver-unused', 'paging-route-missing', 'paging-route-mismatch'])
			expect(section).toContain(`href="/rules/${rule}/"`);
	});

	it.each(surfaces)('%s: each severity names the receivers the matrix pages first', (surface) => {
		const row = elementAt(section, `<tr data-surface="${surface}"`)!;
		expect(row, surface).toBeDefined();
		for (const sev of severities) {
			const cell = textOf(elementAt(row, `<td data-severity="${sev}"`)!);
			const want = expectedFirstReceivers(model, surface, sev);
			expect(want.length).toBeGreaterThan(0);
			for (const r of want) expect(cell, `${surface} × ${sev}`).toContain(r);
			expect(cell).toMatch(/wait \S+, repeat every \S+/);
		}
	});

	it('says what the regional outage holds back, and has the Watchdog section the Watchdog alert links to', () => {
		const text = textOf(section);
		expect(text).toContain(
			'While MultiSurfaceProbeFailure (Shared GCP foundation) fires, held back: Billing event processing, Custom-domain management',
		);
		const watchdog = resolveSiteLink(
			indexBuiltSite(site),
			model.config.site.url,
			`${model.config.site.url}/escalation/#watchdog`,
		);
		expect(watchdog.kind).toBe('ok');
		expect(text).toContain('The heartbeat URL is set');
		expect(html).not.toContain('heartbeat.example.com');
	});
});

describe('surface pages: paging', () => {
	it.each(surfaces)('%s says which receiver each severity pages and what holds it back', (surface) => {
		const html = mainOf(readPage(site, `/surfaces/${surface}/`));
		const block = elementAt(html, `<div class="lb-surface-paging" data-lb-paging="${surface}"`)!;
		expect(block, surface).toBeDefined();
		for (const sev of severities) {
			const dd = textOf(elementAt(block, `<dd data-severity="${sev}"`)!);
			for (const r of expectedFirstReceivers(model, surface, sev)) expect(dd).toContain(r);
		}
		const held = textOf(elementAt(block, '<dd data-held-by')!);
		if (surface === 'gcp-foundation') {
			expect(held).toBe('nothing (no surface it depends on has an outage alert)');
			expect(textOf(elementAt(block, '<dd data-holds')!)).toContain(
				'MultiSurfaceProbeFailure: Billing event processing',
			);
		} else {
			expect(held).toBe('MultiSurfaceProbeFailure fires (Shared GCP foundation, which it depends on)');
		}
	});
});
