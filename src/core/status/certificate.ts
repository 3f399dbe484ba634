/**
 * Judging a TLS certificate: expired, untrusted or for another name is down; inside the
 * critical window is down; inside both the warning window (days) and the renewal window
 * (fraction of lifetime left) is degraded. Using both keeps short-lived certificates
 * (Let's Encrypt: 90 → 64 → 45 days) from warning all their life, and long-lived ones from
 * warning months ahead.
 */
import type { TlsCheck } from '../schemas/status-check.ts';
import { formatPercent } from './format.ts';
import type { Details } from './probe-outcome.ts';
import type { StatusState } from './state.ts';

export interface CertificateFacts {
	/** The name the certificate must cover (SNI). */
	readonly name: string;
	readonly validFrom: Date;
	readonly validTo: Date;
	readonly issuer: string;
	readonly subject: string;
	readonly subjectAltName: string;
	readonly hostnameMatch: boolean;
	readonly chainValid: boolean;
	/** OpenSSL's reason when the chain is not trusted, e.g. DEPTH_ZERO_SELF_SIGNED_CERT. */
	readonly chainError: string | undefined;
}

export interface CertificateJudgement {
	readonly state: StatusState;
	readonly reason: string;
	readonly value: number;
	readonly display: string;
	readonly details: Details;
}

const DAY = 86_400_000;

const CHAIN_ERRORS: Readonly<Record<string, string>> = {
	DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is self-signed',
	SELF_SIGNED_CERT_IN_CHAIN: 'the chain ends in a self-signed certificate that is not trusted',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the issuer is unknown (missing intermediate certificate?)',
	UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuer is not a trusted authority',
	CERT_HAS_EXPIRED: 'a certificate in the chain has expired',
	CERT_NOT_YET_VALID: 'a certificate in the chain is not valid yet',
};

export function judgeCertificate(
	c: CertificateFacts,
	check: Pick<TlsCheck, 'warnDays' | 'criticalDays' | 'warnFraction'>,
	now: Date,
): CertificateJudgement {
	const lifetimeMs = c.validTo.getTime() - c.validFrom.getTime();
	const leftMs = c.validTo.getTime() - now.getTime();
	const daysLeft = Math.floor((leftMs / DAY) * 10) / 10;
	const fractionLeft = lifetimeMs > 0 ? Math.max(0, Math.min(1, leftMs / lifetimeMs)) : 0;
	const lifetimeDays = Math.round(lifetimeMs / DAY);
	const details: Details = {
		daysLeft,
		fractionLeft: Math.round(fractionLeft * 1000) / 1000,
		lifetimeDays,
		validFrom: c.validFrom.toISOString(),
		validTo: c.validTo.toISOString(),
		issuer: c.issuer,
		subject: c.subject,
		subjectAltName: c.subjectAltName,
		hostnameMatch: c.hostnameMatch,
		chainValid: c.chainValid,
		chainError: c.chainError ?? null,
	};
	const life = `${formatPercent(fractionLeft)} of its ${lifetimeDays}-day lifetime`;
	const display = leftMs < 0 ? 'expired' : `${Math.floor(daysLeft)} d left`;
	const out = (state: StatusState, reason: string): CertificateJudgement => ({
		state,
		reason,
		value: daysLeft,
		display,
		details,
	});
	const expiredDays = Math.floor(-leftMs / DAY);
	if (leftMs < 0)
		return out(
			'down',
			`The certificate for ${c.name} expired ${expiredDays === 0 ? 'less than a day' : `${expiredDays} day(s)`} ago (${c.validTo.toISOString()}), issued by ${c.issuer}.`,
		);
	if (now.getTime() < c.validFrom.getTime())
		return out('down', `The certificate for ${c.name} is not valid until ${c.validFrom.toISOString()}.`);
	if (!c.hostnameMatch)
		return out('down', `The certificate does not cover ${c.name}; it covers ${c.subjectAltName || c.subject}.`);
	if (!c.chainValid) {
		const why = (c.chainError && CHAIN_ERRORS[c.chainError]) ?? 'the chain is not trusted';
		return out(
			'down',
			`The certificate for ${c.name} is not trusted: ${why} (${c.chainError ?? 'unknown error'}); issuer ${c.issuer}.`,
		);
	}
	if (daysLeft < check.criticalDays)
		return out(
			'down',
			`The certificate for ${c.name} expires in ${daysLeft} days (${life} left), under the critical ${check.criticalDays} days.`,
		);
	if (daysLeft < check.warnDays && fractionLeft < check.warnFraction) {
		return out(
			'degraded',
			`The certificate for ${c.name} expires in ${daysLeft} days, ${life} left: renewal is overdue (warning under ${check.warnDays} days and ${formatPercent(check.warnFraction)} of the lifetime).`,
		);
	}
	return out('ok', `${daysLeft} days left (${life}), issued by ${c.issuer}, covers ${c.name}, chain trusted.`);
}
