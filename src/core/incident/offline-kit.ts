/**
 * The offline incident kit: one HTML file a responder can open with no network at all.
 * The page `src/pages/offline-kit.astro` renders it with Astro; the functions here turn
 * that page into a self-contained file (stylesheets inlined, scripts and other fetches
 * removed, runbook anchors made unique) and prove nothing external is left. Pure.
 */

/** Anchor of a runbook (and optionally one of its sections) inside the kit. */
export function kitRunbookAnchor(runbookId: string, anchor?: string): string {
	const base = `rb-${runbookId.replace(/\//g, '--')}`;
	return anchor ? `${base}--${anchor}` : base;
}

/**
 * Runbooks are rendered one after another, each in `<article data-kit-runbook="id">`, so the
 * same heading (`rollback`) appears in every one of them. Prefix the ids and same-page links
 * inside each article with the runbook's anchor.
 */
export function namespaceRunbookIds(html: string): string {
	return html.replace(
		/<article data-kit-runbook="([^"]+)"([^>]*)>([\s\S]*?)<\/article>/g,
		(_whole, id: string, attrs: string, inner: string) => {
			const own = kitRunbookAnchor(id);
			const scoped = (anchor: string) =>
				anchor === own || anchor.startsWith(`${own}--`) ? anchor : kitRunbookAnchor(id, anchor);
			const prefixed = inner
				.replace(/\sid="([^"]+)"/g, (_m, anchor: string) => ` id="${scoped(anchor)}"`)
				.replace(/\shref="#([^"]+)"/g, (_m, anchor: string) => ` href="#${scoped(anchor)}"`);
			return `<article data-kit-runbook="${id}"${attrs}>${prefixed}</article>`;
		},
	);
}

export interface SelfContainResult {
	readonly html: string;
	/** Stylesheet hrefs that were inlined. */
	readonly inlined: readonly string[];
	/** Tags removed because they would fetch something (scripts, preloads, icons). */
	readonly removed: readonly string[];
}

/**
 * Inline every `<link rel="stylesheet">` whose CSS `readCss` returns, drop every other
 * `<link>` and every `<script>` (the kit works without JavaScript), and namespace runbook ids.
 */
export function selfContain(html: string, readCss: (href: string) => string | undefined): SelfContainResult {
	const inlined: string[] = [];
	const removed: string[] = [];
	let out = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, (tag) => {
		removed.push(tag.slice(0, tag.indexOf('>') + 1));
		return '';
	});
	out = out.replace(/<link\b[^>]*>/gi, (tag) => {
		const rel = /\brel="([^"]*)"/i.exec(tag)?.[1] ?? '';
		const href = /\bhref="([^"]*)"/i.exec(tag)?.[1];
		if (/\bstylesheet\b/i.test(rel) && href) {
			const css = readCss(href);
			if (css !== undefined) {
				inlined.push(href);
				const media = /\bmedia="([^"]*)"/i.exec(tag)?.[1];
				return `<style${media ? ` media="${media}"` : ''}>${css.replace(/<\/style/gi, '<\\/style')}</style>`;
			}
		}
		removed.push(tag);
		return '';
	});
	return { html: namespaceRunbookIds(out), inlined, removed };
}

/**
 * Everything in `html` that would make the browser fetch something when the file opens:
 * `src`/`srcset`/`poster`/`data` attributes, `<link href>`, CSS `url(…)` and `@import` that
 * are not `data:` URIs. Plain `<a href>` links are navigation, not fetches, and are allowed.
 */
export function externalReferences(html: string): string[] {
	const found: string[] = [];
	for (const m of html.matchAll(
		/<(img|script|iframe|source|video|audio|embed|object|input|track|image|use|feImage)\b[^>]*?\s(src|srcset|poster|data|href|xlink:href)="([^"]*)"/gi,
	)) {
		const [, tag, attr, value] = m;
		if (tag!.toLowerCase() === 'use' && value!.startsWith('#')) continue;
		if (!value!.startsWith('data:')) found.push(`<${tag} ${attr}="${value}">`);
	}
	for (const m of html.matchAll(/<link\b[^>]*>/gi)) found.push(m[0]);
	for (const m of html.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) {
		const value = m[2]!.trim();
		if (!value.startsWith('data:') && !value.startsWith('#')) found.push(`url(${value})`);
	}
	for (const m of html.matchAll(/@import\s+[^;]+;/gi)) found.push(m[0]);
	return found;
}
