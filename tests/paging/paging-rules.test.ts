/**
 * The paging rules of the gate, both ways: one mutation of the known-good gate fixture per
 * rule, with the exact finding a reviewer reads; and route matching with Alertmanager's
 * semantics (first matching child, `continue`, fall back to the parent).
 */
import { describe, expect, it } from 'vitest';
import { ruleSpec } from '../../src/core/rules/catalog.ts';
import { buildRoutePlan, matchRoutes, type Route } from '../../src/core/paging/route-tree.ts';
import { check, mutate, type MutableModel } from '../gate/support.ts';

const team = (m: MutableModel, id: string) => m.teams.find((t) => t.data.id === id)!;

describe('paging rules', () => {
	it('are in the catalogue, with a page each', () => {
		for (const id of ['paging-receiver', 'paging-receiver-unused', 'paging-route-missing', 'paging-route-mismatch'])
			expect(ruleSpec(id)?.family, id).toBe('escalation');
	});

	it("paging-receiver: a role with no receiver for the level's way", () => {
		const m = mutate((m) => (team(m, 'incident-command').data.roles[0]!.receivers = []));
		expect(check(m)).toEqual([
			'content/escalation/ledger.yaml:6:38  error  paging-receiver  escalation for "ledger" (sev1, after 15 min) reaches "incident-command/incident-commander" via page, but role "incident-commander" of team "incident-command" declares no receiver for page. Add under role "incident-commander" in content/teams/incident-command.yaml a receiver with "via: [page]" (kind pagerduty, opsgenie, slack, webhook or email, with its secret file), or change this level\'s "via".',
			'content/escalation/payments.yaml:6:38  error  paging-receiver  escalation for "payments" (sev1, after 15 min) reaches "incident-command/incident-commander" via page, but role "incident-commander" of team "incident-command" declares no receiver for page. Add under role "incident-commander" in content/teams/incident-command.yaml a receiver with "via: [page]" (kind pagerduty, opsgenie, slack, webhook or email, with its secret file), or change this level\'s "via".',
		]);
	});

	it('paging-receiver and paging-route-missing: a team named whole, without a team-wide receiver, on the first level', () => {
		const m = mutate((m) => (team(m, 'payments-team').data.receivers = []));
		expect(check(m)).toEqual([
			'content/escalation/ledger.yaml:4:5  error  paging-route-missing  surface "ledger" × sev1 has no Alertmanager route: no roster entry of its first level has a receiver for that way, so its alerts would reach only launchbook-unrouted, which pages no one. Make the first level of the sev1 policy in content/escalation/ledger.yaml name a role whose team declares a receiver for its "via".',
			'content/escalation/ledger.yaml:5:37  error  paging-receiver  escalation for "ledger" (sev1, after 0 min) reaches team "payments-team" via page, but the team declares no team-wide receiver for page. Add to "receivers:" at the top of content/teams/payments-team.yaml a receiver with "via: [page]", or name a role of the team ("payments-team/<role>") instead.',
			'content/escalation/payments.yaml:4:5  error  paging-route-missing  surface "payments" × sev1 has no Alertmanager route: no roster entry of its first level has a receiver for that way, so its alerts would reach only launchbook-unrouted, which pages no one. Make the first level of the sev1 policy in content/escalation/payments.yaml name a role whose team declares a receiver for its "via".',
			'content/escalation/payments.yaml:5:37  error  paging-receiver  escalation for "payments" (sev1, after 0 min) reaches team "payments-team" via page, but the team declares no team-wide receiver for page. Add to "receivers:" at the top of content/teams/payments-team.yaml a receiver with "via: [page]", or name a role of the team ("payments-team/<role>") instead.',
		]);
	});

	it('paging-receiver-unused: a receiver no level names', () => {
		const m = mutate((m) =>
			team(m, 'payments-team').data.roles[0]!.receivers.push({
				kind: 'slack',
				via: ['chat'],
				channel: '#payments-oncall',
				api_url_file: 'slack/payments.url',
			}),
		);
		expect(check(m)).toEqual([
			'content/teams/payments-team.yaml:15:5  error  paging-receiver-unused  receiver "payments-team-surface-lead-chat" (payments-team/surface-lead via chat) is named by no escalation level, so it would never be paged. Name "payments-team/surface-lead" with one of its ways (via: chat) in a level of content/escalation/, or remove the receiver.',
		]);
	});

	it('paging-route-mismatch: an alert whose labels an earlier route claims', () => {
		const m = mutate((m) => (m.surfaces.find((s) => s.data.id === 'payments')!.data.alerts[0]!.name = 'Watchdog'));
		expect(check(m)).toEqual([
			'content/surfaces/payments.yaml:13:5  error  paging-route-mismatch  alert Watchdog (payments, sev1) is routed to launchbook-watchdog, but the escalation matrix pages payments-team first. An earlier route claims its labels (alertname="Watchdog" is the always-firing heartbeat, routed to the dead-man\'s switch): rename the alert, or change the route that claims it.',
		]);
	});
});

describe('route matching (Alertmanager semantics)', () => {
	const leaf = (receiver: string, severity: string, more: Partial<Route> = {}): Route => ({
		receiver,
		matchers: [{ name: 'severity', op: '=', value: severity }],
		...more,
	});
	const root: Route = {
		receiver: 'fallback',
		matchers: [],
		routes: [
			{
				matchers: [{ name: 'surface', op: '=~', value: 'a|b' }],
				receiver: 'surface-default',
				routes: [
					leaf('one', 'sev1', { continue: true }),
					leaf('two', 'sev1'),
					leaf('three', 'sev1'),
					leaf('four', 'sev2'),
				],
			},
			{ matchers: [{ name: 'surface', op: '!=', value: '' }], receiver: 'any-surface' },
		],
	};
	const got = (labels: Record<string, string>) => matchRoutes(root, labels).map((m) => m.receiver);

	it('notifies every continuing match and stops at the first that does not continue', () => {
		expect(got({ surface: 'a', severity: 'sev1' })).toEqual(['one', 'two']);
	});
	it('falls back to the parent when no child matches, and to the next sibling when a parent does not match', () => {
		expect(got({ surface: 'b', severity: 'sev9' })).toEqual(['surface-default']);
		expect(got({ surface: 'c', severity: 'sev1' })).toEqual(['any-surface']);
		expect(got({ severity: 'sev1' })).toEqual(['fallback']);
	});
	it('anchors regular expressions as Alertmanager does', () => {
		expect(got({ surface: 'ab', severity: 'sev2' })).toEqual(['any-surface']);
	});

	it('the shipped fixture routes its severities to the first level, with continue between receivers', () => {
		const plan = buildRoutePlan(mutate(() => {}));
		expect(matchRoutes(plan.root, { surface: 'payments', severity: 'sev1' }).map((m) => m.receiver)).toEqual([
			'payments-team',
		]);
		expect(matchRoutes(plan.root, { surface: 'payments', severity: 'sev2' }).map((m) => m.receiver)).toEqual([
			'payments-team-surface-lead',
		]);
	});
});
