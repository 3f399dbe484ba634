/**
 * Layout a responder depends on, in real Chromium: on a phone no page is wider than the
 * screen (wide tables and code scroll inside their own box, the page itself never pans
 * sideways), and on a laptop the status of each tabletop action item shows without scrolling
 * the table.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { browseSite, CHROMIUM, VIEWPORTS, withPage } from './support/browser.ts';

const dist = inject('builtSite');
const phone = VIEWPORTS.find((v) => v.name === 'phone')!;

/** Every HTML page of the build but the alert deep links, which only redirect to a runbook section. */
function allPages(): string[] {
	return (readdirSync(dist, { recursive: true }) as string[])
		.filter((f) => f.endsWith('.html') && !/^alerts\/[^/]+\/index\.html$/.test(f))
		.map((f) => `/${f.replace(/index\.html$/, '')}`)
		.sort();
}

describe.skipIf(CHROMIUM.skipReason !== undefined)('layout in Chromium', () => {
	const web = browseSite(dist);

	it('on a phone, no page is wider than the screen', { timeout: 120_000 }, async () => {
		const pages = allPages();
		for (const must of ['/', '/risks/', '/escalation/', '/offline-kit.html']) expect(pages).toContain(must);
		const tooWide: string[] = [];
		await withPage(web.browser, phone, 'phone-width', async (page) => {
			for (const url of pages) {
				await page.goto(`${web.url}${url}`, { waitUntil: 'load' });
				const found = await page.evaluate((width) => {
					if (document.documentElement.scrollWidth <= width) return null;
					// Name the first element that sticks out and is not inside a box that scrolls or clips.
					const culprit = [...document.querySelectorAll('body *')].find((el) => {
						if (el.getBoundingClientRect().right <= width + 1) return false;
						for (let a = el.parentElement; a; a = a.parentElement)
							if (getComputedStyle(a).overflowX !== 'visible') return false;
						return !el.closest('header, nav.sidebar, mobile-starlight-toc'); // fixed chrome moves with the widened viewport
					});
					const name = culprit
						? `${culprit.tagName.toLowerCase()}${culprit.className ? `.${String(culprit.className).split(' ')[0]}` : ''} "${(culprit.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`
						: 'an element';
					return `${document.documentElement.scrollWidth}px wide, ${name}`;
				}, phone.viewport.width);
				if (found) tooWide.push(`${url}: ${found}`);
			}
		});
		expect(tooWide).toEqual([]);
	});

	it('on a laptop, every tabletop action item shows its status without scrolling the table', async () => {
		const tabletops = allPages().filter((u) => /^\/tabletops\/.+\/$/.test(u));
		expect(tabletops.length).toBeGreaterThan(0);
		await withPage(web.browser, VIEWPORTS.find((v) => v.name === 'desktop')!, 'action-status', async (page) => {
			for (const url of tabletops) {
				await page.goto(`${web.url}${url}`, { waitUntil: 'load' });
				const rows = await page.locator('tr[data-action]').evaluateAll((trs) =>
					trs.map((tr) => {
						const wrap = tr.closest('.lb-table-wrap')!.getBoundingClientRect();
						const cell = tr.querySelector('.lb-action-status')!;
						const label = cell.querySelector('.lb-state')!.getBoundingClientRect();
						return {
							id: tr.getAttribute('data-action'),
							text: cell.textContent!.trim(),
							visible: label.left >= wrap.left && label.right <= wrap.right,
						};
					}),
				);
				expect(rows.length, url).toBeGreaterThan(0);
				for (const r of rows) {
					expect(r.text, `${url} ${r.id}`).toMatch(/^(✓ Done|○ Open|◐ In progress)/);
					expect(r.visible, `${url} ${r.id}: status "${r.text}" is outside the visible part of the table`).toBe(true);
				}
			}
		});
	});
});
