/**
 * on-call-around-the-clock and team-reachable: shifts worked out in UTC, day by day, with each
 * zone's own daylight-saving dates. The content as it stood before the launch review (its prose
 * "Dublin 07:00–19:00, Toronto 07:00–19:00" written as shifts) has the 00:00–07:00 UTC gap; the
 * shipped content closes it; a pair of shifts that only meets while both zones keep the same
 * offset is caught in the weeks the United States and Europe change clocks on different days.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { localToUtc, uncovered } from '../../src/core/ownership/shift-coverage.ts';
import { checkCoverage } from '../../src/core/rules/index.ts';
import { copyTree, GOOD, lines, REPO } from '../gate/support.ts';

const BEFORE = join(REPO, 'tests/fixtures/launch/before-review');
const only = (root: string, rule: string, today: string) =>
	lines(checkCoverage(loadContent(root), { today })).filter((l) => l.includes(`  ${rule}  `));

const withTeam = (yaml: string, files: Record<string, string> = {}) =>
	copyTree(GOOD, { 'content/teams/payments-team.yaml': yaml, ...files });
const team = (shifts: string[], extraRoles = '') =>
	[
		'id: payments-team',
		'name: Payments',
		'github: "@example-org/payments"',
		'channel: "#payments-oncall"',
		'pager: https://example-org.pagerduty.example.com/escalation_policies/payments',
		'coverage: { timezones: [Europe/Dublin, America/Toronto] }',
		'roles:',
		'  - id: surface-lead',
		'    name: Payments surface lead',
		'    duties: Leads payments incidents.',
		'    rotation: payments-primary',
		'    surfaces: [payments]',
		...(shifts.length ? ['    shifts:', ...shifts.map((s) => `      - ${s}`)] : []),
		extraRoles,
		'',
	].join('\n');
const DAILY = '[mon, tue, wed, thu, fri, sat, sun]';

describe('on-call-around-the-clock', () => {
	it('finds the 00:00–07:00 UTC gap in the content before the launch review, for every paged first level of a tier-1 surface', () => {
		const found = only(BEFORE, 'on-call-around-the-clock', '2026-12-02');
		expect(found.map((l) => l.split('  ')[0])).toEqual([
			'content/escalation/billing-events.yaml:6:9',
			'content/escalation/billing-events.yaml:12:9',
			'content/escalation/fivetran-webhooks.yaml:6:9',
			'content/escalation/fivetran-webhooks.yaml:12:9',
			'content/escalation/gcp-deploy.yaml:6:9',
			'content/escalation/gcp-deploy.yaml:12:9',
			'content/escalation/gcp-foundation.yaml:6:9',
			'content/escalation/gcp-foundation.yaml:12:9',
		]);
		expect(found[0]).toBe(
			'content/escalation/billing-events.yaml:6:9  error  on-call-around-the-clock  the first level of the sev1 escalation of tier-1 surface "billing-events" (billing-platform/primary-on-call) is not on shift around the clock: nobody is on shift 2026-12-02 00:00–07:00 UTC (Wednesday; Europe/Dublin 00:00–07:00, America/Toronto 19:00–02:00), and 2,583 h are uncovered in 366 gaps over the 366 days from 2026-12-02. Its shifts: Europe/Dublin daily 07:00–19:00; America/Toronto daily 07:00–19:00. Add a shift that covers the gap (in content/teams/, under a role at this level), or add a role of an owning team that is on shift then to the first level.',
		);
	});

	it('in summer the same shifts leave 23:00–06:00 UTC open (both zones on daylight time)', () => {
		const found = only(BEFORE, 'on-call-around-the-clock', '2027-07-01')[0]!;
		expect(found).toContain(
			'nobody is on shift 2027-07-01 00:00–06:00 UTC (Thursday; Europe/Dublin 01:00–07:00, America/Toronto 20:00–02:00)',
		);
		const gaps = uncovered(
			[
				{
					timezone: 'Europe/Dublin',
					days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
					from: '07:00',
					to: '19:00',
				},
				{
					timezone: 'America/Toronto',
					days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
					from: '07:00',
					to: '19:00',
				},
			],
			Date.parse('2027-07-01T12:00:00Z'),
			Date.parse('2027-07-02T12:00:00Z'),
		).map((g) => [new Date(g.start).toISOString(), new Date(g.end).toISOString()]);
		expect(gaps).toEqual([['2027-07-01T23:00:00.000Z', '2027-07-02T06:00:00.000Z']]);
	});

	it('finds nothing in the shipped content, whose Toronto late shift closes the gap in every season', () => {
		for (const day of ['2026-12-02', '2027-03-20', '2027-07-01', '2027-11-03']) {
			expect(only(REPO, 'on-call-around-the-clock', day), day).toEqual([]);
		}
	});

	it('catches shifts that meet only while both zones keep the same offset: the weeks the US and Europe change clocks apart', () => {
		const { root, cleanup } = withTeam(
			team([
				`{ timezone: Europe/Dublin, days: ${DAILY}, from: "00:00", to: "12:00" }`,
				`{ timezone: America/Toronto, days: ${DAILY}, from: "07:00", to: "19:00" }`,
			]),
		);
		try {
			expect(only(root, 'on-call-around-the-clock', '2026-12-02')).toEqual([
				'content/escalation/ledger.yaml:5:9  error  on-call-around-the-clock  the first level of the sev1 escalation of tier-1 surface "ledger" (payments-team) is not on shift around the clock: nobody is on shift 2027-03-14 23:00–00:00 UTC (Sunday; Europe/Dublin 23:00–00:00, America/Toronto 19:00–20:00), and 21 h are uncovered in 21 gaps over the 366 days from 2026-12-02. Its shifts: Europe/Dublin daily 00:00–12:00; America/Toronto daily 07:00–19:00. Add a shift that covers the gap (in content/teams/, under a role at this level), or add a role of an owning team that is on shift then to the first level.',
				'content/escalation/ledger.yaml:9:9  error  on-call-around-the-clock  the first level of the sev2 escalation of tier-1 surface "ledger" (payments-team/surface-lead) is not on shift around the clock: nobody is on shift 2027-03-14 23:00–00:00 UTC (Sunday; Europe/Dublin 23:00–00:00, America/Toronto 19:00–20:00), and 21 h are uncovered in 21 gaps over the 366 days from 2026-12-02. Its shifts: Europe/Dublin daily 00:00–12:00; America/Toronto daily 07:00–19:00. Add a shift that covers the gap (in content/teams/, under a role at this level), or add a role of an owning team that is on shift then to the first level.',
				'content/escalation/payments.yaml:5:9  error  on-call-around-the-clock  the first level of the sev1 escalation of tier-1 surface "payments" (payments-team) is not on shift around the clock: nobody is on shift 2027-03-14 23:00–00:00 UTC (Sunday; Europe/Dublin 23:00–00:00, America/Toronto 19:00–20:00), and 21 h are uncovered in 21 gaps over the 366 days from 2026-12-02. Its shifts: Europe/Dublin daily 00:00–12:00; America/Toronto daily 07:00–19:00. Add a shift that covers the gap (in content/teams/, under a role at this level), or add a role of an owning team that is on shift then to the first level.',
				'content/escalation/payments.yaml:9:9  error  on-call-around-the-clock  the first level of the sev2 escalation of tier-1 surface "payments" (payments-team/surface-lead) is not on shift around the clock: nobody is on shift 2027-03-14 23:00–00:00 UTC (Sunday; Europe/Dublin 23:00–00:00, America/Toronto 19:00–20:00), and 21 h are uncovered in 21 gaps over the 366 days from 2026-12-02. Its shifts: Europe/Dublin daily 00:00–12:00; America/Toronto daily 07:00–19:00. Add a shift that covers the gap (in content/teams/, under a role at this level), or add a role of an owning team that is on shift then to the first level.',
			]);
		} finally {
			cleanup();
		}
	});

	it('reports a first level without shifts, and one that pages nobody from an owning team', () => {
		const { root, cleanup } = withTeam(team([]), {
			'content/escalation/ledger.yaml': [
				'surface: ledger',
				'policies:',
				'  - severity: sev1',
				'    levels:',
				'      - { afterMinutes: 0, notify: [incident-command/incident-commander], via: page }',
				'  - severity: sev2',
				'    levels:',
				'      - { afterMinutes: 0, notify: [payments-team/surface-lead], via: chat }',
				'      - { afterMinutes: 30, notify: [payments-team/surface-lead], via: page }',
				'',
			].join('\n'),
		});
		try {
			expect(only(root, 'on-call-around-the-clock', '2026-12-02')).toEqual([
				'content/escalation/ledger.yaml:5:9  error  on-call-around-the-clock  the first level of the sev1 escalation of tier-1 surface "ledger" (incident-command/incident-commander) names no role of an owning team, so nobody who runs the surface\'s runbooks is paged first. Add the owning team\'s primary on-call (for example "payments-team/primary-on-call") to the first level.',
				'content/escalation/payments.yaml:5:9  error  on-call-around-the-clock  the first level of the sev1 escalation of tier-1 surface "payments" (payments-team) declares no shifts, so whether it is staffed around the clock cannot be checked. Declare the shifts of the rotation under the role in content/teams/ (timezone, days, from, to), as the rotation really staffs them.',
				'content/escalation/payments.yaml:9:9  error  on-call-around-the-clock  the first level of the sev2 escalation of tier-1 surface "payments" (payments-team/surface-lead) declares no shifts, so whether it is staffed around the clock cannot be checked. Declare the shifts of the rotation under the role in content/teams/ (timezone, days, from, to), as the rotation really staffs them.',
			]);
		} finally {
			cleanup();
		}
	});

	it('turns local wall-clock times into UTC with the offset of that day in that zone', () => {
		const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
		const iso = (n: number) => new Date(n).toISOString();
		expect(iso(localToUtc('America/Toronto', day('2027-01-15'), 19 * 60))).toBe('2027-01-16T00:00:00.000Z');
		expect(iso(localToUtc('America/Toronto', day('2027-07-15'), 19 * 60))).toBe('2027-07-15T23:00:00.000Z');
		expect(iso(localToUtc('Europe/Dublin', day('2027-07-15'), 7 * 60))).toBe('2027-07-15T06:00:00.000Z');
		// 02:30 does not exist in Toronto on 2027-03-14: it resolves to the instant after the jump.
		expect(iso(localToUtc('America/Toronto', day('2027-03-14'), 3 * 60))).toBe('2027-03-14T07:00:00.000Z');
	});
});

describe('team-reachable', () => {
	it('reports owning and support teams no escalation names; adjacent teams may stay unpaged', () => {
		const support = (id: string, kind: string) =>
			[
				`id: ${id}`,
				`name: ${id}`,
				`kind: ${kind}`,
				`github: "@example-org/${id}"`,
				`channel: "#${id}"`,
				`pager: https://example-org.pagerduty.example.com/escalation_policies/${id}`,
				'coverage: { timezones: [Europe/Dublin] }',
				'roles:',
				'  - { id: analyst, name: Analyst on duty, duties: Signs off reconciliations., rotation: duty }',
				'',
			].join('\n');
		const { root, cleanup } = copyTree(GOOD, {
			'content/teams/finance.yaml': support('finance', 'support'),
			'content/teams/legal.yaml': support('legal', 'adjacent'),
		});
		try {
			expect(only(root, 'team-reachable', '2026-12-02')).toEqual([
				'content/teams/finance.yaml:3:1  error  team-reachable  team "finance" (support) is named by no escalation policy, so no incident ever reaches it. Add "finance/analyst" to a level of the escalation that needs it (content/escalation/<surface>.yaml), or set kind: adjacent if the team is never to be paged.',
			]);
		} finally {
			cleanup();
		}
	});

	it('with paging as code, a team named only by ways none of its receivers takes is reported', () => {
		const finance = [
			'id: finance',
			'name: Finance',
			'kind: support',
			'github: "@example-org/finance"',
			'channel: "#finance"',
			'pager: https://example-org.pagerduty.example.com/escalation_policies/finance',
			'coverage: { timezones: [Europe/Dublin] }',
			'roles:',
			'  - id: analyst',
			'    name: Analyst on duty',
			'    duties: Signs off reconciliations.',
			'    rotation: duty',
			'    receivers:',
			'      - { kind: pagerduty, via: [page], routing_key_file: pagerduty/finance.key }',
			'',
		].join('\n');
		const escalation = (via: string) =>
			[
				'surface: ledger',
				'policies:',
				'  - severity: sev1',
				'    levels:',
				'      - { afterMinutes: 0, notify: [payments-team], via: page }',
				`      - { afterMinutes: 15, notify: [finance/analyst], via: ${via} }`,
				'  - severity: sev2',
				'    levels:',
				'      - { afterMinutes: 0, notify: [payments-team/surface-lead], via: page }',
				'',
			].join('\n');
		for (const [via, expected] of [
			[
				'chat',
				[
					'content/teams/finance.yaml:3:1  error  team-reachable  team "finance" (support) is named by escalations (finance/analyst by chat) but has no receiver for any of those ways, so the page goes nowhere. Add a receiver under the role (for example kind: pagerduty with via: [page, phone] and its routing_key_file) for the way the escalation reaches it.',
				],
			],
			['page', []],
		] as const) {
			const { root, cleanup } = copyTree(GOOD, {
				'content/teams/finance.yaml': finance,
				'content/escalation/ledger.yaml': escalation(via),
			});
			try {
				// payments-team has no receivers either: only finance is under test here.
				expect(
					only(root, 'team-reachable', '2026-12-02').filter((l) => l.startsWith('content/teams/finance.yaml')),
					via,
				).toEqual(expected);
			} finally {
				cleanup();
			}
		}
	});

	it('finds nothing in the shipped content: finance, support and security are on the escalations that need them', () => {
		expect(only(REPO, 'team-reachable', '2026-12-02')).toEqual([]);
		const model = loadContent(REPO);
		const billingSev1 = model.escalation
			.find((e) => e.data.surface === 'billing-events')!
			.data.policies.find((p) => p.severity === 'sev1')!
			.levels.flatMap((l) => l.notify);
		expect(billingSev1).toContain('finance-operations/billing-analyst');
		for (const e of model.escalation) {
			for (const sev of ['sev1', 'sev2']) {
				if (e.data.surface === 'gcp-deploy' && sev === 'sev2') continue; // deploys blocked: no customer impact
				const notified = e.data.policies.find((p) => p.severity === sev)!.levels.flatMap((l) => l.notify);
				expect(notified, `${e.data.surface} ${sev}`).toContain('customer-support/duty-lead');
			}
		}
	});
});
