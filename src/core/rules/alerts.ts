/** Every surface has alerts; every alert links over https and lands on a runbook heading that exists. */
import { slug } from 'github-slugger';
import { isHttpsUrl } from '../schemas/common.ts';
import { parseRunbookRef } from '../site/site-links.ts';
import type { RuleContext } from './context.ts';

export function checkAlerts(ctx: RuleContext): void {
	for (const surface of ctx.model.surfaces) {
		const { id, alerts } = surface.data;
		if (alerts.length === 0) {
			ctx.at(
				'surface-alerts',
				surface,
				'alerts',
				`surface "${id}" declares no alerts.`,
				'Declare under alerts the alert that detects this surface failing: id, name, severity, an https link and the runbook section it lands on.',
			);
		}
		alerts.forEach((alert, i) => {
			if (!isHttpsUrl(alert.link)) {
				ctx.at(
					'alert-link-https',
					surface,
					`alerts[${i}].link`,
					`the link of alert "${alert.id}" is not an absolute https URL: ${JSON.stringify(alert.link)}.`,
					'Use the https URL of the alert policy in the monitoring console.',
				);
			}
			const { runbook, anchor } = parseRunbookRef(alert.runbook);
			const target = ctx.index.runbooks.get(runbook);
			const path = `alerts[${i}].runbook`;
			if (!target) {
				if (ctx.index.failed('runbooks', runbook)) return;
				const same = ctx.index.runbooksBySurface.get(id)?.map((r) => r.id) ?? [];
				ctx.at(
					'alert-runbook-section',
					surface,
					path,
					`alert "${alert.id}" lands on runbook "${runbook}", which does not exist.`,
					same.length > 0
						? `Point it at one of this surface's runbooks (${same.join(', ')}) followed by #anchor, or write the runbook.`
						: `Write the runbook content/runbooks/${runbook}.mdx, or point the alert at an existing one.`,
				);
				return;
			}
			const headings = target.outline.sections.map((s) => s.slug);
			if (anchor === undefined) {
				ctx.at(
					'alert-runbook-section',
					surface,
					path,
					`alert "${alert.id}" lands on the top of runbook "${runbook}", not on a section.`,
					`Add the anchor of the section a responder should read first, e.g. "${runbook}#${headings.find((h) => /diagnos|mitigat/.test(h)) ?? headings[0] ?? 'mitigation'}".`,
				);
				return;
			}
			// Two headings with one slug: the site gives the second "-1", and the alert opens the first, maybe the wrong one.
			const clash = target.outline.sections.filter((s) => s.slug === anchor || slug(s.text) === anchor);
			if (clash.length > 1) {
				ctx.at(
					'alert-anchor-ambiguous',
					surface,
					path,
					`alert "${alert.id}" lands on "#${anchor}", but ${clash.length} headings of runbook "${runbook}" slug to it (lines ${clash.map((s) => s.line).join(', ')}): the link opens the first.`,
					'Rename the headings so each has an anchor of its own, and point the alert at the one it means.',
				);
			}
			if (!headings.includes(anchor)) {
				ctx.at(
					'alert-runbook-section',
					surface,
					path,
					`alert "${alert.id}" lands on "#${anchor}", which is not a heading of runbook "${runbook}".`,
					headings.length > 0
						? `Use one of its heading anchors: ${headings.slice(0, 12).join(', ')}${headings.length > 12 ? ', …' : ''}.`
						: 'The runbook has no headings yet; add the section, then link to its anchor.',
				);
			}
		});
	}
}
