/** The Rollback section holds an ordered list of concrete steps, never a placeholder. */
import type { Block } from '../markdown/markdown-outline.ts';
import type { RuleContext } from './context.ts';
import { findSection, requiredSectionsFor, sectionAliases, sectionBlocks } from './sections.ts';

/** Words that mark a step as not written yet, anywhere in it. */
const PLACEHOLDER_WORD = /(?:^|[^a-z])(tbd|tba|tbc|todo|fixme|xxx|placeholder|lorem ipsum)(?:$|[^a-z])/i;
/** Whole steps that say nothing. */
const PLACEHOLDER_STEP =
	/^(?:tbd|tba|tbc|todo|fixme|xxx|placeholder|\.{2,}|…|-+|\?+|n\/?a|none|step(?:\s+(?:\d+|one|two|three|four|five|six|[a-z]))?|to be (?:decided|determined|written|confirmed|added|defined)|coming soon|fill (?:this )?in(?: later)?|same as above|see above)[.!:]?$/i;

/** Why a rollback step is not concrete, or `undefined` when it is. */
export function placeholderReason(step: string): string | undefined {
	const text = step.trim();
	if (text === '') return 'is empty';
	if (PLACEHOLDER_STEP.test(text)) return 'is a placeholder';
	const word = PLACEHOLDER_WORD.exec(text);
	if (word) return `contains "${word[1]}"`;
	return undefined;
}

function quote(text: string): string {
	return JSON.stringify(text.length > 50 ? `${text.slice(0, 47)}...` : text);
}

const FIX =
	'Write the rollback as a numbered list ("1. …", "2. …"), each step a command or action a responder can carry out in order.';

export function checkRollback(ctx: RuleContext): void {
	const { section: name, minSteps } = ctx.policy.rollback;
	const aliases = sectionAliases(ctx.policy, name);
	for (const runbook of ctx.model.runbooks) {
		const tier = ctx.index.surfaces.get(runbook.data.surface)?.data.tier;
		const required = requiredSectionsFor(ctx.policy, tier);
		const requiredByPolicy = required.some((s) => s.toLowerCase() === name.toLowerCase());
		const byTier = required !== ctx.policy.requiredSections;
		const at = findSection(runbook.outline, name, aliases);
		if (at < 0) {
			// runbook-required-sections already reports the missing heading; a tier whose list leaves
			// the section out needs none.
			if (!requiredByPolicy && !byTier) {
				ctx.report(
					'runbook-rollback-steps',
					runbook.file,
					runbook.outline.sections[0] ?? { line: 1, column: 1 },
					`runbook "${runbook.id}" has no "## ${name}" section.`,
					`Add a "## ${name}" section. ${FIX}`,
				);
			}
			continue;
		}
		const heading = runbook.outline.sections[at]!;
		const { blocks } = sectionBlocks(runbook.outline, at);
		const lists = blocks.filter((b): b is Extract<Block, { type: 'list' }> => b.type === 'list');
		const ordered = lists.filter((l) => l.ordered);
		const rule = 'runbook-rollback-steps';
		if (blocks.length === 0) {
			ctx.report(
				rule,
				runbook.file,
				heading,
				`the "${heading.text}" section of runbook "${runbook.id}" is empty.`,
				FIX,
			);
			continue;
		}
		if (ordered.length === 0) {
			if (lists.length > 0) {
				ctx.report(
					rule,
					runbook.file,
					{ line: lists[0]!.line, column: 1 },
					`the "${heading.text}" section of runbook "${runbook.id}" has a bulleted list, not a numbered one; rollback steps must run in order.`,
					FIX,
				);
			} else {
				const paragraph = blocks.find((b) => b.type === 'paragraph');
				const what =
					paragraph && placeholderReason(paragraph.text)
						? `only a placeholder (${quote(paragraph.text)})`
						: 'prose but no numbered steps';
				ctx.report(
					rule,
					runbook.file,
					heading,
					`the "${heading.text}" section of runbook "${runbook.id}" holds ${what}.`,
					FIX,
				);
			}
			continue;
		}
		const steps = ordered.flatMap((l) => l.items.map((text) => ({ text, line: l.line })));
		const concrete = steps.filter((s) => placeholderReason(s.text) === undefined);
		steps.forEach((s, i) => {
			const reason = placeholderReason(s.text);
			if (reason)
				ctx.report(
					rule,
					runbook.file,
					{ line: s.line, column: 1 },
					`rollback step ${i + 1} of runbook "${runbook.id}" ${reason} (${quote(s.text)}), not a concrete step.`,
					FIX,
				);
		});
		if (concrete.length < minSteps) {
			ctx.report(
				rule,
				runbook.file,
				heading,
				`the "${heading.text}" section of runbook "${runbook.id}" has ${concrete.length} concrete step${concrete.length === 1 ? '' : 's'}; at least ${minSteps} are required.`,
				FIX,
			);
		}
	}
}
