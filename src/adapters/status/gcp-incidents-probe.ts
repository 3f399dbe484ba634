/**
 * The GCP service-health feed (https://status.cloud.google.com/incidents.json): ongoing
 * incidents that touch the check's products and the surface's regions.
 */
import { z } from 'zod';
import { truncate } from '../../core/status/format.ts';
import { type ProbeOutcome, unavailable } from '../../core/status/probe-outcome.ts';
import type { StatusState } from '../../core/status/state.ts';
import type { GcpIncidentsCheck } from '../../core/schemas/status-check.ts';
import { fetchCapped } from './capped-fetch.ts';
import type { ProbeContext } from './probe-context.ts';

const MAX_BYTES = 32 * 1024 * 1024;
const Named = z.looseObject({ title: z.string().optional(), id: z.string().optional() });
const IncidentSchema = z.looseObject({
	id: z.string(),
	begin: z.string().optional(),
	end: z.string().nullable().optional(),
	modified: z.string().optional(),
	external_desc: z.string().default(''),
	severity: z.string().optional(),
	status_impact: z.string().optional(),
	uri: z.string().optional(),
	affected_products: z.array(Named).default([]),
	currently_affected_locations: z.array(Named).default([]),
	previously_affected_locations: z.array(Named).default([]),
});
const FeedSchema = z.array(IncidentSchema);

export const IMPACT_STATES: Readonly<Record<string, StatusState>> = {
	SERVICE_OUTAGE: 'down',
	SERVICE_DISRUPTION: 'degraded',
	SERVICE_INFORMATION: 'degraded',
};

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

/**
 * The incident's page, from the feed's `uri` (relative to the status site). The feed is remote
 * data: a `uri` that is not http(s) (`javascript:`…) or does not parse is not used as a link.
 */
export function incidentLink(uri: string | undefined): string | undefined {
	if (!uri) return undefined;
	try {
		const url = new URL(uri, 'https://status.cloud.google.com/');
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

export async function probeGcpIncidents(check: GcpIncidentsCheck, ctx: ProbeContext): Promise<ProbeOutcome> {
	const feed = check.feed ?? ctx.config.gcpIncidentsUrl;
	const page = new URL('/', feed).href;
	const got = await fetchCapped(feed, {
		signal: ctx.signal,
		timeoutMs: ctx.timeoutMs,
		maxBytes: MAX_BYTES,
		what: 'The GCP incident feed',
		source: page,
	});
	if (!got.ok) return got.outcome;
	if (got.status !== 200) return unavailable(`The GCP incident feed answered HTTP ${got.status}.`, page);
	let json: unknown;
	try {
		json = JSON.parse(got.text);
	} catch {
		return unavailable('The GCP incident feed answered with a body that is not JSON.', page);
	}
	const parsed = FeedSchema.safeParse(json);
	if (!parsed.success) return unavailable('The GCP incident feed is not the documented JSON array of incidents.', page);
	const products = check.products.map(lower);
	const locations = (check.locations.length > 0 ? check.locations : ctx.surfaceRegions).map(lower);
	const touching = parsed.data.filter((i) => {
		if (i.end !== undefined && i.end !== null && i.end !== '') return false;
		if (!i.affected_products.some((p) => products.includes(lower(p.title)) || products.includes(lower(p.id))))
			return false;
		if (locations.length === 0) return true;
		const where =
			i.currently_affected_locations.length > 0 ? i.currently_affected_locations : i.previously_affected_locations;
		// An incident that names no location is global.
		return (
			where.length === 0 ||
			where.some(
				(l) => locations.includes(lower(l.id)) || locations.some((want) => lower(l.title).includes(`(${want})`)),
			)
		);
	});
	const scope = `${check.products.join(', ')}${locations.length > 0 ? ` in ${locations.join(', ')}` : ''}`;
	if (touching.length === 0) {
		return {
			outcome: 'measured',
			state: 'ok',
			reason: `No ongoing GCP incident touches ${scope}.`,
			value: 0,
			display: 'none',
			source: page,
			details: { incidents: 0 },
		};
	}
	const rank = (s: StatusState) => ({ ok: 0, unknown: 1, degraded: 2, down: 3 })[s];
	const state = touching
		.map((i) => IMPACT_STATES[i.status_impact ?? ''] ?? 'degraded')
		.reduce((a, b) => (rank(b) > rank(a) ? b : a), 'degraded' as StatusState);
	const newest = [...touching].sort(
		(a, b) => Date.parse(b.modified ?? b.begin ?? '') - Date.parse(a.modified ?? a.begin ?? ''),
	)[0]!;
	const link = incidentLink(newest.uri) ?? page;
	return {
		outcome: 'measured',
		state,
		reason: `${touching.length} ongoing GCP incident(s) touch ${scope}; the latest: "${truncate(newest.external_desc, 160)}" (${newest.status_impact ?? 'impact not stated'}, since ${newest.begin ?? 'unknown'}).`,
		value: touching.length,
		display: `${touching.length} incident${touching.length === 1 ? '' : 's'}`,
		source: link,
		details: {
			incidents: touching.length,
			latestId: newest.id,
			latestImpact: newest.status_impact ?? null,
			latestTitle: newest.external_desc,
		},
	};
}
