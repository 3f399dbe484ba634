/** Escalation exists for every surface and severity, and names roster entries only. */
import type { RuleContext } from './context.ts';
import { rosterProblem } from './context.ts';

export function checkEscalation(ctx: RuleContext): void {
	const { index } = ctx;
	const bySurface = new Map<string, (typeof ctx.model.escalation)[number]>();
	for (const esc of ctx.model.escalation) {
		const { surface, policies, external } = esc.data;
		if (!index.knownSurface(surface)) {
			ctx.at(
				'unknown-reference',
				esc,
				'surface',
				`escalation names surface "${surface}", which does not exist.`,
				`Use one of the surfaces in content/surfaces/ (${[...index.surfaces.keys()].join(', ') || 'none yet'}).`,
			);
		}
		if (!bySurface.has(surface)) bySurface.set(surface, esc);
		policies.forEach((policy, i) => {
			if (!index.knownSeverity(policy.severity)) {
				ctx.at(
					'unknown-reference',
					esc,
					`policies[${i}].severity`,
					`escalation for "${surface}" names severity "${policy.severity}", which is not in content/severities.yaml.`,
					`Use one of: ${index.severityIds.join(', ') || 'none defined yet'}.`,
				);
			}
			policy.levels.forEach((level, j) => {
				const before = j > 0 ? policy.levels[j - 1]! : undefined;
				if (before && level.afterMinutes <= before.afterMinutes) {
					ctx.at(
						'escalation-order',
						esc,
						`policies[${i}].levels[${j}].afterMinutes`,
						`escalation for "${surface}" (${policy.severity}): level ${j + 1} comes after ${level.afterMinutes} min, not later than level ${j} (after ${before.afterMinutes} min).`,
						'Order the levels by afterMinutes, each strictly later than the one before; merge levels that page at the same minute into one level with several notify entries.',
					);
				}
				level.notify.forEach((ref, k) => {
					const problem = rosterProblem(index, ref);
					if (problem) {
						ctx.at(
							'escalation-roster',
							esc,
							`policies[${i}].levels[${j}].notify[${k}]`,
							`escalation for "${surface}" (${policy.severity}, after ${level.afterMinutes} min) notifies "${ref}", but ${problem}.`,
							'Name a team ("billing-platform") or a role of a team ("incident-command/incident-commander") from content/teams/.',
						);
					}
				});
			});
		});
		external.forEach((ext, i) => {
			if (!index.knownVendor(ext.vendor)) {
				ctx.at(
					'unknown-reference',
					esc,
					`external[${i}].vendor`,
					`escalation for "${surface}" engages vendor "${ext.vendor}", which is not in content/vendors/.`,
					'Correct the id, or add the vendor with its support details to content/vendors/.',
				);
			}
		});
	}
	for (const surface of ctx.model.surfaces) {
		const id = surface.data.id;
		const esc = bySurface.get(id);
		if (!esc) {
			if (index.failed('escalation', id)) continue;
			ctx.at(
				'escalation-coverage',
				surface,
				'id',
				`surface "${id}" has no escalation policy.`,
				`Add content/escalation/${id}.yaml with "surface: ${id}" and a policy for each severity (${index.severityIds.join(', ') || 'see content/severities.yaml'}).`,
			);
			continue;
		}
		const covered = new Set(esc.data.policies.map((p) => p.severity));
		if (index.failed('severities', '*')) continue;
		for (const sev of index.severityIds) {
			if (!covered.has(sev)) {
				ctx.at(
					'escalation-coverage',
					esc,
					'policies',
					`escalation for "${id}" has no policy for severity "${sev}".`,
					`Add under policies an entry "severity: ${sev}" with its levels (after N minutes, notify whom).`,
				);
			}
		}
	}
}
