/**
 * Every exported file, by path, from the content model: what `npm run alerts:export` writes
 * and what the site serves under `/exports/`. One function, so the two cannot differ. Pure.
 */
import type { ContentModel } from '../content/model.ts';
import {
	ALERTMANAGER_PATH,
	alertmanagerConfig,
	renderWatchdogRules,
	WATCHDOG_RULES_PATH,
} from '../paging/alertmanager-config.ts';
import {
	channelFilePath,
	channelName,
	notificationChannel,
	renderNotificationChannel,
} from '../paging/notification-channels.ts';
import { alertPolicy, policyBlocker, renderAlertPolicy } from './alert-policy.ts';
import { type CatalogOptions, catalogEntities, renderCatalog } from './backstage-catalog.ts';
import { declaredAlerts } from './declared-alert.ts';
import { absenceRuleGroup } from './absence-rules.ts';
import { declaredSlos } from './declared-slo.ts';
import type { PromqlParser } from './promql.ts';
import { isPromqlAlert, prometheusRuleGroups, renderPrometheusRuleFile } from './prometheus-rules.ts';
import { burnAlertPolicies, renderJson, serviceLevelObjective, sloPolicyBlocker } from './slo-cloud-monitoring.ts';
import { type SloRuleGroup, sloRuleGroups, sloRulesBlocker } from './slo-rules.ts';

export interface ExportFile {
	/** Path relative to the export folder, forward slashes: `prometheus/billing-events.rules.yaml`. */
	readonly path: string;
	readonly text: string;
}

export interface SkippedExport {
	readonly alertId: string;
	readonly file: string;
	readonly target: 'prometheus' | 'cloud-monitoring';
	readonly reason: string;
}

export interface SkippedSlo {
	readonly sloId: string;
	readonly file: string;
	readonly reason: string;
}

export interface ExportSet {
	readonly files: readonly ExportFile[];
	/** Alerts left out of a target, and why (no PromQL query, unknown severity). */
	readonly skipped: readonly SkippedExport[];
	/** SLOs with a measurable SLI that get no rules, and why (no runbook section, no severity). */
	readonly skippedSlos: readonly SkippedSlo[];
}

export const prometheusFilePath = (surfaceId: string) => `prometheus/${surfaceId}.rules.yaml`;
export const policyFilePath = (alertId: string) => `cloud-monitoring/${alertId}.json`;
/** Outside `cloud-monitoring/`, which holds only AlertPolicies (what alerts:verify reads there). */
export const sloFilePath = (sloId: string) => `cloud-monitoring-slos/${sloId}.json`;
export const burnPolicyFilePath = (sloId: string, key: string) => `cloud-monitoring/${sloId}-burn-${key}.json`;
export const CATALOG_PATH = 'backstage/catalog-info.yaml';

export function buildExportSet(
	model: Pick<ContentModel, 'config' | 'surfaces' | 'teams' | 'severities' | 'runbooks' | 'vendors' | 'escalation'>,
	options: CatalogOptions & {
		/** Prometheus's PromQL parser (`promqlTools().parser`), for the absence alerts. */
		readonly promql: PromqlParser;
	},
): ExportSet {
	const siteUrl = model.config.site.url;
	const alerts = declaredAlerts(model);
	const files: ExportFile[] = [];
	const skipped: SkippedExport[] = [];
	const skippedSlos: SkippedSlo[] = [];
	const slos = declaredSlos(model);
	const sourceOf = new Map([...alerts, ...slos].map((d) => [d.surface.id, d.file]));
	const paging = alertmanagerConfig(model);
	const firstReceivers = new Map(paging.plan.routing.map((r) => [`${r.surface}\0${r.severity}`, r.receivers]));
	/** Channels of the receivers the escalation matrix names first for a surface and severity. */
	const channelsFor = (surfaceId: string, severity: string) =>
		(firstReceivers.get(`${surfaceId}\0${severity}`) ?? []).map((r) => channelName(model.config.paging, r));
	const groupsOf = new Map<string, { name: string; rules: readonly object[] }[]>();
	for (const group of prometheusRuleGroups(alerts, siteUrl)) groupsOf.set(group.name, [group]);
	for (const d of slos) {
		if (!d.sli) continue;
		const blocker = sloRulesBlocker(d);
		if (blocker) {
			skippedSlos.push({ sloId: d.slo.id, file: d.file, reason: blocker });
			continue;
		}
		const groups: SloRuleGroup[] = sloRuleGroups(d, siteUrl);
		groupsOf.set(d.surface.id, [...(groupsOf.get(d.surface.id) ?? []), ...groups]);
		if (!d.slo.cloudMonitoring) continue;
		const policyBlocker = sloPolicyBlocker(d);
		if (policyBlocker) {
			skippedSlos.push({
				sloId: d.slo.id,
				file: d.file,
				reason: `not in the cloud-monitoring export: ${policyBlocker}`,
			});
			continue;
		}
		files.push({ path: sloFilePath(d.slo.id), text: renderJson(serviceLevelObjective(d)) });
		for (const { key, policy } of burnAlertPolicies(d, siteUrl, (severity) => channelsFor(d.surface.id, severity)))
			files.push({ path: burnPolicyFilePath(d.slo.id, key), text: renderJson(policy) });
	}
	for (const surfaceId of [...new Set([...alerts, ...slos].map((d) => d.surface.id))]) {
		const absent = absenceRuleGroup(surfaceId, alerts, slos, options.promql, siteUrl);
		if (absent) groupsOf.set(surfaceId, [...(groupsOf.get(surfaceId) ?? []), absent]);
	}
	for (const [surfaceId, groups] of groupsOf) {
		files.push({
			path: prometheusFilePath(surfaceId),
			text: renderPrometheusRuleFile(groups, sourceOf.get(surfaceId)!),
		});
	}
	const channelsOf = (d: (typeof alerts)[number]) =>
		(firstReceivers.get(`${d.surface.id}\0${d.alert.severity}`) ?? []).map((r) => channelName(model.config.paging, r));
	const seen = new Set<string>();
	for (const d of alerts) {
		// A duplicate id is a coverage finding; exporting it would overwrite the first policy.
		if (seen.has(d.alert.id)) {
			skipped.push({
				alertId: d.alert.id,
				file: d.file,
				target: 'cloud-monitoring',
				reason: 'its id is declared twice; the first declaration is exported',
			});
			continue;
		}
		seen.add(d.alert.id);
		if (!isPromqlAlert(d)) {
			const reason = d.alert.query ? `its query is ${d.alert.query.language}, not PromQL` : 'it declares no query';
			skipped.push({ alertId: d.alert.id, file: d.file, target: 'prometheus', reason });
		}
		const blocker = policyBlocker(d);
		if (blocker) skipped.push({ alertId: d.alert.id, file: d.file, target: 'cloud-monitoring', reason: blocker });
		else
			files.push({
				path: policyFilePath(d.alert.id),
				text: renderAlertPolicy(alertPolicy(d, siteUrl, channelsOf(d))),
			});
	}
	files.push({ path: CATALOG_PATH, text: renderCatalog(catalogEntities(model, options)) });
	files.push({ path: ALERTMANAGER_PATH, text: paging.text });
	const teamNames = new Map(model.teams.map((t) => [t.data.id, t.data.name]));
	for (const r of paging.plan.receivers)
		files.push({
			path: channelFilePath(r.name),
			text: renderNotificationChannel(notificationChannel(r, model.config.paging, teamNames.get(r.team) ?? r.team)),
		});
	files.push({ path: WATCHDOG_RULES_PATH, text: renderWatchdogRules(siteUrl) });
	files.sort((a, b) => a.path.localeCompare(b.path));
	return { files, skipped, skippedSlos };
}
