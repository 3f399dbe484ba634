import { describe, expect, it } from 'vitest';
import { findingLines, line, loadWith, mutate } from './support.ts';

const RUNBOOK = 'content/runbooks/billing-events/event-backlog.mdx';
const COMMS = 'content/comms/internal-investigating.mdx';
const TABLETOP = 'content/tabletops/2026-11-12-regional-outage.mdx';

describe('runbooks schema (MDX frontmatter)', () => {
	it.each([
		[
			'impossible date',
			mutate(RUNBOOK, 'lastReviewed: 2026-11-18', 'lastReviewed: 2026-02-30'),
			7,
			1,
			'lastReviewed: expected a real calendar date written YYYY-MM-DD, found "2026-02-30".',
		],
		[
			'date in another format',
			mutate(RUNBOOK, 'lastReviewed: 2026-11-18', 'lastReviewed: 18/11/2026'),
			7,
			1,
			'lastReviewed: expected a date written YYYY-MM-DD, found "18/11/2026".',
		],
		[
			'span without unit letter',
			mutate(RUNBOOK, 'reviewEvery: 90d', 'reviewEvery: 90 days'),
			8,
			1,
			'reviewEvery: expected a span such as "90d" or "12w" (a whole number then d or w), found "90 days".',
		],
		[
			'span as a bare number',
			mutate(RUNBOOK, 'reviewEvery: 90d', 'reviewEvery: 90'),
			8,
			1,
			'reviewEvery: expected a span such as "90d" or "12w", found number 90.',
		],
		[
			'unknown field (typo)',
			mutate(RUNBOOK, 'owner: billing-platform', 'owner: billing-platform\nreviewer: billing-platform'),
			7,
			1,
			'reviewer: is not a known field; the fields here are title, description, surface, alerts, owner, lastReviewed, reviewEvery.',
		],
		[
			'alerts as one string',
			mutate(RUNBOOK, 'alerts: [billing-event-backlog]', 'alerts: billing-event-backlog'),
			5,
			1,
			'alerts: expected a list, found "billing-event-backlog".',
		],
		[
			'missing surface',
			mutate(RUNBOOK, 'surface: billing-events\n', ''),
			2,
			1,
			'surface: is required but missing; expected a kebab-case id such as "billing-events".',
		],
	])('%s', (_name, files, lineNo, column, message) => {
		expect(findingLines(loadWith(files))).toEqual([line(RUNBOOK, lineNo, column, 'content-schema', message)]);
	});
});

describe('comms templates schema', () => {
	it('a placeholder the template does not declare', () => {
		expect(findingLines(loadWith(mutate(COMMS, 'UTC. Next', 'UTC, {{impact}}. Next')))).toEqual([
			line(
				COMMS,
				6,
				1,
				'content-schema',
				'message: uses {{impact}} but declares no variable "impact"; add it under variables or remove the placeholder.',
			),
		]);
	});

	it('a placeholder in the subject counts as used, and is checked too', () => {
		const text = mutate(
			COMMS,
			'approval: None needed',
			'subject: "Disruption: {{surface}} {{region}}"\napproval: None needed',
		)[COMMS]!;
		expect(findingLines(loadWith({ [COMMS]: text }))).toEqual([
			line(
				COMMS,
				6,
				1,
				'content-schema',
				'message: uses {{region}} but declares no variable "region"; add it under variables or remove the placeholder.',
			),
		]);
	});

	it('a declared variable the message never uses', () => {
		const files = mutate(
			COMMS,
			'  - { name: nextUpdate, label: Next update (UTC), kind: next-update }\n',
			'  - { name: nextUpdate, label: Next update (UTC), kind: next-update }\n  - { name: cause, label: Cause }\n',
		);
		expect(findingLines(loadWith(files))).toEqual([
			line(
				COMMS,
				11,
				7,
				'content-schema',
				'variables[3].name: declares "cause" but the message never uses {{cause}}; use it or remove it.',
			),
		]);
	});

	it.each([
		[
			'bad audience',
			mutate(COMMS, 'audience: internal', 'audience: slack'),
			3,
			1,
			'audience: expected one of "status-page", "customer-email", "internal", found "slack".',
		],
		[
			'bad phase',
			mutate(COMMS, 'phase: investigating', 'phase: mitigating'),
			4,
			1,
			'phase: expected one of "investigating", "identified", "monitoring", "resolved", found "mitigating".',
		],
		[
			'bad variable kind',
			mutate(COMMS, 'kind: time', 'kind: date'),
			9,
			49,
			'variables[1].kind: expected one of "text", "surface", "time", "next-update", found "date".',
		],
		[
			'variable name with a hyphen',
			mutate(COMMS, '{{startTime}} UTC', '{{start-time}} UTC')[COMMS]!.replace('name: startTime', 'name: start-time'),
			9,
			7,
			'variables[1].name: expected a variable name such as "startTime" (letters and digits, starting lower-case), found "start-time".',
		],
	])('%s', (_name, files, lineNo, column, message) => {
		const input = typeof files === 'string' ? { [COMMS]: files } : files;
		expect(findingLines(loadWith(input))).toEqual([line(COMMS, lineNo, column, 'content-schema', message)]);
	});
});

describe('tabletops schema', () => {
	it.each([
		[
			'offset without T+',
			mutate(TABLETOP, 'at: "T+00:00"', 'at: "00:00"'),
			9,
			5,
			'timeline[0].at: expected an offset such as "T+00:05", found "00:00".',
		],
		[
			'due date in words',
			mutate(TABLETOP, 'due: 2026-11-19', 'due: next week'),
			21,
			5,
			'actions[0].due: expected a date written YYYY-MM-DD, found "next week".',
		],
		[
			'finding kind',
			mutate(TABLETOP, 'kind: tribal-knowledge', 'kind: lesson'),
			15,
			5,
			'findings[0].kind: expected one of "tribal-knowledge", "gap", "worked-well", found "lesson".',
		],
		[
			'action status',
			mutate(TABLETOP, 'status: done', 'status: closed'),
			22,
			5,
			'actions[0].status: expected one of "open", "in-progress", "done", found "closed".',
		],
		[
			'http: pull request link',
			mutate(TABLETOP, 'link: https://github.com', 'link: http://github.com'),
			23,
			5,
			'actions[0].link: expected an absolute https:// URL, found "http://github.com/example-org/launchbook/pull/41".',
		],
		[
			'no participants',
			mutate(TABLETOP, 'participants:\n  - { role: surface-lead, team: billing-platform }\n', 'participants: []\n'),
			6,
			1,
			'participants: expected at least 1 item(s), found a list of 0.',
		],
	])('%s', (_name, files, lineNo, column, message) => {
		expect(findingLines(loadWith(files))).toEqual([line(TABLETOP, lineNo, column, 'content-schema', message)]);
	});
});

describe('risks schema', () => {
	const RISK = 'content/risks/billing-backlog.yaml';
	it.each([
		[
			'bad likelihood',
			mutate(RISK, 'likelihood: likely', 'likelihood: high'),
			5,
			1,
			'likelihood: expected one of "rare", "unlikely", "possible", "likely", "almost-certain", found "high".',
		],
		[
			'bad impact',
			mutate(RISK, 'impact: major', 'impact: 4'),
			6,
			1,
			'impact: expected one of "negligible", "minor", "moderate", "major", "severe", found number 4.',
		],
		[
			'detection without notes',
			mutate(RISK, '  notes: Oldest unacked message age.\n', ''),
			7,
			1,
			'detection.notes: is required but missing; expected text.',
		],
		[
			'dependency without need',
			mutate(RISK, '    need: Move the invoice run off launch day.\n', ''),
			13,
			5,
			'dependencies[0].need: is required but missing; expected text.',
		],
		[
			'status',
			mutate(RISK, 'status: mitigating', 'status: done'),
			15,
			1,
			'status: expected one of "open", "mitigating", "mitigated", "accepted", found "done".',
		],
	])('%s', (_name, files, lineNo, column, message) => {
		expect(findingLines(loadWith(files))).toEqual([line(RISK, lineNo, column, 'content-schema', message)]);
	});
});

describe('checklist schema (derived items cannot carry a typed-in status)', () => {
	const CHECKLIST = 'content/checklist.yaml';
	it.each([
		[
			'derived item with a status',
			mutate(CHECKLIST, '  from: coverage-gate', '  from: coverage-gate\n  status: go'),
			7,
			3,
			'status: is not a known field here; remove it or check its spelling.',
		],
		[
			'derived from an unknown check',
			mutate(CHECKLIST, 'from: coverage-gate', 'from: a-spreadsheet'),
			6,
			3,
			'from: expected one of "coverage-gate", "live-status", "tabletops", found "a-spreadsheet".',
		],
		[
			'no kind',
			mutate(CHECKLIST, '  kind: manual\n', ''),
			7,
			3,
			'kind: expected kind to be "manual" (with status) or "derived" (with from), found nothing.',
		],
		[
			'manual item status',
			mutate(CHECKLIST, 'status: go', 'status: yes'),
			12,
			3,
			'status: expected one of "go", "no-go", "pending", found "yes".',
		],
	])('%s', (_name, files, lineNo, column, message) => {
		expect(findingLines(loadWith(files))).toEqual([line(CHECKLIST, lineNo, column, 'content-schema', message)]);
	});
});
