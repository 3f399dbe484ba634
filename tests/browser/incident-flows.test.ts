/**
 * What a responder does mid-incident, in real Chromium against the built site, at a desktop
 * and a phone viewport: alert deep link → rollback steps; search for an alert; fill in and
 * copy a comms template; read a runbook from the offline kit with the network off; see the
 * status page call old data stale.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { cadenceMinutes, fillTemplate } from '../../src/core/incident/comms-fill.ts';
import type { DocumentEntry } from '../../src/core/content/model.ts';
import { kitRunbookAnchor } from '../../src/core/incident/offline-kit.ts';
import { alertLandingHref } from '../../src/core/site/site-links.ts';
import type { CommsTemplate } from '../../src/core/schemas/comms.ts';
import type { Runbook } from '../../src/core/schemas/runbook.ts';
import { browseSite, CHROMIUM, eventually, inViewport, VIEWPORTS, withPage } from './support/browser.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

const model = loadContent(process.cwd());

/** Ordered Rollback steps of a runbook, as the content declares them. */
function rollbackSteps(runbook: DocumentEntry<Runbook>): readonly string[] {
	const section = runbook.outline.sections.find((s) => s.depth === 2 && s.slug === 'rollback');
	const list = section?.blocks.find((b) => b.type === 'list' && b.ordered);
	return list && list.type === 'list' ? list.items : [];
}

/** An alert whose runbook has Rollback steps, with everything the flows need about it. */
const subject = (() => {
	for (const surface of model.surfaces) {
		for (const alert of surface.data.alerts) {
			const [runbookId, anchor] = alert.runbook.split('#');
			const runbook = model.runbooks.find((r) => r.id === runbookId);
			if (runbook && rollbackSteps(runbook).length > 0)
				return { alert, runbookId: runbookId!, anchor, runbook, steps: rollbackSteps(runbook) };
		}
	}
	return undefined;
})();

/** The comms template with the most variables: the form has the most to fill. */
const template: DocumentEntry<CommsTemplate> | undefined = [...model.comms].sort(
	(a, b) => b.data.variables.length - a.data.variables.length,
)[0];

describe.skipIf(CHROMIUM.skipReason !== undefined)('incident flows in Chromium', () => {
	const dist = inject('builtSite');

	const web = browseSite(dist);

	it('has content to exercise: an alert with a runbook rollback and a comms template with variables', () => {
		expect(subject, 'no alert lands on a runbook with an ordered Rollback list').toBeDefined();
		expect(
			template?.data.variables.length ?? 0,
			'no comms template declares variables (content/comms/*.mdx)',
		).toBeGreaterThan(0);
	});

	it("ranks each alert's runbook first when searching the alert's name or id (Pagefind, as the search box uses it)", async () => {
		const cases = model.surfaces.flatMap((s) =>
			s.data.alerts.flatMap((a) =>
				[a.name, a.id].map((term) => ({ term, want: `/runbooks/${a.runbook.split('#')[0]}/` })),
			),
		);
		expect(cases.length).toBeGreaterThan(0);
		await withPage(web.browser, VIEWPORTS[0], 'search-ranking', async (page) => {
			await page.goto(`${web.url}/`);
			// A string, so the test runner does not rewrite the page's dynamic import().
			const tops = (await page.evaluate(`(async (terms) => {
				const pagefind = await import('/pagefind/pagefind.js');
				const out = [];
				for (const term of terms) {
					const found = await pagefind.search(term);
					out.push(found.results[0] ? (await found.results[0].data()).url : null);
				}
				return out;
			})(${JSON.stringify(cases.map((c) => c.term))})`)) as (string | null)[];
			const wrong = cases.map((c, i) => ({ ...c, got: tops[i] })).filter((c) => c.got !== c.want);
			expect(wrong).toEqual([]);
		});
	});

	it('leads "who to page", "on call" and "escalate" to the escalation matrix first (Pagefind, as the search box uses it)', async () => {
		const terms = ['who to page', 'on call', 'escalate'];
		await withPage(web.browser, VIEWPORTS[0], 'search-escalation', async (page) => {
			await page.goto(`${web.url}/`);
			const tops = (await page.evaluate(`(async (terms) => {
				const pagefind = await import('/pagefind/pagefind.js');
				const out = [];
				for (const term of terms) {
					const found = await pagefind.search(term);
					out.push(found.results[0] ? (await found.results[0].data()).url : null);
				}
				return out;
			})(${JSON.stringify(terms)})`)) as (string | null)[];
			expect(Object.fromEntries(terms.map((t, i) => [t, tops[i]]))).toEqual(
				Object.fromEntries(terms.map((t) => [t, '/escalation/'])),
			);
		});
	});

	describe.each(VIEWPORTS)('at the $name viewport', (vp) => {
		it('goes from an alert deep link to the rollback steps', async () => {
			const { alert, anchor, steps } = subject!;
			await withPage(web.browser, vp, 'deep-link-rollback', async (page) => {
				await page.goto(`${web.url}/alerts/${alert.id}/`);
				await page.waitForURL(`${web.url}${alertLandingHref(alert.runbook, alert.id)}`);
				if (anchor)
					expect(
						await eventually(() => inViewport(page, `[id="${anchor}"]`)),
						`section #${anchor} is not scrolled into view`,
					).toBe(true);

				// Rollback through the page's own table of contents, as a responder would.
				if (vp.name === 'phone') {
					await page.locator('#starlight__mobile-toc summary').click();
					await page.locator('#starlight__mobile-toc a[href="#rollback"]').click();
				} else {
					await page.locator('starlight-toc a[href="#rollback"]').click();
				}
				await page.waitForURL(/#rollback$/);
				const items = page.locator('h2#rollback').locator('xpath=following::ol[1]/li');
				expect(await items.count()).toBe(steps.length);
				expect(await eventually(() => inViewport(page, 'h2#rollback')), 'the Rollback heading is not in view').toBe(
					true,
				);
				const first = await items.first().boundingBox();
				expect(first, 'the first rollback step has no box').not.toBeNull();
				expect(first!.y + first!.height, 'the first rollback step is below the fold').toBeLessThanOrEqual(
					vp.viewport.height,
				);
				expect((await items.first().innerText()).replace(/\s+/g, ' ')).toContain(
					steps[0]!.replace(/\s+/g, ' ').slice(0, 25),
				);
			});
		});

		it('prints a runbook without the site chrome', async () => {
			const { runbookId } = subject!;
			await withPage(web.browser, vp, 'print-runbook', async (page) => {
				await page.goto(`${web.url}/runbooks/${runbookId}/`);
				await page.emulateMedia({ media: 'print' });
				const shown = (selector: string) =>
					page
						.locator(selector)
						.first()
						.evaluate((el) => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0);
				for (const chrome of ['header.header', 'site-search', '.lb-kit-link', '#starlight__sidebar', 'starlight-toc']) {
					if ((await page.locator(chrome).count()) > 0) expect(await shown(chrome), `${chrome} prints`).toBe(false);
				}
				expect(await shown('h2#rollback')).toBe(true);
				expect(await shown('h1')).toBe(true);
			});
		});

		it("searches for an alert's name: its runbook is the first result; an unknown alert points to escalation", async () => {
			const { alert, runbookId } = subject!;
			await withPage(web.browser, vp, 'search-alert', async (page) => {
				await page.goto(`${web.url}/`);
				await page.locator('button[data-open-modal]').click();
				const input = page.locator('#starlight__search .pagefind-ui__search-input');
				await input.fill(alert.name);
				const first = page.locator('#starlight__search .pagefind-ui__result-link').first();
				await first.waitFor();
				expect(await first.getAttribute('href')).toBe(`/runbooks/${runbookId}/`);
				expect(await page.locator('.lb-search-hint').isVisible()).toBe(false);

				const unknown = 'NoSuchAlertFiresHere';
				await input.fill(unknown);
				const hint = page.locator('.lb-search-hint');
				await hint.waitFor({ state: 'visible' });
				expect((await hint.innerText()).replace(/\s+/g, ' ').trim()).toBe(
					`“${unknown}” is not an alert Launchbook documents. For an alert you cannot find here, go to the escalation matrix and page the on-call of the surface it fires for.`,
				);
				// The way out looks like a link: underlined, in the accent colour, not body text.
				const look = await hint
					.getByRole('link', { name: 'escalation matrix' })
					.evaluate((a) => [
						getComputedStyle(a).textDecorationLine,
						getComputedStyle(a).color,
						getComputedStyle(a.parentElement!).color,
					]);
				expect(look[0]).toContain('underline');
				expect(look[1]).not.toBe(look[2]);
				await hint.getByRole('link', { name: 'escalation matrix' }).click();
				await page.waitForURL(`${web.url}/escalation/`);
			});
		});

		it('fills in a comms template and copies it; copying is blocked while a variable is empty', async () => {
			const t = template!;
			await withPage(
				web.browser,
				vp,
				'comms-copy',
				async (page) => {
					await page.goto(`${web.url}/comms/${t.id}/`);
					await page.evaluate(() => navigator.clipboard.writeText('clipboard before'));
					const status = page.locator('#lb-copy-status');
					const labels = t.data.variables.map((v) => v.label);
					const auto = t.data.variables.filter((v) => v.kind === 'next-update').map((v) => v.label);
					const blocked = (missing: readonly string[]) =>
						`Copy blocked: fill in ${missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`} first.`;
					// Untouched: every variable but the cadence-defaulted ones is missing, and the message says which.
					const missingAtStart = labels.filter((l) => !auto.includes(l));
					if (missingAtStart.length > 0) expect(await status.innerText()).toBe(blocked(missingAtStart));

					for (const v of t.data.variables) {
						const field = page.locator(`[data-var="${v.name}"]`);
						if (v.kind === 'surface') await field.selectOption({ index: 1 });
						else if (v.kind === 'time') await page.locator(`button[data-now="${v.name}"]`).click();
						else if (v.kind === 'text') await field.fill('Webhook deliveries are delayed by up to 20 minutes.');
						else {
							// Next update: now plus the cadence of the template's most severe severity (the form's first choice).
							const value = await field.inputValue();
							expect(value, `${v.label} is not defaulted from the cadence`).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
							const sev = [...model.severities]
								.filter((x) => t.data.severities.includes(x.id))
								.sort((a, b) => a.data.level - b.data.level)[0]!;
							const expectedMs = Date.now() + cadenceMinutes(sev.data.updateCadence, t.data.audience) * 60_000;
							expect(
								Math.abs(Date.parse(`${value.replace(' ', 'T')}:00Z`) - expectedMs),
								`${v.label} is not now + cadence`,
							).toBeLessThan(3 * 60_000);
						}
					}
					// Empty one variable again: copying is refused and the clipboard keeps what it had.
					const emptied = t.data.variables.find((v) => v.kind !== 'surface') ?? t.data.variables[0]!;
					const emptiedField = page.locator(`[data-var="${emptied.name}"]`);
					const kept = await emptiedField.inputValue();
					if (emptied.kind === 'surface') await emptiedField.selectOption('');
					else await emptiedField.fill('');
					// aria-disabled, not disabled: the button stays focusable and says why it refuses.
					await page.locator('#lb-copy').click({ force: true });
					expect(await status.innerText()).toBe(blocked([emptied.label]));
					expect(await page.locator('#lb-copy').getAttribute('aria-disabled')).toBe('true');
					expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('clipboard before');
					if (emptied.kind === 'surface') await emptiedField.selectOption({ index: 1 });
					else await emptiedField.fill(kept);

					const values: Record<string, string> = {};
					for (const v of t.data.variables) values[v.name] = await page.locator(`[data-var="${v.name}"]`).inputValue();
					const body = fillTemplate(t.data.message.trimEnd(), values);
					const subjectLine = t.data.subject ? fillTemplate(t.data.subject, values).text : undefined;
					const expected = subjectLine ? `Subject: ${subjectLine}\n\n${body.text}` : body.text;
					expect(body.missing).toEqual([]);
					expect(await page.locator('#lb-preview').innerText()).toBe(expected);

					await page.locator('#lb-copy').click();
					await eventually(async () => (await status.innerText()).startsWith('Copied'));
					expect(await status.innerText()).toBe(`Copied ${expected.length} characters to the clipboard.`);
					const copied = await page.evaluate(() => navigator.clipboard.readText());
					expect(copied).toBe(expected);
					expect(copied).not.toMatch(/\{\{/);
				},
				{ permissions: ['clipboard-read', 'clipboard-write'] },
			);
		});

		it('reads a comms template without JavaScript: plain text with the placeholders, no form', async () => {
			const t = template!;
			await withPage(
				web.browser,
				vp,
				'comms-no-js',
				async (page) => {
					await page.goto(`${web.url}/comms/${t.id}/`);
					const plain = await page.locator('pre.lb-comms-plain').innerText();
					expect(plain).toContain(t.data.message.trim().split('\n')[0]!);
					for (const v of t.data.variables) expect(plain).toContain(`{{${v.name}}}`);
					expect(await page.locator('#lb-comms-form').isVisible()).toBe(false);
				},
				{ javaScriptEnabled: false },
			);
		});

		it('opens the offline kit from a file with the network off and reads a runbook', async () => {
			const { runbookId, runbook, steps } = subject!;
			const alone = mkdtempSync(join(tmpdir(), 'launchbook-kit-'));
			try {
				// The kit alone in an empty folder: nothing next to it could be loaded by accident.
				cpSync(join(dist, 'offline-kit.html'), join(alone, 'offline-kit.html'));
				const url = pathToFileURL(join(alone, 'offline-kit.html')).href;
				await withPage(
					web.browser,
					vp,
					'offline-kit',
					async (page, context) => {
						const requests: string[] = [];
						page.on('request', (r) => requests.push(r.url()));
						await context.route(/^(?!file:)/, (route) => route.abort('internetdisconnected'));
						await page.goto(url);
						await page.locator(`a[href="#runbooks"]`).first().click();
						await page.locator(`#runbooks ~ ul a[href="#${kitRunbookAnchor(runbookId)}"]`).click();
						expect(await page.locator(`[id="${kitRunbookAnchor(runbookId)}"]`).innerText()).toBe(runbook.data.title);
						const rollback = page.locator(`[id="${kitRunbookAnchor(runbookId, 'rollback')}"]`);
						await rollback.scrollIntoViewIfNeeded();
						const items = rollback.locator('xpath=following::ol[1]/li');
						expect(await items.count()).toBe(steps.length);
						expect(await items.first().isVisible()).toBe(true);
						expect(await page.locator('[data-kit-snapshot]').innerText()).toMatch(
							/^(Snapshot taken \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC|No (usable )?status snapshot)/,
						);
						expect(
							requests.filter((r) => !r.startsWith('file:')),
							'the kit tried to fetch something over the network',
						).toEqual([]);
						expect(
							requests.filter((r) => r !== url),
							'the kit loaded another file',
						).toEqual([]);
					},
					{ offline: true },
				);
			} finally {
				rmSync(alone, { recursive: true, force: true });
			}
		});

		it('shows old status data as stale, never as healthy', async () => {
			const copy = mkdtempSync(join(tmpdir(), 'launchbook-stale-'));
			const site = join(copy, 'dist');
			let stale: StaticServer | undefined;
			try {
				cpSync(dist, site, { recursive: true });
				const old = new Date(Date.now() - 6 * 3600_000).toISOString();
				const surfaces = model.surfaces.map((s) => ({
					id: s.id,
					name: s.data.name,
					state: 'ok',
					reason: 'All checks ok.',
					checks: [
						{
							id: 'probe',
							surface: s.id,
							kind: 'http',
							name: 'Health probe',
							state: 'ok',
							reason: 'HTTP 200 in 120 ms.',
							value: 120,
							unit: 'ms',
							display: '120 ms',
							observedAt: old,
							checkedAt: old,
							stale: false,
							source: null,
							details: {},
						},
					],
				}));
				writeFileSync(
					join(site, 'status', 'status.json'),
					JSON.stringify({ schemaVersion: 1, generatedAt: old, staleAfterMinutes: 30, surfaceRule: [], surfaces }),
				);
				stale = await serveStatic(site);
				const base = stale.url;
				await withPage(web.browser, vp, 'status-stale', async (page) => {
					await page.goto(`${base}/status/`);
					const first = surfaces[0]!;
					const cell = page.locator(`section[data-surface="${first.id}"] tr[data-check="probe"] .lb-status__state`);
					await cell.waitFor();
					expect(await eventually(async () => (await cell.innerText()) === 'stale (last ok)', 10_000)).toBe(true);
					// A stale check counts as unknown, so the surface is unknown: never ok on old data.
					expect(await page.locator(`section[data-surface="${first.id}"] h2 .lb-status__state`).innerText()).toBe(
						'unknown',
					);
					expect(
						await page.locator('[data-lb-surfaces] .lb-status--ok').count(),
						'a surface or check with 6-hour-old data is shown as ok',
					).toBe(0);
				});
			} finally {
				await stale?.close();
				rmSync(copy, { recursive: true, force: true });
			}
		});
	});
});
