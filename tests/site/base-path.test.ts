/**
 * A GitHub Pages project site: `site.url: https://org.github.io/repo/`. The shipped content is
 * built ONCE with that URL (Astro's base comes from its path) into `serve/repo/` of a temporary
 * root, and a static server at `serve/` hosts it under /repo/ only, as GitHub Pages does.
 * Every built page is scanned, so a page or link added later that drops the base fails here;
 * then Chromium follows the site under /repo/: CSS loads, navigation stays inside the base,
 * and an alert's deep link redirects to its runbook section inside the base.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, VIEWPORTS, withPage } from '../browser/support/browser.ts';
import { serveStatic, type StaticServer } from '../browser/support/static-server.ts';
import { buildShippedSite, type FixtureSite } from './fixture-site.ts';

const SITE_URL = 'https://org.github.io/repo/';
const BASE = '/repo/';
const REPO = join(import.meta.dirname, '../..');

let site: FixtureSite;
beforeAll(() => {
	site = buildShippedSite('2026-12-01', { siteUrl: SITE_URL, outDir: 'serve/repo', production: true });
}, 300_000);
afterAll(() => site?.cleanup());

function filesUnder(dir: string, ext: RegExp): string[] {
	const out: string[] = [];
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		if (e.isDirectory()) out.push(...filesUnder(p, ext));
		else if (ext.test(e.name)) out.push(p);
	}
	return out.sort();
}

/** Every URL an HTML file makes the browser load or follow: attributes, srcset entries, meta refresh. */
function urlsOf(html: string): string[] {
	const urls: string[] = [];
	for (const m of html.matchAll(
		/\s(href|src|action|poster|data|formaction)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi,
	))
		urls.push(m[2] ?? m[3] ?? m[4] ?? '');
	for (const m of html.matchAll(/\s(?:srcset|imagesrcset)\s*=\s*"([^"]*)"/gi))
		for (const part of m[1]!.split(',')) urls.push(part.trim().split(/\s+/)[0] ?? '');
	for (const m of html.matchAll(/<meta\s+http-equiv="refresh"\s+content="[^"]*url=([^"]+)"/gi)) urls.push(m[1]!);
	return urls.map((u) => u.replace(/&amp;/g, '&'));
}

const rootRelative = (u: string) => u.startsWith('/') && !u.startsWith('//');

describe(`a project site at ${SITE_URL}`, () => {
	it('links nothing root-relative outside /repo/ on any built page', () => {
		const pages = filesUnder(site.dist, /\.html$/);
		expect(pages.length).toBeGreaterThan(100);
		const offences: string[] = [];
		let based = 0;
		for (const page of pages) {
			for (const url of urlsOf(readFileSync(page, 'utf8'))) {
				if (!rootRelative(url)) continue;
				if (url.startsWith(BASE)) based++;
				else offences.push(`${relative(site.dist, page)}: ${url}`);
			}
		}
		expect(offences).toEqual([]);
		// The scanner is not blind: every page links its stylesheet, sidebar and footer under the base.
		expect(based).toBeGreaterThan(pages.length * 10);
	});

	it('keeps CSS url() references inside the base', () => {
		const sheets = filesUnder(site.dist, /\.css$/);
		expect(sheets.length).toBeGreaterThan(0);
		const offences = sheets.flatMap((f) =>
			[...readFileSync(f, 'utf8').matchAll(/url\(\s*['"]?([^'")]+)/g)]
				.map((m) => m[1]!)
				.filter((u) => rootRelative(u) && !u.startsWith(BASE))
				.map((u) => `${relative(site.dist, f)}: ${u}`),
		);
		expect(offences).toEqual([]);
	});

	it('writes absolute URLs (canonical, exports, sitemap, offline kit) with the path', () => {
		const files = [...filesUnder(site.dist, /\.(html|json|ya?ml|xml)$/)];
		const absolute = files.flatMap((f) =>
			[...readFileSync(f, 'utf8').matchAll(/https:\/\/org\.github\.io[^\s"'<>)\\]*/g)].map((m) => ({
				file: relative(site.dist, f),
				url: m[0],
			})),
		);
		expect(absolute.filter((a) => a.url !== 'https://org.github.io/repo' && !a.url.startsWith(SITE_URL))).toEqual([]);
		const where = new Set(absolute.map((a) => a.file.split('/')[0]));
		for (const kind of ['exports', 'runbooks', 'alerts', 'offline-kit.html', 'sitemap-index.xml'])
			expect(where).toContain(kind);
		// Each one names a page the site has.
		const missing = absolute
			.map((a) => new URL(a.url).pathname.slice(BASE.length).replace(/\/?$/, '/'))
			.filter((p) => !/\.(xml|json|ya?ml|html)\/$/.test(p))
			.filter(
				(p) => !existsSync(join(site.dist, p, 'index.html')) && !existsSync(join(site.dist, `${p.slice(0, -1)}.html`)),
			);
		expect([...new Set(missing)]).toEqual([]);
	});

	it('gives every page a canonical URL under the path', () => {
		const page = readFileSync(join(site.dist, 'runbooks/billing-events/event-backlog/index.html'), 'utf8');
		expect(page).toContain(`<link rel="canonical" href="${SITE_URL}runbooks/billing-events/event-backlog/"`);
		const deep = readFileSync(join(site.dist, 'alerts/billing-event-backlog/index.html'), 'utf8');
		expect(deep).toContain(
			'<meta http-equiv="refresh" content="0; url=/repo/runbooks/billing-events/event-backlog/?alert=billing-event-backlog#billingeventbackloghigh">',
		);
		expect(deep).toContain(
			`<link rel="canonical" href="${SITE_URL}runbooks/billing-events/event-backlog/#billingeventbackloghigh">`,
		);
	});

	it('passes alerts:verify with its own exports against the base-path build', () => {
		const r = spawnSync(
			process.execPath,
			[join(REPO, 'scripts/alerts-verify.mjs'), '--root', site.root, '--site', site.dist, join(site.dist, 'exports')],
			{ cwd: site.root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
		);
		expect(r.stdout + r.stderr).toMatch(/^Alert files: no findings in \d+ files; \d+ alerts checked\.$/m);
		expect(r.status).toBe(0);
	});
});

describe.skipIf(!CHROMIUM.path)(`Chromium on the project site under ${BASE}`, () => {
	let browser: Browser;
	let server: StaticServer;
	beforeAll(async () => {
		browser = await launchChromium();
		server = await serveStatic(join(site.dist, '..'));
	});
	afterAll(async () => {
		await server?.close();
		await browser?.close();
	});
	const vp = VIEWPORTS[0];

	it('loads the home page with its CSS and navigates inside the base', async () => {
		await withPage(browser, vp, 'base-path-home', async (page) => {
			const failed: string[] = [];
			page.on('response', (r) => {
				if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
			});
			await page.goto(`${server.url}${BASE}`);
			const sheets = await page.evaluate(() =>
				[...document.styleSheets].filter((s) => s.href).map((s) => ({ href: s.href!, rules: s.cssRules.length })),
			);
			expect(sheets.length).toBeGreaterThan(0);
			for (const s of sheets) {
				expect(new URL(s.href).pathname.startsWith(BASE)).toBe(true);
				expect(s.rules).toBeGreaterThan(0);
			}
			// Starlight's stylesheet is applied: its custom properties resolve on the page.
			expect(
				await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--sl-nav-height').trim()),
			).not.toBe('');
			await page.getByRole('link', { name: 'Escalation', exact: true }).first().click();
			await page.waitForURL(`${server.url}${BASE}escalation/`);
			await page.getByRole('link', { name: 'Offline incident kit' }).first().click();
			await page.waitForURL(`${server.url}${BASE}offline-kit.html`);
			// Everything the pages need loaded. (status.json is written by `npm run status`, which this
			// build skips; the page says so. Starlight's default favicon.svg is not shipped.)
			expect(failed.filter((f) => !/\/repo\/(status\/status\.json\?|favicon\.svg$)/.test(f))).toEqual([]);
		});
		// Nothing the site links to lies outside the base. Chromium's own guess at /favicon.ico, made
		// when the declared favicon is missing, is the browser's request, not a link of the site.
		expect(server.requests.filter((p) => !p.startsWith(BASE) && p !== '/favicon.ico')).toEqual([]);
	});

	it("redirects an alert's deep link to its runbook section inside the base", async () => {
		await withPage(browser, vp, 'base-path-deep-link', async (page) => {
			await page.goto(`${server.url}${BASE}alerts/billing-event-backlog/`);
			await page.waitForURL(
				`${server.url}${BASE}runbooks/billing-events/event-backlog/?alert=billing-event-backlog#billingeventbackloghigh`,
			);
			await expect(page.locator('h2#billingeventbackloghigh, h3#billingeventbackloghigh').count()).resolves.toBe(1);
		});
	});

	it('serves nothing at the domain root: the site lives only under the base', async () => {
		const r = await fetch(`${server.url}/runbooks/`);
		expect(r.status).toBe(404);
	});
});
