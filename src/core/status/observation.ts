/**
 * Turns a probe outcome into the check's entry in the status JSON, keeping the previous
 * observation (marked stale, with its age) when this run could not read the source.
 * Earlier data is never thrown away because of a failure.
 */
import { formatAgo } from './format.ts';
import type { ProbeOutcome } from './probe-outcome.ts';
import type { CheckStatus } from './report.ts';
import type { StatusCheckKind } from '../schemas/status-check.ts';

export interface CheckIdentity {
	readonly id: string;
	readonly surface: string;
	readonly kind: StatusCheckKind;
	readonly name: string;
	/** The check's own `link`, which wins over the source the probe names. */
	readonly link?: string | undefined;
}

export function toCheckStatus(
	check: CheckIdentity,
	outcome: ProbeOutcome,
	previous: CheckStatus | undefined,
	now: Date,
): CheckStatus {
	const checkedAt = now.toISOString();
	const ident = { id: check.id, surface: check.surface, kind: check.kind, name: check.name };
	if (outcome.outcome === 'measured') {
		return {
			...ident,
			state: outcome.state,
			reason: outcome.reason,
			value: outcome.value,
			...(outcome.unit === undefined ? {} : { unit: outcome.unit }),
			display: outcome.display,
			observedAt: checkedAt,
			checkedAt,
			stale: false,
			source: check.link ?? outcome.source,
			details: outcome.details,
		};
	}
	const usable = previous && previous.kind === check.kind && previous.observedAt !== null ? previous : undefined;
	if (!usable) {
		return {
			...ident,
			state: 'unknown',
			reason: outcome.reason,
			value: null,
			display: '',
			observedAt: null,
			checkedAt,
			stale: false,
			source: check.link ?? outcome.source,
			details: outcome.details ?? {},
		};
	}
	const age = formatAgo(now.getTime() - Date.parse(usable.observedAt!));
	return {
		...ident,
		state: usable.state,
		reason: `${outcome.reason} Showing the last value, observed ${age}.`,
		value: usable.value,
		...(usable.unit === undefined ? {} : { unit: usable.unit }),
		display: usable.display,
		observedAt: usable.observedAt,
		checkedAt,
		stale: true,
		staleReason: outcome.reason,
		source: check.link ?? usable.source ?? outcome.source,
		details: {
			...usable.details,
			previousReason: usable.stale ? (usable.details.previousReason ?? usable.reason) : usable.reason,
		},
	};
}
