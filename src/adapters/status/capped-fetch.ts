/**
 * GET a URL with a deadline and a body-size cap; network trouble comes back as a described outcome.
 * Redirects are followed on the URL's own origin only: an answer from another origin is not data.
 */
import { type UnavailableOutcome, unavailable } from '../../core/status/probe-outcome.ts';
import { describeNetworkError, isAbort } from './network-error.ts';

export type Fetched = { ok: true; status: number; text: string } | { ok: false; outcome: UnavailableOutcome };

export async function fetchCapped(
	url: string,
	o: { signal: AbortSignal; timeoutMs: number; maxBytes: number; what: string; source: string | null },
): Promise<Fetched> {
	const host = new URL(url).host;
	let response: Response;
	try {
		response = await fetch(url, {
			signal: o.signal,
			headers: { accept: 'application/json', 'user-agent': 'launchbook-status' },
			redirect: 'follow',
		});
	} catch (error) {
		if (isAbort(error))
			return { ok: false, outcome: unavailable(`${o.what} did not answer within ${o.timeoutMs} ms.`, o.source) };
		return { ok: false, outcome: unavailable(describeNetworkError(error, host), o.source) };
	}
	const landed = response.url ? new URL(response.url) : undefined;
	if (landed && landed.origin !== new URL(url).origin) {
		await response.body?.cancel();
		return {
			ok: false,
			outcome: unavailable(
				`${o.what} redirected to another origin (${landed.origin}); an answer from there is not data.`,
				o.source,
			),
		};
	}
	try {
		const reader = response.body?.getReader();
		const chunks: Uint8Array[] = [];
		let size = 0;
		if (reader) {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				size += value.byteLength;
				if (size > o.maxBytes) {
					await reader.cancel();
					return {
						ok: false,
						outcome: unavailable(`${o.what} answered with more than ${o.maxBytes} bytes; not read.`, o.source),
					};
				}
				chunks.push(value);
			}
		}
		return { ok: true, status: response.status, text: Buffer.concat(chunks).toString('utf8') };
	} catch (error) {
		if (isAbort(error))
			return {
				ok: false,
				outcome: unavailable(`${o.what} did not finish its answer within ${o.timeoutMs} ms.`, o.source),
			};
		return { ok: false, outcome: unavailable(describeNetworkError(error, host), o.source) };
	}
}
