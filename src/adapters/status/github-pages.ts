/**
 * Reads a paginated GitHub REST list by following `Link: <…>; rel="next"`, validating
 * every page against the documented shape. Next links must stay on the API's origin, so
 * the token is never sent anywhere else. Stops after `maxPages` or `enough` items.
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
	},
): Promise<{ items: T[]; complete: boolean }> {
	const origin = new URL(o.baseUrl).origin;
	const items: T[] = [];
	let response = await client.request(first.route, { ...first.params, request: { signal: o.signal } });
	for (let page = 1; ; page++) {
		const parsed = o.page.safeParse(response.data);
		if (!parsed.success) throw new MalformedGithubAnswer(o.what, o.expected);
		items.push(...parsed.data);
		const next = nextLink(response.headers.link);
		if (!next || items.length >= o.enough) return { items, complete: !next };
		if (page >= o.maxPages) return { items, complete: false };
		if (new URL(next, o.baseUrl).origin !== origin) return { items, complete: false };
		response = await client.request({ method: 'GET', url: next, request: { signal: o.signal } });
	}
}
