/**
 * End to end on 127.0.0.1, with the real components: `npm run alerts:export` on a copy of the
 * shipped content, a real Prometheus loading the exported rule files and scraping a loopback
 * exporter, a real Alertmanager running the exported `alertmanager.yml` as written (its secret
 * files written to a temp folder, which `paging.secretsDir` names), and a loopback server
 * speaking the vendors' wire formats (PagerDuty Events API v2, Opsgenie, the heartbeat).
 *
 * What the test changes is input, never the export: the config points `paging.secretsDir`,
 * the vendor endpoints and the heartbeat at the temp folder and the loopback server, and caps
 * the timings (`paging.timing`); the three alerts it fires get `for: 0m` so it needs no
 * minutes of waiting.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseDocument, stringify } from 'yaml';
import { loadContent } from '../../src/adapters/content-loader.ts';
import type { ContentModel } from '../../src/core/content/model.ts';
import { NODE, REPO } from '../alerts/support/paths.ts';
import { findTool } from '../support/system-tool.ts';
import {
	type Daemon,
	type Delivery,
	type Recorder,
	startAlertmanager,
	startExporter,
	startPrometheus,
	startRecorder,
	waitFor,
} from './support/alerting-stack.ts';
import { expectedFirstReceivers } from './support/matrix.ts';

const alertmanager = findTool(
	'alertmanager',
	['/usr/bin/prometheus-alertmanager', '/usr/bin/alertmanager', '/usr/local/bin/alertmanager'],
	'apt-get install --no-install-recommends prometheus-alertmanager',
);
const prometheus = findTool(
	'prometheus',
	['/usr/bin/prometheus', '/usr/local/bin/prometheus'],
	'apt-get install --no-install-recommends prometheus',
);
const skip = alertmanager.skipReason ?? prometheus.skipReason;

const FIRED = ['MultiSurfaceProbeFailure', 'BillingEventBacklogHigh', 'BillingReconciliationDrift'];
const DRIFT = 'billing_reconciliation_unrecorded_events 3\n';
const BACKLOG =
	'pubsub_googleapis_com:subscription_oldest_unacked_message_age{monitored_resource="pubsub_subscription",subscription_id="billing-events-process"} 900\n';
const OUTAGE = [
	'probe_success{job="blackbox-https",region="europe-west1",surface="billing-events",instance="https://hooks.example.com/stripe/healthz"} 0',
	'probe_success{job="blackbox-https",region="europe-west1",surface="fivetran-webhooks",instance="https://hooks.example.com/fivetran/healthz"} 0',
	'',
].join('\n');

let root: string;
let model: ContentModel;
let recorder: Recorder;
let exporter: Awaited<ReturnType<typeof startExporter>>;
const daemons: Daemon[] = [];
/** Secret text written for each receiver's key file, by receiver name. */
const keyOf = new Map<string, string>();
const started = Date.now();

/** Every `*_file` value in a parsed Alertmanager receiver, with its key. */
function secretFiles(node: unknown, out: [string, string][] = []): [string, string][] {
	if (Array.isArray(node)) for (const n of node) secretFiles(n, out);
	else if (node && typeof node === 'object')
		for (const [k, v] of Object.entries(node)) {
			if (k.endsWith('_file') && typeof v === 'string') out.push([k, v]);
			else secretFiles(v, out);
		}
	return out;
}

function setFor(file: string, alertName: string): void {
	const doc = parseDocument(readFileSync(file, 'utf8'));
	const alerts = doc.get('alerts') as { items: { get(k: string): unknown; set(k: string, v: unknown): void }[] };
	const alert = alerts.items.find((a) => a.get('name') === alertName);
	if (!alert) throw new Error(`${alertName} is not in ${file}`);
	alert.set('for', '0m');
	writeFileSync(file, doc.toString());
}

const pages = (alertname: string) =>
	recorder.deliveries.filter(
		(d) =>
			d.path.endsWith('/v2/enqueue') &&
			d.body.event_action === 'trigger' &&
			(d.body.payload as { custom_details?: Record<string, string> })?.custom_details?.alertname === alertname,
	);
const details = (d: Delivery) => (d.body.payload as { custom_details: Record<string, string> }).custom_details;
const explain = () =>
	`deliveries so far:\n${recorder.deliveries.map((d) => `${d.at} ms ${d.path} ${JSON.stringify(d.body).slice(0, 300)}`).join('\n')}\nlogs:\n${daemons.map((d) => d.log()).join('\n')}`;

beforeAll(async () => {
	if (skip) return;
	root = mkdtempSync(join(tmpdir(), 'paging-e2e-'));
	cpSync(join(REPO, 'content'), join(root, 'content'), { recursive: true });
	recorder = await startRecorder();
	exporter = await startExporter();
	const secrets = join(root, 'secrets');
	const config = parse(readFileSync(join(REPO, 'launchbook.config.yaml'), 'utf8'));
	config.paging = {
		...config.paging,
		secretsDir: secrets,
		watchdog: { ...config.paging?.watchdog, heartbeatUrl: `${recorder.url}/heartbeat` },
		endpoints: { pagerduty: `${recorder.url}/pagerduty/v2/enqueue`, opsgenie: `${recorder.url}/opsgenie/` },
		timing: { maxGroupWait: '1s', maxGroupInterval: '2s' },
	};
	writeFileSync(join(root, 'launchbook.config.yaml'), stringify(config));
	setFor(join(root, 'content/surfaces/gcp-foundation.yaml'), 'MultiSurfaceProbeFailure');
	setFor(join(root, 'content/surfaces/billing-events.yaml'), 'BillingEventBacklogHigh');
	model = loadContent(root);
	execFileSync(NODE, [join(REPO, 'scripts/alerts-export.ts'), '--root', root, '--out', join(root, 'out')], {
		stdio: 'ignore',
	});
	const amConfig = join(root, 'out/alertmanager/alertmanager.yml');
	const exported = parse(readFileSync(amConfig, 'utf8')) as { receivers: { name: string }[] };
	// The operator's part: one file per secret the export references.
	for (const receiver of exported.receivers) {
		for (const [key, path] of secretFiles(receiver)) {
			const rel = relative(secrets, path);
			const text = key === 'api_url_file' ? `${recorder.url}/slack/${rel}` : `secret-of-${rel.replace(/\W+/g, '-')}`;
			mkdirSync(dirname(path), { recursive: true });
			writeFileSync(path, text, { mode: 0o600 });
			if (key === 'routing_key_file' || key === 'api_key_file') keyOf.set(receiver.name, text);
		}
	}
	exporter.metrics.text = DRIFT;
	const am = await startAlertmanager(alertmanager.path!, amConfig, join(root, 'alertmanager'));
	daemons.push(am);
	daemons.push(
		await startPrometheus(
			prometheus.path!,
			join(root, 'prometheus'),
			[join(root, 'out/prometheus/*.rules.yaml'), join(root, 'out/alertmanager/watchdog.rules.yaml')],
			exporter.port,
			am.url,
		),
	);
}, 90_000);

afterAll(async () => {
	for (const d of daemons.reverse()) await d.stop();
	await exporter?.close();
	await recorder?.close();
	if (root) rmSync(root, { recursive: true, force: true });
	if (!skip)
		process.stderr.write(`paging end-to-end: ${((Date.now() - started) / 1000).toFixed(1)} s from start to clean-up\n`);
});

describe.skipIf(skip !== undefined)('Prometheus → Alertmanager → receivers, as exported', () => {
	it('the fired alerts exist in the content (the test fires real, declared alerts)', () => {
		const names = model.surfaces.flatMap((s) => s.data.alerts.map((a) => a.name));
		for (const n of FIRED) expect(names).toContain(n);
		expect(model.config.paging.endpoints.pagerduty).toBe(`${recorder.url}/pagerduty/v2/enqueue`);
	});

	it('pages the receiver the escalation matrix names first, with the runbook link', async () => {
		const [want] = expectedFirstReceivers(model, 'billing-events', 'sev2');
		expect(want).toBe('billing-platform-primary-on-call');
		const page = await waitFor(
			'the BillingReconciliationDrift page',
			() => pages('BillingReconciliationDrift')[0],
			30_000,
			explain,
		);
		// The runbook link the Prometheus export gave the alert (its stable /alerts/<id>/ deep link).
		const rules = parse(readFileSync(join(root, 'out/prometheus/billing-events.rules.yaml'), 'utf8')) as {
			groups: { rules: { alert?: string; annotations?: { runbook_url?: string } }[] }[];
		};
		const runbook = rules.groups.flatMap((g) => g.rules).find((r) => r.alert === 'BillingReconciliationDrift')
			?.annotations?.runbook_url;
		expect(runbook).toMatch(/^https:\/\/launchbook\.example\.com\//);
		expect(page.body.routing_key).toBe(keyOf.get(want!));
		expect(details(page).receiver).toBe(want);
		expect(details(page).runbook_url).toBe(runbook);
		expect(page.body.links).toEqual([{ href: runbook, text: 'Runbook' }]);
		expect((page.body.payload as { severity: string }).severity).toBe('error');
		// Nobody else was paged for it.
		expect(pages('BillingReconciliationDrift').every((d) => details(d).receiver === want)).toBe(true);
	});

	it("sends the always-firing Watchdog to the dead-man's switch", async () => {
		const beat = await waitFor(
			'the Watchdog heartbeat',
			() => recorder.deliveries.find((d) => d.path === '/heartbeat'),
			30_000,
			explain,
		);
		expect(beat.body.receiver).toBe('launchbook-watchdog');
		expect((beat.body.alerts as { labels: Record<string, string> }[])[0]!.labels.alertname).toBe('Watchdog');
	});

	it('holds back a dependent surface while the regional outage fires, and lets it through after', async () => {
		exporter.metrics.text = DRIFT + BACKLOG + OUTAGE;
		const outage = await waitFor('the outage page', () => pages('MultiSurfaceProbeFailure')[0], 30_000, explain);
		const first = expectedFirstReceivers(model, 'gcp-foundation', 'sev1');
		expect(first).toEqual(['platform-infra-primary-on-call', 'incident-command-incident-commander']);
		expect(outage.body.routing_key).toBe(keyOf.get(first[0]!));
		expect(details(outage).receiver).toBe(first[0]);
		// The second receiver of the first level is Opsgenie, reached with its own key.
		const genie = await waitFor(
			'the incident commander (Opsgenie)',
			() =>
				recorder.deliveries.find(
					(d) => d.path === '/opsgenie/v2/alerts' && String(d.body.message).includes('MultiSurfaceProbeFailure'),
				),
			30_000,
			explain,
		);
		expect(genie.authorization).toBe(`GenieKey ${keyOf.get(first[1]!)}`);
		expect((genie.body.details as Record<string, string>).receiver).toBe(first[1]);

		// Alertmanager itself says the dependent alert is inhibited by the outage.
		const am = daemons[0]!.url;
		const suppressed = await waitFor(
			'BillingEventBacklogHigh to be inhibited',
			async () => {
				const r = await fetch(
					`${am}/api/v2/alerts?filter=${encodeURIComponent('alertname="BillingEventBacklogHigh"')}`,
				);
				const list = (await r.json()) as { status: { state: string; inhibitedBy: string[] } }[];
				return list.find((a) => a.status.state === 'suppressed' && a.status.inhibitedBy.length > 0);
			},
			30_000,
			explain,
		);
		expect(suppressed.status.inhibitedBy).toHaveLength(1);
		// Three group intervals after both alerts arrived (each notified within one group_wait of 1 s when not held back).
		await new Promise((r) => setTimeout(r, 6000));
		expect(pages('BillingEventBacklogHigh')).toEqual([]);

		// The outage ends: the held-back alert is delivered, to the receiver its own matrix names.
		const lifted = Date.now();
		const sinceStart = recorder.deliveries.length;
		exporter.metrics.text = DRIFT + BACKLOG;
		const backlog = await waitFor(
			'the BillingEventBacklogHigh page after the outage',
			() => pages('BillingEventBacklogHigh')[0],
			30_000,
			explain,
		);
		expect(recorder.deliveries.indexOf(backlog)).toBeGreaterThanOrEqual(sinceStart);
		expect(Date.now()).toBeGreaterThanOrEqual(lifted);
		expect(details(backlog).receiver).toBe(expectedFirstReceivers(model, 'billing-events', 'sev2')[0]);
	});

	it("the heartbeat carries no receiver's key", () => {
		for (const d of recorder.deliveries.filter((x) => x.path === '/heartbeat'))
			for (const key of keyOf.values()) expect(JSON.stringify(d.body)).not.toContain(key);
	});
});

// The tools must be usable when present (the skip above is only for their absence).
describe.skipIf(skip !== undefined)('the installed Alertmanager', () => {
	it('is 0.25 or later (routing_key_file, api_key_file, api_url_file)', () => {
		const r = spawnSync(alertmanager.path!, ['--version'], { encoding: 'utf8' });
		const m = /version (\d+)\.(\d+)/.exec(r.stdout + r.stderr);
		expect(m).not.toBeNull();
		expect(Number(m![1]) * 100 + Number(m![2])).toBeGreaterThanOrEqual(25);
	});
});
