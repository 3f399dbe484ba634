import { describe, expect, it } from 'vitest';
import { findingLines, line, loadWith, mutate } from './support.ts';

const FILE = 'content/surfaces/billing-events.yaml';

describe('surfaces schema', () => {
	it('prints the whole finding line: position, level, rule, field path, expected, found, fix', () => {
		expect(findingLines(loadWith(mutate(FILE, 'primary: billing-platform', 'primary: 42')))).toEqual([
			'content/surfaces/billing-events.yaml:6:3  error  content-schema  owner.primary: expected a kebab-case id such as "billing-events", found number 42. Correct the field as described; the schema and its examples are documented on the content-model page.',
		]);
	});

	it.each([
		[
			'missing required field',
			mutate(FILE, 'name: Billing event processing\n', ''),
			1,
			1,
			'name: is required but missing; expected text.',
		],
		[
			'missing required mapping',
			mutate(FILE, 'owner:\n  primary: billing-platform\n', ''),
			1,
			1,
			'owner: is required but missing; expected a mapping.',
		],
		['wrong type', mutate(FILE, 'tier: 1', 'tier: "one"'), 4, 1, 'tier: expected a number, found "one".'],
		['number out of range', mutate(FILE, 'tier: 1', 'tier: 4'), 4, 1, 'tier: expected a number <= 3, found number 4.'],
		[
			'bad enum',
			mutate(FILE, 'language: promql', 'language: cypher'),
			25,
			7,
			'alerts[0].query.language: expected one of "promql", "mql", "logging", found "cypher".',
		],
		[
			'http: URL',
			mutate(FILE, 'onCall: https://pager', 'onCall: http://pager'),
			7,
			1,
			'onCall: expected an absolute https:// URL, found "http://pager.example.com/schedules/billing-platform-primary".',
		],
		[
			'javascript: URL',
			mutate(
				FILE,
				'onCall: https://pager.example.com/schedules/billing-platform-primary',
				'onCall: "javascript:alert(1)"',
			),
			7,
			1,
			'onCall: expected an absolute https:// URL, found "javascript:alert(1)".',
		],
		[
			'relative link URL',
			mutate(FILE, 'url: https://grafana.example.com/d/billing-events/billing-events', 'url: /d/billing-events'),
			30,
			5,
			'dashboards[0].url: expected an absolute https:// URL, found "/d/billing-events".',
		],
		[
			'unknown field (typo)',
			mutate(FILE, 'dependsOn:', 'dependOn:'),
			8,
			1,
			'dependOn: is not a known field; did you mean "dependsOn"?',
		],
		[
			'bad id',
			mutate(FILE, 'id: billing-events', 'id: Billing_Events'),
			1,
			1,
			'id: expected a kebab-case id such as "billing-events" (lower-case letters, digits and single hyphens), found "Billing_Events".',
		],
		[
			'alert name with spaces',
			mutate(FILE, 'name: BillingEventBacklogHigh', 'name: billing event backlog high'),
			19,
			5,
			'alerts[0].name: expected an alert name such as "BillingEventLatencyP95High" (letters, digits, underscores), found "billing event backlog high".',
		],
		[
			'bad runbook reference',
			mutate(
				FILE,
				'runbook: billing-events/event-backlog#billingeventbackloghigh',
				'runbook: "Billing backlog runbook"',
			),
			22,
			5,
			'alerts[0].runbook: expected a runbook section such as "billing-events/event-backlog#mitigation", found "Billing backlog runbook".',
		],
		[
			'bad duration',
			mutate(FILE, 'for: 5m', 'for: five minutes'),
			27,
			5,
			'alerts[0].for: expected a duration such as "5m" or "1h", found "five minutes".',
		],
		[
			'SLO objective of 100',
			mutate(FILE, 'objective: 99', 'objective: 100'),
			14,
			5,
			'slos[0].objective: expected a number < 100, found number 100.',
		],
		[
			'unknown status-check kind',
			mutate(FILE, 'kind: prometheus', 'kind: promql'),
			38,
			5,
			'checks[1].kind: expected kind to be one of github-workflow, github-incidents, http, tls, prometheus, gcp-incidents, found "promql".',
		],
		[
			'threshold direction',
			mutate(FILE, 'direction: above', 'direction: up'),
			40,
			19,
			'checks[1].thresholds.direction: expected one of "below", "above", found "up".',
		],
	])('%s', (_name, files, lineNo, column, message) => {
		expect(findingLines(loadWith(files))).toEqual([line(FILE, lineNo, column, 'content-schema', message)]);
	});

	it('reports every problem of a file, not only the first', () => {
		const text = mutate(FILE, 'tier: 1', 'tier: 0')[FILE]!.replace('kind: http', 'kind: ftp');
		expect(findingLines(loadWith({ [FILE]: text }))).toEqual([
			line(FILE, 4, 1, 'content-schema', 'tier: expected a number >= 1, found number 0.'),
			line(
				FILE,
				34,
				5,
				'content-schema',
				'checks[0].kind: expected kind to be one of github-workflow, github-incidents, http, tls, prometheus, gcp-incidents, found "ftp".',
			),
		]);
	});

	it('leaves an invalid entry out of the model', () => {
		expect(loadWith(mutate(FILE, 'tier: 1', 'tier: 4')).surfaces).toEqual([]);
	});
});
