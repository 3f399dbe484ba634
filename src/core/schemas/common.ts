import { z } from 'zod';

/**
 * A stable identifier: lower-case words joined by hyphens.
 * @example "billing-events"
 */
export const IdSchema = z
	.string({ error: 'expected a kebab-case id such as "billing-events"' })
	.max(64, { error: 'expected an id of at most 64 characters' })
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
		error: 'expected a kebab-case id such as "billing-events" (lower-case letters, digits and single hyphens)',
	});

/**
 * An absolute `https:` URL. Plain `http:`, `javascript:` and relative links are refused:
 * responders click these mid-incident.
 * @example "https://console.cloud.google.com/monitoring/alerting/policies/123"
 */
export const HttpsUrlSchema = z
	.string({ error: 'expected an https:// URL' })
	.refine(isHttpsUrl, { error: 'expected an absolute https:// URL' });

/**
 * An absolute `http:` or `https:` URL, for probe targets and API base URLs (loopback
 * servers in tests speak plain HTTP). Links shown to responders use {@link HttpsUrlSchema}.
 */
export const HttpUrlSchema = z.string({ error: 'expected an http:// or https:// URL' }).refine(
	(value) => {
		try {
			const url = new URL(value);
			return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
		} catch {
			return false;
		}
	},
	{ error: 'expected an absolute http:// or https:// URL' },
);

export function isHttpsUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' && url.hostname.length > 0;
	} catch {
		return false;
	}
}

/**
 * A calendar date written `YYYY-MM-DD`. YAML parsers that turn dates into `Date` objects
 * are accepted too, so Astro and the CLI read the same value.
 * @example "2026-11-02"
 */
export const IsoDateSchema = z.preprocess(
	(value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
	z
		.string({ error: 'expected a date written YYYY-MM-DD' })
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written YYYY-MM-DD' })
		.refine(
			(s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
			{
				error: 'expected a real calendar date written YYYY-MM-DD',
			},
		),
);

/**
 * A span of days, written with a unit: `30d` (days) or `12w` (weeks). Read as a number of days.
 * @example "90d"
 */
export const DaysSchema = z
	.string({ error: 'expected a span such as "90d" or "12w"' })
	.regex(/^[1-9]\d{0,3}[dw]$/, { error: 'expected a span such as "90d" or "12w" (a whole number then d or w)' })
	.transform((s) => Number.parseInt(s, 10) * (s.endsWith('w') ? 7 : 1));

/**
 * A Prometheus-style duration, for alert `for` clauses.
 * @example "5m"
 */
export const PromDurationSchema = z
	.string({ error: 'expected a duration such as "5m" or "1h"' })
	.regex(/^(?:\d+(?:ms|s|m|h|d|w|y))+$/, { error: 'expected a duration such as "5m" or "1h"' });

/** A named link shown to responders. */
export const LinkSchema = z.strictObject({
	/** What the link opens. @example "Billing latency dashboard" */
	name: z.string().min(1),
	/** Where it goes. Must be https. */
	url: HttpsUrlSchema,
});

/** A reference to a roster entry: a team id, or `team-id/role-id` for one role of a team. */
export const RosterRefSchema = z
	.string({ error: 'expected a roster reference such as "billing-platform" or "incident-command/incident-commander"' })
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/, {
		error: 'expected a roster reference such as "billing-platform" or "incident-command/incident-commander"',
	});

/** A reference to a runbook section: `runbook-id#heading-anchor`. */
export const RunbookRefSchema = z
	.string({ error: 'expected a runbook section such as "billing-events/event-backlog#mitigation"' })
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*(?:#[a-z0-9-]+)?$/, {
		error: 'expected a runbook section such as "billing-events/event-backlog#mitigation"',
	});

export type Link = z.output<typeof LinkSchema>;
