import { describe, expect, it } from 'vitest';
import { findingLines, line, loadWith, mutate } from './support.ts';

const TEAM = 'content/teams/billing-platform.yaml';
const VENDOR = 'content/vendors/stripe.yaml';
const SEVERITIES = 'content/severities.yaml';
const ESCALATION = 'content/escalation/billing-events.yaml';

describe('teams schema', () => {
	it.each([
		[
			'bad enum',
			mutate(TEAM, 'kind: owning', 'kind: owner'),
			3,
			1,
			'kind: expected one of "owning", "incident-command", "support", "adjacent", found "owner".',
		],
		[
			'channel without #',
			mutate(TEAM, 'channel: "#billing-oncall"', 'channel: billing-oncall'),
			5,
			1,
			'channel: expected a chat channel such as "#billing-oncall", found "billing-oncall".',
		],
		[
			'GitHub handle without org',
			mutate(TEAM, 'github: "@example-org/billing-platform"', 'github: billing-platform'),
			4,
			1,
			'github: expected a GitHub team handle such as "@example-org/billing-platform", found "billing-platform".',
		],
		[
			'time zone as offset',
			mutate(TEAM, 'timezones: [Europe/Dublin, America/Toronto]', 'timezones: [UTC+1]'),
			9,
			15,
			'coverage.timezones[0]: expected an IANA time zone such as "Europe/Dublin", found "UTC+1".',
		],
		[
			'empty time zone list',
			mutate(TEAM, 'timezones: [Europe/Dublin, America/Toronto]', 'timezones: []'),
			9,
			3,
			'coverage.timezones: expected at least 1 item(s), found a list of 0.',
		],
		[
			'http: pager link',
			mutate(TEAM, 'pager: https://', 'pager: http://'),
			6,
			1,
			'pager: expected an absolute https:// URL, found "http://pager.example.com/escalation_policies/billing-plat...".',
		],
	])('%s', (_name, files, lineNo, column, message) => {
		expect(findingLines(loadWith(files))).toEqual([line(TEAM, lineNo, column, 'content-schema', message)]);
	});

	it('a misspelt field is reported twice: as unknown where it stands, and as missing under its real name', () => {
		expect(
			findingLines(loadWith(mutate(TEAM, '    rotation: billing-platform-lead', '    rota: billing-platform-lead'))),
		).toEqual([
			line(TEAM, 11, 5, 'content-schema', 'roles[0].rotation: is required but missing; expected text.'),
			line(
				TEAM,
				14,
				5,
				'content-schema',
				'roles[0].rota: is not a known field; the fields here are id, name, duties, rotation, surfaces, receivers, shifts.',
			),
		]);
	});
});

describe('vendors schema', () => {
	it.each([
		[
			'bad enum',
			mutate(VENDOR, 'kind: saas', 'kind: payments'),
			3,
			1,
			'kind: expected one of "cloud", "saas", "dns", "certificate-authority", found "payments".',
		],
		[
			'javascript: support URL',
			mutate(VENDOR, 'url: https://support.stripe.com/contact', 'url: "javascript:void(0)"'),
			6,
			3,
			'support.url: expected an absolute https:// URL, found "javascript:void(0)".',
		],
		[
			'missing how',
			mutate(VENDOR, '  how: Open the Dashboard, then Help, then Contact support.\n', ''),
			5,
			1,
			'support.how: is required but missing; expected text.',
		],
		[
			'priority as a number',
			mutate(VENDOR, 'priority: Chat or phone from the Dashboard', 'priority: 1'),
			10,
			7,
			'support.priorities[0].priority: expected text, found number 1.',
		],
	])('%s', (_name, files, lineNo, column, message) => {
		expect(findingLines(loadWith(files))).toEqual([line(VENDOR, lineNo, column, 'content-schema', message)]);
	});
});

describe('severities schema (one file holding a list)', () => {
	it.each([
		[
			'wrong type in the second entry',
			mutate(SEVERITIES, 'level: 2', 'level: two'),
			10,
			3,
			'level: expected a number, found "two".',
		],
		[
			'bad enum in a flow mapping',
			mutate(
				SEVERITIES,
				'acknowledgeMinutes: 15, incidentCommander: true, notify: page',
				'acknowledgeMinutes: 15, incidentCommander: true, notify: email',
			),
			14,
			64,
			'response.notify: expected one of "page", "chat", "ticket", found "email".',
		],
		[
			'boolean written as text',
			mutate(
				SEVERITIES,
				'acknowledgeMinutes: 5, incidentCommander: true',
				'acknowledgeMinutes: 5, incidentCommander: "yes"',
			),
			6,
			38,
			'response.incidentCommander: expected true or false, found "yes".',
		],
		[
			'no criteria',
			mutate(SEVERITIES, '  criteria:\n    - Billing events are delayed beyond the SLO\n', '  criteria: []\n'),
			12,
			3,
			'criteria: expected at least 1 item(s), found a list of 0.',
		],
	])('%s', (_name, files, lineNo, column, message) => {
		expect(findingLines(loadWith(files))).toEqual([line(SEVERITIES, lineNo, column, 'content-schema', message)]);
	});

	it('a mapping instead of a list', () => {
		expect(findingLines(loadWith({ [SEVERITIES]: 'id: sev1\nlevel: 1\n' }))).toEqual([
			line(
				SEVERITIES,
				1,
				1,
				'content-schema',
				'expected a list of entries, found a mapping.',
				'Write the file as a YAML list, each item starting with "- id: …".',
			),
		]);
	});

	it('keeps the valid entries of a list when one entry is invalid', () => {
		expect(loadWith(mutate(SEVERITIES, 'level: 2', 'level: two')).severities.map((s) => s.id)).toEqual(['sev1']);
	});
});

describe('escalation schema', () => {
	it.each([
		[
			'bad enum',
			mutate(ESCALATION, 'via: page', 'via: pigeon'),
			7,
			9,
			'policies[0].levels[0].via: expected one of "page", "chat", "phone", "ticket", found "pigeon".',
		],
		[
			'roster reference written as a name',
			mutate(ESCALATION, 'billing-platform/surface-lead', 'Billing Platform'),
			6,
			18,
			'policies[0].levels[0].notify[0]: expected a roster reference such as "billing-platform" or "incident-command/incident-commander", found "Billing Platform".',
		],
		[
			'negative minutes',
			mutate(ESCALATION, 'afterMinutes: 0', 'afterMinutes: -5'),
			5,
			9,
			'policies[0].levels[0].afterMinutes: expected a number >= 0, found number -5.',
		],
		[
			'no policies',
			mutate(
				ESCALATION,
				'policies:\n  - severity: sev1\n    levels:\n      - afterMinutes: 0\n        notify: [billing-platform/surface-lead]\n        via: page\n',
				'policies: []\n',
			),
			2,
			1,
			'policies: expected at least 1 item(s), found a list of 0.',
		],
	])('%s', (_name, files, lineNo, column, message) => {
		expect(findingLines(loadWith(files))).toEqual([line(ESCALATION, lineNo, column, 'content-schema', message)]);
	});
});
