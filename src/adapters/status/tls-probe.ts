/**
 * TLS certificate probe: connects with SNI, reads the leaf certificate and judges days
 * left, the fraction of its lifetime left, hostname match and chain trust.
 */
import { isIP } from 'node:net';
import tls from 'node:tls';
import type { X509Certificate } from 'node:crypto';
import { type ProbeOutcome, unavailable } from '../../core/status/probe-outcome.ts';
import { judgeCertificate } from '../../core/status/certificate.ts';
import type { TlsCheck } from '../../core/schemas/status-check.ts';
import { describeNetworkError, isAbort, isRunnerUnreachable } from './network-error.ts';
import type { ProbeContext } from './probe-context.ts';

interface Handshake {
	readonly cert: X509Certificate | undefined;
	readonly authorized: boolean;
	readonly authorizationError: string | undefined;
}

function handshake(
	host: string,
	port: number,
	servername: string | undefined,
	signal: AbortSignal,
	ca: string | undefined,
): Promise<Handshake> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) {
			reject(signal.reason);
			return;
		}
		const socket = tls.connect({
			host,
			port,
			...(servername ? { servername } : {}),
			rejectUnauthorized: false,
			// Judge the chain here; the hostname is judged from the certificate itself below.
			checkServerIdentity: () => undefined,
			...(ca ? { ca: [...tls.rootCertificates, ca] } : {}),
		});
		const onAbort = () => {
			socket.destroy();
			reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
		};
		signal.addEventListener('abort', onAbort, { once: true });
		socket.once('secureConnect', () => {
			signal.removeEventListener('abort', onAbort);
			const cert = socket.getPeerX509Certificate();
			const err = socket.authorizationError as unknown;
			resolve({
				cert,
				authorized: socket.authorized,
				authorizationError:
					err === null || err === undefined ? undefined : String((err as { code?: string }).code ?? err),
			});
			socket.end();
			socket.destroy();
		});
		socket.once('error', (error) => {
			signal.removeEventListener('abort', onAbort);
			socket.destroy();
			reject(error);
		});
	});
}

export async function probeTls(check: TlsCheck, ctx: ProbeContext): Promise<ProbeOutcome> {
	const name = check.servername ?? check.host;
	const sni = isIP(name) === 0 ? name : undefined;
	const target = `${check.host}:${check.port}`;
	const source = `https://${name}${check.port === 443 ? '' : `:${check.port}`}/`;
	let hs: Handshake;
	try {
		hs = await handshake(check.host, check.port, sni, ctx.signal, ctx.tlsCa);
	} catch (error) {
		if (isAbort(error) || ctx.signal.aborted) {
			return {
				outcome: 'measured',
				state: 'down',
				reason: `No TLS handshake with ${target} within ${ctx.timeoutMs} ms.`,
				value: null,
				unit: 'days',
				display: '',
				source,
				details: {},
			};
		}
		if (isRunnerUnreachable(error)) return unavailable(describeNetworkError(error, check.host), source);
		const message = describeNetworkError(error, target);
		return {
			outcome: 'measured',
			state: 'down',
			reason: message,
			value: null,
			unit: 'days',
			display: '',
			source,
			details: {},
		};
	}
	if (!hs.cert) {
		return {
			outcome: 'measured',
			state: 'down',
			reason: `${target} completed a handshake without a certificate.`,
			value: null,
			unit: 'days',
			display: '',
			source,
			details: {},
		};
	}
	const cert = hs.cert;
	const validFrom = new Date(cert.validFromDate ?? Date.parse(cert.validFrom));
	const validTo = new Date(cert.validToDate ?? Date.parse(cert.validTo));
	const matched = isIP(name) === 0 ? cert.checkHost(name) : cert.checkIP(name);
	const judged = judgeCertificate(
		{
			name,
			validFrom,
			validTo,
			issuer: oneLine(cert.issuer),
			subject: oneLine(cert.subject),
			subjectAltName: cert.subjectAltName ?? '',
			hostnameMatch: matched !== undefined,
			chainValid: hs.authorized,
			chainError: hs.authorizationError,
		},
		check,
		ctx.now(),
	);
	return { outcome: 'measured', source, unit: 'days', ...judged };
}

/** "CN=Test CA\nO=Example" → "CN=Test CA, O=Example". */
function oneLine(dn: string): string {
	return dn.split('\n').filter(Boolean).join(', ');
}
