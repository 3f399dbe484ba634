/**
 * The launch-day run sheet: steps and gates in time order, owners that are roles in the roster,
 * every link resolving (runbook sections, checklist items, comms templates, alerts), and every
 * go/no-go gate carrying abort criteria.
 */
import { burnAlertRefs, declaredSlos } from '../alerts/declared-slo.ts';
import type { Entry } from '../content/model.ts';
import { offsetMinutes, type RunSheet } from '../schemas/run-sheet.ts';
import { parseRunbookRef } from '../site/site-links.ts';
import { type RuleContext, rosterProblem } from './context.ts';

export function checkRunSheets(ctx: RuleContext): void {
	if (ctx.model.runSheets.length === 0) return;
	const burnAlerts = new Set(burnAlertRefs(declaredSlos(ctx.model)).map((b) => b.id));
	const checklist = new Set(ctx.model.checklist.map((c) => c.data.id));
	const comms = new Set(ctx.model.comms.map((c) => c.id));
	for (const sheet of ctx.model.runSheets) checkSheet(ctx, sheet, { burnAlerts, checklist, comms });
}

interface Known {
	readonly burnAlerts: ReadonlySet<string>;
	readonly checklist: ReadonlySet<string>;
	readonly comms: ReadonlySet<string>;
}

function checkSheet(ctx: RuleContext, sheet: Entry<RunSheet>, known: Known): void {
	const s = sheet.data;
	const owner = (path: string, ref: string, what: string) => {
		const problem = rosterProblem(ctx.index, ref);
		if (problem) {
			ctx.at(
				'run-sheet-owner',
				sheet,
				path,
				`${what} is "${ref}", but ${problem}.`,
				'Name a role of a team in content/teams/, written "team/role".',
			);
		} else if (!ref.includes('/')) {
			ctx.at(
				'run-sheet-owner',
				sheet,
				path,
				`${what} is the whole team "${ref}"; on launch day one role answers for each step.`,
				`Name the role, such as "${ref}/${ctx.index.teams.get(ref)?.data.roles[0]?.id ?? 'primary-on-call'}".`,
			);
		}
	};
	owner('decisionOwner', s.decisionOwner, 'the decision owner');
	owner('changeFreeze.approver', s.changeFreeze.approver, 'the change-freeze approver');
	owner('hypercare.owner', s.hypercare.owner, 'the hypercare owner');

	const order = (path: string, earlier: string, later: string, what: string) => {
		if (offsetMinutes(later) < offsetMinutes(earlier)) {
			ctx.at(
				'run-sheet-order',
				sheet,
				path,
				`${what}: ${later} comes before ${earlier}.`,
				'Put the times in order, earliest first.',
			);
		}
	};
	order('changeFreeze.until', s.changeFreeze.from, s.changeFreeze.until, 'the change freeze ends before it starts');
	order('warRoom.closes', s.warRoom.opens, s.warRoom.closes, 'the war room closes before it opens');

	const runbookLink = (path: string, ref: string, what: string) => {
		const { runbook, anchor } = parseRunbookRef(ref);
		const target = ctx.index.runbooks.get(runbook);
		if (!target) {
			if (ctx.index.knownRunbook(runbook)) return;
			ctx.at(
				'run-sheet-links',
				sheet,
				path,
				`${what} links runbook "${runbook}", which does not exist.`,
				'Use the id of a runbook in content/runbooks/ (its path without .mdx).',
			);
			return;
		}
		if (anchor !== undefined && !target.outline.sections.some((sec) => sec.slug === anchor)) {
			const slugs = target.outline.sections.map((sec) => sec.slug);
			ctx.at(
				'run-sheet-links',
				sheet,
				path,
				`${what} links "#${anchor}", which is not a heading of runbook "${runbook}".`,
				`Use one of its heading anchors: ${slugs.slice(0, 12).join(', ')}${slugs.length > 12 ? ', …' : ''}.`,
			);
		}
	};
	const relies = (
		path: string,
		r: { runbook?: string; checklist?: string; comms?: string },
		what: string,
		required: boolean,
	) => {
		if (r.runbook) runbookLink(`${path}.runbook`, r.runbook, what);
		if (r.checklist && !known.checklist.has(r.checklist) && !ctx.index.failed('checklist', '*')) {
			ctx.at(
				'run-sheet-links',
				sheet,
				`${path}.checklist`,
				`${what} links checklist item "${r.checklist}", which is not in content/checklist.yaml.`,
				`Use one of: ${[...known.checklist].join(', ') || 'no items yet'}.`,
			);
		}
		if (r.comms && !known.comms.has(r.comms) && !ctx.index.anyFailed('comms')) {
			ctx.at(
				'run-sheet-links',
				sheet,
				`${path}.comms`,
				`${what} links comms template "${r.comms}", which is not in content/comms/.`,
				'Use the id of a template (its file name without .mdx), such as "status-page-investigating".',
			);
		}
		if (required && !r.runbook && !r.checklist && !r.comms) {
			ctx.at(
				'run-sheet-links',
				sheet,
				path,
				`${what} links nothing it relies on.`,
				'Add the runbook section (runbook: id#anchor), the checklist item (checklist: id) or the comms template (comms: id) the step follows.',
			);
		}
	};

	s.steps.forEach((step, i) => {
		const what = `step ${i + 1} (${step.at})`;
		owner(`steps[${i}].owner`, step.owner, `the owner of ${what}`);
		relies(`steps[${i}]`, step, what, true);
		const prev = s.steps[i - 1];
		if (prev && offsetMinutes(step.at) < offsetMinutes(prev.at)) {
			ctx.at(
				'run-sheet-order',
				sheet,
				`steps[${i}].at`,
				`${what} comes after step ${i} (${prev.at}) in the list but earlier in time.`,
				'List the steps in time order, earliest first, so the sheet reads top to bottom on the day.',
			);
		}
	});
	s.gates.forEach((gate, i) => {
		const what = `gate "${gate.id}" (${gate.at})`;
		owner(`gates[${i}].decides`, gate.decides, `the decider of ${what}`);
		relies(`gates[${i}]`, gate, what, false);
		const prev = s.gates[i - 1];
		if (prev && offsetMinutes(gate.at) < offsetMinutes(prev.at)) {
			ctx.at(
				'run-sheet-order',
				sheet,
				`gates[${i}].at`,
				`${what} comes after gate "${prev.id}" (${prev.at}) in the list but earlier in time.`,
				'List the gates in time order, earliest first.',
			);
		}
		if (gate.abort.length === 0) {
			ctx.at(
				'run-sheet-abort-criteria',
				sheet,
				`gates[${i}]`,
				`${what} has no abort criteria: nobody can say on the day which signal stops the launch.`,
				'Add under abort at least one criterion: the alert that carries the signal, its threshold, and the rollback runbook section.',
			);
		}
		gate.abort.forEach((a, j) => {
			if (!ctx.index.alerts.has(a.alert) && !known.burnAlerts.has(a.alert) && !ctx.index.knownAlert(a.alert)) {
				ctx.at(
					'run-sheet-links',
					sheet,
					`gates[${i}].abort[${j}].alert`,
					`${what} aborts on alert "${a.alert}", which no surface declares and no SLO generates.`,
					'Use the id of an alert in content/surfaces/, or of an SLO burn alert (<slo-id>-burn-page or <slo-id>-burn-ticket).',
				);
			}
			runbookLink(`gates[${i}].abort[${j}].rollback`, a.rollback, `the rollback of ${what}`);
		});
	});
}
