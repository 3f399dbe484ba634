/**
 * What JavaScript an HTML page ships: its inline scripts and the module scripts it loads,
 * with every module those import (statically or lazily). Pure: HTML and file text in,
 * references out; the caller reads the files.
 */

export interface PageScripts {
	/** `src` of every external script, as written. */
	readonly external: readonly string[];
	/** Body of every inline script (JSON data blocks excluded). */
	readonly inline: readonly string[];
}

/** Scripts of one page. `<script type="application/json">` and `ld+json` blocks carry data, not code, and are left out. */
export function pageScripts(html: string): PageScripts {
	const external: string[] = [];
	const inline: string[] = [];
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const attrs = m[1]!;
		const type = /\btype="([^"]*)"/i.exec(attrs)?.[1]?.toLowerCase();
		if (type && type !== 'module' && type !== 'text/javascript') continue;
		const src = /\bsrc="([^"]*)"/i.exec(attrs)?.[1];
		if (src) external.push(src);
		else if (m[2]!.trim() !== '') inline.push(m[2]!);
	}
	return { external, inline };
}

/** Relative module specifiers a bundled ES module imports, statically or with `import()`. */
export function moduleImports(code: string): string[] {
	const found = new Set<string>();
	const patterns = [
		/\bfrom\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g,
		/\bimport\s*\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g,
		/\bimport\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g,
	];
	for (const re of patterns) for (const m of code.matchAll(re)) found.add(m[1]!);
	return [...found].sort();
}
