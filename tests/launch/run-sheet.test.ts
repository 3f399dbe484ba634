/**
 * The launch-day run sheet and the honest go/no-go: the shipped sheet passes its rules; one
 * mutation per rule gives the exact finding a reviewer reads; the decision on pinned days (stale
 * evidence, an overdue tabletop action, pending items after the launch date with their owners);
 * and the built offline kit carries the sheet with every rollback link landing inside the kit.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { goNoGo } from '../../src/core/readiness/go-no-go.ts';
import { checkCoverage } from '../../src/core/rules/index.ts';
import { lines, REPO } from '../gate/support.ts';

const SHEET = 'content/launch-day/integrations-platform-ga.yaml';
const shipped = parse(readFileSync(join(REPO, SHEET), 'utf8'));
const rules = ['run-sheet-order', 'run-sheet-owner', 'run-sheet-links', 'run-sheet-abort-criteria'];
const findings = (root: string, today = '2026-12-02', only = rules) =>
	lines(checkCoverage(loadContent(root), { today })).filter((l) => only.some((r) => l.includes(`  ${r}  `)));

/** The shipped content with the run sheet changed by `change` (re-written as YAML: the positions are those of the re-written file). */
function withSheet(change: (s: typeof shipped) => void, files: Record<string, string> = {}) {
	const s = structuredClone(shipped);
	change(s);
	// The shipped content and config only (not the whole repository with node_modules).
	const root = mkdtempSync(join(tmpdir(), 'launchbook-sheet-'));
	cpSync(join(REPO, 'content'), join(root, 'content'), { recursive: true });
	cpSync(join(REPO, 'launchbook.config.yaml'), join(root, 'launchbook.config.yaml'));
	for (const [path, text] of Object.entries({ [SHEET]: stringify(s), ...files })) writeFileSync(join(root, path), text);
	return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

describe('run sheet rules', () => {
	it('the shipped run sheet passes every run-sheet rule', () => {
		expect(findings(REPO)).toEqual([]);
	});

	it('report order, owners, links and missing abort criteria with the fix', () => {
		const { root, cleanup } = withSheet((s) => {
			s.steps[3].at = 'T-96h';
			s.steps[0].owner = 'platform-infra';
			s.steps[1].owner = 'platform-infra/release-captain';
			s.steps[4].runbook = 'gcp-deploy/cloud-run-health-check-failing#roll-back';
			s.steps[5].checklist = 'support-pager';
			delete s.steps[6].comms;
			s.gates[1].abort = [];
			s.gates[2].abort[0].alert = 'charges-recorded-burn-weekly';
		});
		try {
			const out = findings(root).map((l) => l.replace(/^content\/launch-day\/integrations-platform-ga\.yaml:/, ''));
			expect(out).toEqual([
				'32:5  error  run-sheet-owner  the owner of step 1 (T-7d) is the whole team "platform-infra"; on launch day one role answers for each step. Name the role, such as "platform-infra/primary-on-call".',
				'37:5  error  run-sheet-owner  the owner of step 2 (T-7d) is "platform-infra/release-captain", but team "platform-infra" has no role "release-captain" (its roles: primary-on-call, secondary-on-call, surface-lead). Name a role of a team in content/teams/, written "team/role".',
				'47:5  error  run-sheet-order  step 4 (T-96h) comes after step 3 (T-72h) in the list but earlier in time. List the steps in time order, earliest first, so the sheet reads top to bottom on the day.',
				'58:5  error  run-sheet-links  step 5 (T-24h) links "#roll-back", which is not a heading of runbook "gcp-deploy/cloud-run-health-check-failing". Use one of its heading anchors: summary, detection, cloudrunrevision5xxhigh, cloudrunstartupprobefailing, slo-burn-revision-availability, diagnosis, mitigation, rollback, escalation, communication.',
				'63:5  error  run-sheet-links  step 6 (T-24h) links checklist item "support-pager", which is not in content/checklist.yaml. Use one of: runbook-coverage, runbook-reviews-current, escalation-complete, comms-templates-complete, tabletop-exercised, live-status-green, rollback-rehearsed, load-test-billing, reconciliation-dry-run, invoice-run-moved, fivetran-silence-alert-tested, vendor-support-plans, secrets-rotation-witnessed, caa-and-dns-checked, support-weekend-pager, status-page-components, billing-replica-promotion, change-freeze-announced.',
				'64:5  error  run-sheet-links  step 7 (T-24h) links nothing it relies on. Add the runbook section (runbook: id#anchor), the checklist item (checklist: id) or the comms template (comms: id) the step follows.',
				'137:5  error  run-sheet-abort-criteria  gate "early-health" (T+30m) has no abort criteria: nobody can say on the day which signal stops the launch. Add under abort at least one criterion: the alert that carries the signal, its threshold, and the rollback runbook section.',
				'151:9  error  run-sheet-links  gate "steady-state" (T+4h) aborts on alert "charges-recorded-burn-weekly", which no surface declares and no SLO generates. Use the id of an alert in content/surfaces/, or of an SLO burn alert (<slo-id>-burn-page or <slo-id>-burn-ticket).',
			]);
		} finally {
			cleanup();
		}
	});
});

describe('honest go/no-go', () => {
	const model = loadContent(REPO);

	it('is No-go on the pinned day because a tabletop action is overdue, though the derived item used to say Go', () => {
		const v = goNoGo(model, checkCoverage(model, { today: '2026-12-02' }), '2026-12-02');
		expect(v.decision).toBe('no-go');
		expect(v.launchDate).toBe('2026-12-15');
		expect(v.overdueActions).toEqual([{ id: 'ta-2026-11-12-08', owner: 'incident-command', due: '2026-11-30' }]);
		expect(v.items.find((i) => i.entry.data.id === 'tabletop-exercised')!.status).toEqual({
			state: 'no-go',
			reason: '1 tabletop action overdue (ta-2026-11-12-08)',
			derivedFrom: 'tabletops',
		});
		expect(v.reasons[0]).toBe('1 item no-go: tabletop-exercised.');
	});

	it('turns a go stale past the evidence window, so the decision cannot be Go', () => {
		const day = '2026-12-12';
		const v = goNoGo(model, [], day);
		const stale = v.items.filter((i) => i.status.state === 'stale').map((i) => [i.entry.data.id, i.status.reason]);
		expect(stale).toEqual(
			[
				['vendor-support-plans', 'evidence last checked 2026-11-25, 17 days ago (the policy allows 14)'],
				['reconciliation-dry-run', 'evidence last checked 2026-11-26, 16 days ago (the policy allows 14)'],
				['load-test-billing', 'evidence last checked 2026-11-27, 15 days ago (the policy allows 14)'],
				['secrets-rotation-witnessed', 'evidence last checked 2026-11-27, 15 days ago (the policy allows 14)'],
			].sort(
				(a, b) =>
					model.checklist.findIndex((c) => c.data.id === a[0]) - model.checklist.findIndex((c) => c.data.id === b[0]),
			),
		);
		expect(v.decision).not.toBe('go');
		expect(
			lines(checkCoverage(model, { today: day })).filter((l) => l.includes('checklist-evidence-stale'))[0],
		).toMatch(
			/^content\/checklist\.yaml:\d+:3 {2}warning {2}checklist-evidence-stale {2}go\/no-go item "load-test-billing" \(billing-platform\) says go, but evidence last checked 2026-11-27, 15 days ago \(the policy allows 14\): it does not count as go\. Check the evidence again and set "checked: 2026-12-12", or set the status to pending until it is checked\.$/,
		);
	});

	it('after the launch date, pending items make it No-go and are named with their owners', () => {
		const day = '2026-12-16';
		const v = goNoGo(model, [], day);
		expect(v.decision).toBe('no-go');
		expect(v.pendingPastLaunch.map((i) => `${i.entry.data.id} (${i.entry.data.owner})`)).toEqual([
			'support-weekend-pager (customer-support)',
			'status-page-components (incident-command)',
			'billing-replica-promotion (billing-platform)',
			'change-freeze-announced (platform-infra)',
		]);
		expect(v.reasons).toContain(
			'4 items still pending after the launch date 2026-12-15: support-weekend-pager (customer-support), status-page-components (incident-command), billing-replica-promotion (billing-platform), change-freeze-announced (platform-infra).',
		);
		expect(
			lines(checkCoverage(model, { today: day })).filter((l) => l.includes('checklist-pending-past-launch')).length,
		).toBe(4);
		// The day before the launch the same items are only pending.
		expect(goNoGo(model, [], '2026-12-14').pendingPastLaunch).toEqual([]);
	});
});

describe('the offline kit carries the run sheet', () => {
	it('has the sheet, every gate with its abort criteria, and rollback links that land inside the kit', () => {
		const html = readFileSync(join(inject('builtSite'), 'offline-kit.html'), 'utf8');
		const section = html.slice(html.indexOf('<section aria-labelledby="launch-day"'));
		expect(section).toContain('T0 2026-12-15 14:00 UTC');
		for (const gate of ['Final go/no-go', 'Early health after promotion', 'Steady state, hand over to hypercare']) {
			expect(section).toContain(`Gate: ${gate}`);
		}
		const hrefs = [...section.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
		expect(hrefs.length).toBeGreaterThan(10);
		const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
		expect(hrefs.filter((h) => !ids.has(h))).toEqual([]);
		expect(html).toContain('<a href="#launch-day">Launch-day run sheet</a>');
	});
});
