/**
 * No page of the built site, the offline kit included, carries a script URL: no `href`,
 * `src`, `action` or `formaction` that a browser would run as `javascript:` (or `vbscript:`,
 * or a `data:` document), however it is spelled, and no inline event handler in the kit
 * (which promises no scripts). Content links are https-only by schema and MarkdownText keeps
 * only https/mailto/relative links; this scan is the net under all of them, MDX bodies
 * included, run on every pull request by `npm test`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const dist = inject('builtSite');

const NAMED: Record<string, string> = {
	colon: ':',
	tab: '\t',
	newline: '\n',
	lpar: '(',
	rpar: ')',
	sol: '/',
	amp: '&',
	quot: '"',
	apos: "'",
	lt: '<',
	gt: '>',
};

/** An attribute value as the browser reads it: entities decoded. */
function decode(value: string): string {
	return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
		if (ref[0] === '#') {
			const code = ref[1]!.toLowerCase() === 'x' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
			return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
		}
		return NAMED[ref.toLowerCase()] ?? whole;
	});
}

/** The URL scheme a browser would see: leading spaces/controls dropped, tabs and newlines removed (WHATWG URL parsing). */
function schemeOf(raw: string): string {
	const url = decode(raw)
		.replace(/^[\u0000-\u0020]+/, '')
		.replace(/[\t\n\r]/g, '')
		.toLowerCase();
	return /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1] ?? '';
}

/** Every attribute that would run script when followed or loaded. */
function scriptUrls(html: string): string[] {
	const found: string[] = [];
	for (const m of html.matchAll(/<([a-z][a-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
		for (const a of m[0].matchAll(
			/\s(href|xlink:href|src|action|formaction)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi,
		)) {
			const value = a[3] ?? a[4] ?? a[5] ?? '';
			const scheme = schemeOf(value);
			const isDataDoc = scheme === 'data' && !/^img$|^source$/i.test(m[1]!) && a[1]!.toLowerCase() !== 'src';
			if (scheme === 'javascript' || scheme === 'vbscript' || isDataDoc) found.push(`<${m[1]} ${a[1]}="${value}">`);
		}
	}
	return found;
}

function htmlFiles(dir: string): string[] {
	return (readdirSync(dir, { recursive: true }) as string[])
		.filter((f) => f.endsWith('.html'))
		.map((f) => join(dir, f));
}

describe('script URLs', () => {
	it('the scanner finds them however they are spelled', () => {
		expect(
			scriptUrls(
				[
					'<a href="javascript:alert(1)">a</a>',
					'<a href=" JaVaScRiPt:alert(1)">b</a>',
					'<a href="java&#x09;script:alert(1)">c</a>',
					'<a href="&#106;avascript&colon;alert(1)">d</a>',
					"<a href='vbscript:msgbox(1)'>e</a>",
					'<a href=javascript:alert(1)>f</a>',
					'<form action="javascript:alert(1)"></form>',
					'<iframe src="javascript:alert(1)"></iframe>',
					'<a href="data:text/html,<script>alert(1)</script>">g</a>',
					'<svg><a xlink:href="javascript:alert(1)">h</a></svg>',
				].join('\n'),
			),
		).toHaveLength(10);
		expect(
			scriptUrls(
				'<a href="https://example.com/javascript:x">ok</a><a href="/runbooks/x/#javascript">ok</a><a href="mailto:ops@example.com">ok</a><img src="data:image/png;base64,AAAA"><a href="#x">ok</a>',
			),
		).toEqual([]);
	});

	it('no page of the built site has one', () => {
		const files = htmlFiles(dist);
		expect(files.length).toBeGreaterThan(20);
		const bad = files.flatMap((f) =>
			scriptUrls(readFileSync(f, 'utf8')).map((u) => `${f.slice(dist.length + 1)}: ${u}`),
		);
		expect(bad).toEqual([]);
	});

	it('the offline kit has no inline event handlers either', () => {
		const kit = readFileSync(join(dist, 'offline-kit.html'), 'utf8');
		const handlers = [...kit.matchAll(/<[a-z][^>]*\s(on[a-z]+)\s*=/gi)].map((m) => m[1]);
		expect(handlers).toEqual([]);
	});
});
