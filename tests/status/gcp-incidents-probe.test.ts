import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeGcpIncidents } from '../../src/adapters/status/gcp-incidents-probe.ts';
import { GcpIncidentsCheckSchema } from '../../src/core/schemas/status-check.ts';
import { type Loopback, startServer } from './support/loopback.ts';
import { testContext } from './support/probe-context.ts';

/** Incidents in the documented shape of https://status.cloud.google.com/incidents.json. */
const FEED = [
	{
		id: 'run-eu-outage',
		begin: '2026-11-26T10:00:00+00:00',
		end: '',
		modified: '2026-11-26T11:00:00+00:00',
		external_desc: 'Cloud Run deployments failing in europe-west1',
		severity: 'high',
		status_impact: 'SERVICE_OUTAGE',
		affected_products: [{ title: 'Cloud Run', id: '9D7d2iNBQWN24zc1VamE' }],
		currently_affected_locations: [{ title: 'Belgium (europe-west1)', id: 'europe-west1' }],
		previously_affected_locations: [],
		most_recent_update: { when: '2026-11-26T11:00:00+00:00', text: 'Investigating', status: 'SERVICE_OUTAGE' },
		uri: 'incidents/run-eu-outage',
	},
	{
		id: 'build-us-disruption',
		begin: '2026-11-26T09:00:00+00:00',
		modified: '2026-11-26T09:30:00+00:00',
		external_desc: 'Cloud Build slow in us-central1',
		severity: 'medium',
		status_impact: 'SERVICE_DISRUPTION',
		affected_products: [{ title: 'Cloud Build', id: 'fw8GzBdZdqy4THau7e1y' }],
		currently_affected_locations: [{ title: 'Iowa (us-central1)', id: 'us-central1' }],
		uri: 'incidents/build-us-disruption',
	},
	{
		id: 'run-eu-resolved',
		begin: '2026-11-20T09:00:00+00:00',
		end: '2026-11-20T10:00:00+00:00',
		external_desc: 'Resolved earlier',
		status_impact: 'SERVICE_OUTAGE',
		affected_products: [{ title: 'Cloud Run', id: '9D7d2iNBQWN24zc1VamE' }],
		currently_affected_locations: [],
		uri: 'incidents/run-eu-resolved',
	},
];

let feed: Loopback;
let body = JSON.stringify(FEED);

beforeAll(async () => {
	feed = await startServer((req, res) => {
		if (req.url === '/incidents.json') res.writeHead(200, { 'content-type': 'application/json' }).end(body);
		else res.writeHead(503).end();
	});
});
afterAll(async () => feed.close());

async function probe(check: Record<string, unknown>, regions: string[] = [], path = '/incidents.json') {
	const ctx = testContext({ config: { gcpIncidentsUrl: `${feed.url}${path}` }, regions });
	try {
		return await probeGcpIncidents(
			GcpIncidentsCheckSchema.parse({ id: 'gcp', name: 'GCP', kind: 'gcp-incidents', ...check }),
			ctx,
		);
	} finally {
		ctx.dispose();
	}
}

describe('GCP incident feed', () => {
	it('down: an ongoing outage of a product in the surface region (regions taken from the surface)', async () => {
		const r = await probe({ products: ['Cloud Run', 'Cloud Deploy'] }, ['europe-west1']);
		expect(r).toMatchObject({
			outcome: 'measured',
			state: 'down',
			value: 1,
			display: '1 incident',
			source: 'https://status.cloud.google.com/incidents/run-eu-outage',
			reason:
				'1 ongoing GCP incident(s) touch Cloud Run, Cloud Deploy in europe-west1; the latest: "Cloud Run deployments failing in europe-west1" (SERVICE_OUTAGE, since 2026-11-26T10:00:00+00:00).',
		});
	});

	it('ok: the incident is in another region', async () => {
		const r = await probe({ products: ['cloud build'], locations: ['europe-west1'] });
		expect(r).toMatchObject({
			state: 'ok',
			value: 0,
			reason: 'No ongoing GCP incident touches cloud build in europe-west1.',
		});
	});

	it('degraded: a disruption, matched by product id, any region', async () => {
		const r = await probe({ products: ['fw8GzBdZdqy4THau7e1y'] });
		expect(r).toMatchObject({ state: 'degraded', value: 1 });
	});

	it('resolved incidents do not count', async () => {
		const r = await probe({ products: ['Cloud Run'], locations: ['us-central1'] });
		expect(r).toMatchObject({ state: 'ok' });
	});

	it('unavailable: the feed answers 503', async () => {
		const r = await probe({ products: ['Cloud Run'] }, [], '/down');
		expect(r).toMatchObject({ outcome: 'unavailable', reason: 'The GCP incident feed answered HTTP 503.' });
	});

	it('a feed uri that is not an http(s) link, or does not parse, is not used as the source link', async () => {
		const hostile = (uri: string) => JSON.stringify([{ ...FEED[0], uri }]);
		for (const uri of [
			'javascript:alert(document.domain)',
			' JavaScript:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'http://[::1',
		]) {
			body = hostile(uri);
			const r = await probe({ products: ['Cloud Run'] }, ['europe-west1']);
			expect(r, uri).toMatchObject({ outcome: 'measured', state: 'down', source: `${feed.url}/` });
		}
		body = hostile('incidents/abc?x=1');
		expect(await probe({ products: ['Cloud Run'] }, ['europe-west1'])).toMatchObject({
			source: 'https://status.cloud.google.com/incidents/abc?x=1',
		});
		body = JSON.stringify(FEED);
	});

	it('unavailable: the feed is not the documented array', async () => {
		body = JSON.stringify({ incidents: [] });
		const r = await probe({ products: ['Cloud Run'] });
		body = JSON.stringify(FEED);
		expect(r).toMatchObject({
			outcome: 'unavailable',
			reason: 'The GCP incident feed is not the documented JSON array of incidents.',
		});
	});
});
