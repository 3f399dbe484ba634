/**
 * HTTP health probe: status code, latency and an optional body match (RE2, linear time).
 * Follows up to MAX_REDIRECTS redirects on the check's own origin (or its http→https
 * upgrade), detects loops, reads at most MAX_BODY_BYTES of the body. A redirect to another
 * origin is not data: the check is unknown and keeps its last value.
 */
import http from 'node:http';
import https from 'node:https';
import { bodyMatcher } from '../../core/status/body-match.ts';
import { formatValue } from '../../core/status/format.ts';
import { type ProbeOutcome, unavailable } from '../../core/status/probe-outcome.ts';
import type { HttpCheck } from '../../core/schemas/status-check.ts';
import { describeNetworkError, isAbort, isRunnerUnreachable } from './network-error.ts';
import type { ProbeContext } from './probe-context.ts';

export const MAX_REDIRECTS = 5;
export const MAX_BODY_BYTES = 1024 * 1024;

interface Answer {
	readonly status: number;
	readonly location: string | undefined;
	readonly body: string;
	readonly truncated: boolean;
	/** ms from the request to the response headers. */
	readonly latencyMs: number;
}

function get(url: URL, signal: AbortSignal, readBody: boolean): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const lib = url.protocol === 'https:' ? https : http;
		const req = lib.request(
			url,
			{ method: 'GET', signal, headers: { 'user-agent': 'launchbook-status', accept: '*/*' } },
			(res) => {
				const latencyMs = Math.round(performance.now() - started);
				const status = res.statusCode ?? 0;
				const location = typeof res.headers.location === 'string' ? res.headers.location : undefined;
				if (!readBody) {
					res.destroy();
					resolve({ status, location, body: '', truncated: false, latencyMs });
					return;
				}
				const chunks: Buffer[] = [];
				let size = 0;
				let truncated = false;
				res.on('data', (chunk: Buffer) => {
					if (truncated) return;
					const room = MAX_BODY_BYTES - size;
					if (chunk.length >= room) {
						chunks.push(chunk.subarray(0, room));
						size += room;
						truncated = true;
						res.destroy();
						resolve({ status, location, body: Buffer.concat(chunks).toString('utf8'), truncated, latencyMs });
						return;
					}
					chunks.push(chunk);
					size += chunk.length;
				});
				res.on('end', () =>
					resolve({ status, location, body: Buffer.concat(chunks).toString('utf8'), truncated, latencyMs }),
				);
				res.on('error', (error) => {
					if (!truncated) reject(error);
				});
			},
		);
		req.on('error', reject);
		req.end();
	});
}

/** A redirect stays with the check: the same origin, or the same host upgraded from http to https. */
function sameSite(from: URL, to: URL): boolean {
	if (to.origin === from.origin) return true;
	return from.protocol === 'http:' && to.protocol === 'https:' && from.hostname === to.hostname;
}

export async function probeHttp(check: HttpCheck, ctx: ProbeContext): Promise<ProbeOutcome> {
	let url = new URL(check.url);
	const source = check.url;
	const seen: string[] = [url.href];
	const expectsRedirect = check.expectStatus >= 300 && check.expectStatus < 400;
	let totalLatency = 0;
	try {
		for (let hop = 0; ; hop++) {
			const answer = await get(url, ctx.signal, check.bodyMatch !== undefined);
			totalLatency += answer.latencyMs;
			const isRedirect = answer.status >= 300 && answer.status < 400 && answer.location !== undefined;
			if (isRedirect && !expectsRedirect) {
				const next = new URL(answer.location!, url);
				if (seen.includes(next.href)) {
					return down(`Redirect loop: ${[...seen, next.href].join(' → ')}.`, answer.status, totalLatency, source, {
						redirects: hop + 1,
					});
				}
				if (hop + 1 > MAX_REDIRECTS) {
					return down(
						`More than ${MAX_REDIRECTS} redirects, starting at ${check.url}; the last one pointed to ${next.href}.`,
						answer.status,
						totalLatency,
						source,
						{ redirects: hop + 1 },
					);
				}
				if (!sameSite(url, next)) {
					return unavailable(
						`${url.href} redirected to another origin (${next.origin}); an answer from there is not this check's data. Point the check at ${next.href} if that is where the service lives.`,
						source,
					);
				}
				seen.push(next.href);
				url = next;
				continue;
			}
			const details = {
				status: answer.status,
				latencyMs: totalLatency,
				redirects: hop,
				bodyTruncated: answer.truncated,
				finalUrl: url.href,
			};
			const where = hop > 0 ? ` from ${url.href}` : '';
			if (answer.status !== check.expectStatus) {
				return down(
					`HTTP ${answer.status}${where} (expected ${check.expectStatus}).`,
					answer.status,
					totalLatency,
					source,
					details,
				);
			}
			if (check.bodyMatch !== undefined) {
				const m = bodyMatcher(check.bodyMatch);
				if (!m.test(answer.body)) {
					const scope = answer.truncated
						? ` in the first ${MAX_BODY_BYTES} bytes (the body was longer and was not read further)`
						: '';
					return down(
						`HTTP ${answer.status}${where}, but the body does not contain ${m.shown}${scope}.`,
						answer.status,
						totalLatency,
						source,
						details,
					);
				}
			}
			const note = answer.truncated ? ` The body is longer than ${MAX_BODY_BYTES} bytes; only that much was read.` : '';
			if (totalLatency > check.slowMs) {
				return measured(
					'degraded',
					`HTTP ${answer.status}${where} in ${totalLatency} ms, slower than ${check.slowMs} ms.${note}`,
					answer.status,
					totalLatency,
					source,
					details,
				);
			}
			return measured(
				'ok',
				`HTTP ${answer.status}${where} in ${totalLatency} ms.${note}`,
				answer.status,
				totalLatency,
				source,
				details,
			);
		}
	} catch (error) {
		if (isAbort(error) || ctx.signal.aborted) {
			return down(`No complete answer from ${url.href} within ${ctx.timeoutMs} ms.`, null, null, source, {
				timeoutMs: ctx.timeoutMs,
			});
		}
		const message = describeNetworkError(error, url.host);
		// The runner cannot resolve or route: that says nothing about the service.
		if (isRunnerUnreachable(error)) return unavailable(message, source);
		return down(message, null, null, source, {});
	}
}

function measured(
	state: 'ok' | 'degraded' | 'down',
	reason: string,
	status: number | null,
	latencyMs: number | null,
	source: string,
	details: Record<string, string | number | boolean | null>,
): ProbeOutcome {
	const display = status === null ? '' : `${status} · ${formatValue(latencyMs ?? 0, 'ms')}`;
	return { outcome: 'measured', state, reason, value: latencyMs, unit: 'ms', display, source, details };
}

function down(
	reason: string,
	status: number | null,
	latencyMs: number | null,
	source: string,
	details: Record<string, string | number | boolean | null>,
): ProbeOutcome {
	return measured('down', reason, status, latencyMs, source, details);
}
