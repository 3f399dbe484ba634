/**
 * The SLO rules generated from declared SLIs: Sloth's recording-rule names, the Workbook's
 * burn factors for the SLO window, severities from the severity model, exact PromQL.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import {
	BURN_CONDITIONS,
	burnFactor,
	declaredSlos,
	defaultSloSeverities,
	errorBudget,
} from '../../src/core/alerts/declared-slo.ts';
import { burnAlertExpr, errorRatioExpr, sloRuleGroups, sloRulesBlocker } from '../../src/core/alerts/slo-rules.ts';
import { FIXTURE_ROOT, REPO } from './support/paths.ts';

const fixture = loadContent(FIXTURE_ROOT);
const slos = declaredSlos(fixture);
const byId = (id: string) => slos.find((d) => d.slo.id === id)!;

describe('burn factors', () => {
	it('are the Workbook figures for a 30-day window: 14.4, 6 (page), 3, 1 (ticket)', () => {
		expect(BURN_CONDITIONS.map((c) => [c.tier, c.long, c.short, burnFactor(c, '30d')])).toEqual([
			['page', '1h', '5m', 14.4],
			['page', '6h', '30m', 6],
			['ticket', '1d', '2h', 3],
			['ticket', '3d', '6h', 1],
		]);
	});

	it('scale with the window so the same share of the budget is spent: 28 days gives 13.44 over 1 hour', () => {
		expect(BURN_CONDITIONS.map((c) => burnFactor(c, '28d'))).toEqual([13.44, 5.6, 2.8, 0.933333333333]);
	});

	it('use a budget without float noise', () => {
		expect([errorBudget(99.9), errorBudget(99.5), errorBudget(99.99), errorBudget(95)]).toEqual([
			0.001, 0.005, 0.0001, 0.05,
		]);
	});
});

describe('severities of burn alerts', () => {
	it('default to the mildest paging severity and the worst one that does not page', () => {
		const d = defaultSloSeverities(fixture.severities.map((e) => e.data));
		expect([d.page?.id, d.ticket?.id]).toEqual(['sev2', 'sev3']);
		expect([byId('payments-recorded').page?.id, byId('payments-recorded').ticket?.id]).toEqual(['sev2', 'sev3']);
	});

	it('follow pageSeverity when the SLO sets it', () => {
		expect(byId('payments-fast').page?.id).toBe('sev1');
	});
});

describe('expressions', () => {
	it('latency: the share of events above the bucket bound, matching Prometheus 2 and 3 spellings of le', () => {
		expect(errorRatioExpr(byId('payments-fast').sli!, '5m')).toBe(
			'1 - (sum(rate(payment_processing_seconds_bucket{service="payments", env="prod", le=~"30(\\\\.0)?"}[5m])) / sum(rate(payment_processing_seconds_count{service="payments", env="prod"}[5m])))',
		);
	});

	it('ratio with good events: one minus good over total', () => {
		expect(errorRatioExpr(byId('payments-recorded').sli!, '1h')).toBe(
			'1 - ((sum(rate(payment_events_total{outcome="recorded"}[1h]))) / (sum(rate(payment_events_total[1h]))))',
		);
	});

	it('page alert: 14.4x on 5m and 1h, or 6x on 30m and 6h, each against the budget', () => {
		expect(burnAlertExpr(byId('payments-recorded'), 'page')).toBe(
			[
				'(',
				'  max(slo:sli_error:ratio_rate5m{slo="payments-recorded", surface="payments"} > (14.4 * 0.001)) without (window)',
				'  and',
				'  max(slo:sli_error:ratio_rate1h{slo="payments-recorded", surface="payments"} > (14.4 * 0.001)) without (window)',
				')',
				'or',
				'(',
				'  max(slo:sli_error:ratio_rate30m{slo="payments-recorded", surface="payments"} > (6 * 0.001)) without (window)',
				'  and',
				'  max(slo:sli_error:ratio_rate6h{slo="payments-recorded", surface="payments"} > (6 * 0.001)) without (window)',
				')',
			].join('\n'),
		);
	});

	it('groups: SLI recordings for every window, meta recordings with the budget left, page and ticket alerts', () => {
		const groups = sloRuleGroups(byId('payments-recorded'), 'https://launchbook.example.com');
		expect(groups.map((g) => g.name)).toEqual([
			'slo-payments-payments-recorded-sli-recordings',
			'slo-payments-payments-recorded-meta-recordings',
			'slo-payments-payments-recorded-alerts',
		]);
		expect(groups[0]!.rules.map((r) => ('record' in r ? r.record : ''))).toEqual(
			['5m', '30m', '1h', '2h', '6h', '1d', '3d'].map((w) => `slo:sli_error:ratio_rate${w}`),
		);
		expect(groups[1]!.rules.map((r) => ('record' in r ? r.record : ''))).toEqual([
			'slo:objective:ratio',
			'slo:error_budget:ratio',
			'slo:time_period:days',
			'slo:current_burn_rate:ratio',
			'slo:sli_error:ratio_rate30d',
			'slo:period_burn_rate:ratio',
			'slo:period_error_budget_remaining:ratio',
		]);
		const [page, ticket] = groups[2]!.rules;
		expect(page).toMatchObject({
			alert: 'PaymentsRecordedBudgetBurnPage',
			labels: { severity: 'sev2', slo: 'payments-recorded', surface: 'payments', burn: 'page' },
			annotations: {
				runbook_url:
					'https://launchbook.example.com/runbooks/payments/event-backlog-and-latency-when-the-queue-is-stuck/#budget-burn',
			},
		});
		expect(ticket).toMatchObject({ alert: 'PaymentsRecordedBudgetBurnTicket', labels: { severity: 'sev3' } });
	});

	it('an SLO without a measurable SLI gets no rules, and says why', () => {
		expect(sloRulesBlocker(byId('payments-explained'))).toBe('it has no measurable sli');
	});
});

describe('shipped SLOs', () => {
	const shipped = declaredSlos(loadContent(REPO));
	it('every tier-1 surface has an SLO with rules', () => {
		const tier1 = new Set(shipped.filter((d) => d.surface.tier === 1).map((d) => d.surface.id));
		const measured = new Set(shipped.filter((d) => !sloRulesBlocker(d)).map((d) => d.surface.id));
		expect([...tier1].filter((s) => !measured.has(s))).toEqual([]);
		expect(tier1.size).toBeGreaterThan(0);
	});
});
