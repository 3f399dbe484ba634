/**
 * Reads a paginated GitHub REST list by following `Link: <…>; rel="next"`, validating
 * every page against the documented shape. Next links must stay on the API's origin, so
 * the token is never sent anywhere else, and an answer redirected to another origin is
 * refused. A next link to a page already read ends the walk (a loop), and an item seen on
 * an earlier page counts once. Stops after `maxPages` or `enough` items.
 */
import type { z } from 'zod';
import type { GithubClient } from './github-client.ts';

export class MalformedGithubAnswer extends Error {
	constructor(what: string, expected: string) {
		super(`GitHub answered ${what} with a body that is not the documented JSON (expected ${expected}).`);
		this.name = 'MalformedGithubAnswer';
	}
}

export function nextLink(link: string | undefined): string | undefined {
	if (!link) return undefined;
	for (const part of link.split(',')) {
		const m = /<([^<>]+)>\s*;\s*rel="?next"?/.exec(part);
		if (m) return m[1];
	}
	return undefined;
}

export class CrossOriginAnswer extends Error {
	constructor(what: string, origin: string) {
		super(
			`GitHub's answer for ${what} was redirected to another origin (${origin}); an answer from there is not data.`,
		);
		this.name = 'CrossOriginAnswer';
	}
}

export async function readPages<T>(
	client: GithubClient,
	first: { route: string; params: Record<string, unknown> },
	o: {
		baseUrl: string;
		signal: AbortSignal;
		maxPages: number;
		enough: number;
		what: string;
		expected: string;
		page: z.ZodType<T[]>;
		/** Identity of an item: an item seen on an earlier page (lists shift while they are read) counts once. */
		key: (item: T) => string | number;
	},
): Promise<{ items: T[]; complete: boolean }> {
	const origin = new URL(o.baseUrl).origin;
	const items: T[] = [];
	const keys = new Set<string | number>();
	const visited = new Set<string>();
	let response = await client.request(first.route, { ...first.params, request: { signal: o.signal } });
	for (let page = 1; ; page++) {
		// octokit follows redirects; where the answer finally came from decides whether it is data.
		if (response.url) {
			const landed = new URL(response.url);
			if (landed.origin !== origin) throw new CrossOriginAnswer(o.what, landed.origin);
			visited.add(landed.href);
		}
		const parsed = o.page.safeParse(response.data);
		if (!parsed.success) throw new MalformedGithubAnswer(o.what, o.expected);
		for (const item of parsed.data) {
			const key = o.key(item);
			if (keys.has(key)) continue;
			keys.add(key);
			items.push(item);
		}
		const link = nextLink(response.headers.link);
		if (!link || items.length >= o.enough) return { items, complete: !link };
		if (page >= o.maxPages) return { items, complete: false };
		const next = new URL(link, o.baseUrl);
		if (next.origin !== origin) return { items, complete: false };
		// A next link back to a page already read is a loop: what was read is all there is to read.
		if (visited.has(next.href)) return { items, complete: false };
		visited.add(next.href);
		response = await client.request({ method: 'GET', url: next.href, request: { signal: o.signal } });
	}
}
