/**
 * Real Chromium for the browser tests: Debian's `/usr/bin/chromium` driven by playwright-core
 * (which never downloads a browser). One browser per test file, a fresh context per test,
 * the two viewports every flow runs at, a screenshot on failure, and axe-core.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { findTool } from '../../support/system-tool.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export const CHROMIUM = findTool(
	'chromium',
	['/usr/bin/chromium', '/usr/bin/chromium-browser'],
	'apt-get install chromium',
);

export const VIEWPORTS = [
	{ name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
	{ name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
] as const;
export type Viewport = (typeof VIEWPORTS)[number];

/** Where failing tests leave screenshots; CI keeps this folder as an artifact. */
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

export async function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM.path!,
		// playwright-core starts every launch with a fresh temporary profile (user-data dir).
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
		timeout: 30_000,
	});
}

/**
 * One Chromium and one static server on 127.0.0.1 for a test file, serving `root`: started
 * before the file's tests, closed after them. Read `browser` and `url` inside tests.
 */
export function browseSite(root: string): { readonly browser: Browser; readonly url: string } {
	let browser: Browser | undefined;
	let server: StaticServer | undefined;
	beforeAll(async () => {
		browser = await launchChromium();
		server = await serveStatic(root);
	});
	afterAll(async () => {
		await server?.close();
		await browser?.close();
	});
	return {
		get browser() {
			if (!browser) throw new Error('browseSite: the browser is read before beforeAll started it');
			return browser;
		},
		get url() {
			if (!server) throw new Error('browseSite: the server is read before beforeAll started it');
			return server.url;
		},
	};
}

/**
 * Run `body` in a fresh context and page at `vp`; on failure save a full-page screenshot
 * named after the test and viewport, then rethrow. The context is always closed.
 */
export async function withPage<T>(
	browser: Browser,
	vp: Viewport,
	name: string,
	body: (page: Page, context: BrowserContext) => Promise<T>,
	options: BrowserContextOptions = {},
): Promise<T> {
	const context = await browser.newContext({
		viewport: vp.viewport,
		isMobile: vp.isMobile,
		hasTouch: vp.hasTouch,
		...options,
	});
	context.setDefaultTimeout(15_000);
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	try {
		const result = await body(page, context);
		if (errors.length > 0) throw new Error(`JavaScript errors on the page: ${errors.join('; ')}`);
		return result;
	} catch (error) {
		mkdirSync(SCREENSHOT_DIR, { recursive: true });
		const file = join(SCREENSHOT_DIR, `${name}-${vp.name}.png`.replace(/[^\w.-]+/g, '-'));
		await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
		(error as Error).message += `\n(screenshot: ${file})`;
		throw error;
	} finally {
		await context.close();
	}
}

/**
 * Save what the page shows now (the first screen, or the whole page) as
 * `test-results/screenshots/<name>-<viewport>.png`: the README's pictures and a reviewer's
 * evidence of what a flow looked like.
 */
export async function screenshot(page: Page, vp: Viewport, name: string, fullPage = false): Promise<string> {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const file = join(SCREENSHOT_DIR, `${name}-${vp.name}.png`.replace(/[^\w.-]+/g, '-'));
	await page.screenshot({ path: file, fullPage });
	return file;
}

/** Whether any part of the element is inside the viewport right now. */
export async function inViewport(page: Page, selector: string): Promise<boolean> {
	return page
		.locator(selector)
		.first()
		.evaluate((el) => {
			const r = el.getBoundingClientRect();
			return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth && r.height > 0;
		});
}

/** Whether the whole element is inside the viewport right now (below `topInset` px of fixed chrome). */
export async function wholeInViewport(page: Page, selector: string, topInset = 0): Promise<boolean> {
	return page
		.locator(selector)
		.first()
		.evaluate((el, inset) => {
			const r = el.getBoundingClientRect();
			return (
				r.height > 0 && r.top >= inset && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth
			);
		}, topInset);
}

/** Poll until `check` is true or `timeoutMs` passes; returns the last value. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5000, stepMs = 100): Promise<boolean> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		if (await check()) return true;
		if (Date.now() > end) return false;
		await new Promise((r) => setTimeout(r, stepMs));
	}
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
	readonly id: string;
	readonly impact: string | null;
	readonly help: string;
	readonly nodes: { readonly target: string[]; readonly failureSummary?: string }[];
}

/** WCAG 2.0/2.1 A and AA violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
	await page.addScriptTag({ content: axeSource });
	return page.evaluate(async () => {
		const axe = (
			window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }
		).axe;
		const result = await axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
			resultTypes: ['violations'],
		});
		return result.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			nodes: v.nodes.map((n) => ({ target: n.target as string[], failureSummary: n.failureSummary })),
		}));
	});
}

/** One line per violation, for a failure message a reviewer can act on. */
export function describeViolations(url: string, violations: readonly AxeViolation[]): string {
	return violations
		.map(
			(v) =>
				`${url}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
					.slice(0, 3)
					.map((n) => n.target.join(' '))
					.join(' | ')}${v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : ''}`,
		)
		.join('\n');
}
