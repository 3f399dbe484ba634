/**
 * References between entries resolve: risks, dependencies (and their cycles), alert
 * severities, vendor priorities, role surfaces and checklist owners.
 */
import { buildGraph, findCycles } from '../graph/graph.ts';
import type { RuleContext } from './context.ts';

export function checkReferences(ctx: RuleContext): void {
	const { index, model } = ctx;
	const surfaceIds = () => [...index.surfaces.keys()].join(', ') || 'none yet';
	const teamIds = () => [...index.teams.keys()].join(', ') || 'none yet';

	for (const risk of model.risks) {
		const { id, surfaces, detection, owner, dependencies } = risk.data;
		surfaces.forEach((s, i) => {
			if (!index.knownSurface(s))
				ctx.at(
					'risk-references',
					risk,
					`surfaces[${i}]`,
					`risk "${id}" names surface "${s}", which does not exist.`,
					`Use one of: ${surfaceIds()}.`,
				);
		});
		detection.alerts.forEach((a, i) => {
			if (!index.knownAlert(a))
				ctx.at(
					'risk-references',
					risk,
					`detection.alerts[${i}]`,
					`risk "${id}" is detected by alert "${a}", which no surface declares.`,
					"Correct the id to an alert declared under a surface's alerts, or declare the alert.",
				);
		});
		if (!index.knownTeam(owner))
			ctx.at(
				'risk-references',
				risk,
				'owner',
				`risk "${id}" is owned by "${owner}", which is not a team in the roster.`,
				`Use one of: ${teamIds()}.`,
			);
		dependencies.forEach((d, i) => {
			if (!index.knownTeam(d.team))
				ctx.at(
					'risk-references',
					risk,
					`dependencies[${i}].team`,
					`risk "${id}" depends on team "${d.team}", which is not in the roster.`,
					`Add the adjacent team to content/teams/ (kind: adjacent), or use one of: ${teamIds()}.`,
				);
		});
	}

	for (const surface of model.surfaces) {
		const { id, dependsOn, alerts } = surface.data;
		dependsOn.forEach((dep, i) => {
			if (!index.knownSurface(dep) && !index.knownVendor(dep)) {
				ctx.at(
					'depends-on-known',
					surface,
					`dependsOn[${i}]`,
					`surface "${id}" depends on "${dep}", which is neither a surface nor a vendor.`,
					'Correct the id, or add the vendor to content/vendors/.',
				);
			}
		});
		alerts.forEach((a, i) => {
			if (!index.knownSeverity(a.severity)) {
				ctx.at(
					'unknown-reference',
					surface,
					`alerts[${i}].severity`,
					`alert "${a.id}" has severity "${a.severity}", which is not in content/severities.yaml.`,
					`Use one of: ${index.severityIds.join(', ') || 'none defined yet'}.`,
				);
			}
		});
	}

	const graph = buildGraph([
		...model.vendors.map((v) => ({ id: v.data.id, kind: 'vendor' as const, dependsOn: [] })),
		...[...index.surfaces.values()].map((s) => ({
			id: s.data.id,
			kind: 'surface' as const,
			dependsOn: s.data.dependsOn,
		})),
	]);
	for (const cycle of findCycles(graph)) {
		const first = index.surfaces.get(cycle[0]!);
		if (!first) continue;
		const at = first.data.dependsOn.indexOf(cycle[1]!);
		ctx.at(
			'dependency-cycle',
			first,
			at >= 0 ? `dependsOn[${at}]` : 'dependsOn',
			`dependency cycle: ${cycle.join(' → ')}.`,
			'Remove the dependency that closes the cycle; declare only what a surface needs in order to work.',
		);
	}

	for (const vendor of model.vendors) {
		vendor.data.support.priorities.forEach((p, i) => {
			if (!index.knownSeverity(p.severity)) {
				ctx.at(
					'unknown-reference',
					vendor,
					`support.priorities[${i}].severity`,
					`vendor "${vendor.data.id}" maps severity "${p.severity}", which is not in content/severities.yaml.`,
					`Use one of: ${index.severityIds.join(', ') || 'none defined yet'}.`,
				);
			}
		});
	}
	for (const team of model.teams) {
		team.data.roles.forEach((role, i) => {
			role.surfaces.forEach((s, j) => {
				if (!index.knownSurface(s))
					ctx.at(
						'unknown-reference',
						team,
						`roles[${i}].surfaces[${j}]`,
						`role "${team.data.id}/${role.id}" leads surface "${s}", which does not exist.`,
						`Use one of: ${surfaceIds()}.`,
					);
			});
		});
	}
	for (const item of model.checklist) {
		if (!index.knownTeam(item.data.owner)) {
			ctx.at(
				'unknown-reference',
				item,
				'owner',
				`checklist item "${item.data.id}" is owned by "${item.data.owner}", which is not a team in the roster.`,
				`Use one of: ${teamIds()}.`,
			);
		}
	}
}
