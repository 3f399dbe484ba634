/**
 * Every text that becomes HTML is escaped. One real build of a fixture whose every text field
 * (runbook, tabletop and comms titles and descriptions, surface, team, role, vendor, severity,
 * risk, checklist, SLO, dashboard, check and alert text, guide page title and description,
 * the organisation) carries a script payload, `</title><svg onload=…>` and its cousins, each
 * naming its field. The payloads are data: the build accepts them, and they must reach every
 * page, SVG and the offline kit as text only. Then real Chromium opens every page and the
 * kit, and fills the comms form with a payload: no dialog may open.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, type FixtureSite } from '../site/fixture-site.ts';
import { elementAt, mainOf, pageExists, readPage } from '../site/html.ts';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium, VIEWPORTS, withPage } from './support/browser.ts';
import { type StaticServer, serveStatic } from './support/static-server.ts';

/** The field names the fixture's payloads carry, as in `alert("runbook-title")`. */
const FIELDS = [
	'organisation',
	'surface-name',
	'surface-name-2',
	'surface-description',
	'slo-name',
	'alert-summary',
	'dashboard-name',
	'team-name',
	'role-name',
	'role-duties',
	'vendor-name',
	'risk-title',
	'risk-mitigation',
	'checklist-item',
	'severity-name',
	'runbook-title',
	'runbook-description',
	'body-entity',
	'body-escape',
	'heading',
	'code-span',
	'comms-title',
	'comms-message',
	'comms-label',
	'comms-approval',
	'tabletop-title',
	'tabletop-scenario',
	'finding-summary',
	'action-summary',
	'docs-title',
	'docs-description',
];

/**
 * What an HTML parser would make live in `html`: elements carrying an `on*` attribute, scripts
 * other than JSON data blocks, and `javascript:` links. A small tokenizer, so text inside quoted
 * attribute values (where a `<` is only text) and inside raw-text elements is not taken for
 * markup, as a browser does not take it.
 */
function liveMarkup(html: string): string[] {
	const found: string[] = [];
	const tag = /<([a-zA-Z][\w:-]*)/y;
	let i = 0;
	while (i < html.length) {
		const lt = html.indexOf('<', i);
		if (lt < 0) break;
		if (html.startsWith('<!--', lt)) {
			const end = html.indexOf('-->', lt + 4);
			i = end < 0 ? html.length : end + 3;
			continue;
		}
		tag.lastIndex = lt;
		const m = tag.exec(html);
		if (!m) {
			i = lt + 1;
			continue;
		}
		const name = m[1]!.toLowerCase();
		let j = tag.lastIndex;
		const attrs: [string, string][] = [];
		for (;;) {
			while (j < html.length && /[\s/]/.test(html[j]!)) j++;
			if (j >= html.length || html[j] === '>') break;
			const an = /[^\s"'>/=]+/y;
			an.lastIndex = j;
			const a = an.exec(html);
			if (!a) {
				j++;
				continue;
			}
			j = an.lastIndex;
			let value = '';
			while (/\s/.test(html[j] ?? '')) j++;
			if (html[j] === '=') {
				j++;
				while (/\s/.test(html[j] ?? '')) j++;
				const q = html[j];
				if (q === '"' || q === "'") {
					const end = html.indexOf(q, j + 1);
					value = html.slice(j + 1, end < 0 ? html.length : end);
					j = end < 0 ? html.length : end + 1;
				} else {
					const v = /[^\s>]*/y;
					v.lastIndex = j;
					value = v.exec(html)![0];
					j = v.lastIndex;
				}
			}
			attrs.push([a[0].toLowerCase(), value]);
		}
		const close = j + 1;
		for (const [an, value] of attrs) {
			if (an.startsWith('on')) found.push(`<${name} ${an}="${value}">`);
			if (['href', 'src', 'action', 'formaction'].includes(an) && /^\s*javascript:/i.test(decode(value)))
				found.push(`<${name} ${an}="${value}">`);
		}
		if (['script', 'style', 'title', 'textarea'].includes(name)) {
			const end = html.toLowerCase().indexOf(`</${name}`, close);
			const body = html.slice(close, end < 0 ? html.length : end);
			const type = attrs.find(([an]) => an === 'type')?.[1] ?? '';
			if (name === 'script' && !/json/.test(type) && /alert\(/.test(body)) found.push(`<script>${body.slice(0, 60)}`);
			i = end < 0 ? html.length : end;
			continue;
		}
		i = close;
	}
	return found;
}

let site: FixtureSite;
beforeAll(() => {
	site = buildFixtureSite('hostile-text', '2026-06-01');
}, 240_000);
afterAll(() => site?.cleanup());

function files(ext: RegExp): string[] {
	return (readdirSync(site.dist, { recursive: true }) as string[]).filter((f) => ext.test(f)).sort();
}

const decode = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&#x27;/g, "'")
		.replace(/&amp;/g, '&');

describe('script payloads in every text field, built', () => {
	it('no page, SVG or the offline kit holds a payload as markup', () => {
		const pages = files(/\.(html|svg)$/);
		expect(pages).toContain('offline-kit.html');
		expect(pages.length).toBeGreaterThan(20);
		const live: string[] = [];
		for (const f of pages)
			for (const m of liveMarkup(readFileSync(join(site.dist, f), 'utf8'))) live.push(`${f}: ${m}`);
		expect(live).toEqual([]);
		// The scanner is not blind: the same payloads, unescaped, are found.
		expect(
			liveMarkup('<p>x</p><svg onload=alert("a")><img src=x onerror=alert(1)><details open ontoggle=alert(1)>'),
		).toHaveLength(3);
		expect(liveMarkup('<script>alert("a")</script><a href="JavaScript:alert(1)">x</a>')).toHaveLength(2);
		expect(
			liveMarkup('<meta content="x </title><svg onload=alert(1)>"><title>&lt;svg onload=alert(1)&gt;</title>'),
		).toEqual([]);
	});

	it('every payload reached the site, as text', () => {
		const all = files(/\.html$/)
			.map((f) => decode(readFileSync(join(site.dist, f), 'utf8')))
			.join('\n');
		// Proof the test is not blind: each field's payload is on some page, decoded back to its source text.
		// Markdown bodies get typographic quotes, so the quotes around a field's name may be curly.
		const missing = FIELDS.filter((f) => !new RegExp(`alert\\([“"]${f}[”"]\\)`).test(all));
		expect(missing).toEqual([]);
	});

	it('titles are escaped in <title> and the meta description', () => {
		const html = readPage(site.dist, '/runbooks/core-api/outage/');
		const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1];
		expect(decode(title!)).toBe('Core API outage </title><svg onload=alert("runbook-title")> | Launchbook');
		const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1];
		expect(decode(description!)).toBe('Errors. "><img src=x onerror=alert("runbook-description")>');
		for (const [path, text] of [
			['/surfaces/core-api/', 'Core API </title><svg onload=alert("surface-name")>'],
			[
				'/comms/sev1-investigating-internal/',
				'SEV1 investigating (internal) </title><svg onload=alert("comms-title")>',
			],
			['/tabletops/2026-05-region-outage/', 'Region outage rehearsal </title><svg onload=alert("tabletop-title")>'],
			['/index-note/', 'Fixture guide </title><svg onload=alert("docs-title")>'],
		] as const) {
			const t = /<title>([\s\S]*?)<\/title>/.exec(readPage(site.dist, path))?.[1];
			expect(decode(t!), path).toBe(`${text} | Launchbook`);
		}
	});

	it('the allowed components render, and a _ drafts folder is not published', () => {
		const main = mainOf(readPage(site.dist, '/runbooks/core-api/outage/'));
		expect(
			elementAt(main, '<aside aria-label="Before shifting traffic" class="starlight-aside starlight-aside--caution"'),
		).toContain('Check the second region is healthy.');
		expect(main).toContain('<kbd>Ctrl</kbd>');
		// A ":::tip" aside, judged by the gate and Astro's parser alike, renders as Starlight's aside.
		expect(main).toMatch(/<aside aria-label="Fastest path" class="starlight-aside starlight-aside--tip"/);
		expect(pageExists(site.dist, '/runbooks/_drafts/draft-failover/')).toBe(false);
		const all = files(/\.html$/).map((f) => readFileSync(join(site.dist, f), 'utf8'));
		expect(all.some((h) => h.includes('Draft-only text'))).toBe(false);
	});
});

describe.skipIf(CHROMIUM.skipReason !== undefined)('script payloads in Chromium', () => {
	// The fixture's dist/ exists only once the build in the file's beforeAll is done, so the
	// browser and the server start here rather than through browseSite().
	let browser: Browser;
	let server: StaticServer;
	beforeAll(async () => {
		browser = await launchChromium();
		server = await serveStatic(site.dist);
	});
	afterAll(async () => {
		await server?.close();
		await browser?.close();
	});
	const web = {
		get browser() {
			return browser;
		},
		get url() {
			return server.url;
		},
	};
	const desktop = VIEWPORTS.find((v) => v.name === 'desktop')!;

	it('no dialog opens on any page or in the offline kit', { timeout: 240_000 }, async () => {
		const pages = files(/\.html$/)
			.filter((f) => !/^alerts\/[^/]+\/index\.html$/.test(f))
			.map((f) => `/${f.replace(/index\.html$/, '')}`);
		expect(pages).toContain('/offline-kit.html');
		const dialogs: string[] = [];
		await withPage(web.browser, desktop, 'hostile-text-pages', async (page) => {
			page.on('dialog', (d) => {
				dialogs.push(`${page.url()}: ${d.message()}`);
				void d.dismiss();
			});
			for (const url of pages) {
				await page.goto(`${web.url}${url}`, { waitUntil: 'load' });
				// Open every <details> so an ontoggle would fire, and hover nothing: handlers on load/error fire by themselves.
				await page.evaluate(() => {
					for (const d of document.querySelectorAll('details')) d.open = true;
				});
			}
			// A probe that proves the listener works: a real alert() is caught.
			await page.evaluate(() => setTimeout(() => alert('probe'), 0));
			await page.waitForEvent('dialog').catch(() => undefined);
		});
		expect(dialogs.filter((d) => !d.endsWith(': probe'))).toEqual([]);
		expect(dialogs.filter((d) => d.endsWith(': probe'))).toHaveLength(1);
	});

	it('the comms form shows a payload surface name as text in its preview', async () => {
		await withPage(web.browser, desktop, 'hostile-text-comms', async (page) => {
			const dialogs: string[] = [];
			page.on('dialog', (d) => {
				dialogs.push(d.message());
				void d.dismiss();
			});
			await page.goto(`${web.url}/comms/sev1-investigating-internal/`, { waitUntil: 'load' });
			const select = page.locator('select[data-var="surface"]');
			await select.selectOption({ value: 'Core API </title><svg onload=alert("surface-name")>' });
			const preview = await page.locator('#lb-preview').textContent();
			expect(preview).toContain('</title><svg onload=alert("surface-name")>');
			expect(preview).toContain('</textarea><details open ontoggle=alert("comms-message")>');
			expect(await page.locator('#lb-preview svg, #lb-preview details, #lb-preview img').count()).toBe(0);
			expect(dialogs).toEqual([]);
		});
	});
});
