/** Every surface was exercised in a recent tabletop; action items are on time and closed with evidence. */
import type { RuleContext } from './context.ts';
import { daysBetween, plural } from './context.ts';

export function checkTabletops(ctx: RuleContext): void {
	const { index, model, today } = ctx;
	const window = ctx.policy.tabletopWindowDays;
	const latest = new Map<string, { date: string; id: string }>();
	for (const t of model.tabletops) {
		const { date, surfaces, participants, actions, findings } = t.data;
		surfaces.forEach((s, i) => {
			if (!index.knownSurface(s))
				ctx.at(
					'unknown-reference',
					t,
					`surfaces[${i}]`,
					`tabletop "${t.id}" exercised surface "${s}", which does not exist.`,
					'Correct the id to a surface in content/surfaces/.',
				);
			if (date > today) return;
			const seen = latest.get(s);
			if (!seen || date > seen.date) latest.set(s, { date, id: t.id });
		});
		participants.forEach((p, i) => {
			if (!index.knownTeam(p.team))
				ctx.at(
					'unknown-reference',
					t,
					`participants[${i}].team`,
					`tabletop "${t.id}" lists participant team "${p.team}", which is not in the roster.`,
					'Correct the id to a team in content/teams/.',
				);
		});
		findings.forEach((f, i) => {
			f.runbooks.forEach((r, j) => {
				if (!index.knownRunbook(r))
					ctx.at(
						'unknown-reference',
						t,
						`findings[${i}].runbooks[${j}]`,
						`tabletop finding "${f.id}" names runbook "${r}", which does not exist.`,
						'Use a runbook id such as "billing-events/event-backlog" (its path under content/runbooks/ without .mdx).',
					);
			});
		});
		actions.forEach((a, i) => {
			if (!index.knownTeam(a.owner))
				ctx.at(
					'unknown-reference',
					t,
					`actions[${i}].owner`,
					`action "${a.id}" is owned by "${a.owner}", which is not a team in the roster.`,
					'Correct the owner to a team in content/teams/.',
				);
			a.runbooks.forEach((r, j) => {
				if (!index.knownRunbook(r))
					ctx.at(
						'unknown-reference',
						t,
						`actions[${i}].runbooks[${j}]`,
						`action "${a.id}" names runbook "${r}", which does not exist.`,
						'Use a runbook id such as "billing-events/event-backlog" (its path under content/runbooks/ without .mdx).',
					);
			});
			if (a.status !== 'done' && a.due < today) {
				ctx.at(
					'tabletop-action-overdue',
					t,
					`actions[${i}].due`,
					`action "${a.id}" (${a.owner}) was due on ${a.due} and is still ${a.status}, ${plural(daysBetween(a.due, today), 'day')} late.`,
					'Finish it and set "status: done" with a link to the change, or agree a new due date with its owner.',
				);
			}
			if (a.status === 'done' && !a.link) {
				ctx.at(
					'tabletop-action-link',
					t,
					`actions[${i}].status`,
					`action "${a.id}" is done but has no link to the change that closed it.`,
					'Add "link:" with the https URL of the pull request or document that closed it.',
				);
			}
		});
	}
	if (index.anyFailed('tabletops')) return; // recency cannot be judged until every record loads
	for (const surface of model.surfaces) {
		const id = surface.data.id;
		const last = latest.get(id);
		if (!last) {
			ctx.at(
				'tabletop-recent',
				surface,
				'id',
				`surface "${id}" has never been exercised in a tabletop.`,
				`Run a tabletop exercise that covers "${id}" and record it in content/tabletops/ with ${id} under surfaces.`,
			);
			continue;
		}
		const age = daysBetween(last.date, today);
		if (age > window) {
			ctx.at(
				'tabletop-recent',
				surface,
				'id',
				`surface "${id}" was last exercised on ${last.date} (tabletop "${last.id}"), ${plural(age, 'day')} ago; the policy asks for every ${window} days.`,
				`Run a tabletop exercise that covers "${id}" and record it in content/tabletops/.`,
			);
		}
	}
}
