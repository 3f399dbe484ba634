/**
 * The alerts declared in content, flattened with everything an export needs: the surface
 * that owns each alert, its team, its severity, and the runbook section it lands on. Pure.
 */
import type { ContentModel, DocumentEntry, Entry } from '../content/model.ts';
import type { Runbook } from '../schemas/runbook.ts';
import type { Severity } from '../schemas/severity.ts';
import type { Alert, Surface } from '../schemas/surface.ts';
import type { Team } from '../schemas/team.ts';
import { parseRunbookRef, runbookRefHref } from '../site/site-links.ts';

export interface DeclaredAlert {
	readonly alert: Alert;
	readonly surface: Surface;
	/** Repository-relative path of the surface file that declares the alert. */
	readonly file: string;
	/** Index of the alert in the surface's `alerts` list (for `locate()`). */
	readonly index: number;
	readonly team: Team | undefined;
	readonly severity: Severity | undefined;
	/** Runbook id before the `#`. */
	readonly runbookId: string;
	/** Anchor after the `#`, or `''` when the reference names no section. */
	readonly anchor: string;
	readonly runbook: DocumentEntry<Runbook> | undefined;
	/** Heading text of the section the alert lands on, when it exists. */
	readonly sectionTitle: string | undefined;
}

/** Site URL without a trailing slash: `https://launchbook.example.com`. */
export function siteBase(siteUrl: string): string {
	return siteUrl.replace(/\/+$/, '');
}

/** Absolute URL of a runbook section, as it goes into `runbook_url`. */
export function runbookUrl(siteUrl: string, ref: string): string {
	return siteBase(siteUrl) + runbookRefHref(ref);
}

/** Path of an alert's stable deep link: `/alerts/billing-event-backlog/`. */
export function alertPagePath(alertId: string): string {
	return `/alerts/${alertId}/`;
}

export function alertPageUrl(siteUrl: string, alertId: string): string {
	return siteBase(siteUrl) + alertPagePath(alertId);
}

/** Level of a severity (1 is the worst): from `content/severities.yaml`, else from a `sevN` id. */
export function severityLevel(id: string, severity: Severity | undefined): number | undefined {
	if (severity) return severity.level;
	const m = /^sev(\d)$/.exec(id);
	return m ? Number(m[1]) : undefined;
}

const byId = <T extends { id: string }>(entries: readonly Entry<T>[]) =>
	new Map(entries.map((e) => [e.data.id, e.data]));

/**
 * Every alert declared in content, surfaces ordered by id and alerts in the order the
 * surface file declares them, so every export built from this list is stable.
 */
export function declaredAlerts(
	model: Pick<ContentModel, 'surfaces' | 'teams' | 'severities' | 'runbooks'>,
): DeclaredAlert[] {
	const teams = byId(model.teams);
	const severities = byId(model.severities);
	const runbooks = new Map(model.runbooks.map((r) => [r.id, r]));
	const surfaces = [...model.surfaces].sort((a, b) => a.data.id.localeCompare(b.data.id));
	const out: DeclaredAlert[] = [];
	for (const entry of surfaces) {
		entry.data.alerts.forEach((alert, index) => {
			const { runbook: runbookId, anchor = '' } = parseRunbookRef(alert.runbook);
			const runbook = runbooks.get(runbookId);
			const section = anchor === '' ? undefined : runbook?.outline.sections.find((s) => s.slug === anchor);
			out.push({
				alert,
				surface: entry.data,
				file: entry.file,
				index,
				team: teams.get(entry.data.owner.primary),
				severity: severities.get(alert.severity),
				runbookId,
				anchor,
				runbook,
				sectionTitle: section?.text,
			});
		});
	}
	return out;
}

/** "Billing event backlog › Mitigation", or the runbook id when the runbook is missing. */
export function runbookSectionLabel(
	d: Pick<DeclaredAlert, 'runbook' | 'runbookId' | 'sectionTitle' | 'anchor'>,
): string {
	const page = d.runbook?.data.title ?? d.runbookId;
	if (d.anchor === '') return page;
	return `${page} › ${d.sectionTitle ?? `#${d.anchor}`}`;
}
