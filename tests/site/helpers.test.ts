/** The pure helpers behind the pages: readiness, heat map, action items, checklist status, links. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { actionItemState } from '../../src/core/readiness/action-item.ts';
import { checklistStatus } from '../../src/core/readiness/checklist-status.ts';
import type { Finding } from '../../src/core/content/finding.ts';
import { heatMap, riskBand, riskScore } from '../../src/core/readiness/heat-map.ts';
import { criterionForRule, readiness, worstState } from '../../src/core/readiness/readiness.ts';
import { reviewState } from '../../src/core/readiness/review.ts';
import {
	basePathOf,
	parseRunbookRef,
	rosterHref,
	runbookRefHref,
	vendorHref,
	withBase,
} from '../../src/core/site/site-links.ts';
import type { ChecklistItem } from '../../src/core/schemas/checklist.ts';

const fixture = loadContent(join(import.meta.dirname, 'fixtures/basic'));
const finding = (over: Partial<Finding>): Finding => ({
	rule: 'x',
	level: 'error',
	file: 'f',
	line: 1,
	column: 1,
	message: 'm.',
	fix: 'Fix.',
	...over,
});

describe('readiness', () => {
	it('loads the fixture without problems', () => {
		expect(fixture.problems).toEqual([]);
	});

	it('states what the content declares, per surface and criterion', () => {
		const rows = readiness(fixture, [], '2026-06-01');
		expect(rows.map((r) => r.surface)).toEqual(['core-api', 'webhooks']);
		const cells = Object.fromEntries(
			rows.map((r) => [r.surface, Object.fromEntries(r.cells.map((c) => [c.criterion, `${c.state}: ${c.summary}`]))]),
		);
		expect(cells['core-api']).toEqual({
			owner: 'ok: API Team, then Incident Command',
			alerts: 'ok: 2 alerts, each landing on a runbook section',
			rollback: 'ok: ordered rollback steps in 1 of 1 runbook',
			review: 'ok: 1 runbook reviewed; next due 2026-08-18',
			tabletop: 'ok: exercised 2026-05-15',
			comms: 'problem: 1 of 2 required templates missing for sev1, sev2',
			status: 'unknown: 1 status check declared',
		});
		expect(cells.webhooks).toMatchObject({
			review: 'problem: 1 of 1 runbook overdue for review',
			status: 'warning: no live status checks declared',
		});
	});

	it('warns before a review falls due, and judges tabletops against the policy window', () => {
		const rows = readiness(fixture, [], '2026-08-10');
		const core = rows.find((r) => r.surface === 'core-api')!;
		expect(core.cells.find((c) => c.criterion === 'review')).toMatchObject({
			state: 'warning',
			summary: '1 of 1 runbook due for review by 2026-08-18',
		});
		const later = readiness(fixture, [], '2026-12-01').find((r) => r.surface === 'core-api')!;
		expect(later.cells.find((c) => c.criterion === 'tabletop')).toMatchObject({
			state: 'problem',
			summary: 'last exercised 2026-05-15, more than 180 days ago',
		});
	});

	it('raises a cell with the findings on the surface files, and ignores other files', () => {
		const findings = [
			finding({ rule: 'runbook-rollback-steps', file: 'content/runbooks/core-api/outage.mdx' }),
			finding({ rule: 'alert-runbook-section', level: 'warning', file: 'content/surfaces/core-api.yaml' }),
			finding({ rule: 'surface-owner', file: 'content/surfaces/webhooks.yaml' }),
			finding({ rule: 'rollback-empty', file: 'content/comms/sev1-investigating-internal.mdx' }),
		];
		const core = readiness(fixture, findings, '2026-06-01').find((r) => r.surface === 'core-api')!;
		expect(core.cells.find((c) => c.criterion === 'rollback')).toMatchObject({
			state: 'problem',
			findings: [findings[0]],
		});
		expect(core.cells.find((c) => c.criterion === 'alerts')).toMatchObject({
			state: 'warning',
			findings: [findings[1]],
		});
		expect(core.findings).toEqual([findings[0], findings[1]]);
	});

	it('never calls a surface ok overall while part of it is unknown', () => {
		expect(worstState(['ok', 'ok'])).toBe('ok');
		expect(worstState(['ok', 'unknown'])).toBe('unknown');
		expect(worstState(['unknown', 'warning'])).toBe('warning');
		expect(worstState(['problem', 'unknown', 'ok'])).toBe('problem');
		expect(worstState([])).toBe('unknown');
		const core = readiness(fixture, [], '2026-06-01').find((r) => r.surface === 'core-api')!;
		expect(core.cells.find((c) => c.criterion === 'status')?.state).toBe('unknown');
		expect(core.state).not.toBe('ok');
	});

	it('maps rule ids to criteria', () => {
		expect(
			[
				'surface-on-call',
				'alert-runbook-section',
				'runbook-required-sections',
				'review-overdue',
				'tabletop-recent',
				'comms-coverage',
				'status-unknown',
				'dependency-cycle',
			].map(criterionForRule),
		).toEqual(['owner', 'alerts', 'rollback', 'review', 'tabletop', 'comms', 'status', undefined]);
	});
});

describe('heat map', () => {
	it('counts risks per likelihood and impact, most likely row first', () => {
		const map = heatMap(fixture.risks.map((r) => r.data));
		expect(map.total).toBe(3);
		expect(map.rows.map((r) => r.likelihood)).toEqual(['almost-certain', 'likely', 'possible', 'unlikely', 'rare']);
		expect(map.impacts).toEqual(['negligible', 'minor', 'moderate', 'major', 'severe']);
		const nonEmpty = map.rows
			.flatMap((r) => r.cells)
			.filter((c) => c.risks.length > 0)
			.map((c) => [c.likelihood, c.impact, c.risks, c.band]);
		expect(nonEmpty).toEqual([
			['possible', 'major', ['latency-spike', 'signature-drift'], 'high'],
			['unlikely', 'severe', ['region-outage'], 'high'],
		]);
	});

	it('scores 1 to 25 and bands the scores', () => {
		expect([
			riskScore('rare', 'negligible'),
			riskScore('almost-certain', 'severe'),
			riskScore('possible', 'moderate'),
		]).toEqual([1, 25, 9]);
		expect([1, 4, 5, 9, 10, 19, 20, 25].map(riskBand)).toEqual([
			'low',
			'low',
			'medium',
			'medium',
			'high',
			'high',
			'critical',
			'critical',
		]);
	});
});

describe('action items', () => {
	it('is overdue only when not done and past its due date', () => {
		expect(actionItemState({ status: 'open', due: '2026-05-25' }, '2026-06-01')).toEqual({
			status: 'open',
			overdue: true,
			daysOverdue: 7,
		});
		expect(actionItemState({ status: 'in-progress', due: '2026-06-01' }, '2026-06-01')).toEqual({
			status: 'in-progress',
			overdue: false,
			daysOverdue: 0,
		});
		expect(actionItemState({ status: 'done', due: '2026-01-01' }, '2026-06-01')).toEqual({
			status: 'done',
			overdue: false,
			daysOverdue: 0,
		});
	});
});

describe('review banner decision', () => {
	it('is overdue the day after the due date, not on it', () => {
		expect(reviewState('2026-01-01', 90, '2026-04-01', 14)).toEqual({
			due: '2026-04-01',
			daysLeft: 0,
			state: 'due-soon',
		});
		expect(reviewState('2026-01-01', 90, '2026-04-02', 14)).toEqual({
			due: '2026-04-01',
			daysLeft: -1,
			state: 'overdue',
		});
	});
});

describe('checklist status', () => {
	const derived = (from: 'coverage-gate' | 'tabletops' | 'live-status'): ChecklistItem => ({
		id: 'x',
		item: 'X',
		category: 'readiness',
		owner: 't',
		kind: 'derived',
		from,
	});
	it('derives the coverage-gate item from error findings only', () => {
		expect(checklistStatus(derived('coverage-gate'), [finding({ level: 'warning' })])).toEqual({
			state: 'go',
			reason: 'the coverage gate reports no errors',
			derivedFrom: 'coverage-gate',
		});
		expect(checklistStatus(derived('coverage-gate'), [finding({}), finding({})]).reason).toBe(
			'the coverage gate reports 2 errors',
		);
	});
	it('derives the tabletops item from tabletop errors only', () => {
		expect(checklistStatus(derived('tabletops'), [finding({ rule: 'alert-link' })]).state).toBe('go');
		expect(checklistStatus(derived('tabletops'), [finding({ rule: 'tabletop-stale' })])).toEqual({
			state: 'no-go',
			reason: '1 tabletop error in the coverage gate',
			derivedFrom: 'tabletops',
		});
	});
	it('leaves live status to the status page, and manual items to their owner', () => {
		expect(checklistStatus(derived('live-status'), []).state).toBe('see-status');
		expect(
			checklistStatus({ id: 'x', item: 'X', category: 'security', owner: 't', kind: 'manual', status: 'no-go' }, [
				finding({}),
			]),
		).toEqual({ state: 'no-go', reason: 'set by its owner', derivedFrom: undefined });
	});
});

describe('site links', () => {
	it('turns content references into hrefs the pages emit anchors for', () => {
		expect(parseRunbookRef('a/b#c')).toEqual({ runbook: 'a/b', anchor: 'c' });
		expect(runbookRefHref('billing-events/event-backlog#mitigation')).toBe(
			'/runbooks/billing-events/event-backlog/#mitigation',
		);
		expect(runbookRefHref('billing-events/event-backlog')).toBe('/runbooks/billing-events/event-backlog/');
		expect(rosterHref('incident-command')).toBe('/roster/#team-incident-command');
		expect(rosterHref('incident-command/incident-commander')).toBe('/roster/#role-incident-command-incident-commander');
		expect(vendorHref('gcp')).toBe('/escalation/#vendor-gcp');
	});

	it('derives the base path from the site URL and puts site paths under it, nothing else', () => {
		expect(basePathOf('https://launchbook.example.com')).toBe('');
		expect(basePathOf('https://launchbook.example.com/')).toBe('');
		expect(basePathOf('https://org.github.io/repo/')).toBe('/repo');
		expect(basePathOf('https://org.github.io/repo')).toBe('/repo');
		expect(basePathOf('https://org.github.io/a/b/')).toBe('/a/b');
		expect(basePathOf('not a url')).toBe('');
		expect(withBase('/repo', '/runbooks/x/#m')).toBe('/repo/runbooks/x/#m');
		expect(withBase('/repo/', '/')).toBe('/repo/');
		expect(withBase('', '/escalation/')).toBe('/escalation/');
		for (const other of [
			'#anchor',
			'https://example.com/x',
			'//evil.example/x',
			'/\\evil.example',
			'relative/x',
			'mailto:a@b',
		])
			expect(withBase('/repo', other)).toBe(other);
	});
});
