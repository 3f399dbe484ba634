/**
 * The launch-day run sheet and the go/no-go decision in real Chromium, on the built shipped site
 * (judged on the suite's pinned day): at phone width the run sheet fits the screen without
 * sideways scrolling, every gate shows its abort criteria with a working link to the rollback,
 * and the checklist's decision is not Go while a tabletop action is overdue.
 */
import { describe, expect, inject, it } from 'vitest';
import { browseSite, CHROMIUM, screenshot, VIEWPORTS, withPage } from './support/browser.ts';

const dist = inject('builtSite');

describe.skipIf(CHROMIUM.skipReason !== undefined)('launch day in Chromium', () => {
	const site = browseSite(dist);

	for (const vp of VIEWPORTS) {
		it(`run sheet reads at ${vp.name} width: timeline in order, gates with abort criteria, no sideways scroll`, async () => {
			await withPage(site.browser, vp, 'launch-day', async (page) => {
				await page.goto(`${site.url}/launch-day/`);
				await expect(page.locator('[data-t0]').innerText()).resolves.toBe('2026-12-15 14:00 UTC');
				const times = await page.locator('.lb-timeline > li .lb-timeline__when strong:first-child').allInnerTexts();
				expect(times[0]).toBe('T-7d');
				expect(times.at(-1)).toBe('T+7d');
				const gates = await page
					.locator('[data-gate]')
					.evaluateAll((els) =>
						els.map((e) => ({ id: e.getAttribute('data-gate'), aborts: e.querySelectorAll('[data-abort]').length })),
					);
				expect(gates).toEqual([
					{ id: 'final-go-no-go', aborts: 2 },
					{ id: 'early-health', aborts: 4 },
					{ id: 'steady-state', aborts: 3 },
				]);
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				expect(overflow).toBeLessThanOrEqual(0);
				await screenshot(page, vp, 'launch-day', true);
				// An abort criterion's rollback link opens the runbook section it names.
				const rollback = page
					.locator('[data-gate="early-health"] [data-abort="revision-availability-burn-page"] a')
					.last();
				await rollback.click();
				await page.waitForURL(/\/runbooks\/gcp-deploy\/cloud-run-health-check-failing\/#rollback$/);
				await expect(page.locator('h2#rollback').count()).resolves.toBe(1);
			});
		});
	}

	it('the checklist is No-go while a tabletop action is overdue, and says why', async () => {
		await withPage(site.browser, VIEWPORTS[1], 'checklist-decision', async (page) => {
			await page.goto(`${site.url}/checklist/`);
			await expect(page.locator('[data-lb-decision]').getAttribute('data-lb-decision')).resolves.toBe('no-go');
			await expect(page.locator('#item-tabletop-exercised').getAttribute('data-state')).resolves.toBe('no-go');
			const reasons = await page.locator('[data-lb-reasons] li').allInnerTexts();
			expect(reasons[0]).toBe('1 item no-go: tabletop-exercised.');
			await screenshot(page, VIEWPORTS[1], 'checklist-decision');
		});
	});
});
