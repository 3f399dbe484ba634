/**
 * SLOs are measurable and alert through runbooks: every tier-1 surface has an SLO with a
 * measurable SLI; every such SLO names the runbook section its burn alerts land on, and that
 * runbook lists the burn alert ids (`<slo>-burn-page`, `<slo>-burn-ticket`) under `alerts`, both ways, as for alerts; burn severities come from the
 * severity model (the page one pages, the ticket one does not); SLO ids are unique across surfaces.
 */
import { burnAlertId, defaultSloSeverities, sloBurnAlertIds } from '../alerts/declared-slo.ts';
import { parseRunbookRef } from '../site/site-links.ts';
import type { RuleContext } from './context.ts';

export function checkSlos(ctx: RuleContext): void {
	const { index, model } = ctx;
	const severities = new Map(model.severities.map((e) => [e.data.id, e.data]));
	const defaults = defaultSloSeverities(model.severities.map((e) => e.data));
	const firstSurfaceOf = new Map<string, string>();
	for (const surface of model.surfaces) {
		const { id, tier, slos } = surface.data;
		if (tier === 1 && !slos.some((s) => s.sli)) {
			ctx.at(
				'slo-measurable',
				surface,
				slos.length > 0 ? 'slos' : 'id',
				slos.length > 0
					? `tier-1 surface "${id}" has no SLO with a measurable sli: ${slos.map((s) => `"${s.id}"`).join(', ')} ${slos.length === 1 ? 'is' : 'are'} prose only.`
					: `tier-1 surface "${id}" declares no SLO.`,
				'Give an SLO an sli: kind ratio (bad or good, and total, PromQL with [{{window}}]) or kind latency (a histogram metric and a threshold), so burn-rate alerts are generated from it.',
			);
		}
		slos.forEach((slo, i) => {
			const other = firstSurfaceOf.get(slo.id);
			if (other !== undefined && other !== id) {
				ctx.at(
					'slo-id-unique',
					surface,
					`slos[${i}].id`,
					`SLO id "${slo.id}" is also used by surface "${other}"; the rules' slo label, the burn alert names and the exported file names would clash.`,
					`Rename it, e.g. "${id}-${slo.id}".`,
				);
			} else firstSurfaceOf.set(slo.id, id);
			if (!slo.sli) return;
			for (const [field, tier] of [
				['pageSeverity', 'page'],
				['ticketSeverity', 'ticket'],
			] as const) {
				const set = slo[field];
				const path = set === undefined ? `slos[${i}]` : `slos[${i}].${field}`;
				const chosen = set === undefined ? (tier === 'page' ? defaults.page : defaults.ticket) : severities.get(set);
				if (set !== undefined && !chosen) {
					if (index.knownSeverity(set)) continue;
					ctx.at(
						'slo-severity',
						surface,
						path,
						`SLO "${slo.id}" sets ${field} "${set}", which is not in content/severities.yaml.`,
						`Use one of ${index.severityIds.join(', ') || 'the severities (none declared yet)'}.`,
					);
					continue;
				}
				if (!chosen) {
					ctx.at(
						'slo-severity',
						surface,
						path,
						tier === 'page'
							? `SLO "${slo.id}" has no page severity: no severity in content/severities.yaml has notify: page.`
							: `SLO "${slo.id}" has no ticket severity: content/severities.yaml declares no severity.`,
						`Set ${field} on the SLO to the severity its ${tier === 'page' ? '14.4x and 6x' : '3x and 1x'} burn alerts carry.`,
					);
					continue;
				}
				const pages = chosen.response.notify === 'page';
				if (tier === 'page' && !pages)
					ctx.at(
						'slo-severity',
						surface,
						path,
						`SLO "${slo.id}" pages with severity "${chosen.id}", whose responders are reached by ${chosen.response.notify}, not paged.`,
						'Set pageSeverity to a severity with notify: page: a 14.4x burn spends 2 % of the budget an hour.',
					);
				// Where every severity pages, the default ticket severity is the mildest: the model's choice.
				if (tier === 'ticket' && pages && set !== undefined)
					ctx.at(
						'slo-severity',
						surface,
						path,
						`SLO "${slo.id}" tickets with severity "${chosen.id}", which pages.`,
						'Set ticketSeverity to a severity with notify: chat or ticket: a 1x burn over 3 days is work for office hours.',
					);
			}
			const path = `slos[${i}].runbook`;
			if (!slo.runbook) {
				const same = index.runbooksBySurface.get(id)?.map((r) => r.id) ?? [];
				ctx.at(
					'slo-runbook-section',
					surface,
					`slos[${i}]`,
					`SLO "${slo.id}" names no runbook section for its burn-rate alerts.`,
					`Add runbook: runbook-id#anchor${same.length > 0 ? ` (this surface's runbooks: ${same.join(', ')})` : ''}, and list "${burnAlertId(slo, 'page')}" and "${burnAlertId(slo, 'ticket')}" under alerts in that runbook's frontmatter.`,
				);
				return;
			}
			const { runbook, anchor } = parseRunbookRef(slo.runbook);
			const target = index.runbooks.get(runbook);
			if (!target) {
				if (index.failed('runbooks', runbook)) return;
				ctx.at(
					'slo-runbook-section',
					surface,
					path,
					`SLO "${slo.id}" lands its burn alerts on runbook "${runbook}", which does not exist.`,
					`Write content/runbooks/${runbook}.mdx, or point the SLO at an existing runbook.`,
				);
				return;
			}
			const headings = target.outline.sections.map((s) => s.slug);
			if (anchor === undefined || !headings.includes(anchor)) {
				ctx.at(
					'slo-runbook-section',
					surface,
					path,
					anchor === undefined
						? `SLO "${slo.id}" lands its burn alerts on the top of runbook "${runbook}", not on a section.`
						: `SLO "${slo.id}" lands its burn alerts on "#${anchor}", which is not a heading of runbook "${runbook}".`,
					`Add a section such as "### SLO burn: ${slo.id}" to ${target.file} and use its anchor${headings.length > 0 ? `, or one of: ${headings.slice(0, 12).join(', ')}${headings.length > 12 ? ', …' : ''}` : ''}.`,
				);
			}
			const missing = (['page', 'ticket'] as const)
				.map((tier) => burnAlertId(slo, tier))
				.filter((alertId) => !target.data.alerts.includes(alertId));
			if (missing.length > 0) {
				ctx.at(
					'slo-runbook-listed',
					surface,
					path,
					`SLO "${slo.id}" lands its burn alerts on runbook "${runbook}", which does not list ${missing.map((m) => `"${m}"`).join(' and ')} under alerts.`,
					`Add ${missing.map((m) => `"${m}"`).join(' and ')} to the alerts in the frontmatter of ${target.file}.`,
				);
			}
		});
	}
	const burnIds = sloBurnAlertIds(model.surfaces.map((e) => e.data));
	for (const runbook of model.runbooks) {
		runbook.data.alerts.forEach((alertId, i) => {
			const owner = burnIds.get(alertId);
			if (!owner) return;
			const { surface, slo } = owner;
			if (slo.sli && slo.runbook && parseRunbookRef(slo.runbook).runbook === runbook.id) return;
			const file = model.surfaces.find((e) => e.data.id === surface.id)?.file ?? 'content/surfaces/';
			ctx.at(
				'slo-runbook-listed',
				runbook,
				`alerts[${i}]`,
				!slo.sli
					? `runbook "${runbook.id}" lists burn alert "${alertId}", but SLO "${slo.id}" has no measurable sli, so it has no burn alerts.`
					: `runbook "${runbook.id}" lists burn alert "${alertId}", but SLO "${slo.id}" lands its burn alerts on ${slo.runbook ? `"${slo.runbook}"` : 'no runbook'}.`,
				`Remove "${alertId}" from this runbook's alerts, or point the SLO's runbook field (${file}) at a section of this runbook.`,
			);
		});
	}
}
