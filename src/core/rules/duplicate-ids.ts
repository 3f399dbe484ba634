/** Ids are unique where they are looked up: a duplicate makes one entry unreachable. */
import type { SourcePosition } from '../content/finding.ts';
import { locate, type Entry } from '../content/model.ts';
import type { RuleContext } from './context.ts';

interface Site {
	readonly entry: Pick<Entry<unknown>, 'file' | 'positions'>;
	readonly path: string;
}

function where(site: Site): SourcePosition & { file: string } {
	return { file: site.entry.file, ...locate(site.entry, site.path) };
}

export function checkDuplicateIds(ctx: RuleContext): void {
	const check = (
		kind: string,
		items: Iterable<{ id: string; site: Site }>,
		fix = 'Rename one of them and update the references to it.',
	) => {
		const first = new Map<string, Site>();
		for (const { id, site } of items) {
			const earlier = first.get(id);
			if (!earlier) {
				first.set(id, site);
				continue;
			}
			const e = where(earlier);
			const here = where(site);
			ctx.report('duplicate-id', here.file, here, `${kind} "${id}" is already declared at ${e.file}:${e.line}.`, fix);
		}
	};
	const { model } = ctx;
	check(
		'surface or vendor id',
		[...model.surfaces, ...model.vendors].map((e) => ({ id: e.data.id, site: { entry: e, path: 'id' } })),
		'Rename one of them: surfaces and vendors share one namespace because dependsOn can name either.',
	);
	check(
		'team id',
		model.teams.map((e) => ({ id: e.data.id, site: { entry: e, path: 'id' } })),
	);
	check(
		'severity id',
		model.severities.map((e) => ({ id: e.data.id, site: { entry: e, path: 'id' } })),
	);
	check(
		'risk id',
		model.risks.map((e) => ({ id: e.data.id, site: { entry: e, path: 'id' } })),
	);
	check(
		'checklist item id',
		model.checklist.map((e) => ({ id: e.data.id, site: { entry: e, path: 'id' } })),
	);
	check(
		'escalation for surface',
		model.escalation.map((e) => ({ id: e.data.surface, site: { entry: e, path: 'surface' } })),
		'Keep one escalation file per surface; merge the two.',
	);
	check(
		'alert id',
		model.surfaces.flatMap((s) =>
			s.data.alerts.map((a, i) => ({ id: a.id, site: { entry: s, path: `alerts[${i}].id` } })),
		),
		'Alert ids are unique across all surfaces; rename one of them.',
	);
	check(
		'tabletop action id',
		model.tabletops.flatMap((t) =>
			t.data.actions.map((a, i) => ({ id: a.id, site: { entry: t, path: `actions[${i}].id` } })),
		),
	);
	for (const team of model.teams) {
		check(
			`role id of team "${team.data.id}"`,
			team.data.roles.map((r, i) => ({ id: r.id, site: { entry: team, path: `roles[${i}].id` } })),
		);
	}
	for (const s of model.surfaces) {
		check(
			`SLO id of surface "${s.data.id}"`,
			s.data.slos.map((x, i) => ({ id: x.id, site: { entry: s, path: `slos[${i}].id` } })),
		);
		check(
			`status check id of surface "${s.data.id}"`,
			s.data.checks.map((x, i) => ({ id: x.id, site: { entry: s, path: `checks[${i}].id` } })),
		);
	}
	for (const e of model.escalation) {
		check(
			`escalation severity of "${e.data.surface}"`,
			e.data.policies.map((p, i) => ({ id: p.severity, site: { entry: e, path: `policies[${i}].severity` } })),
			'Keep one policy per severity; merge the two.',
		);
	}
}
