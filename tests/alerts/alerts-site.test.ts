/**
 * The Alerts page and the /alerts/<alert-id>/ deep links in the real built site
 * (inject('builtSite')): every alert listed with severity, surface and runbook section; every
 * deep link a static page that leads to its runbook section without JavaScript (checked in
 * Chromium with JavaScript off); /exports/ serving the same bytes as the CLI; and every link
 * into the site from an export resolving to a real page and section.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { indexBuiltSite } from '../../src/adapters/alert-files.ts';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { alertPagePath, alertPageUrl, declaredAlerts, runbookUrl } from '../../src/core/alerts/declared-alert.ts';
import { alertLandingHref, runbookRefHref } from '../../src/core/site/site-links.ts';
import { promqlTools } from '../../src/adapters/promql-tools.ts';
import { buildExportSet } from '../../src/core/alerts/export-set.ts';
import { resolveSiteLink } from '../../src/core/alerts/site-index.ts';
import { VERIFY_RULES } from '../../src/core/alerts/verify-rules.ts';
import { serveStatic, type StaticServer } from '../browser/support/static-server.ts';
import { findTool } from '../support/system-tool.ts';
import { NODE, REPO } from './support/paths.ts';

const site = inject('builtSite');
const model = loadContent(REPO);
const SITE_URL = model.config.site.url;
const alerts = declaredAlerts(model);
const read = (path: string) => readFileSync(join(site, path), 'utf8');
const index = indexBuiltSite(site);

describe('the Alerts page', () => {
	const html = read('alerts/index.html');

	it.each(alerts.map((d) => [d.alert.id, d]))(
		'lists %s with its severity, surface, runbook section and deep link',
		(id, d) => {
			const row = new RegExp(`<tr[^>]*id="alert-${id}"[^>]*>([\\s\\S]*?)</tr>`).exec(html)?.[1];
			expect(row, `no row for ${id}`).toBeDefined();
			expect(row).toContain(`href="${alertPagePath(id)}"`);
			expect(row).toContain(`<code>${d.alert.name}</code>`);
			expect(row).toContain(`>${d.severity!.name}</a>`);
			expect(row).toContain(`>${d.surface.name}</a>`);
			expect(row).toContain(`href="${runbookRefHref(d.alert.runbook)}"`);
			expect(row).toContain(`${d.runbook!.data.title} › ${d.sectionTitle!}`);
		},
	);

	it('links only to exports and pages the site has', () => {
		const hrefs = [...html.matchAll(/href="(\/(?:exports|alerts|runbooks)\/[^"]*)"/g)].map((m) =>
			m[1]!.replace(/&amp;/g, '&'),
		);
		expect(hrefs.filter((h) => h.startsWith('/exports/')).length).toBeGreaterThan(alerts.length);
		for (const href of hrefs) {
			const r = resolveSiteLink(index, SITE_URL, SITE_URL + href);
			expect(['ok', 'no-section'], `${href}: ${JSON.stringify(r)}`).toContain(r.kind);
		}
	});

	it('links each alerts:verify rule to its page in the one rule catalogue, which explains it', () => {
		const ids = Object.keys(VERIFY_RULES);
		expect(ids.length).toBeGreaterThan(10);
		for (const id of ids) {
			expect(id, "verify rule ids are distinct from the gate's").toMatch(/^verify-/);
			expect(html).toContain(`<li data-rule="${id}"><a href="/rules/${id}/"><code>${id}</code></a>`);
			const page = read(`rules/${id}/index.html`);
			expect(page).toContain(VERIFY_RULES[id as keyof typeof VERIFY_RULES].title);
			expect(page).toContain('npm run alerts:verify');
		}
		const catalogue = read('rules/index.html');
		expect(catalogue).toContain('Checking alert files (alerts:verify)');
		for (const id of ids) expect(catalogue).toContain(`href="/rules/${id}/"`);
	});
});

describe('/alerts/<alert-id>/ deep links', () => {
	it.each(alerts.map((d) => [d.alert.id, d]))('%s is a static page that leads to its runbook section', (id, d) => {
		const html = read(`alerts/${id}/index.html`);
		// The runbook section, with ?alert=<id> for the incident header.
		const target = alertLandingHref(d.alert.runbook, id);
		expect(target).toBe(`${runbookRefHref(d.alert.runbook).replace('#', `?alert=${id}#`)}`);
		expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${target}">`);
		expect(html).toContain(`<link rel="canonical" href="${runbookUrl(SITE_URL, d.alert.runbook)}">`);
		expect(html).toMatch(
			new RegExp(`<a href="${target.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"[^>]*data-alert-target`),
		);
		expect(resolveSiteLink(index, SITE_URL, alertPageUrl(SITE_URL, id))).toEqual({
			kind: 'ok',
			path: runbookRefHref(d.alert.runbook).split('#')[0],
			anchor: d.anchor,
			via: alertPagePath(id),
		});
	});
});

describe('/exports/', () => {
	let out: string;
	beforeAll(() => {
		out = mkdtempSync(join(tmpdir(), 'alerts-site-export-'));
		expect(spawnSync(NODE, [join(REPO, 'scripts/alerts-export.ts'), '--out', out]).status).toBe(0);
	});
	afterAll(() => rmSync(out, { recursive: true, force: true }));

	it('serves byte for byte what npm run alerts:export writes', () => {
		const files = buildExportSet(model, { promql: promqlTools().parser }).files;
		expect(files.length).toBeGreaterThan(alerts.length);
		for (const f of files) expect(read(`exports/${f.path}`), f.path).toBe(readFileSync(join(out, f.path), 'utf8'));
	});

	it('links into the site only to pages and sections that exist', () => {
		const urls = buildExportSet(model, { promql: promqlTools().parser }).files.flatMap((f) =>
			[...f.text.matchAll(/https:\/\/launchbook\.example\.com[^\s"')\]\\]*/g)].map((m) => m[0]),
		);
		expect(urls.length).toBeGreaterThan(alerts.length * 3);
		for (const url of new Set(urls)) {
			const r = resolveSiteLink(index, SITE_URL, url);
			expect(['ok', 'no-section'], `${url}: ${JSON.stringify(r)}`).toContain(r.kind);
		}
	});
});

const chromiumTool = findTool(
	'chromium',
	['/usr/bin/chromium', '/usr/bin/chromium-browser'],
	'apt-get install --no-install-recommends chromium',
);

describe.skipIf(chromiumTool.skipReason !== undefined)('a deep link in Chromium with JavaScript off', () => {
	let server: StaticServer;
	let context: BrowserContext;
	let profile: string;
	beforeAll(async () => {
		server = await serveStatic(site);
		profile = mkdtempSync(join(tmpdir(), 'alerts-chromium-'));
		context = await chromium.launchPersistentContext(profile, {
			executablePath: chromiumTool.path!,
			javaScriptEnabled: false,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		});
	});
	afterAll(async () => {
		await context?.close();
		await server?.close();
		rmSync(profile, { recursive: true, force: true });
	});

	it('lands on the runbook section the alert declares', async () => {
		const d = alerts.find((a) => a.alert.id === 'billing-event-backlog') ?? alerts[0]!;
		const page = await context.newPage();
		await page.goto(`${server.url}${alertPagePath(d.alert.id)}`);
		const target = alertLandingHref(d.alert.runbook, d.alert.id);
		await page.waitForURL(`${server.url}${target}`, { timeout: 10_000 });
		await expect.poll(() => page.locator(`[id="${d.anchor}"]`).count()).toBe(1);
		expect(await page.locator(`[id="${d.anchor}"]`).innerText()).toBe(d.sectionTitle);
		await page.close();
	});
});
