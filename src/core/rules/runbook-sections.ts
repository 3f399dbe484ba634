/** Every runbook has the policy's required sections (for its surface's tier) as level-2 headings, or their aliases. */
import type { RuleContext } from './context.ts';
import { findSection, requiredSectionsFor, sectionAliases } from './sections.ts';

export function checkRunbookSections(ctx: RuleContext): void {
	for (const runbook of ctx.model.runbooks) {
		const tier = ctx.index.surfaces.get(runbook.data.surface)?.data.tier;
		const required = requiredSectionsFor(ctx.policy, tier);
		const { outline } = runbook;
		let previous: { name: string; line: number; column: number } | undefined;
		for (const name of required) {
			const aliases = sectionAliases(ctx.policy, name);
			const at = findSection(outline, name, aliases);
			if (at >= 0) {
				const s = outline.sections[at]!;
				previous = { name: s.text, line: s.line, column: s.column };
				continue;
			}
			const deeper = outline.sections.find(
				(s) => s.depth !== 2 && [name, ...aliases].some((n) => s.text.trim().toLowerCase() === n.toLowerCase()),
			);
			if (deeper) {
				ctx.report(
					'runbook-required-sections',
					runbook.file,
					deeper,
					`the "${name}" section is a level-${deeper.depth} heading; required sections are level 2.`,
					`Write it as "## ${name}".`,
				);
				continue;
			}
			const where = previous ?? outline.sections[0] ?? runbook.positions[''] ?? { line: 1, column: 1 };
			const after = previous ? ` after "## ${previous.name}"` : '';
			const also = aliases.length > 0 ? ` (or ${aliases.map((a) => `"## ${a}"`).join(', ')})` : '';
			const tierNote = required !== ctx.policy.requiredSections ? ` for tier ${tier}` : '';
			ctx.report(
				'runbook-required-sections',
				runbook.file,
				where,
				`runbook "${runbook.id}" has no "## ${name}" section${also}.`,
				`Add a "## ${name}" heading${after} and fill it in; every runbook${tierNote} needs: ${required.join(', ')}.`,
			);
		}
	}
}
