/**
 * The incident header on runbook pages, in real Chromium against the built site, at the
 * desktop and phone viewports: paged → alert link → the header shows the live status, the
 * on-call link and the alert's severity with its first escalation level on the first screen,
 * next to the section the alert lands on; without JavaScript it shows every severity; a down
 * surface gets a banner on its runbook and surface pages from the live status JSON.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { alertLandingHref, parseRosterRef, parseRunbookRef } from '../../src/core/site/site-links.ts';
import {
	browseSite,
	CHROMIUM,
	eventually,
	inViewport,
	screenshot,
	VIEWPORTS,
	wholeInViewport,
	withPage,
} from './support/browser.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

const model = loadContent(process.cwd());

/** How the roster names a reference: "Primary on-call (Billing Platform)". */
function rosterLabel(ref: string): string {
	const { team, role } = parseRosterRef(ref);
	const t = model.teams.find((x) => x.data.id === team)!.data;
	return role ? `${t.roles.find((r) => r.id === role)!.name} (${t.name})` : t.name;
}

/** A runbook handling alerts of two severities, and an alert of the less usual one landing on a section of it. */
const subject = (() => {
	for (const runbook of model.runbooks) {
		const alerts = model.surfaces.flatMap((s) => s.data.alerts).filter((a) => runbook.data.alerts.includes(a.id));
		const severities = [...new Set(alerts.map((a) => a.severity))].sort();
		if (severities.length < 2) continue;
		const alert = alerts.find((a) => a.severity === severities.at(-1) && parseRunbookRef(a.runbook).anchor);
		if (!alert) continue;
		const surface = model.surfaces.find((s) => s.data.id === runbook.data.surface)!.data;
		const policy = model.escalation.find((e) => e.data.surface === surface.id)!.data;
		const first = policy.policies.find((p) => p.severity === alert.severity)!.levels[0]!;
		return { runbook, alert, surface, severities, first, anchor: parseRunbookRef(alert.runbook).anchor! };
	}
	return undefined;
})();

describe.skipIf(CHROMIUM.skipReason !== undefined)('the incident header in Chromium', () => {
	const dist = inject('builtSite');
	const web = browseSite(dist);

	it('has content to exercise: a runbook handling alerts of two severities', () => {
		expect(subject, 'no runbook handles alerts of two severities').toBeDefined();
	});

	describe.each(VIEWPORTS)('at the $name viewport', (vp) => {
		it("paged → alert link: status, on-call and the severity's first level are on the first screen, with the section", async () => {
			const { alert, surface, first, anchor, severities } = subject!;
			const sevName = model.severities.find((s) => s.data.id === alert.severity)!.data.name;
			await withPage(web.browser, vp, 'paged-alert-link', async (page) => {
				await page.goto(`${web.url}/alerts/${alert.id}/`);
				await page.waitForURL(`${web.url}${alertLandingHref(alert.runbook, alert.id)}`);
				await page.waitForLoadState('load');
				const header = '[data-lb-incident]';
				expect(
					await eventually(async () => (await page.locator(header).getAttribute('data-lb-from')) === alert.id),
				).toBe(true);
				const nav = await page.locator('header.header').evaluate((el) => el.getBoundingClientRect().bottom);
				const paged = page.locator(`${header} [data-lb-paged="${alert.id}"]`);
				expect(await eventually(() => wholeInViewport(page, `${header} [data-lb-paged="${alert.id}"]`, nav - 1))).toBe(
					true,
				);
				expect((await paged.innerText()).replace(/\s+/g, ' ')).toBe(
					`Paged by ${alert.name} (${sevName}). First: ${first.notify.map(rosterLabel).join(', ')}, ${first.afterMinutes === 0 ? 'at once' : `after ${first.afterMinutes} min`} (${first.via}).`,
				);
				for (const what of [
					`${header} [data-lb-status-surface="${surface.id}"]`,
					`${header} a[data-lb-oncall]`,
					`${header} [data-lb-sev="${alert.severity}"][data-lb-current] [data-lb-level="0"]`,
				])
					expect(await wholeInViewport(page, what, nav - 1), `${what} is not on the first screen`).toBe(true);
				expect(await page.locator(`${header} a[data-lb-oncall]`).getAttribute('href')).toBe(surface.onCall);
				// The other severities stay listed, but only the alert's is marked.
				expect(await page.locator(`${header} [data-lb-sev]`).count()).toBe(severities.length);
				expect(await page.locator(`${header} [data-lb-sev][data-lb-current]`).count()).toBe(1);
				// The section the alert lands on is on the same screen, under the header.
				expect(await inViewport(page, `[id="${anchor}"]`), `section #${anchor} is not on the first screen`).toBe(true);
				await screenshot(page, vp, 'paged-alert-header');

				// Jumping on to Rollback from the header keeps the alert marked.
				await page.locator(`${header} nav a[href="#rollback"]`).click();
				await page.waitForURL(/#rollback$/);
				expect(await eventually(() => inViewport(page, 'h2#rollback'))).toBe(true);
				expect(await page.locator(`${header} [data-lb-sev="${alert.severity}"][data-lb-current]`).count()).toBe(1);
			});
		});

		it('without JavaScript: the header tops the runbook and lists every severity with its first level', async () => {
			const { runbook, severities, surface } = subject!;
			await withPage(
				web.browser,
				vp,
				'header-no-js',
				async (page) => {
					await page.goto(`${web.url}/runbooks/${runbook.id}/`);
					const header = page.locator('[data-lb-incident]');
					// Above the prose: before the first heading of the runbook body.
					expect(
						await header.evaluate((el) => {
							const first = document.querySelector('.sl-markdown-content h2');
							return first !== null && (el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
						}),
					).toBe(true);
					expect(
						await page
							.locator('[data-lb-incident] [data-lb-sev]')
							.evaluateAll((li) => li.map((l) => l.getAttribute('data-lb-sev'))),
					).toEqual([...severities].sort());
					for (const sev of severities) {
						const level = model.escalation
							.find((e) => e.data.surface === surface.id)!
							.data.policies.find((p) => p.severity === sev)!.levels[0]!;
						const text = await page
							.locator(`[data-lb-incident] [data-lb-sev="${sev}"] [data-lb-level="0"]`)
							.innerText();
						for (const ref of level.notify) expect(text).toContain(rosterLabel(ref));
					}
					expect(await page.locator('[data-lb-incident] [data-lb-paged]:visible').count()).toBe(0);
					const jumps = await header.locator('nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
					expect(jumps).toEqual(['#mitigation', '#rollback', '#escalation', '#communication']);
					expect(await header.locator('[data-lb-blast]').innerText()).toMatch(
						/^(Takes down .+|Takes down nothing else); depends on .+\.$/,
					);
					expect(await wholeInViewport(page, '[data-lb-incident] a[data-lb-oncall]')).toBe(true);
				},
				{ javaScriptEnabled: false },
			);
		});

		it('says when the surface is down, on its runbook and surface pages, from the live status; never green on old data', async () => {
			const { runbook, surface } = subject!;
			const copy = mkdtempSync(join(tmpdir(), 'launchbook-down-'));
			const site = join(copy, 'dist');
			let server: StaticServer | undefined;
			try {
				cpSync(dist, site, { recursive: true });
				const now = new Date().toISOString();
				const check = (id: string, state: string, observedAt: string) => ({
					id,
					surface: surface.id,
					kind: 'http',
					name: `Probe ${id}`,
					state,
					reason: state === 'down' ? 'HTTP 503 three times.' : 'HTTP 200.',
					value: null,
					unit: null,
					display: state,
					observedAt,
					checkedAt: observedAt,
					stale: false,
					source: null,
					details: {},
				});
				const surfaces = model.surfaces.map((s) => ({
					id: s.id,
					name: s.data.name,
					state: 'ok',
					reason: '',
					checks:
						s.id === surface.id
							? [check('edge', 'down', now), check('api', 'ok', now)]
							: [check('probe', 'ok', new Date(Date.now() - 6 * 3600_000).toISOString())],
				}));
				writeFileSync(
					join(site, 'status', 'status.json'),
					JSON.stringify({ schemaVersion: 1, generatedAt: now, staleAfterMinutes: 30, surfaceRule: [], surfaces }),
				);
				server = await serveStatic(site);
				const base = server.url;
				await withPage(web.browser, vp, 'down-banner', async (page) => {
					for (const url of [`/runbooks/${runbook.id}/`, `/surfaces/${surface.id}/`]) {
						await page.goto(`${base}${url}`);
						const banner = page.locator(`[data-lb-status-banner="${surface.id}"]`);
						expect(
							await eventually(async () => (await banner.getAttribute('data-lb-state')) === 'down', 10_000),
							url,
						).toBe(true);
						expect((await banner.innerText()).replace(/\s+/g, ' ')).toMatch(
							new RegExp(
								`^${surface.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is down Down: Probe edge\\. Checked just now\\. Live status of every check\\.$`,
								'i',
							),
						);
						expect(await wholeInViewport(page, `[data-lb-status-banner="${surface.id}"]`)).toBe(true);
						expect(
							await page.locator(`[data-lb-status-surface="${surface.id}"] .lb-status__state`).first().innerText(),
						).toBe('down');
						if (url.startsWith('/runbooks/')) await screenshot(page, vp, 'runbook-down-banner');
					}
					// The status page says it at a glance, worst first: the down surface leads, old data is unknown, none is ok.
					await page.goto(`${base}/status/`);
					const glance = page.locator('[data-lb-status-summary] li');
					expect(
						await eventually(async () => (await glance.first().getAttribute('data-surface')) === surface.id, 10_000),
					).toBe(true);
					expect(await glance.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-state')))).toEqual([
						'down',
						...model.surfaces.filter((s) => s.id !== surface.id).map(() => 'unknown'),
					]);
					expect(await wholeInViewport(page, '[data-lb-status-summary] li:first-child')).toBe(true);
					await screenshot(page, vp, 'status-at-a-glance');
					// Another surface with 6-hour-old data: no banner, and its badge is grey, never ok.
					const other = model.surfaces.find((s) => s.id !== surface.id)!;
					await page.goto(`${base}/surfaces/${other.id}/`);
					const badge = page.locator(`[data-lb-status-surface="${other.id}"]`).first();
					expect(await eventually(async () => (await badge.innerText()).includes('unknown (stale)'), 10_000)).toBe(
						true,
					);
					expect(await badge.getAttribute('class')).toContain('lb-status--unknown');
					expect(await page.locator(`[data-lb-status-banner="${other.id}"]`).isVisible()).toBe(false);
				});
			} finally {
				await server?.close();
				rmSync(copy, { recursive: true, force: true });
			}
		});
	});
});
