/**
 * What the built site holds: its pages and the heading anchors of each, read from the
 * built HTML, and how a link resolves against them. Pure: HTML text and URLs in.
 */

export interface PageIndex {
	/** `id`s of the page's headings (h1–h6): the sections a link can land on. */
	readonly anchors: ReadonlySet<string>;
	/** Target of a `<meta http-equiv="refresh">`, as written, when the page redirects. */
	readonly redirect: string | undefined;
}

export interface SiteIndex {
	/** Page path (`/runbooks/billing-events/event-backlog/`) → what the page holds. */
	readonly pages: ReadonlyMap<string, PageIndex>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
		if (body[0] === '#') {
			const code =
				body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
			return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
		}
		return ENTITIES[body.toLowerCase()] ?? whole;
	});
}

function attributes(tag: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const m of tag.matchAll(/([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g)) {
		out.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
	}
	return out;
}

/** Heading anchors and redirect target of one built HTML page. */
export function indexHtmlPage(html: string): PageIndex {
	const anchors = new Set<string>();
	for (const m of html.matchAll(/<h[1-6]\b[^>]*>/gi)) {
		const id = attributes(m[0]).get('id');
		if (id) anchors.add(id);
	}
	let redirect: string | undefined;
	for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
		const attrs = attributes(m[0]);
		if (attrs.get('http-equiv')?.toLowerCase() !== 'refresh') continue;
		const target = /^\s*\d+(?:\.\d+)?\s*[;,]\s*url\s*=\s*['"]?([^'"]+)['"]?\s*$/i.exec(attrs.get('content') ?? '');
		if (target) redirect = target[1]!.trim();
		break;
	}
	return { anchors, redirect };
}

/** Page path of a built file: `runbooks/a/index.html` → `/runbooks/a/`; `404.html` → `/404.html`. */
export function pagePathOf(relativeHtmlFile: string): string {
	const f = relativeHtmlFile.replace(/\\/g, '/').replace(/^\/+/, '');
	if (f === 'index.html') return '/';
	if (f.endsWith('/index.html')) return `/${f.slice(0, -'index.html'.length)}`;
	return `/${f}`;
}

export type LinkResolution =
	| { readonly kind: 'external'; readonly reason: string }
	| { readonly kind: 'page-missing'; readonly path: string }
	| { readonly kind: 'section-missing'; readonly path: string; readonly anchor: string; readonly via?: string }
	| { readonly kind: 'no-section'; readonly path: string }
	| { readonly kind: 'ok'; readonly path: string; readonly anchor: string; readonly via?: string };

function lookup(site: SiteIndex, path: string): { path: string; page: PageIndex } | undefined {
	const candidates = [path];
	if (path.endsWith('/index.html')) candidates.push(path.slice(0, -'index.html'.length));
	else if (!path.endsWith('/') && !path.endsWith('.html')) candidates.push(`${path}/`, `${path}.html`);
	for (const c of candidates) {
		const page = site.pages.get(c);
		if (page) return { path: c, page };
	}
	return undefined;
}

function decodeFragment(hash: string): string {
	try {
		return decodeURIComponent(hash.replace(/^#/, ''));
	} catch {
		return hash.replace(/^#/, '');
	}
}

/**
 * Resolve a link against the built site. A page that redirects (the `/alerts/<id>/` deep
 * links) is followed one hop, and its target must exist too.
 */
export function resolveSiteLink(site: SiteIndex, siteUrl: string, link: string): LinkResolution {
	return resolve(site, siteUrl, link, true);
}

function resolve(site: SiteIndex, siteUrl: string, link: string, followRedirect: boolean): LinkResolution {
	const base = new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
	let url: URL;
	try {
		url = new URL(link);
	} catch {
		return { kind: 'external', reason: 'it is not an absolute URL' };
	}
	if (url.origin !== base.origin) {
		const scheme = url.protocol.replace(':', '');
		// A `javascript:`, `mailto:` or `data:` link has no host to name: name its scheme.
		if (url.host === '') return { kind: 'external', reason: `it is a ${scheme}: link, not a web address` };
		return {
			kind: 'external',
			reason:
				url.host === base.host
					? `it uses ${scheme}, not ${base.protocol.replace(':', '')}`
					: `it points at ${url.host}`,
		};
	}
	if (!url.pathname.startsWith(base.pathname))
		return { kind: 'external', reason: `its path is outside ${base.pathname}` };
	let path: string;
	try {
		path = `/${decodeURI(url.pathname.slice(base.pathname.length))}`;
	} catch {
		path = `/${url.pathname.slice(base.pathname.length)}`;
	}
	const found = lookup(site, path);
	if (!found) return { kind: 'page-missing', path };
	if (found.page.redirect !== undefined && followRedirect) {
		const next = resolve(site, siteUrl, new URL(found.page.redirect, url).href, false);
		if (next.kind === 'ok' || next.kind === 'section-missing') return { ...next, via: found.path };
		return next;
	}
	const anchor = decodeFragment(url.hash);
	if (anchor === '') return { kind: 'no-section', path: found.path };
	if (!found.page.anchors.has(anchor)) return { kind: 'section-missing', path: found.path, anchor };
	return { kind: 'ok', path: found.path, anchor };
}
