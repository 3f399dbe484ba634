/**
 * yaml-comment-cuts-text: a plain text value followed by ` #` on the same line is cut by YAML
 * (the rest is a comment). Found at the `#`, on the shipped content as it was before the launch
 * review and on files written the way people write them; quoted values, block scalars, one-word
 * values and `#` without a space before it are left alone.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { checkCoverage } from '../../src/core/rules/index.ts';
import { copyTree, GOOD, lines, REPO, TODAY } from '../gate/support.ts';

const rule = (root: string) =>
	lines(checkCoverage(loadContent(root), { today: TODAY })).filter((l) => l.includes('yaml-comment-cuts-text'));

describe('yaml-comment-cuts-text', () => {
	it('finds the four roster lines and the checklist item of the content before the launch review', () => {
		const found = rule(join(REPO, 'tests/fixtures/launch/before-review'));
		expect(found.map((l) => l.split('  ')[0])).toEqual([
			'content/checklist.yaml:117:120',
			'content/teams/billing-platform.yaml:11:72',
			'content/teams/edge-domains.yaml:11:72',
			'content/teams/integrations.yaml:11:72',
			'content/teams/platform-infra.yaml:11:72',
		]);
		expect(found[1]).toBe(
			'content/teams/billing-platform.yaml:11:72  warning  yaml-comment-cuts-text  the text of "coverage.handoff" ends at "…e/Dublin, with a written handoff note in": the " #billing-oncall" after it is a YAML comment, not part of the value. Put the whole value in double quotes so "#" is part of the text (handoff: "…e/Dublin, with a written handoff note in #billing-oncall"), or move the comment to a line of its own if it is meant as one.',
		);
	});

	it('finds nothing in the shipped content now', () => {
		expect(rule(REPO)).toEqual([]);
	});

	it('reports a cut value in frontmatter and in a list, and leaves other uses of # alone', () => {
		const team = [
			'id: payments-team',
			'name: Payments',
			'github: "@example-org/payments"',
			'channel: "#payments-oncall"',
			'pager: https://example-org.pagerduty.example.com/escalation_policies/payments',
			'coverage:',
			'  hours: 24x7   # one word before the comment: an id-like value, nothing is cut',
			'  timezones: [Europe/Dublin]',
			'  handoff: "Fridays, handoff note in #payments-oncall"  # quoted: fine',
			'roles:',
			'  - id: surface-lead',
			'    name: Payments surface lead',
			'    duties: Leads payments incidents; posts in #payments-oncall',
			'    rotation: payments-primary',
			'    surfaces: [payments]',
			'',
		].join('\n');
		const { root, cleanup } = copyTree(GOOD, { 'content/teams/payments-team.yaml': team });
		try {
			expect(rule(root)).toEqual([
				'content/teams/payments-team.yaml:13:48  warning  yaml-comment-cuts-text  the text of "roles[0].duties" ends at "Leads payments incidents; posts in": the " #payments-oncall" after it is a YAML comment, not part of the value. Put the whole value in double quotes so "#" is part of the text (duties: "Leads payments incidents; posts in #payments-oncall"), or move the comment to a line of its own if it is meant as one.',
			]);
		} finally {
			cleanup();
		}
	});

	it('ignores block scalars and a # inside a word', () => {
		const team = [
			'id: payments-team',
			'name: Payments team#1',
			'github: "@example-org/payments"',
			'channel: "#payments-oncall"',
			'pager: https://example-org.pagerduty.example.com/escalation_policies/payments',
			'coverage:',
			'  hours: >-',
			'    24x7, handoff in #payments-oncall',
			'  timezones: [Europe/Dublin]',
			'roles: []',
			'',
		].join('\n');
		const { root, cleanup } = copyTree(GOOD, { 'content/teams/payments-team.yaml': team });
		try {
			expect(rule(root)).toEqual([]);
		} finally {
			cleanup();
		}
	});
});
