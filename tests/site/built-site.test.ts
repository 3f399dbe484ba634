/**
 * The real site built from the shipped content (one `astro build` for the whole run, by the
 * global setup): every page exists, alerts link to runbook sections that exist, the roster
 * and vendor anchors that escalation links point at exist, the review banner follows the
 * review dates, the heat map counts the register, and Pagefind indexed the site.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { heatMap } from '../../src/core/readiness/heat-map.ts';
import { reviewState } from '../../src/core/readiness/review.ts';
import { parseRunbookRef, rosterHref, runbookRefHref, vendorAnchor } from '../../src/core/site/site-links.ts';
import { elementAt, idsOf, mainOf, pageExists, readPage, tagsOf, textOf } from './html.ts';

const dist = inject('builtSite');
const model = loadContent(resolve(import.meta.dirname, '../..'));

describe('the built site', () => {
	it('has every page', () => {
		const pages = [
			'/',
			'/surfaces/',
			'/runbooks/',
			'/escalation/',
			'/roster/',
			'/severities/',
			'/risks/',
			'/tabletops/',
			'/checklist/',
			'/guides/content-model/',
			...model.surfaces.map((s) => `/surfaces/${s.data.id}/`),
			...model.runbooks.map((r) => `/runbooks/${r.id}/`),
			...model.tabletops.map((t) => `/tabletops/${t.id}/`),
		];
		expect(pages.filter((p) => !pageExists(dist, p))).toEqual([]);
	});

	it('shows one readiness row per surface on the home page, each with its live status', () => {
		const main = mainOf(readPage(dist, '/'));
		const rows = tagsOf(main, 'tr')
			.filter((t) => t['data-surface'])
			.map((t) => t['data-surface']);
		expect(rows.sort()).toEqual(model.surfaces.map((s) => s.data.id).sort());
		for (const s of model.surfaces) {
			const row = elementAt(main, `<tr data-surface="${s.data.id}"`)!;
			expect(tagsOf(row, 'td').map((t) => t['data-criterion'])).toEqual([
				'owner',
				'alerts',
				'rollback',
				'review',
				'tabletop',
				'comms',
				'status',
			]);
			expect(row).toContain(`data-surface="${s.data.id}"`);
		}
		expect(main).toContain('<caption>');
		expect(main).toContain('scope="col"');
	});

	it('links each alert on a surface page to a runbook section that exists', () => {
		const runbookIds = new Map<string, Set<string>>();
		const anchorsOf = (runbook: string) => {
			if (!runbookIds.has(runbook)) runbookIds.set(runbook, idsOf(mainOf(readPage(dist, `/runbooks/${runbook}/`))));
			return runbookIds.get(runbook)!;
		};
		let checked = 0;
		for (const { data: s } of model.surfaces) {
			const main = mainOf(readPage(dist, `/surfaces/${s.id}/`));
			for (const alert of s.alerts) {
				const row = elementAt(main, `<tr id="alert-${alert.id}" data-alert="${alert.id}"`);
				expect(row, `alert ${alert.id} on /surfaces/${s.id}/`).toBeDefined();
				expect(textOf(row!)).toContain(alert.name);
				const link = tagsOf(row!, 'a').find((a) => a.class === 'lb-alert-runbook');
				expect(link?.href).toBe(runbookRefHref(alert.runbook));
				const { runbook, anchor } = parseRunbookRef(alert.runbook);
				if (anchor)
					expect(anchorsOf(runbook).has(anchor), `${alert.runbook}: no id="${anchor}" in /runbooks/${runbook}/`).toBe(
						true,
					);
				checked++;
			}
		}
		expect(checked).toBe(model.surfaces.reduce((n, s) => n + s.data.alerts.length, 0));
		expect(checked).toBeGreaterThan(0);
	});

	it('renders numbered steps as list items, never glued into a paragraph (a fence at column 0 ends the list)', () => {
		const glued: string[] = [];
		const pages = [
			...model.runbooks.map((r) => `/runbooks/${r.id}/`),
			...model.tabletops.map((t) => `/tabletops/${t.id}/`),
		];
		for (const page of pages) {
			for (const m of mainOf(readPage(dist, page)).matchAll(/<p>([\s\S]*?)<\/p>/g)) {
				const line = /\n\s*(\d+\. .{0,60})/.exec(m[1]!.replace(/<[^>]+>/g, ''))?.[1];
				if (line) glued.push(`${page}: "${line}"`);
			}
		}
		expect(pages.length).toBeGreaterThan(10);
		expect(glued).toEqual([]);
	});

	it('keeps Starlight anchor links on runbook headings', () => {
		const runbook = model.runbooks[0]!;
		const main = mainOf(readPage(dist, `/runbooks/${runbook.id}/`));
		const slug = runbook.outline.sections.find((s) => s.depth === 2)!.slug;
		expect(main).toContain(`<h2 id="${slug}">`);
		expect(main).toContain(`<a class="sl-anchor-link" href="#${slug}">`);
	});

	it('shows the overdue-review banner exactly on runbooks past their review date', () => {
		const seen = { overdue: 0, other: 0 };
		for (const r of model.runbooks) {
			const html = readPage(dist, `/runbooks/${r.id}/`);
			const today = /data-lb-today="(\d{4}-\d{2}-\d{2})"/.exec(html)?.[1];
			expect(today, `/runbooks/${r.id}/ says which day it judged`).toBeDefined();
			const state = reviewState(r.data.lastReviewed, r.data.reviewEvery, today!, model.config.policy.reviewWarningDays);
			const banner = html.includes('data-lb-banner="overdue-review"');
			expect(banner, `/runbooks/${r.id}/ (due ${state.due}, judged ${today})`).toBe(state.state === 'overdue');
			seen[state.state === 'overdue' ? 'overdue' : 'other']++;
			expect(textOf(mainOf(html))).toContain(`Next review due ${state.due}`);
		}
		expect(seen.other).toBeGreaterThan(0);
	});

	it('makes runbooks findable by alert name', () => {
		for (const r of model.runbooks.filter((x) => x.data.alerts.length > 0)) {
			const html = readPage(dist, `/runbooks/${r.id}/`);
			const filters = tagsOf(html, 'code').filter((t) => t['data-pagefind-filter'] === 'alert');
			expect(filters.length, `/runbooks/${r.id}/`).toBe(r.data.alerts.length);
		}
	});

	it('resolves every escalation link to a roster or vendor anchor', () => {
		const roster = idsOf(readPage(dist, '/roster/'));
		const escalation = readPage(dist, '/escalation/');
		const escalationIds = idsOf(escalation);
		const refs = new Set(
			model.escalation.flatMap((e) => e.data.policies.flatMap((p) => p.levels.flatMap((l) => l.notify))),
		);
		expect(refs.size).toBeGreaterThan(0);
		for (const ref of refs) {
			const href = rosterHref(ref);
			expect(escalation).toContain(`href="${href}"`);
			expect(roster.has(href.split('#')[1]!), `roster anchor for ${ref}`).toBe(true);
		}
		for (const v of model.vendors) expect(escalationIds.has(vendorAnchor(v.data.id)), `vendor ${v.data.id}`).toBe(true);
		for (const s of model.surfaces)
			expect(escalationIds.has(`surface-${s.data.id}`), `surface ${s.data.id}`).toBe(true);
	});

	it('counts the risk register in the heat map', () => {
		const main = mainOf(readPage(dist, '/risks/'));
		const cells = tagsOf(main, 'td').filter((t) => t['data-likelihood']);
		expect(cells).toHaveLength(25);
		const expected = heatMap(model.risks.map((r) => r.data));
		for (const cell of expected.rows.flatMap((r) => r.cells)) {
			const td = cells.find((c) => c['data-likelihood'] === cell.likelihood && c['data-impact'] === cell.impact);
			expect(Number(td?.['data-count']), `${cell.likelihood} × ${cell.impact}`).toBe(cell.risks.length);
		}
		expect(cells.reduce((n, c) => n + Number(c['data-count']), 0)).toBe(model.risks.length);
		for (const r of model.risks) expect(idsOf(main).has(`risk-${r.data.id}`)).toBe(true);
	});

	it('keeps the sidebar small: no runbook is listed in it', () => {
		const html = readPage(dist, `/runbooks/${model.runbooks[0]!.id}/`);
		const sidebar = html.slice(html.indexOf('id="starlight__sidebar"'), html.indexOf('<main'));
		expect(sidebar).toContain('href="/runbooks/"');
		expect(sidebar).not.toMatch(/href="\/runbooks\/[^"]+\/"/);
	});

	it('has a Pagefind search index', () => {
		expect(existsSync(join(dist, 'pagefind/pagefind.js'))).toBe(true);
		const entry = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
			languages: Record<string, { page_count: number }>;
		};
		const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
		expect(pages).toBeGreaterThanOrEqual(model.runbooks.length + model.surfaces.length);
	});

	it('sends a responder who followed a dead link to the pages that always work', () => {
		const html = readFileSync(join(dist, '404.html'), 'utf8');
		expect(html).toContain('If an alert sent you here, its runbook section may have moved.');
		for (const href of ['/alerts/', '/runbooks/', '/escalation/', '/offline-kit.html'])
			expect(html).toContain(`href="${href}"`);
	});

	it('leaves the per-rule pages out of search, so responders searching "escalation" or "rollback" get the real pages', () => {
		const rules = readdirSync(join(dist, 'rules'), { withFileTypes: true }).filter((d) => d.isDirectory());
		expect(rules.length).toBeGreaterThan(20);
		for (const d of rules) expect(readPage(dist, `/rules/${d.name}/`), d.name).not.toContain('data-pagefind-body');
		expect(readPage(dist, '/rules/')).toContain('data-pagefind-body');
		expect(readPage(dist, '/escalation/')).toContain('data-pagefind-body');
	});
});
