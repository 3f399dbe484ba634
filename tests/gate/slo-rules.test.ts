/**
 * The SLO rules of the gate on the known-good model: one mutation per rule gives exactly the
 * finding (text and position) a reviewer reads, both ways between SLOs and runbooks.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { promqlTools } from '../../src/adapters/promql-tools.ts';
import { checkCoverage } from '../../src/core/rules/index.ts';
import type { Surface } from '../../src/core/schemas/surface.ts';
import { check, lines, type MutableModel, mutate, REPO, TODAY } from './support.ts';

const PAYMENTS = 'content/surfaces/payments.yaml';
const ERRORS_RB = 'content/runbooks/payments/errors.mdx';
const LAG_RB = 'content/runbooks/ledger/lag.mdx';

const surface = (m: MutableModel, id: string) => m.surfaces.find((s) => s.data.id === id)!;
const runbook = (m: MutableModel, id: string) => m.runbooks.find((r) => r.id === id)!;
const only = (lines: string[], rule: string) => lines.filter((l) => l.includes(`  ${rule}  `));

describe('slo-measurable', () => {
	it('reports a tier-1 surface whose SLOs are prose only', () => {
		const lines = check(
			mutate((m) => {
				delete surface(m, 'payments').data.slos[0]!.sli;
			}),
		);
		expect(only(lines, 'slo-measurable')).toEqual([
			`${PAYMENTS}:18:1  error  slo-measurable  tier-1 surface "payments" has no SLO with a measurable sli: "payments-success" is prose only. Give an SLO an sli: kind ratio (bad or good, and total, PromQL with [{{window}}]) or kind latency (a histogram metric and a threshold), so burn-rate alerts are generated from it.`,
		]);
	});

	it('reports a tier-1 surface without SLOs, and not a tier-2 one', () => {
		const lines = check(
			mutate((m) => {
				surface(m, 'payments').data.slos = [];
				runbook(m, 'payments/errors').data.alerts = ['payments-errors'];
				surface(m, 'ledger').data.slos = [];
				surface(m, 'ledger').data.tier = 2;
				runbook(m, 'ledger/lag').data.alerts = ['ledger-lag'];
			}),
		);
		expect(only(lines, 'slo-measurable')).toEqual([
			`${PAYMENTS}:1:1  error  slo-measurable  tier-1 surface "payments" declares no SLO. Give an SLO an sli: kind ratio (bad or good, and total, PromQL with [{{window}}]) or kind latency (a histogram metric and a threshold), so burn-rate alerts are generated from it.`,
		]);
	});
});

describe('slo-runbook-section', () => {
	it('reports an SLO with an sli and no runbook', () => {
		const lines = check(
			mutate((m) => {
				delete surface(m, 'payments').data.slos[0]!.runbook;
			}),
		);
		expect(only(lines, 'slo-runbook-section')).toEqual([
			`${PAYMENTS}:18:8  error  slo-runbook-section  SLO "payments-success" names no runbook section for its burn-rate alerts. Add runbook: runbook-id#anchor (this surface's runbooks: payments/errors), and list "payments-success-burn-page" and "payments-success-burn-ticket" under alerts in that runbook's frontmatter.`,
		]);
		// The runbook still lists the burn alerts: that end is reported too.
		expect(only(lines, 'slo-runbook-listed')).toHaveLength(2);
	});

	it('reports a missing runbook and a missing section', () => {
		const missing = check(
			mutate((m) => {
				surface(m, 'payments').data.slos[0]!.runbook = 'payments/gone#detection';
			}),
		);
		expect(only(missing, 'slo-runbook-section')).toEqual([
			`${PAYMENTS}:18:298  error  slo-runbook-section  SLO "payments-success" lands its burn alerts on runbook "payments/gone", which does not exist. Write content/runbooks/payments/gone.mdx, or point the SLO at an existing runbook.`,
		]);
		const section = check(
			mutate((m) => {
				surface(m, 'payments').data.slos[0]!.runbook = 'payments/errors#burn';
			}),
		);
		expect(only(section, 'slo-runbook-section')).toEqual([
			`${PAYMENTS}:18:298  error  slo-runbook-section  SLO "payments-success" lands its burn alerts on "#burn", which is not a heading of runbook "payments/errors". Add a section such as "### SLO burn: payments-success" to ${ERRORS_RB} and use its anchor, or one of: summary, detection, diagnosis, mitigation, rollback, escalation, communication.`,
		]);
	});
});

describe('slo-runbook-listed, both ways', () => {
	it('reports a runbook that does not list the burn alerts landing on it', () => {
		const lines = check(
			mutate((m) => {
				runbook(m, 'payments/errors').data.alerts = ['payments-errors', 'payments-success-burn-page'];
			}),
		);
		expect(only(lines, 'slo-runbook-listed')).toEqual([
			`${PAYMENTS}:18:298  error  slo-runbook-listed  SLO "payments-success" lands its burn alerts on runbook "payments/errors", which does not list "payments-success-burn-ticket" under alerts. Add "payments-success-burn-ticket" to the alerts in the frontmatter of ${ERRORS_RB}.`,
		]);
	});

	it('reports a runbook listing burn alerts that land elsewhere, and is silent in runbook-alerts', () => {
		const lines = check(
			mutate((m) => {
				runbook(m, 'ledger/lag').data.alerts.push('payments-success-burn-page');
			}),
		);
		expect(only(lines, 'slo-runbook-listed')).toEqual([
			`${LAG_RB}:5:1  error  slo-runbook-listed  runbook "ledger/lag" lists burn alert "payments-success-burn-page", but SLO "payments-success" lands its burn alerts on "payments/errors#detection". Remove "payments-success-burn-page" from this runbook's alerts, or point the SLO's runbook field (${PAYMENTS}) at a section of this runbook.`,
		]);
		expect(only(lines, 'runbook-alerts')).toEqual([]);
	});
});

describe('slo-severity', () => {
	it('reports a page severity that does not page and an unknown ticket severity', () => {
		const lines = check(
			mutate((m) => {
				const slo = surface(m, 'payments').data.slos[0]!;
				m.severities[1]!.data.response.notify = 'chat';
				slo.pageSeverity = 'sev2';
				slo.ticketSeverity = 'sev9';
			}),
		);
		expect(only(lines, 'slo-severity')).toEqual([
			`${PAYMENTS}:18:8  error  slo-severity  SLO "payments-success" pages with severity "sev2", whose responders are reached by chat, not paged. Set pageSeverity to a severity with notify: page: a 14.4x burn spends 2 % of the budget an hour.`,
			`${PAYMENTS}:18:8  error  slo-severity  SLO "payments-success" sets ticketSeverity "sev9", which is not in content/severities.yaml. Use one of sev1, sev2.`,
		]);
	});

	it('reports a ticket severity that pages', () => {
		const lines = check(
			mutate((m) => {
				surface(m, 'payments').data.slos[0]!.ticketSeverity = 'sev1';
			}),
		);
		expect(only(lines, 'slo-severity')).toEqual([
			`${PAYMENTS}:18:8  error  slo-severity  SLO "payments-success" tickets with severity "sev1", which pages. Set ticketSeverity to a severity with notify: chat or ticket: a 1x burn over 3 days is work for office hours.`,
		]);
	});
});

describe('slo-id-unique', () => {
	it('reports an SLO id used by two surfaces', () => {
		const lines = check(
			mutate((m) => {
				surface(m, 'payments').data.slos[0]!.id = 'ledger-success';
				runbook(m, 'payments/errors').data.alerts = [
					'payments-errors',
					'ledger-success-burn-page',
					'ledger-success-burn-ticket',
				];
			}),
		);
		expect(only(lines, 'slo-id-unique')).toEqual([
			`${PAYMENTS}:18:9  error  slo-id-unique  SLO id "ledger-success" is also used by surface "ledger"; the rules' slo label, the burn alert names and the exported file names would clash. Rename it, e.g. "payments-ledger-success".`,
		]);
	});
});

describe('metric-declared, on the shipped content with its catalogue', () => {
	const shipped = loadContent(REPO);
	const run = (change: (m: { surfaces: { data: Surface }[]; metrics: { data: { owner: string } }[] }) => void) => {
		const copy = structuredClone(shipped);
		change(copy as never);
		return lines(checkCoverage(copy, { today: TODAY, promql: promqlTools })).filter((l) => / {2}metric-/.test(l));
	};

	it('finds nothing wrong in the shipped queries', () => {
		expect(run(() => {})).toEqual([]);
	});

	it('reports a misspelt metric in an alert at the query, and a bad SLI expression', () => {
		const found = run((m) => {
			const fivetran = m.surfaces.find((s) => s.data.id === 'fivetran-webhooks')!.data;
			fivetran.alerts[1]!.query!.expr = '(time() - max(fivetran_webhook_last_event_timestamp)) > 3600';
			const sli = fivetran.slos[0]!.sli as { total: string };
			sli.total = 'sum(rate(fivetran_webhook_deliveries_total[{{window}}])';
		});
		expect(found).toEqual([
			'content/surfaces/fivetran-webhooks.yaml:29:7  error  metric-declared  the total events of SLO "webhook-delivery-success" is not valid PromQL: the parser stops at character 48 (""). Check brackets, quotes and the range: the rules replace {{window}} with 5m, 30m, 1h, 2h, 6h, 1d and 3d.',
			'content/surfaces/fivetran-webhooks.yaml:60:7  error  metric-declared  alert "fivetran-webhook-silent" reads metric "fivetran_webhook_last_event_timestamp", which is not in the metric catalogue (content/metrics.yaml). Declare it there once (id: fivetran_webhook_last_event_timestamp, type, unit, help, source, owner), or correct the name (declared: fivetran_webhook_deliveries_total, …).',
		]);
	});

	it("counts a histogram's _bucket and _count series as the histogram, and reports an unknown owner", () => {
		const found = run((m) => {
			m.metrics[0]!.data.owner = 'billing';
		});
		expect(found).toEqual([
			'content/metrics.yaml:11:3  error  metric-owner  metric "billing_event_processing_seconds" names owner "billing", which is not a team in the roster. Use one of the teams in content/teams/ (billing-platform, customer-support, edge-domains, finance-operations, incident-command, integrations, platform-infra, security).',
		]);
	});
});
