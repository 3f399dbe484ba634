/**
 * What the incident header at the top of a runbook page says: for the runbook's surface, who
 * is paged first and who next for each severity of the alerts the runbook handles, what the
 * surface takes down and what it needs (its blast radius in one line), and which of the
 * sections a responder jumps to exist on the page. Pure: the content model in, plain data out.
 */
import type { ContentModel } from '../content/model.ts';
import { blastRadius, buildGraph } from '../graph/graph.ts';
import { parseRunbookRef } from '../site/site-links.ts';

/** The sections a responder jumps to, in the order of the header's links. */
export const JUMP_SECTIONS = [
	{ slug: 'mitigation', text: 'Mitigation' },
	{ slug: 'rollback', text: 'Rollback' },
	{ slug: 'escalation', text: 'Escalation' },
	{ slug: 'communication', text: 'Communication' },
] as const;

export interface HeaderLevel {
	readonly afterMinutes: number;
	readonly via: string;
	/** Roster references (`team` or `team/role`). */
	readonly notify: readonly string[];
}

export interface HeaderSeverity {
	readonly id: string;
	readonly name: string;
	readonly level: number;
	/** The first level (who is paged at once), then the next one, when the policy has them. */
	readonly levels: readonly HeaderLevel[];
	/** How many levels the policy has in all (the header shows at most two). */
	readonly totalLevels: number;
	/** Alert ids of this runbook that fire at this severity. */
	readonly alerts: readonly string[];
}

export interface HeaderAlert {
	readonly id: string;
	readonly name: string;
	readonly severity: string;
	/** The section of this runbook the alert lands on, when it lands on one. */
	readonly anchor: string | undefined;
}

export interface NamedRef {
	readonly id: string;
	readonly name: string;
	readonly kind: 'surface' | 'vendor' | 'unknown';
}

export interface IncidentHeader {
	readonly surfaceId: string;
	readonly surfaceName: string | undefined;
	readonly onCall: string | undefined;
	readonly severities: readonly HeaderSeverity[];
	readonly alerts: readonly HeaderAlert[];
	/** What fails with this surface, directly or through what depends on it. */
	readonly takesDown: readonly NamedRef[];
	/** What this surface depends on directly. */
	readonly dependsOn: readonly NamedRef[];
	/** The jump sections this runbook has. */
	readonly jumps: readonly { readonly slug: string; readonly text: string }[];
}

/** How many escalation levels the header shows per severity: who is paged at once, and who next. */
export const HEADER_LEVELS = 2;

export function incidentHeader(
	model: Pick<ContentModel, 'surfaces' | 'vendors' | 'severities' | 'escalation'>,
	runbook: { readonly id: string; readonly surface: string; readonly alerts: readonly string[] },
	headingSlugs: readonly string[],
): IncidentHeader {
	const surface = model.surfaces.find((s) => s.data.id === runbook.surface)?.data;
	const surfaceName = new Map(model.surfaces.map((s) => [s.data.id, s.data.name]));
	const vendorName = new Map(model.vendors.map((v) => [v.data.id, v.data.name]));
	const named = (id: string): NamedRef =>
		surfaceName.has(id)
			? { id, name: surfaceName.get(id)!, kind: 'surface' }
			: vendorName.has(id)
				? { id, name: vendorName.get(id)!, kind: 'vendor' }
				: { id, name: id, kind: 'unknown' };

	const declared = new Map(model.surfaces.flatMap((s) => s.data.alerts.map((a) => [a.id, a] as const)));
	const alerts: HeaderAlert[] = runbook.alerts.flatMap((id) => {
		const a = declared.get(id);
		if (!a) return [];
		const ref = parseRunbookRef(a.runbook);
		return [{ id, name: a.name, severity: a.severity, anchor: ref.runbook === runbook.id ? ref.anchor : undefined }];
	});

	const policy = model.escalation.find((e) => e.data.surface === runbook.surface)?.data;
	const severityOf = new Map(model.severities.map((s) => [s.data.id, s.data]));
	const severities: HeaderSeverity[] = [...new Set(alerts.map((a) => a.severity))]
		.map((id) => {
			const sev = severityOf.get(id);
			const levels = policy?.policies.find((p) => p.severity === id)?.levels ?? [];
			return {
				id,
				name: sev?.name ?? id,
				level: sev?.level ?? Number.POSITIVE_INFINITY,
				levels: levels
					.slice(0, HEADER_LEVELS)
					.map((l) => ({ afterMinutes: l.afterMinutes, via: l.via, notify: l.notify })),
				totalLevels: levels.length,
				alerts: alerts.filter((a) => a.severity === id).map((a) => a.id),
			};
		})
		.sort((a, b) => a.level - b.level || a.id.localeCompare(b.id));

	const graph = buildGraph([
		...model.surfaces.map((s) => ({ id: s.data.id, kind: 'surface' as const, dependsOn: s.data.dependsOn })),
		...model.vendors
			.filter((v) => !surfaceName.has(v.data.id))
			.map((v) => ({ id: v.data.id, kind: 'vendor' as const, dependsOn: [] })),
	]);
	const slugs = new Set(headingSlugs);
	return {
		surfaceId: runbook.surface,
		surfaceName: surface?.name,
		onCall: surface?.onCall,
		severities,
		alerts,
		takesDown: blastRadius(graph, runbook.surface).map(named),
		dependsOn: (surface?.dependsOn ?? []).map(named),
		jumps: JUMP_SECTIONS.filter((j) => slugs.has(j.slug)),
	};
}

/** "at once" / "after 15 min": when a level is notified. */
export function levelWhen(afterMinutes: number): string {
	return afterMinutes === 0 ? 'at once' : `after ${afterMinutes} min`;
}
