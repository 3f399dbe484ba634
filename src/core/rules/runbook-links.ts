/**
 * Runbooks name a known surface and owner, every surface has a runbook, and the alerts a
 * runbook lists agree with the alerts that land on it, both ways.
 */
import { sloBurnAlertIds } from '../alerts/declared-slo.ts';
import { parseRunbookRef } from '../site/site-links.ts';
import type { RuleContext } from './context.ts';

export function checkRunbookLinks(ctx: RuleContext): void {
	const { index } = ctx;
	// An alert id declared twice is reported once, by duplicate-id; which runbook it lands on is
	// ambiguous until then, so the two-way agreement is not checked for it.
	const seen = new Set<string>();
	const duplicated = new Set<string>();
	for (const s of ctx.model.surfaces) for (const a of s.data.alerts) (seen.has(a.id) ? duplicated : seen).add(a.id);
	// SLO burn alerts (`<slo>-burn-page`) are generated, not declared: the slo-runbook-listed rule checks them.
	const burnIds = sloBurnAlertIds(ctx.model.surfaces.map((e) => e.data));
	for (const runbook of ctx.model.runbooks) {
		const { surface, owner, alerts } = runbook.data;
		if (!index.knownSurface(surface)) {
			ctx.at(
				'runbook-references',
				runbook,
				'surface',
				`runbook "${runbook.id}" names surface "${surface}", which does not exist.`,
				`Use one of the surfaces in content/surfaces/ (${[...index.surfaces.keys()].join(', ') || 'none yet'}).`,
			);
		}
		if (!index.knownTeam(owner)) {
			ctx.at(
				'runbook-references',
				runbook,
				'owner',
				`runbook "${runbook.id}" names owner "${owner}", which is not a team in the roster.`,
				`Use one of the teams in content/teams/ (${[...index.teams.keys()].join(', ') || 'none yet'}).`,
			);
		}
		alerts.forEach((alertId, i) => {
			if (duplicated.has(alertId)) return;
			if (burnIds.has(alertId) && !index.alerts.has(alertId)) return;
			const found = index.alerts.get(alertId);
			if (!found) {
				if (index.knownAlert(alertId)) return;
				ctx.at(
					'runbook-alerts',
					runbook,
					`alerts[${i}]`,
					`runbook "${runbook.id}" lists alert "${alertId}", which no surface declares.`,
					'Remove it from alerts, or correct the id to an alert declared in content/surfaces/.',
				);
				return;
			}
			const target = parseRunbookRef(found.alert.runbook).runbook;
			if (target !== runbook.id) {
				ctx.at(
					'runbook-alerts',
					runbook,
					`alerts[${i}]`,
					`runbook "${runbook.id}" lists alert "${alertId}", but that alert lands on runbook "${target}".`,
					`Remove "${alertId}" from this runbook's alerts, or point the alert's runbook field (${found.surface.file}) at a section of this runbook.`,
				);
			}
		});
	}
	for (const surface of ctx.model.surfaces) {
		surface.data.alerts.forEach((alert, i) => {
			if (duplicated.has(alert.id)) return;
			const target = index.runbooks.get(parseRunbookRef(alert.runbook).runbook);
			if (target && !target.data.alerts.includes(alert.id)) {
				ctx.at(
					'runbook-alerts',
					surface,
					`alerts[${i}].runbook`,
					`alert "${alert.id}" lands on runbook "${target.id}", which does not list it under alerts.`,
					`Add "${alert.id}" to the alerts in the frontmatter of ${target.file}.`,
				);
			}
		});
		if (
			!index.runbooksBySurface.has(surface.data.id) &&
			!ctx.model.problems.some((p) => p.file.startsWith(`content/runbooks/${surface.data.id}/`))
		) {
			ctx.at(
				'surface-runbook',
				surface,
				'id',
				`surface "${surface.data.id}" has no runbook.`,
				`Write a runbook in content/runbooks/${surface.data.id}/ with "surface: ${surface.data.id}" in its frontmatter.`,
			);
		}
	}
}
