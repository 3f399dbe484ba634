/** Surfaces have owners in the roster, an on-call link, and code paths CODEOWNERS can read. */
import { codePathProblem } from '../ownership/codeowners.ts';
import { isHttpsUrl } from '../schemas/common.ts';
import type { RuleContext } from './context.ts';

export function checkOwnership(ctx: RuleContext): void {
	const teams = [...ctx.index.teams.keys()];
	for (const surface of ctx.model.surfaces) {
		const { owner, onCall, codePaths } = surface.data;
		for (const [field, teamId] of [
			['owner.primary', owner.primary],
			['owner.secondary', owner.secondary],
		] as const) {
			if (teamId === undefined || ctx.index.knownTeam(teamId)) continue;
			ctx.at(
				'surface-owner',
				surface,
				field,
				`${field} "${teamId}" of surface "${surface.data.id}" is not a team in the roster.`,
				teams.length > 0
					? `Use one of the teams in content/teams/ (${teams.join(', ')}), or add the team there.`
					: 'Add the team to content/teams/.',
			);
		}
		if (typeof onCall !== 'string' || onCall.trim() === '') {
			ctx.at(
				'surface-on-call',
				surface,
				'onCall',
				`surface "${surface.data.id}" has no on-call link.`,
				'Set onCall to the https URL of the rotation schedule in the pager tool.',
			);
		} else if (!isHttpsUrl(onCall)) {
			ctx.at(
				'surface-on-call',
				surface,
				'onCall',
				`the on-call link of surface "${surface.data.id}" is not an absolute https URL: ${JSON.stringify(onCall)}.`,
				'Set onCall to the https URL of the rotation schedule in the pager tool.',
			);
		}
		codePaths.forEach((glob, i) => {
			const problem = codePathProblem(glob);
			if (problem) {
				ctx.at(
					'code-path-pattern',
					surface,
					`codePaths[${i}]`,
					`code path ${JSON.stringify(glob)} ${problem}.`,
					'Write the glob as a path from the repository root such as "services/billing/**"; list several globs instead of a negation, range or brace set.',
				);
			}
		});
	}
}
