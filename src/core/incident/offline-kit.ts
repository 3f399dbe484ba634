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
 * inside each article (links to ids of the same article) with the runbook's anchor.
 */
export function namespaceRunbookIds(html: string): string {
	return html.replace(
		/<article data-kit-runbook="([^"]+)"([^>]*)>([\s\S]*?)<\/article>/g,
		(_whole, id: string, attrs: string, inner: string) => {
			const own = kitRunbookAnchor(id);
			const scoped = (anchor: string) =>
				anchor === own || anchor.startsWith(`${own}--`) ? anchor : kitRunbookAnchor(id, anchor);
			// Only links to ids of this runbook are scoped: "Back to contents" leads out of it.
			const own_ids = documentIds(inner);
			const prefixed = inner
				.replace(/\sid="([^"]+)"/g, (_m, anchor: string) => ` id="${scoped(anchor)}"`)
				.replace(/\shref="#([^"]+)"/g, (m, anchor: string) => (own_ids.has(anchor) ? ` href="#${scoped(anchor)}"` : m));
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
	return { html: slimKitHtml(namespaceRunbookIds(out)), inlined, removed };
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
	// One class inside the parentheses, unquoted in code: the quantifiers of `\s*(['"]?)([^'")]*)\1\s*` overlapped.
	for (const m of html.matchAll(/url\(([^)]*)\)/gi)) {
		const value = m[1]!
			.trim()
			.replace(/^(['"])([^'"]*)\1$/, '$2')
			.trim();
		if (!value.startsWith('data:') && !value.startsWith('#')) found.push(`url(${value})`);
	}
	for (const m of html.matchAll(/@import\s[^;]*;/gi)) found.push(m[0]);
	return found;
}

/** Id of a comms template's section in the kit: `comms-status-page-investigating`. */
export function kitCommsAnchor(commsId: string): string {
	return `comms-${commsId.replace(/\//g, '--')}`;
}

/** Id of a roster entry in the kit: `team-<team>` or `team-<team>-<role>`. */
export function kitRosterAnchor(team: string, role?: string): string {
	return role ? `team-${team}-${role}` : `team-${team}`;
}

/** Every `id` the document defines. */
export function documentIds(html: string): Set<string> {
	const ids = new Set<string>();
	for (const m of html.matchAll(/\sid="([^"]+)"/g)) ids.add(m[1]!);
	return ids;
}

/**
 * Where a site link goes inside the kit: the kit's own anchor for what the kit holds (a
 * runbook and its section, a surface, its escalation, a vendor, a roster entry, a severity, a
 * comms template, the status snapshot), else `undefined` (the caller makes it an absolute
 * https link to the live site). `path` is a site path without the base (`/runbooks/a/b/`).
 */
export function kitAnchorFor(path: string, hash: string, ids: ReadonlySet<string>): string | undefined {
	const has = (id: string) => (ids.has(id) ? `#${id}` : undefined);
	const p = path.endsWith('/') || path.endsWith('.html') ? path : `${path}/`;
	const runbook = p === '/runbooks/' ? null : /^\/runbooks\/(.+)\/$/.exec(p);
	if (runbook) {
		const id = runbook[1]!;
		return (hash ? has(kitRunbookAnchor(id, hash)) : undefined) ?? has(kitRunbookAnchor(id));
	}
	if (p === '/runbooks/') return has('runbooks');
	const surface = /^\/surfaces\/([^/]+)\/$/.exec(p);
	if (surface) return has(`surface-${surface[1]}`);
	if (p === '/surfaces/') return has('surfaces');
	if (p === '/escalation/') {
		const s = /^surface-(.+)$/.exec(hash);
		if (s) return has(`escalation-${s[1]}`);
		if (/^vendor-/.test(hash)) return has(hash) ?? has('vendors');
		return has('escalation');
	}
	if (p === '/roster/') {
		const team = /^team-(.+)$/.exec(hash);
		if (team) return has(kitRosterAnchor(team[1]!));
		const role = /^role-(.+)$/.exec(hash);
		// `role-<team>-<role>` on the site is `team-<team>-<role>` in the kit: the same ids after the prefix.
		if (role) return has(`team-${role[1]}`);
		return has('roster');
	}
	if (p === '/severities/') return (hash ? has(`sev-${hash}`) : undefined) ?? has('severities');
	const comms = /^\/comms\/(.+)\/$/.exec(p);
	if (comms) return has(kitCommsAnchor(comms[1]!));
	if (p === '/comms/') return has('comms');
	if (p === '/status/') {
		const s = /^surface-(.+)$/.exec(hash);
		return (s ? has(`status-${s[1]}`) : undefined) ?? has('status');
	}
	if (p === '/offline-kit.html' || p === '/offline-kit/') return has('kit-toc');
	return undefined;
}

export interface KitLinkResult {
	readonly html: string;
	/** Site links turned into kit anchors. */
	readonly internal: number;
	/** Site links the kit does not hold, turned into absolute https links to the live site. */
	readonly absolute: number;
}

/**
 * Make every link of the kit work from a file: a same-document `#anchor` stays; a site link
 * (`/runbooks/x/#rollback`, under the site's base) becomes the kit's own anchor when the kit
 * holds it, else an absolute link to the live site (`https://…/runbooks/x/#rollback`), so no
 * root-relative link survives to open "file couldn't be accessed".
 */
export function rewriteKitLinks(html: string, siteUrl: string, base = '/'): KitLinkResult {
	const ids = documentIds(html);
	const site = siteUrl.replace(/\/+$/, '');
	const origin = (() => {
		try {
			return new URL(site).origin;
		} catch {
			return site;
		}
	})();
	const prefix = base.replace(/\/+$/, '');
	let internal = 0;
	let absolute = 0;
	const out = html.replace(/(<a\b[^>]*?\shref=")([^"]*)(")/gi, (whole, before: string, href: string, after: string) => {
		if (href.startsWith('#') || /^https:\/\//i.test(href)) return whole;
		let path: string;
		let hash = '';
		if (href.startsWith('/') && !href.startsWith('//')) {
			const h = href.indexOf('#');
			path = h < 0 ? href : href.slice(0, h);
			hash = h < 0 ? '' : decodeHash(href.slice(h + 1));
			path = path.split('?')[0]!;
			if (prefix !== '' && (path === prefix || path.startsWith(`${prefix}/`))) path = path.slice(prefix.length) || '/';
		} else return whole;
		const anchor = kitAnchorFor(path, hash, ids);
		if (anchor) {
			internal++;
			return `${before}${anchor}${after}`;
		}
		absolute++;
		// The href is a site path under the base already: the live site's origin makes it absolute.
		return `${before}${origin}${href}${after}`;
	});
	return { html: out, internal, absolute };
}

function decodeHash(hash: string): string {
	try {
		return decodeURIComponent(hash);
	} catch {
		return hash;
	}
}

/**
 * Links of the kit that would not work from a file: anything but a same-document anchor that
 * exists, or an absolute https link. Empty for a good kit.
 */
export function kitLinkProblems(html: string): string[] {
	const ids = documentIds(html);
	const problems: string[] = [];
	for (const m of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/gi)) {
		const href = m[1]!;
		if (href.startsWith('#')) {
			if (!ids.has(decodeHash(href.slice(1)))) problems.push(`${href} (no such anchor in the kit)`);
		} else if (!/^https:\/\//i.test(href)) problems.push(`${href} (not an anchor of the kit nor an https link)`);
	}
	return [...new Set(problems)];
}

/**
 * What a team's kit holds: the surfaces the team owns (primary owner), and every surface
 * those depend on, directly or not, so a responder has the runbooks of what theirs needs.
 * Escalation, severities, roster and comms are shared by every kit.
 */
export function teamKitSurfaces(
	surfaces: readonly { readonly id: string; readonly owner: string; readonly dependsOn: readonly string[] }[],
	teamId: string,
): { readonly own: string[]; readonly upstream: string[] } {
	const byId = new Map(surfaces.map((s) => [s.id, s]));
	const own = surfaces
		.filter((s) => s.owner === teamId)
		.map((s) => s.id)
		.sort();
	const seen = new Set<string>(own);
	const queue = [...own];
	const upstream: string[] = [];
	while (queue.length > 0) {
		for (const dep of byId.get(queue.shift()!)?.dependsOn ?? []) {
			if (seen.has(dep) || !byId.has(dep)) continue;
			seen.add(dep);
			upstream.push(dep);
			queue.push(dep);
		}
	}
	return { own, upstream: upstream.sort() };
}

/** Teams that get a kit of their own: every primary owner of a surface, each once, sorted. */
export function owningTeams(primaryOwners: readonly string[]): string[] {
	return [...new Set(primaryOwners)].sort();
}

/** Where a team's kit is published, relative to the site root: `offline-kit/<team-id>.html`. */
export function teamKitFile(teamId: string): string {
	return `offline-kit/${teamId}.html`;
}

/**
 * What only the live site needs, taken out of the kit so a team's kit stays small: the
 * heading anchor links (hidden in the kit; an SVG icon each) and Expressive Code's markup
 * (a span and a colour per token, a copy button carrying the code again, a script-driven
 * frame) become a plain `<pre><code>` with the same text, line for line.
 */
export function slimKitHtml(html: string): string {
	const withoutAnchors = html.replace(/<a class="sl-anchor-link"[^>]*>[\s\S]*?<\/a>/g, '');
	return withoutAnchors.replace(
		/<div class="expressive-code"[^>]*>([\s\S]*?)<\/figure><\/div>/g,
		(whole, inner: string) => {
			const pre = /<pre\b([^>]*)><code>([\s\S]*?)<\/code><\/pre>/.exec(inner);
			if (!pre) return whole;
			const language = /\sdata-language="([^"]*)"/.exec(pre[1]!)?.[1];
			const title = /<span class="title">([\s\S]*?)<\/span>/
				.exec(inner)?.[1]
				?.replace(/<[^>]*>/g, '')
				.trim();
			const lines = pre[2]!
				.split(/<div class="ec-line[^"]*">/)
				.slice(1)
				.map((line) => line.replace(/<[^>]*>/g, ''));
			return `${title ? `<p class="code-title">${title}</p>` : ''}<pre data-language="${language ?? ''}"><code>${lines.join('\n')}</code></pre>`;
		},
	);
}
