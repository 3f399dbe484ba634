/**
 * The Alertmanager route tree, inhibition rules and watchdog derived from the escalation
 * matrix, the teams' receivers and the surfaces' `dependsOn`, and route matching with
 * Alertmanager's own semantics (a route matches when all its matchers do; children are tried
 * in order and the first that matches wins unless it sets `continue`; a route none of whose
 * children match is itself the match). Pure: the model in, plain data out.
 */
import type { ContentModel } from '../content/model.ts';
import { blastRadius, buildGraph } from '../graph/graph.ts';
import type { Via } from '../schemas/receiver.ts';
import type { Severity } from '../schemas/severity.ts';
import { type PagingReceiver, pagingReceivers, receiverFor } from './receivers.ts';

export interface Matcher {
	readonly name: string;
	readonly op: '=' | '!=' | '=~' | '!~';
	readonly value: string;
}

export interface Route {
	readonly receiver?: string;
	readonly matchers: readonly Matcher[];
	readonly continue?: boolean;
	readonly group_by?: readonly string[];
	readonly group_wait?: string;
	readonly group_interval?: string;
	readonly repeat_interval?: string;
	readonly routes?: readonly Route[];
	/** Written as a YAML comment above the route. */
	readonly comment?: string;
}

export interface InhibitRule {
	readonly source: readonly Matcher[];
	readonly target: readonly Matcher[];
	readonly comment: string;
	/** For the site: the outage alert and the surfaces it silences. */
	readonly sourceSurface: string;
	readonly sourceAlert: string;
	readonly targetSurfaces: readonly string[];
}

/** What the first escalation level of one surface × severity pages, and what comes later. */
export interface SeverityRouting {
	readonly surface: string;
	readonly severity: string;
	/** First level's refs and way, as the matrix names them; empty when there is no policy. */
	readonly first: { readonly afterMinutes: number; readonly via: Via; readonly notify: readonly string[] } | undefined;
	/** Receivers of the first level, in the matrix's order (refs without a receiver are left out). */
	readonly receivers: readonly string[];
	/** Levels after the first: the pager's escalation policy. */
	readonly later: readonly {
		readonly afterMinutes: number;
		readonly via: Via;
		readonly receivers: readonly string[];
	}[];
	readonly timing: Timing;
}

export interface Timing {
	readonly group_wait: string;
	readonly group_interval: string;
	readonly repeat_interval: string;
}

export interface RoutePlan {
	readonly root: Route;
	readonly receivers: readonly PagingReceiver[];
	readonly routing: readonly SeverityRouting[];
	readonly inhibitRules: readonly InhibitRule[];
	/** Name of the receiver that gets alerts no route claims. */
	readonly fallback: string;
}

export const WATCHDOG_ALERT = 'Watchdog';
export const WATCHDOG_RECEIVER = 'launchbook-watchdog';
export const FALLBACK_RECEIVER = 'launchbook-unrouted';
export const GROUP_BY = ['alertname', 'surface', 'severity'] as const;

const UNITS: readonly [string, number][] = [
	['d', 86_400],
	['h', 3_600],
	['m', 60],
	['s', 1],
];

/** Seconds as a Prometheus duration: 90 → `1m30s`, 0 → `0s`. */
export function formatSeconds(total: number): string {
	if (total <= 0) return '0s';
	let rest = Math.round(total);
	let out = '';
	for (const [unit, size] of UNITS) {
		const n = Math.floor(rest / size);
		if (n > 0) out += `${n}${unit}`;
		rest -= n * size;
	}
	return out;
}

/** Seconds in a Prometheus duration written with s, m, h, d or w. */
export function durationSeconds(text: string): number {
	let total = 0;
	for (const [, n, unit] of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) {
		const size = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_536_000 }[unit!]!;
		total += Number(n) * size;
	}
	return total;
}

/**
 * Timings from a severity's internal update cadence C minutes: the first notification waits
 * 2·C seconds for companions (SEV1 with C = 15: 30 s), later alerts of the group are batched
 * every C/3 minutes (5 min), and a still-firing group is re-sent every C minutes, the
 * cadence responders post updates at. `caps` (paging.timing) shorten them for tests.
 */
export function severityTiming(
	severity: Pick<Severity, 'updateCadence'>,
	caps: { maxGroupWait?: string | undefined; maxGroupInterval?: string | undefined } = {},
): Timing {
	const cadence = severity.updateCadence.internalMinutes;
	let wait = cadence * 2;
	let interval = (cadence * 60) / 3;
	if (caps.maxGroupWait !== undefined) wait = Math.min(wait, durationSeconds(caps.maxGroupWait));
	if (caps.maxGroupInterval !== undefined) interval = Math.min(interval, durationSeconds(caps.maxGroupInterval));
	return {
		group_wait: formatSeconds(wait),
		group_interval: formatSeconds(interval),
		repeat_interval: formatSeconds(Math.max(cadence * 60, interval)),
	};
}

const eq = (name: string, value: string): Matcher => ({ name, op: '=', value });

/** Regex-escape an id or name for an `=~` matcher (ids are kebab-case; escape anyway). */
function reEscape(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function buildRoutePlan(
	model: Pick<ContentModel, 'config' | 'surfaces' | 'teams' | 'severities' | 'escalation'>,
): RoutePlan {
	const receivers = pagingReceivers(model.teams);
	const severities = [...model.severities].map((s) => s.data).sort((a, b) => a.level - b.level);
	const surfaces = [...model.surfaces].map((s) => s.data).sort((a, b) => a.id.localeCompare(b.id));
	const escalation = new Map<string, (typeof model.escalation)[number]['data']>();
	for (const e of model.escalation) if (!escalation.has(e.data.surface)) escalation.set(e.data.surface, e.data);
	const caps = model.config.paging.timing;
	const routing: SeverityRouting[] = [];
	const surfaceRoutes: Route[] = [];
	for (const surface of surfaces) {
		const children: Route[] = [];
		for (const severity of severities) {
			const timing = severityTiming(severity, caps);
			const policy = escalation.get(surface.id)?.policies.find((p) => p.severity === severity.id);
			const levels = [...(policy?.levels ?? [])]
				.map((l, i) => ({ l, i }))
				.sort((a, b) => a.l.afterMinutes - b.l.afterMinutes || a.i - b.i)
				.map((x) => x.l);
			const first = levels[0];
			const names = (notify: readonly string[], via: Via) =>
				notify.map((ref) => receiverFor(receivers, ref, via)?.name).filter((n): n is string => n !== undefined);
			const firstReceivers = first ? [...new Set(names(first.notify, first.via))] : [];
			const later = levels.slice(1).map((l) => ({
				afterMinutes: l.afterMinutes,
				via: l.via,
				receivers: [...new Set(names(l.notify, l.via))],
			}));
			routing.push({
				surface: surface.id,
				severity: severity.id,
				first: first ? { afterMinutes: first.afterMinutes, via: first.via, notify: first.notify } : undefined,
				receivers: firstReceivers,
				later,
				timing,
			});
			const laterText = later
				.map((l) => `\n  after ${l.afterMinutes} min, ${l.via}: ${l.receivers.join(', ') || '(no receiver)'}`)
				.join('');
			firstReceivers.forEach((receiver, i) => {
				children.push({
					receiver,
					matchers: [eq('severity', severity.id)],
					...(i < firstReceivers.length - 1 ? { continue: true } : {}),
					...timing,
					...(i === 0
						? {
								comment: `${severity.id}: the first level (${first!.via}) of content/escalation/${surface.id}.yaml.${laterText ? `\nLater levels are the pager's escalation policy (Alertmanager does not escalate by time):${laterText}` : ''}`,
							}
						: {}),
				});
			});
		}
		if (children.length > 0) surfaceRoutes.push({ matchers: [eq('surface', surface.id)], routes: children });
	}
	const watchdog = model.config.paging.watchdog;
	const root: Route = {
		receiver: FALLBACK_RECEIVER,
		matchers: [],
		group_by: [...GROUP_BY],
		routes: [
			{
				receiver: WATCHDOG_RECEIVER,
				matchers: [eq('alertname', WATCHDOG_ALERT)],
				group_wait: '0s',
				group_interval: watchdog.repeatInterval,
				repeat_interval: watchdog.repeatInterval,
				comment: `The always-firing ${WATCHDOG_ALERT} alert, sent every ${watchdog.repeatInterval} to the dead-man's switch (paging.watchdog in launchbook.config.yaml).`,
			},
			...surfaceRoutes,
		],
	};
	// Blast radius: an outage alert of a surface silences the alerts of every surface that depends on it.
	const graph = buildGraph(
		model.surfaces.map((s) => ({ id: s.data.id, kind: 'surface' as const, dependsOn: s.data.dependsOn })),
	);
	const surfaceIds = new Set(surfaces.map((s) => s.id));
	const inhibitRules: InhibitRule[] = [];
	for (const surface of surfaces) {
		const outages = surface.alerts.filter((a) => a.outage);
		if (outages.length === 0) continue;
		const targets = blastRadius(graph, surface.id).filter((id) => surfaceIds.has(id) && id !== surface.id);
		if (targets.length === 0) continue;
		for (const alert of outages) {
			inhibitRules.push({
				source: [eq('alertname', alert.name), eq('surface', surface.id)],
				target: [{ name: 'surface', op: '=~', value: targets.map(reEscape).join('|') }],
				comment: `While ${alert.name} (${surface.id}, outage: true) fires, the alerts of the surfaces that depend on ${surface.id} are held back: ${targets.join(', ')}.`,
				sourceSurface: surface.id,
				sourceAlert: alert.name,
				targetSurfaces: targets,
			});
		}
	}
	return { root, receivers, routing, inhibitRules, fallback: FALLBACK_RECEIVER };
}

function matches(m: Matcher, labels: Readonly<Record<string, string>>): boolean {
	const v = labels[m.name] ?? '';
	switch (m.op) {
		case '=':
			return v === m.value;
		case '!=':
			return v !== m.value;
		case '=~':
			return new RegExp(`^(?:${m.value})$`).test(v);
		case '!~':
			return !new RegExp(`^(?:${m.value})$`).test(v);
	}
}

/**
 * The routes an alert with these labels is delivered by, as Alertmanager's dispatcher finds
 * them (`dispatch.Route.Match`): depth first, first matching child unless it continues.
 * Each result carries the receiver it inherits when it names none.
 */
export function matchRoutes(
	root: Route,
	labels: Readonly<Record<string, string>>,
): { readonly route: Route; readonly receiver: string }[] {
	const walk = (route: Route, inherited: string): { route: Route; receiver: string }[] => {
		if (!route.matchers.every((m) => matches(m, labels))) return [];
		const receiver = route.receiver ?? inherited;
		const all: { route: Route; receiver: string }[] = [];
		for (const child of route.routes ?? []) {
			const found = walk(child, receiver);
			all.push(...found);
			if (found.length > 0 && !child.continue) break;
		}
		return all.length > 0 ? all : [{ route, receiver }];
	};
	return walk(root, root.receiver ?? '');
}

/** Whether an inhibition rule's source or target matchers all match. */
export function matchesAll(matchers: readonly Matcher[], labels: Readonly<Record<string, string>>): boolean {
	return matchers.every((m) => matches(m, labels));
}

/** A matcher as Alertmanager writes it: `surface="billing-events"`. */
export function formatMatcher(m: Matcher): string {
	return `${m.name}${m.op}${JSON.stringify(m.value)}`;
}
