/**
 * The offline kits in real Chromium, each opened from a file alone in an empty folder with
 * the network blocked: the whole platform's kit and each team's kit. Every distinct link is
 * followed by clicking it: a kit anchor must land on an element that exists (and is shown);
 * anything else must be an absolute https link, never a root-relative one. The contents list,
 * "back to contents" and a runbook's section list work as a responder uses them.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { kitRunbookAnchor, owningTeams, teamKitFile, teamKitSurfaces } from '../../src/core/incident/offline-kit.ts';
import {
	CHROMIUM,
	eventually,
	inViewport,
	launchChromium,
	screenshot,
	VIEWPORTS,
	withPage,
} from './support/browser.ts';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';

const model = loadContent(process.cwd());
const teams = owningTeams(model.surfaces.map((s) => s.data.owner.primary));
const kits = ['offline-kit.html', ...teams.map(teamKitFile)];

/** Click every distinct link of the page in turn; what each click did. */
async function followEveryLink(page: Page) {
	return page.evaluate(() => {
		const seen = new Set<string>();
		const out: { href: string; landed: boolean; shown: boolean; external: boolean }[] = [];
		for (const a of [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]) {
			const href = a.getAttribute('href')!;
			if (seen.has(href)) continue;
			seen.add(href);
			if (!href.startsWith('#')) {
				out.push({ href, landed: false, shown: false, external: true });
				continue;
			}
			a.click();
			const target = document.querySelector(':target');
			const id = decodeURIComponent(href.slice(1));
			out.push({
				href,
				landed: location.hash === href && target !== null && target.id === id,
				shown: target !== null && target.getClientRects().length > 0,
				external: false,
			});
		}
		return out;
	});
}

describe.skipIf(CHROMIUM.skipReason !== undefined)('offline kits from file:// with the network blocked', () => {
	const dist = inject('builtSite');
	let browser: Browser | undefined;
	let alone: string;
	beforeAll(async () => {
		browser = await launchChromium();
		alone = mkdtempSync(join(tmpdir(), 'launchbook-kits-'));
		// Each kit alone in an empty folder: nothing next to it could be loaded by accident.
		for (const kit of kits) cpSync(join(dist, kit), join(alone, kit.replace('/', '--')));
	});
	afterAll(async () => {
		await browser?.close();
		rmSync(alone, { recursive: true, force: true });
	});

	it('builds a kit per owning team next to the whole platform kit', () => {
		expect(teams.length).toBeGreaterThan(1);
		for (const kit of kits) expect(existsSync(join(dist, kit)), kit).toBe(true);
	});

	describe.each(VIEWPORTS)('at the $name viewport', (vp) => {
		it.each(vp.name === 'desktop' ? kits : [kits[0]!, kits[1]!])(
			'%s: every link lands on an anchor of the kit or is absolute https; nothing is fetched',
			async (kit) => {
				const url = pathToFileURL(join(alone, kit.replace('/', '--'))).href;
				await withPage(
					browser!,
					vp,
					`kit-${kit}`,
					async (page, context) => {
						const requests: string[] = [];
						page.on('request', (r) => requests.push(r.url()));
						await context.route(/^(?!file:)/, (route) => route.abort('internetdisconnected'));
						await page.goto(url);
						const links = await followEveryLink(page);
						const internal = links.filter((l) => !l.external);
						expect(internal.length, 'the kit has no links of its own').toBeGreaterThan(20);
						expect(internal.filter((l) => !l.landed).map((l) => l.href)).toEqual([]);
						expect(internal.filter((l) => !l.shown).map((l) => l.href)).toEqual([]);
						expect(links.filter((l) => l.external && !l.href.startsWith('https://')).map((l) => l.href)).toEqual([]);
						expect(requests.filter((r) => r !== url && !r.startsWith(`${url}#`))).toEqual([]);
					},
					{ offline: true },
				);
			},
		);

		it("a team's kit: contents → a runbook → its Rollback through the section list → back to contents", async () => {
			const team = teams.find((t) =>
				model.runbooks.some((r) => model.surfaces.find((s) => s.id === r.data.surface)?.data.owner.primary === t),
			)!;
			const runbook = model.runbooks.find(
				(r) => model.surfaces.find((s) => s.id === r.data.surface)!.data.owner.primary === team,
			)!;
			const scope = teamKitSurfaces(
				model.surfaces.map((s) => ({ id: s.id, owner: s.data.owner.primary, dependsOn: s.data.dependsOn })),
				team,
			);
			const url = pathToFileURL(join(alone, teamKitFile(team).replace('/', '--'))).href;
			await withPage(
				browser!,
				vp,
				'kit-team-flow',
				async (page, context) => {
					await context.route(/^(?!file:)/, (route) => route.abort('internetdisconnected'));
					await page.goto(url);
					// It holds the runbooks of the team's surfaces and of what they depend on, and no other.
					const held = await page
						.locator('article[data-kit-runbook]')
						.evaluateAll((as) => as.map((a) => a.getAttribute('data-kit-runbook')));
					const want = model.runbooks
						.filter((r) => scope.own.includes(r.data.surface) || scope.upstream.includes(r.data.surface))
						.map((r) => r.id)
						.sort();
					expect(held).toEqual(want);
					await page.locator('nav[aria-labelledby="kit-toc"] a[href="#runbooks"]').click();
					await page.locator(`#runbooks ~ ul a[href="#${kitRunbookAnchor(runbook.id)}"]`).click();
					expect(await page.locator(`[id="${kitRunbookAnchor(runbook.id)}"]`).innerText()).toBe(runbook.data.title);
					const rollback = `#${kitRunbookAnchor(runbook.id, 'rollback')}`;
					await page
						.locator(`article[data-kit-runbook="${runbook.id}"] nav.runbook-sections a[href="${rollback}"]`)
						.click();
					expect(await eventually(() => inViewport(page, rollback))).toBe(true);
					await screenshot(page, vp, 'offline-kit-rollback');
					await page.locator(`article[data-kit-runbook="${runbook.id}"] a[href="#kit-toc"]`).click();
					expect(await eventually(() => inViewport(page, '#kit-toc'))).toBe(true);
				},
				{ offline: true },
			);
		});
	});
});
