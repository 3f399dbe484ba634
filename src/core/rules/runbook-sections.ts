/** Every runbook has the policy's required sections as level-2 headings. */
import type { RuleContext } from './context.ts';
import { findSection } from './sections.ts';

export function checkRunbookSections(ctx: RuleContext): void {
	const required = ctx.policy.requiredSections;
	for (const runbook of ctx.model.runbooks) {
		const { outline } = runbook;
		let previous: { name: string; line: number; column: number } | undefined;
		for (const name of required) {
			const at = findSection(outline, name);
			if (at >= 0) {
				const s = outline.sections[at]!;
				previous = { name: s.text, line: s.line, column: s.column };
				continue;
			}
			const deeper = outline.sections.find((s) => s.depth !== 2 && s.text.trim().toLowerCase() === name.toLowerCase());
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
			ctx.report(
				'runbook-required-sections',
				runbook.file,
				where,
				`runbook "${runbook.id}" has no "## ${name}" section.`,
				`Add a "## ${name}" heading${after} and fill it in; every runbook needs: ${required.join(', ')}.`,
			);
		}
	}
}
