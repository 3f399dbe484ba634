/**
 * The status page and badges in real Chromium, on the real built site: status.json is
 * re-fetched on a timer without a reload, ages tick, a value past the stale limit turns
 * grey with the word "stale", and text from the sources stays text.
 * The page's clock is Playwright's fake clock; status.json is answered by a route.
 */
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CheckStatus, StatusReport } from '../../src/core/status/report.ts';
import { SURFACE_STATE_RULE } from '../../src/core/status/surface-state.ts';
import { CHROMIUM, launchChromium, VIEWPORTS, withPage } from '../browser/support/browser.ts';
import { serveStatic, type StaticServer } from '../browser/support/static-server.ts';

const T0 = new Date('2026-11-26T12:00:00Z');
const EVIL = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

function check(over: Partial<CheckStatus>): CheckStatus {
	return {
		id: 'health',
		surface: 'billing-events',
		kind: 'http',
		name: 'Receiver health',
		state: 'ok',
		reason: 'HTTP 200 in 12 ms.',
		value: 12,
		unit: 'ms',
		display: '200 · 12 ms',
		observedAt: new Date(T0.getTime() - 60_000).toISOString(),
		checkedAt: new Date(T0.getTime() - 60_000).toISOString(),
		stale: false,
		source: 'https://hooks.example.com/stripe/healthz',
		details: {},
		...over,
	};
}

function report(checks: CheckStatus[], generatedAt = T0): StatusReport {
	return {
		schemaVersion: 1,
		generatedAt: generatedAt.toISOString(),
		staleAfterMinutes: 30,
		surfaceRule: [...SURFACE_STATE_RULE],
		surfaces: [{ id: 'billing-events', name: 'Billing event processing', state: 'ok', reason: 'x', checks }],
	};
}

const cell = (page: Page, checkId: string) =>
	page.locator(`section[data-surface="billing-events"] tr[data-check="${checkId}"]`);
const surfaceState = (page: Page) => page.locator('section[data-surface="billing-events"] h2 .lb-status__state');

describe.skipIf(CHROMIUM.skipReason !== undefined)('status page in Chromium', () => {
	let server: StaticServer;
	let browser: Awaited<ReturnType<typeof launchChromium>>;
	beforeAll(async () => {
		server = await serveStatic(inject('builtSite'));
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it('re-fetches without reloading, ages values, greys stale ones with the word, keeps source text as text', async () => {
		await withPage(browser, VIEWPORTS[0], 'status-refresh', async (page) => {
			let answer: StatusReport | undefined = report([
				check({}),
				check({
					id: 'incidents',
					kind: 'github-incidents',
					name: 'Open incidents',
					state: 'degraded',
					display: `1 open · ${EVIL}`,
					reason: `1 open incident: "${EVIL}".`,
				}),
				check({ id: 'feed', kind: 'gcp-incidents', name: 'GCP incidents', source: 'javascript:window.__pwned=3' }),
			]);
			let fetches = 0;
			await page.route('**/status/status.json*', async (route: Route) => {
				fetches++;
				if (answer) await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) });
				else await route.fulfill({ status: 503, body: 'unavailable' });
			});
			await page.clock.install({ time: T0 });
			await page.goto(`${server.url}/status/`);
			await expect.poll(() => surfaceState(page).textContent()).toBe('degraded');
			expect(await cell(page, 'health').locator('.lb-status-age').textContent()).toBe('1 min ago');
			expect(await cell(page, 'incidents').locator('.lb-status-why').textContent()).toBe(
				`1 open incident: "${EVIL}". Source`,
			);
			expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
			expect(await page.locator('section[data-surface="billing-events"] img').count()).toBe(0);
			// A source that is not an http(s) link stays out of the page; an https one is a link.
			expect(await cell(page, 'feed').locator('a').count()).toBe(0);
			expect(await cell(page, 'health').locator('a').getAttribute('href')).toBe(
				'https://hooks.example.com/stripe/healthz',
			);
			expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
			await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

			// The next scheduled refresh brings a new state, without a reload.
			answer = report(
				[
					check({
						state: 'down',
						reason: 'HTTP 503 (expected 200).',
						display: '503 · 4 ms',
						observedAt: new Date(T0.getTime() + 60_000).toISOString(),
					}),
					check({
						id: 'incidents',
						name: 'Open incidents',
						kind: 'github-incidents',
						state: 'ok',
						display: 'none open',
						observedAt: new Date(T0.getTime() + 60_000).toISOString(),
					}),
				],
				new Date(T0.getTime() + 60_000),
			);
			const before = fetches;
			await page.clock.runFor(61_000);
			await expect.poll(() => surfaceState(page).textContent()).toBe('down');
			expect(fetches).toBeGreaterThan(before);
			expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
			expect(await cell(page, 'health').locator('.lb-status__state').textContent()).toBe('down');

			// A damaged report (surfaces without checks) is refused; the last good one stays on the page and keeps ageing.
			answer = {
				schemaVersion: 1,
				generatedAt: T0.toISOString(),
				surfaces: [{ id: 'billing-events', name: 'Billing event processing' }],
			} as unknown as StatusReport;
			await page.clock.runFor(61_000);
			await expect
				.poll(() => page.locator('[data-lb-refresh-note]').textContent())
				.toBe('Could not refresh the status (not a status report); showing what was last loaded, ageing.');
			expect(await surfaceState(page).textContent()).toBe('down');
			expect(await cell(page, 'health').locator('.lb-status-age').textContent()).toBe('1 min ago');

			// The source goes away: values age past 30 minutes, turn grey and say "stale".
			answer = undefined;
			await page.clock.runFor(31 * 60_000);
			await expect
				.poll(() => cell(page, 'health').locator('.lb-status__state').textContent())
				.toBe('stale (last down)');
			expect(await cell(page, 'health').getAttribute('class')).toContain('lb-status-row--stale');
			expect(await cell(page, 'health').locator('.lb-status-age').textContent()).toBe('32 min ago');
			expect(await surfaceState(page).textContent()).toBe('unknown');
			expect(await page.locator('[data-lb-refresh-note]').textContent()).toBe(
				'Could not refresh the status (HTTP 503); showing what was last loaded, ageing.',
			);
			const grey = await cell(page, 'health')
				.locator('.lb-status__dot')
				.evaluate((el) => getComputedStyle(el).backgroundColor);
			expect(grey).toBe('rgb(110, 119, 129)');
			expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
		});
	});

	it('the surface badge on the surfaces page follows the fetched JSON and never shows green when unknown', async () => {
		await withPage(browser, VIEWPORTS[1], 'status-badge', async (page) => {
			let answer = report([check({})]);
			await page.route('**/status/status.json*', (route: Route) =>
				route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) }),
			);
			await page.clock.install({ time: T0 });
			await page.goto(`${server.url}/surfaces/`);
			const badge = page.locator('[data-lb-status-surface="billing-events"]').first();
			await expect.poll(() => badge.locator('.lb-status__state').textContent()).toBe('ok');
			expect(await badge.getAttribute('class')).toBe('lb-status lb-status--ok');
			answer = report([
				check({
					state: 'unknown',
					observedAt: null,
					display: '',
					reason: 'Could not resolve hooks.example.com (ENOTFOUND).',
				}),
			]);
			await page.clock.runFor(61_000);
			await expect.poll(() => badge.locator('.lb-status__state').textContent()).toBe('unknown');
			const colour = await badge.locator('.lb-status__dot').evaluate((el) => getComputedStyle(el).backgroundColor);
			expect(colour).toBe('rgb(110, 119, 129)');
		});
	});
});
