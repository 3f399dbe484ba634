/**
 * Cloud Monitoring from the same mapping as Alertmanager: each exported AlertPolicy names the
 * channels of the receivers the matrix's first level names, each such channel is exported,
 * and no channel carries a secret (only the file to fill it from).
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { promqlTools } from '../../src/adapters/promql-tools.ts';
import { buildExportSet } from '../../src/core/alerts/export-set.ts';
import { REPO } from '../alerts/support/paths.ts';
import { expectedFirstReceivers } from './support/matrix.ts';

const model = loadContent(REPO);
const files = new Map(buildExportSet(model, { promql: promqlTools().parser }).files.map((f) => [f.path, f.text]));
const policies = [...files].filter(([p]) => p.startsWith('cloud-monitoring/'));
const channels = [...files].filter(([p]) => p.startsWith('cloud-monitoring-channels/'));

describe('Cloud Monitoring notification channels', () => {
	it('every AlertPolicy notifies the channels of the receivers the matrix names first', () => {
		expect(policies.length).toBeGreaterThan(10);
		for (const [path, text] of policies) {
			const policy = JSON.parse(text);
			const surface = policy.userLabels.surface;
			const severity = policy.userLabels.severity;
			const want = expectedFirstReceivers(model, surface, severity);
			expect(want.length, path).toBeGreaterThan(0);
			expect(policy.notificationChannels, path).toEqual(
				want.map((r) => `projects/example-integrations-prod/notificationChannels/{${r}}`),
			);
			for (const r of want) expect(files.has(`cloud-monitoring-channels/${r}.json`), r).toBe(true);
		}
	});

	it('one channel per receiver, of a type Cloud Monitoring has, holding references only', () => {
		const am = files.get('alertmanager/alertmanager.yml')!;
		const receivers = [...am.matchAll(/^ {2}- name: (\S+)$/gm)]
			.map((m) => m[1]!)
			.filter((n) => !n.startsWith('launchbook-'));
		expect(channels.map(([p]) => p.replace(/^cloud-monitoring-channels\/|\.json$/g, '')).sort()).toEqual(
			[...receivers].sort(),
		);
		for (const [path, text] of channels) {
			const c = JSON.parse(text);
			expect(['pagerduty', 'slack', 'webhook_tokenauth', 'email'], path).toContain(c.type);
			expect(c.userLabels.managed_by).toBe('launchbook');
			expect(
				Object.keys(c.labels).filter((k) => ['service_key', 'auth_token', 'password'].includes(k)),
				path,
			).toEqual([]);
			if (c.type !== 'email')
				expect(c.description, path).toMatch(/Before creating, set .* in \/etc\/alertmanager\/secrets\//);
		}
		const slack = JSON.parse(files.get('cloud-monitoring-channels/billing-platform-primary-on-call-chat.json')!);
		expect(slack.labels).toEqual({ channel_name: '#billing-oncall' });
		const mail = JSON.parse(files.get('cloud-monitoring-channels/billing-platform-ticket.json')!);
		expect(mail).toMatchObject({ type: 'email', labels: { email_address: 'billing-platform@tickets.example.com' } });
	});
});
