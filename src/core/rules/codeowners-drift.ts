/** The committed CODEOWNERS is exactly the generated one. */
import { codeownersDrift, generateCodeowners, hasOwnership } from '../ownership/codeowners.ts';
import type { RuleContext } from './context.ts';

const FIX =
	'Run "npm run codeowners" and commit .github/CODEOWNERS; change owners and code paths in content/surfaces/, never in the generated file.';

export function checkCodeownersDrift(ctx: RuleContext): void {
	const committed = ctx.options.codeowners;
	// With a surface or team file that does not load, the generated file is incomplete.
	if (!committed || ctx.index.anyFailed('surfaces') || ctx.index.anyFailed('teams')) return;
	if (committed.text === null) {
		if (hasOwnership(ctx.model))
			ctx.report(
				'codeowners-drift',
				committed.file,
				{ line: 1, column: 1 },
				`${committed.file} is missing, but the surfaces declare code paths and owners.`,
				FIX,
			);
		return;
	}
	const drift = codeownersDrift(committed.text, generateCodeowners(ctx.model));
	if (!drift) return;
	const show = (s: string | undefined) => (s === undefined ? 'nothing' : JSON.stringify(s));
	ctx.report(
		'codeowners-drift',
		committed.file,
		{ line: drift.line, column: 1 },
		`${committed.file} differs from the generated file at line ${drift.line}: expected ${show(drift.expected)}, found ${show(drift.found)}.`,
		FIX,
	);
}
