import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, probeHttp } from '../../src/adapters/status/http-probe.ts';
import { HttpCheckSchema } from '../../src/core/schemas/status-check.ts';
import { closedPort, type Loopback, startServer } from './support/loopback.ts';
import { testContext } from './support/probe-context.ts';

let server: Loopback;
const hanging = new Set<import('node:http').ServerResponse>();
/** MiB chunks the /huge handler wrote, per request, before the client hung up. */
const hugeWrites: number[] = [];

beforeAll(async () => {
	server = await startServer((req, res) => {
		const path = req.url ?? '/';
		if (path === '/ok') {
			res.writeHead(200, { 'content-type': 'text/plain' }).end('status: ok');
		} else if (path === '/slow') {
			setTimeout(() => res.writeHead(200).end('ok'), 300);
		} else if (path === '/503') {
			res.writeHead(503).end('maintenance');
		} else if (path === '/hang') {
			hanging.add(res); // never answers
		} else if (path === '/loop-a') {
			res.writeHead(302, { location: '/loop-b' }).end();
		} else if (path === '/loop-b') {
			res.writeHead(302, { location: '/loop-a' }).end();
		} else if (path.startsWith('/chain/')) {
			const n = Number(path.slice(7));
			res.writeHead(302, { location: `/chain/${n + 1}` }).end();
		} else if (path === '/redirect-once') {
			res.writeHead(301, { location: '/ok' }).end();
		} else if (path === '/huge') {
			// 64 MiB of "x", then the marker: far past what the probe reads.
			res.writeHead(200, { 'content-type': 'text/plain' });
			const chunk = Buffer.alloc(1024 * 1024, 'x');
			let sent = 0;
			hugeWrites.push(0);
			const pump = () => {
				while (sent < 64) {
					sent++;
					hugeWrites[hugeWrites.length - 1]!++;
					if (!res.write(chunk)) {
						res.once('drain', pump);
						return;
					}
				}
				res.end('MARKER');
			};
			res.on('close', () => (sent = 64));
			pump();
		} else {
			res.writeHead(404).end();
		}
	});
});
afterAll(async () => {
	for (const r of hanging) r.destroy();
	await server.close();
});

const check = (url: string, extra: Record<string, unknown> = {}) =>
	HttpCheckSchema.parse({ id: 'probe', name: 'Probe', kind: 'http', url, ...extra });

async function run(url: string, extra: Record<string, unknown> = {}, timeoutMs = 2000) {
	const ctx = testContext({ timeoutMs });
	try {
		return await probeHttp(check(url, extra), ctx);
	} finally {
		ctx.dispose();
	}
}

describe('HTTP probe against real loopback servers', () => {
	it('ok: expected status, body match, fast', async () => {
		const r = await run(`${server.url}/ok`, { bodyMatch: 'status: ok' });
		expect(r).toMatchObject({ outcome: 'measured', state: 'ok', unit: 'ms' });
		expect(r.reason).toMatch(/^HTTP 200 in \d+ ms\.$/);
	});

	it('ok: body match as a regular expression', async () => {
		const r = await run(`${server.url}/ok`, { bodyMatch: '/STATUS:\\s+OK/i' });
		expect(r).toMatchObject({ state: 'ok' });
	});

	it('down: the body does not contain the expected text', async () => {
		const r = await run(`${server.url}/ok`, { bodyMatch: 'healthy' });
		expect(r).toMatchObject({
			outcome: 'measured',
			state: 'down',
			reason: 'HTTP 200, but the body does not contain "healthy".',
		});
	});

	it('degraded: slower than slowMs', async () => {
		const r = await run(`${server.url}/slow`, { slowMs: 100 });
		expect(r).toMatchObject({ outcome: 'measured', state: 'degraded' });
		expect(r.reason).toMatch(/^HTTP 200 in \d+ ms, slower than 100 ms\.$/);
		expect(r.outcome === 'measured' && r.value! >= 280).toBe(true);
	});

	it('down: 5xx', async () => {
		const r = await run(`${server.url}/503`);
		expect(r).toMatchObject({
			outcome: 'measured',
			state: 'down',
			reason: 'HTTP 503 (expected 200).',
			display: expect.stringMatching(/^503 · \d+ ms$/),
		});
	});

	it('down: connection refused', async () => {
		const port = await closedPort();
		const r = await run(`http://127.0.0.1:${port}/healthz`);
		expect(r).toMatchObject({
			outcome: 'measured',
			state: 'down',
			reason: `Connection refused by 127.0.0.1:${port} (ECONNREFUSED): nothing listens there.`,
		});
	});

	it('down: a hang past the timeout ends at the timeout', async () => {
		const started = performance.now();
		const r = await run(`${server.url}/hang`, {}, 500);
		const took = performance.now() - started;
		expect(r).toMatchObject({
			outcome: 'measured',
			state: 'down',
			reason: `No complete answer from ${server.url}/hang within 500 ms.`,
		});
		expect(took).toBeGreaterThanOrEqual(450);
		expect(took).toBeLessThan(500 + 2000); // ends at the timeout, not whenever the server gives up
	});

	it('down: a redirect loop is named hop by hop', async () => {
		const r = await run(`${server.url}/loop-a`);
		expect(r).toMatchObject({
			outcome: 'measured',
			state: 'down',
			reason: `Redirect loop: ${server.url}/loop-a → ${server.url}/loop-b → ${server.url}/loop-a.`,
		});
	});

	it('down: too many redirects', async () => {
		const r = await run(`${server.url}/chain/0`);
		expect(r).toMatchObject({
			state: 'down',
			reason: `More than 5 redirects, starting at ${server.url}/chain/0; the last one pointed to ${server.url}/chain/6.`,
		});
	});

	it('ok: a single redirect is followed and named', async () => {
		const r = await run(`${server.url}/redirect-once`);
		expect(r).toMatchObject({ state: 'ok' });
		expect(r.reason).toMatch(new RegExp(`^HTTP 200 from ${server.url}/ok in \\d+ ms\\.$`));
	});

	it('huge body: reads only the first MiB, quickly, and says so', async () => {
		const started = performance.now();
		const r = await run(`${server.url}/huge`, { bodyMatch: 'MARKER' });
		expect(performance.now() - started).toBeLessThan(5000);
		// The probe hung up early: the server got nowhere near its 64 MiB (socket buffers hold a few).
		expect(hugeWrites[0]).toBeLessThan(32);
		expect(r).toMatchObject({
			outcome: 'measured',
			state: 'down',
			reason: `HTTP 200, but the body does not contain "MARKER" in the first ${MAX_BODY_BYTES} bytes (the body was longer and was not read further).`,
		});
		const ok = await run(`${server.url}/huge`, { bodyMatch: 'xxxx' });
		expect(ok).toMatchObject({ state: 'ok' });
		expect(ok.reason).toContain(`The body is longer than ${MAX_BODY_BYTES} bytes; only that much was read.`);
	});

	it('unknown (source unavailable): the name does not resolve', async () => {
		const r = await run('https://status-probe.invalid/healthz');
		expect(r).toEqual({
			outcome: 'unavailable',
			reason: expect.stringMatching(/^Could not resolve status-probe\.invalid \((ENOTFOUND|EAI_AGAIN)\)/),
			source: 'https://status-probe.invalid/healthz',
		});
	});
});
