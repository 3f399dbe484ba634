/**
 * On-call coverage from declared shifts: the first escalation level of every tier-1 surface is on
 * shift around the clock (judged in UTC over the year from today, so every daylight-saving change
 * in every zone is met), and every owning or support team is reachable from some escalation.
 */
import type { Entry } from '../content/model.ts';
import { describeShifts, formatLocal, formatUtc, type Interval, uncovered } from '../ownership/shift-coverage.ts';
import type { Escalation } from '../schemas/escalation.ts';
import type { Shift, Team } from '../schemas/team.ts';
import { parseRosterRef } from '../site/site-links.ts';
import type { RuleContext } from './context.ts';

const DAY_MS = 86_400_000;
/** A year and a day: every zone's daylight-saving changes fall inside. */
export const COVERAGE_WINDOW_DAYS = 366;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const PAGED = new Set(['page', 'phone']);

/** Responder shifts of a level: roles of owning teams only (incident command coordinates, support teams advise). */
function responderShifts(ctx: RuleContext, refs: readonly string[]): { shifts: Shift[]; responders: string[] } {
	const shifts: Shift[] = [];
	const responders: string[] = [];
	for (const ref of refs) {
		const { team: teamId, role: roleId } = parseRosterRef(ref);
		const team = ctx.index.teams.get(teamId);
		if (team?.data.kind !== 'owning') continue;
		const roles = team.data.roles.filter((r) => roleId === undefined || r.id === roleId);
		if (roles.length === 0) continue;
		responders.push(ref);
		for (const r of roles) shifts.push(...r.shifts);
	}
	return { shifts, responders };
}

function hours(ms: number): string {
	const h = ms / 3_600_000;
	return `${Number.isInteger(h) ? h.toLocaleString('en-US') : h.toFixed(1)} h`;
}

export function checkOnCallCoverage(ctx: RuleContext): void {
	const start = Date.parse(`${ctx.today}T00:00:00Z`);
	const end = start + COVERAGE_WINDOW_DAYS * DAY_MS;
	const memo = new Map<string, Interval[]>();
	const escalationBySurface = new Map<string, Entry<Escalation>>();
	for (const e of ctx.model.escalation)
		if (!escalationBySurface.has(e.data.surface)) escalationBySurface.set(e.data.surface, e);
	for (const surface of ctx.model.surfaces) {
		if (surface.data.tier !== 1) continue;
		const esc = escalationBySurface.get(surface.data.id);
		if (!esc) continue; // escalation-coverage reports it
		esc.data.policies.forEach((policy, i) => {
			if (policy.levels.length === 0) return;
			const firstAt = Math.min(...policy.levels.map((l) => l.afterMinutes));
			const first = policy.levels.map((l, j) => ({ l, j })).filter(({ l }) => l.afterMinutes === firstAt);
			if (!first.some(({ l }) => PAGED.has(l.via))) return;
			const path = `policies[${i}].levels[${first[0]!.j}]`;
			const refs = first.flatMap(({ l }) => l.notify);
			const { shifts, responders } = responderShifts(ctx, refs);
			const where = `the first level of the ${policy.severity} escalation of tier-1 surface "${surface.data.id}"`;
			if (responders.length === 0) {
				ctx.at(
					'on-call-around-the-clock',
					esc,
					path,
					`${where} (${refs.join(', ')}) names no role of an owning team, so nobody who runs the surface's runbooks is paged first.`,
					`Add the owning team's primary on-call (for example "${surface.data.owner.primary}/primary-on-call") to the first level.`,
				);
				return;
			}
			if (shifts.length === 0) {
				ctx.at(
					'on-call-around-the-clock',
					esc,
					path,
					`${where} (${responders.join(', ')}) declares no shifts, so whether it is staffed around the clock cannot be checked.`,
					'Declare the shifts of the rotation under the role in content/teams/ (timezone, days, from, to), as the rotation really staffs them.',
				);
				return;
			}
			const key = JSON.stringify(shifts);
			let gaps = memo.get(key);
			if (!gaps) {
				gaps = uncovered(shifts, start, end);
				memo.set(key, gaps);
			}
			if (gaps.length === 0) return;
			const g = gaps[0]!;
			const zones = [...new Set(shifts.map((s) => s.timezone))];
			const local = zones.map((z) => `${z} ${formatLocal(z, g.start)}–${formatLocal(z, g.end)}`).join(', ');
			const total = gaps.reduce((n, x) => n + (x.end - x.start), 0);
			ctx.at(
				'on-call-around-the-clock',
				esc,
				path,
				`${where} (${responders.join(', ')}) is not on shift around the clock: nobody is on shift ${formatUtc(g.start)}–${formatUtc(g.end).slice(11)} UTC (${WEEKDAY_NAMES[new Date(g.start).getUTCDay()]}; ${local}), and ${hours(total)} are uncovered in ${gaps.length === 1 ? '1 gap' : `${gaps.length.toLocaleString('en-US')} gaps`} over the ${COVERAGE_WINDOW_DAYS} days from ${ctx.today}. Its shifts: ${describeShifts(shifts)}.`,
				'Add a shift that covers the gap (in content/teams/, under a role at this level), or add a role of an owning team that is on shift then to the first level.',
			);
		});
	}
	checkReachable(ctx);
}

/**
 * Every owning or support team is notified by some level of some escalation policy; when the
 * content declares receivers (paging as code), by a level whose `via` one of its receivers takes,
 * so the page has somewhere to go.
 */
function checkReachable(ctx: RuleContext): void {
	if (ctx.index.anyFailed('escalation')) return;
	const paging = ctx.model.teams.some(
		(t) => t.data.receivers.length > 0 || t.data.roles.some((r) => r.receivers.length > 0),
	);
	/** team id → how it is named: the via of each level and the role named (undefined: the whole team). */
	const named = new Map<string, { via: string; role: string | undefined }[]>();
	for (const e of ctx.model.escalation)
		for (const p of e.data.policies)
			for (const l of p.levels)
				for (const ref of l.notify) {
					const { team, role } = parseRosterRef(ref);
					const list = named.get(team) ?? [];
					list.push({ via: l.via, role });
					named.set(team, list);
				}
	for (const team of ctx.model.teams) {
		const { kind, id, roles, receivers } = team.data;
		if (kind !== 'owning' && kind !== 'support') continue;
		const how = named.get(id) ?? [];
		const example = `${id}${roles[0] ? `/${roles[0].id}` : ''}`;
		if (how.length === 0) {
			ctx.at(
				'team-reachable',
				team as Entry<Team>,
				'kind',
				`team "${id}" (${kind}) is named by no escalation policy, so no incident ever reaches it.`,
				`Add "${example}" to a level of the escalation that needs it (content/escalation/<surface>.yaml), or set kind: adjacent if the team is never to be paged.`,
			);
			continue;
		}
		if (!paging) continue;
		const takes = (role: string | undefined, via: string) =>
			receivers.some((r) => r.via.includes(via as never)) ||
			roles.some((r) => (role === undefined || r.id === role) && r.receivers.some((x) => x.via.includes(via as never)));
		if (how.some((h) => takes(h.role, h.via))) continue;
		const ways = [...new Set(how.map((h) => `${h.role ? `${id}/${h.role}` : id} by ${h.via}`))].join(', ');
		ctx.at(
			'team-reachable',
			team as Entry<Team>,
			'kind',
			`team "${id}" (${kind}) is named by escalations (${ways}) but has no receiver for any of those ways, so the page goes nowhere.`,
			`Add a receiver under the role (for example kind: pagerduty with via: [page, phone] and its routing_key_file) for the way the escalation reaches it.`,
		);
	}
}
