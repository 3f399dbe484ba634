/**
 * `alertmanager/alertmanager.yml` from the route plan: one receiver per declared receiver
 * (secrets referenced by file, never written), the route tree by surface and severity, the
 * blast-radius inhibition rules and the watchdog; plus `alertmanager/watchdog.rules.yaml`,
 * the always-firing Prometheus rule. Pure: model in, YAML text out.
 */
import { Document, isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ContentModel } from '../content/model.ts';
import type { PagingConfig } from '../schemas/paging-config.ts';
import type { Receiver } from '../schemas/receiver.ts';
import type { Severity } from '../schemas/severity.ts';
import type { PagingReceiver } from './receivers.ts';
import {
	buildRoutePlan,
	FALLBACK_RECEIVER,
	formatMatcher,
	type Route,
	type RoutePlan,
	WATCHDOG_ALERT,
	WATCHDOG_RECEIVER,
} from './route-tree.ts';

export const ALERTMANAGER_PATH = 'alertmanager/alertmanager.yml';
export const WATCHDOG_RULES_PATH = 'alertmanager/watchdog.rules.yaml';

/** Where Alertmanager reads a receiver's secret: `paging.secretsDir` joined with the reference. */
export function secretPath(paging: Pick<PagingConfig, 'secretsDir'>, file: string): string {
	return `${paging.secretsDir === '/' ? '' : paging.secretsDir}/${file}`;
}

/** `{{ if eq .CommonLabels.severity "sev1" }}critical{{ else if … }}…{{ else }}fallback{{ end }}`, from the severities' levels. */
function bySeverity(severities: readonly Severity[], value: (level: number) => string, fallback: string): string {
	const sorted = [...severities].sort((a, b) => a.level - b.level);
	if (sorted.length === 0) return fallback;
	const branches = sorted.map(
		(s, i) => `{{ ${i === 0 ? 'if' : 'else if'} eq .CommonLabels.severity ${JSON.stringify(s.id)} }}${value(s.level)}`,
	);
	return `${branches.join('')}{{ else }}${fallback}{{ end }}`;
}

const pagerdutySeverity = (level: number) =>
	level <= 1 ? 'critical' : level === 2 ? 'error' : level === 3 ? 'warning' : 'info';
const opsgeniePriority = (level: number) => `P${Math.min(Math.max(level, 1), 5)}`;

const RUNBOOK = '{{ .CommonAnnotations.runbook_url }}';
const DETAILS = {
	receiver: '{{ .Receiver }}',
	alertname: '{{ .CommonLabels.alertname }}',
	surface: '{{ .CommonLabels.surface }}',
	severity: '{{ .CommonLabels.severity }}',
	runbook_url: RUNBOOK,
};

function integration(
	spec: Receiver,
	paging: PagingConfig,
	severities: readonly Severity[],
): [key: string, config: Record<string, unknown>] {
	switch (spec.kind) {
		case 'pagerduty':
			return [
				'pagerduty_configs',
				{
					routing_key_file: secretPath(paging, spec.routing_key_file),
					send_resolved: true,
					severity: bySeverity(severities, pagerdutySeverity, 'warning'),
					client: 'Launchbook',
					links: [{ href: RUNBOOK, text: 'Runbook' }],
					details: DETAILS,
				},
			];
		case 'opsgenie':
			return [
				'opsgenie_configs',
				{
					api_key_file: secretPath(paging, spec.api_key_file),
					send_resolved: true,
					priority: bySeverity(severities, opsgeniePriority, 'P3'),
					details: DETAILS,
				},
			];
		case 'slack':
			return [
				'slack_configs',
				{
					api_url_file: secretPath(paging, spec.api_url_file),
					channel: spec.channel,
					send_resolved: true,
					title:
						'[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} on {{ .CommonLabels.surface }} ({{ .CommonLabels.severity }})',
					title_link: RUNBOOK,
					text: '{{ range .Alerts }}{{ .Annotations.summary }} Runbook: {{ .Annotations.runbook_url }}\n{{ end }}',
				},
			];
		case 'webhook':
			return [
				'webhook_configs',
				{
					url: spec.url,
					send_resolved: true,
					http_config: {
						authorization: { type: 'Bearer', credentials_file: secretPath(paging, spec.credentials_file) },
					},
				},
			];
		case 'email':
			return ['email_configs', { to: spec.to, send_resolved: true }];
	}
}

function receiverConfig(r: PagingReceiver, paging: PagingConfig, severities: readonly Severity[]) {
	const [key, config] = integration(r.spec, paging, severities);
	return { name: r.name, [key]: [config] };
}

function routeObject(route: Route): Record<string, unknown> {
	return {
		...(route.receiver ? { receiver: route.receiver } : {}),
		...(route.matchers.length > 0 ? { matchers: route.matchers.map(formatMatcher) } : {}),
		...(route.group_by ? { group_by: [...route.group_by] } : {}),
		...(route.group_wait ? { group_wait: route.group_wait } : {}),
		...(route.group_interval ? { group_interval: route.group_interval } : {}),
		...(route.repeat_interval ? { repeat_interval: route.repeat_interval } : {}),
		...(route.continue ? { continue: true } : {}),
		...(route.routes && route.routes.length > 0 ? { routes: route.routes.map(routeObject) } : {}),
	};
}

/** A YAML comment, one `# ` line per line of text. */
function commentText(text: string): string {
	return text
		.split('\n')
		.map((l) => ` ${l}`)
		.join('\n');
}

/** Put each route's comment above its node, walking the YAML and the plan together. */
function commentRoutes(node: YAMLMap, route: Route): void {
	if (route.comment) node.commentBefore = commentText(route.comment);
	const children = node.get('routes', true);
	if (!route.routes || !isSeq(children)) return;
	(children as YAMLSeq).items.forEach((item, i) => {
		if (isMap(item) && route.routes![i]) commentRoutes(item, route.routes![i]!);
	});
}

export interface AlertmanagerExport {
	readonly plan: RoutePlan;
	readonly text: string;
}

export function alertmanagerConfig(
	model: Pick<ContentModel, 'config' | 'surfaces' | 'teams' | 'severities' | 'escalation'>,
): AlertmanagerExport {
	const plan = buildRoutePlan(model);
	const paging = model.config.paging;
	const severities = model.severities.map((s) => s.data);
	const global: Record<string, unknown> = {};
	if (paging.endpoints.pagerduty) global.pagerduty_url = paging.endpoints.pagerduty;
	if (paging.endpoints.opsgenie) global.opsgenie_api_url = paging.endpoints.opsgenie;
	if (paging.email) {
		global.smtp_smarthost = paging.email.smarthost;
		global.smtp_from = paging.email.from;
		if (paging.email.authUsername) global.smtp_auth_username = paging.email.authUsername;
		if (paging.email.authPasswordFile)
			global.smtp_auth_password_file = secretPath(paging, paging.email.authPasswordFile);
	}
	const watchdog = paging.watchdog;
	const watchdogReceiver: Record<string, unknown> = { name: WATCHDOG_RECEIVER };
	if (watchdog.heartbeatUrl)
		watchdogReceiver.webhook_configs = [
			{
				url: watchdog.heartbeatUrl,
				send_resolved: false,
				...(watchdog.credentialsFile
					? {
							http_config: {
								authorization: { type: 'Bearer', credentials_file: secretPath(paging, watchdog.credentialsFile) },
							},
						}
					: {}),
			},
		];
	const config = {
		...(Object.keys(global).length > 0 ? { global } : {}),
		route: routeObject(plan.root),
		inhibit_rules: plan.inhibitRules.map((r) => ({
			source_matchers: r.source.map(formatMatcher),
			target_matchers: r.target.map(formatMatcher),
		})),
		receivers: [
			{ name: FALLBACK_RECEIVER },
			watchdogReceiver,
			...plan.receivers.map((r) => receiverConfig(r, paging, severities)),
		],
	};
	const doc = new Document(config, { aliasDuplicateObjects: false });
	const root = doc.contents as YAMLMap;
	const routeNode = root.get('route', true);
	if (isMap(routeNode)) commentRoutes(routeNode, plan.root);
	const inhibit = root.get('inhibit_rules', true);
	if (isSeq(inhibit))
		inhibit.items.forEach((item, i) => {
			if (isMap(item)) item.commentBefore = commentText(plan.inhibitRules[i]!.comment);
		});
	const receivers = root.get('receivers', true);
	if (isSeq(receivers)) {
		const items = receivers.items;
		if (isMap(items[0]))
			items[0].commentBefore =
				' Alerts no route claims (no surface and severity Launchbook knows). The gate keeps every declared alert off it.';
		if (isMap(items[1]))
			items[1].commentBefore = watchdog.heartbeatUrl
				? ` The dead-man's switch: the heartbeat service alerts when ${WATCHDOG_ALERT} stops arriving.`
				: ` The dead-man's switch: set paging.watchdog.heartbeatUrl in launchbook.config.yaml to send the ${WATCHDOG_ALERT} heartbeat.`;
		plan.receivers.forEach((r, i) => {
			const item = items[i + 2];
			if (isMap(item)) item.commentBefore = ` ${r.ref} via ${r.spec.via.join(', ')} (${r.file})`;
		});
	}
	const header = [
		'# Generated by Launchbook (npm run alerts:export) from content/escalation/, content/teams/ (receivers),',
		'# content/severities.yaml (timings) and content/surfaces/ (dependsOn and outage alerts).',
		'# Do not edit: change the content and export again. Secrets are read from files under',
		`# ${paging.secretsDir}; this file holds none.`,
		'',
	].join('\n');
	return { plan, text: header + doc.toString({ lineWidth: 0, indent: 2 }) };
}

/** The always-firing rule whose notifications feed the dead-man's switch. */
export function renderWatchdogRules(siteUrl: string): string {
	const base = siteUrl.replace(/\/+$/, '');
	const doc = new Document({
		groups: [
			{
				name: 'launchbook-watchdog',
				rules: [
					{
						alert: WATCHDOG_ALERT,
						expr: 'vector(1)',
						labels: { severity: 'none' },
						annotations: {
							summary:
								'Always firing: proves that Prometheus, Alertmanager and the route to the heartbeat service work.',
							description:
								"This alert fires all the time. Alertmanager sends it to the dead-man's switch (paging.watchdog in launchbook.config.yaml), which alerts when it stops arriving.",
							runbook_url: `${base}/escalation/#watchdog`,
						},
					},
				],
			},
		],
	});
	return (
		[
			'# Generated by Launchbook (npm run alerts:export) from launchbook.config.yaml (paging.watchdog).',
			'# Do not edit. Load it in Prometheus next to prometheus/*.rules.yaml.',
			'',
		].join('\n') + doc.toString({ lineWidth: 0, indent: 2 })
	);
}
