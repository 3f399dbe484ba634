import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTls } from '../../src/adapters/status/tls-probe.ts';
import { TlsCheckSchema } from '../../src/core/schemas/status-check.ts';
import { findTool } from '../support/system-tool.ts';
import { type Pem, TestPki } from './support/certs.ts';
import { closedPort } from './support/loopback.ts';
import { testContext } from './support/probe-context.ts';

const openssl = findTool(
	'openssl',
	['/usr/bin/openssl', '/usr/local/bin/openssl'],
	'apt-get install --no-install-recommends openssl',
);

let pki: TestPki;
const servers: tls.Server[] = [];

async function serve(pem: Pem): Promise<number> {
	const server = tls.createServer({ key: pem.key, cert: pem.cert }, (socket) => socket.end());
	server.on('tlsClientError', () => {});
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return (server.address() as AddressInfo).port;
}

async function probe(port: number, extra: Record<string, unknown> = {}, withCa = true) {
	const ctx = testContext({ timeoutMs: 3000, ...(withCa ? { tlsCa: pki.ca.cert } : {}) });
	try {
		return await probeTls(
			TlsCheckSchema.parse({
				id: 'cert',
				name: 'Cert',
				kind: 'tls',
				host: '127.0.0.1',
				port,
				servername: 'localhost',
				...extra,
			}),
			ctx,
		);
	} finally {
		ctx.dispose();
	}
}

describe.skipIf(openssl.skipReason !== undefined)(
	'TLS probe against real TLS servers with certificates made by openssl',
	() => {
		beforeAll(() => {
			pki = new TestPki(openssl.path!);
		});
		afterAll(async () => {
			await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
			pki?.dispose();
		});

		it('ok: valid, trusted, covers the name, most of its lifetime left', async () => {
			const port = await serve(pki.leaf(['localhost'], -10, 80));
			const r = await probe(port);
			expect(r).toMatchObject({ outcome: 'measured', state: 'ok', unit: 'days', display: '79 d left' });
			expect(r.reason).toMatch(
				/^79\.\d days left \(88\.\d% of its 90-day lifetime\), issued by CN=Launchbook Test CA, covers localhost, chain trusted\.$/,
			);
			expect(r.outcome === 'measured' && r.details).toMatchObject({
				lifetimeDays: 90,
				hostnameMatch: true,
				chainValid: true,
				chainError: null,
				issuer: 'CN=Launchbook Test CA',
			});
		});

		it('degraded: expiring soon, inside both the day window and the renewal fraction', async () => {
			const port = await serve(pki.leaf(['localhost'], -80, 10));
			const r = await probe(port);
			expect(r).toMatchObject({ state: 'degraded', display: '9 d left' });
			expect(r.reason).toMatch(
				/^The certificate for localhost expires in 9\.\d days, 11\.\d% of its 90-day lifetime left: renewal is overdue \(warning under 20 days and 33\.0% of the lifetime\)\.$/,
			);
		});

		it('ok: a short-lived certificate early in its life is not flagged for its short lifetime', async () => {
			const port = await serve(pki.leaf(['localhost'], -1, 6));
			const r = await probe(port);
			expect(r).toMatchObject({ state: 'ok' });
			expect(r.outcome === 'measured' && r.details.lifetimeDays).toBe(7);
		});

		it('down: inside the critical window', async () => {
			const port = await serve(pki.leaf(['localhost'], -88, 2));
			const r = await probe(port);
			expect(r).toMatchObject({ state: 'down' });
			expect(r.reason).toMatch(
				/^The certificate for localhost expires in 1\.\d days \(2\.\d% of its 90-day lifetime left\), under the critical 3 days\.$/,
			);
		});

		it('down: expired', async () => {
			const port = await serve(pki.leaf(['localhost'], -100, -10));
			const r = await probe(port);
			expect(r).toMatchObject({ state: 'down', display: 'expired' });
			expect(r.reason).toMatch(
				/^The certificate for localhost expired 10 day\(s\) ago \(\d{4}-\d\d-\d\dT[\d:.]+Z\), issued by CN=Launchbook Test CA\.$/,
			);
		});

		it('down: self-signed', async () => {
			const port = await serve(pki.selfSigned('localhost', 90));
			const r = await probe(port);
			expect(r).toMatchObject({
				state: 'down',
				reason:
					'The certificate for localhost is not trusted: the certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT); issuer CN=localhost.',
			});
		});

		it('down: valid certificate for another host name', async () => {
			const port = await serve(pki.leaf(['other.example.test'], -10, 80));
			const r = await probe(port);
			expect(r).toMatchObject({
				state: 'down',
				reason: 'The certificate does not cover localhost; it covers DNS:other.example.test.',
			});
			expect(r.outcome === 'measured' && r.details).toMatchObject({ hostnameMatch: false, chainValid: true });
		});

		it('down: a CA the runner does not trust', async () => {
			const port = await serve(pki.leaf(['localhost'], -10, 80));
			const r = await probe(port, {}, false);
			expect(r).toMatchObject({
				state: 'down',
				reason:
					'The certificate for localhost is not trusted: the issuer is unknown (missing intermediate certificate?) (UNABLE_TO_VERIFY_LEAF_SIGNATURE); issuer CN=Launchbook Test CA.',
			});
		});

		it('down: connection refused', async () => {
			const port = await closedPort();
			const r = await probe(port);
			expect(r).toMatchObject({
				outcome: 'measured',
				state: 'down',
				reason: `Connection refused by 127.0.0.1:${port} (ECONNREFUSED): nothing listens there.`,
			});
		});
	},
);
