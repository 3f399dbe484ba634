/**
 * Paging, checked both ways: every escalation level can reach whom it names (a receiver for
 * its `via`), every receiver is named by some level, and the generated Alertmanager route
 * tree, evaluated with Alertmanager's matching semantics, sends every surface × severity and
 * every declared alert to the receivers the matrix names first.
 */
import { buildRoutePlan, FALLBACK_RECEIVER, matchRoutes, WATCHDOG_ALERT } from '../paging/route-tree.ts';
import { type PagingReceiver, receiverFor } from '../paging/receivers.ts';
import type { RuleContext } from './context.ts';
import { rosterProblem } from './context.ts';

function where(ref: string): { team: string; role: string | undefined } {
	const [team, role] = ref.split('/');
	return { team: team!, role };
}

export function checkPaging(ctx: RuleContext): void {
	const { index, model } = ctx;
	if (index.anyFailed('teams')) return;
	const plan = buildRoutePlan(model);
	const receivers = plan.receivers;
	const used = new Set<PagingReceiver>();

	for (const esc of model.escalation) {
		const { surface, policies } = esc.data;
		policies.forEach((policy, i) => {
			policy.levels.forEach((level, j) => {
				level.notify.forEach((ref, k) => {
					if (rosterProblem(index, ref) !== undefined) return; // escalation-roster reports it
					const receiver = receiverFor(receivers, ref, level.via);
					if (receiver) {
						used.add(receiver);
						return;
					}
					const { team, role } = where(ref);
					const file = index.teams.get(team)?.file ?? `content/teams/${team}.yaml`;
					ctx.at(
						'paging-receiver',
						esc,
						`policies[${i}].levels[${j}].notify[${k}]`,
						role
							? `escalation for "${surface}" (${policy.severity}, after ${level.afterMinutes} min) reaches "${ref}" via ${level.via}, but role "${role}" of team "${team}" declares no receiver for ${level.via}.`
							: `escalation for "${surface}" (${policy.severity}, after ${level.afterMinutes} min) reaches team "${team}" via ${level.via}, but the team declares no team-wide receiver for ${level.via}.`,
						role
							? `Add under role "${role}" in ${file} a receiver with "via: [${level.via}]" (kind pagerduty, opsgenie, slack, webhook or email, with its secret file), or change this level's "via".`
							: `Add to "receivers:" at the top of ${file} a receiver with "via: [${level.via}]", or name a role of the team ("${team}/<role>") instead.`,
					);
				});
			});
		});
	}

	// While a surface has no escalation yet (escalation-coverage reports it), an unused receiver may be meant for it.
	const covered = new Set(model.escalation.map((e) => e.data.surface));
	const complete = !index.anyFailed('escalation') && model.surfaces.every((s) => covered.has(s.data.id));
	for (const r of complete ? receivers : []) {
		if (used.has(r)) continue;
		ctx.at(
			'paging-receiver-unused',
			r.entry,
			r.path,
			`receiver "${r.name}" (${r.ref} via ${r.spec.via.join(', ')}) is named by no escalation level, so it would never be paged.`,
			`Name "${r.ref}" with one of its ways (${r.spec.via.map((v) => `via: ${v}`).join(', ')}) in a level of content/escalation/, or remove the receiver.`,
		);
	}

	// The route tree, both ways: every surface × severity has a route, and every declared alert takes it.
	const escalationOf = new Map(model.escalation.map((e) => [e.data.surface, e]));
	if (index.anyFailed('severities')) return;
	for (const surface of [...model.surfaces].sort((a, b) => a.data.id.localeCompare(b.data.id))) {
		const id = surface.data.id;
		const esc = escalationOf.get(id);
		if (!esc && index.failed('escalation', id)) continue;
		for (const severity of index.severityIds) {
			const got = matchRoutes(plan.root, { surface: id, severity }).map((m) => m.receiver);
			if (got.some((r) => r !== FALLBACK_RECEIVER)) continue;
			// Without a policy there is nothing to route by: escalation-coverage reports that.
			const p = esc?.data.policies.findIndex((x) => x.severity === severity) ?? -1;
			if (!esc || p < 0) continue;
			ctx.at(
				'paging-route-missing',
				esc,
				`policies[${p}].levels`,
				`surface "${id}" × ${severity} has no Alertmanager route: no roster entry of its first level has a receiver for that way, so its alerts would reach only ${FALLBACK_RECEIVER}, which pages no one.`,
				`Make the first level of the ${severity} policy in content/escalation/${id}.yaml name a role whose team declares a receiver for its "via".`,
			);
		}
	}

	const expected = new Map(plan.routing.map((r) => [`${r.surface}\0${r.severity}`, r.receivers]));
	for (const surface of model.surfaces) {
		surface.data.alerts.forEach((alert, i) => {
			const want = expected.get(`${surface.data.id}\0${alert.severity}`);
			if (!want || want.length === 0) return; // unknown severity or no route: reported above
			const labels = {
				alertname: alert.name,
				surface: surface.data.id,
				severity: alert.severity,
				team: surface.data.owner.primary,
			};
			const got = [...new Set(matchRoutes(plan.root, labels).map((m) => m.receiver))];
			if (got.length === want.length && got.every((g, n) => g === want[n])) return;
			ctx.at(
				'paging-route-mismatch',
				surface,
				`alerts[${i}].name`,
				`alert ${alert.name} (${surface.data.id}, ${alert.severity}) is routed to ${got.join(', ')}, but the escalation matrix pages ${want.join(', ')} first.`,
				`An earlier route claims its labels${alert.name === WATCHDOG_ALERT ? ` (alertname="${WATCHDOG_ALERT}" is the always-firing heartbeat, routed to the dead-man's switch)` : ''}: rename the alert, or change the route that claims it.`,
			);
		});
	}
}
