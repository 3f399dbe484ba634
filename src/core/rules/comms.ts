/** Comms templates exist for every severity × phase × audience the policy requires. */
import type { RuleContext } from './context.ts';

export function checkComms(ctx: RuleContext): void {
	const { index, model } = ctx;
	const have = new Set<string>();
	for (const t of model.comms) {
		t.data.severities.forEach((sev, i) => {
			have.add(`${sev}|${t.data.phase}|${t.data.audience}`);
			if (!index.knownSeverity(sev)) {
				ctx.at(
					'unknown-reference',
					t,
					`severities[${i}]`,
					`comms template "${t.id}" names severity "${sev}", which is not in content/severities.yaml.`,
					`Use one of: ${index.severityIds.join(', ') || 'none defined yet'}.`,
				);
			}
		});
	}
	if (index.anyFailed('comms')) return; // coverage cannot be judged until every template loads
	const severities = new Map(model.severities.map((s) => [s.data.id, s]));
	for (const [sev, need] of Object.entries(ctx.policy.commsRequired)) {
		const entry = severities.get(sev);
		if (!entry) {
			if (index.failed('severities', sev)) continue;
			const pos = ctx.options.configPositions?.[`policy.commsRequired.${sev}`] ?? { line: 1, column: 1 };
			ctx.report(
				'unknown-reference',
				model.configFile,
				pos,
				`policy.commsRequired names severity "${sev}", which is not in content/severities.yaml.`,
				`Use one of: ${index.severityIds.join(', ') || 'none defined yet'}, or remove the entry.`,
			);
			continue;
		}
		for (const phase of need.phases) {
			const missing = need.audiences.filter((audience) => !have.has(`${sev}|${phase}|${audience}`));
			if (missing.length === 0) continue;
			const audiences = missing.map((a) => `"${a}"`).join(', ');
			ctx.at(
				'comms-coverage',
				entry,
				'id',
				`${sev} has no "${phase}" comms template for audience${missing.length === 1 ? '' : 's'} ${audiences}.`,
				`Add to content/comms/ a template per missing audience with "phase: ${phase}" and ${sev} in its severities, or add ${sev} to an existing template of that phase and audience.`,
			);
		}
	}
}
