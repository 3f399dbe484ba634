/**
 * axe-core on every page type of the built site (each top-level section's index and its
 * first child page, the 404 page and the offline kit), at the desktop and phone viewports in
 * the light scheme and at the desktop viewport in the dark one (responders read at night):
 * no WCAG 2.0/2.1 A or AA violation.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, browseSite, CHROMIUM, describeViolations, VIEWPORTS, withPage } from './support/browser.ts';

const dist = inject('builtSite');
/** Sections whose child pages are redirects or data, not pages a person reads. */
const NOT_PAGES = new Set(['_astro', 'pagefind', 'alerts', 'exports', 'status']);

/** One URL per page type: `/`, each section's index and its first child page, the 404 page, the offline kit. */
function pageTypes(): string[] {
	const urls = ['/', '/404.html', '/offline-kit.html'];
	// A team's kit too (offline-kit/<team>.html): the same kit, scoped.
	const teamKit = existsSync(join(dist, 'offline-kit'))
		? readdirSync(join(dist, 'offline-kit')).find((f) => f.endsWith('.html') && f !== 'index.html')
		: undefined;
	if (teamKit) urls.push(`/offline-kit/${teamKit}`);
	const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
	for (const section of readdirSync(dist).sort()) {
		const dir = join(dist, section);
		if (!isDir(dir) || section === 'offline-kit') continue;
		if (existsSync(join(dir, 'index.html'))) urls.push(`/${section}/`);
		if (NOT_PAGES.has(section)) continue;
		// First page below the section index, however deep (runbooks/<surface>/<failure-mode>/).
		const child = (readdirSync(dir, { recursive: true }) as string[])
			.filter((f) => f.endsWith('/index.html'))
			.sort()[0];
		if (child) urls.push(`/${section}/${child.replace(/index\.html$/, '')}`);
	}
	return urls;
}

describe.skipIf(CHROMIUM.skipReason !== undefined)('accessibility (axe-core, WCAG 2 A/AA)', () => {
	const urls = pageTypes();

	const web = browseSite(dist);

	it('covers the page types a responder meets', () => {
		for (const must of ['/', '/runbooks/', '/comms/', '/status/', '/escalation/', '/offline-kit.html'])
			expect(urls).toContain(must);
		expect(
			urls.some((u) => /^\/runbooks\/.+\/.+\/$/.test(u)),
			'no runbook page found',
		).toBe(true);
		expect(
			urls.some((u) => /^\/comms\/.+\/$/.test(u)),
			'no comms template page found',
		).toBe(true);
		expect(
			urls.some((u) => /^\/surfaces\/.+\/$/.test(u)),
			'no surface page found',
		).toBe(true);
	});

	const runs = [
		...VIEWPORTS.map((vp) => ({ vp, scheme: 'light' as const })),
		{ vp: VIEWPORTS[0], scheme: 'dark' as const },
	];
	describe.each(runs)('at the $vp.name viewport, $scheme scheme', ({ vp, scheme }) => {
		it.each(urls)('%s has no violations', async (url) => {
			await withPage(
				web.browser,
				vp,
				`axe-${scheme}${url}`,
				async (page) => {
					const response = await page.goto(`${web.url}${url}`, { waitUntil: 'load' });
					expect(response?.status()).toBe(200);
					// Starlight's Expressive Code makes code blocks that scroll focusable from its script: wait for that pass.
					await page.waitForFunction(() =>
						[...document.querySelectorAll('.expressive-code pre')].every(
							(p) => p.scrollWidth <= p.clientWidth || p.hasAttribute('tabindex'),
						),
					);
					const violations = await axeViolations(page);
					expect(violations, describeViolations(url, violations)).toEqual([]);
				},
				{ colorScheme: scheme },
			);
		});
	});
});
