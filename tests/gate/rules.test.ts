/**
 * The pure rules: the known-good model has no findings, and one mutation per rule gives
 * exactly the finding (text and position) a reviewer reads.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/catalog.ts';
import { locate } from '../../src/core/content/model.ts';
import { bodySafety } from '../../src/core/markdown/body-safety.ts';
import { checkCoverage } from '../../src/core/rules/index.ts';
import { check, mutate, setBody, TODAY } from './support.ts';

const PAYMENTS = 'content/surfaces/payments.yaml';
const LEDGER = 'content/surfaces/ledger.yaml';
const ERRORS_RB = 'content/runbooks/payments/errors.mdx';
const TABLETOP = 'content/tabletops/2026-10-regional-outage.mdx';
const ROLLBACK_FIX =
	'Write the rollback as a numbered list ("1. …", "2. …"), each step a command or action a responder can carry out in order.';

const surface = (m: Parameters<Parameters<typeof mutate>[0]>[0], id: string) =>
	m.surfaces.find((s) => s.data.id === id)!;
const runbook = (m: Parameters<Parameters<typeof mutate>[0]>[0], id: string) => m.runbooks.find((r) => r.id === id)!;

const BODY = (rollback: string) => `
## Summary

Payments fail.

## Detection

The alert fires.

## Diagnosis

Look at the dashboard.

## Mitigation

Shift traffic.

## Rollback
${rollback}
## Escalation

Page the incident commander.

## Communication

Use the templates.
`;

describe('locate', () => {
	it('finds own positions only: a field named like an Object method falls back to its parent', () => {
		const entry = { positions: { '': { line: 1, column: 1 }, owner: { line: 4, column: 1 } } };
		expect(locate(entry, 'toString')).toEqual({ line: 1, column: 1 });
		expect(locate(entry, 'owner.constructor')).toEqual({ line: 4, column: 1 });
		expect(locate(entry, 'owner.__proto__')).toEqual({ line: 4, column: 1 });
	});
});

describe('coverage rules on the known-good model', () => {
	it('reports nothing', () => {
		expect(check(mutate(() => {}))).toEqual([]);
	});

	it('every coverage rule has a catalog entry with checks, why and fix', () => {
		for (const r of RULES) {
			expect(r.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
			expect(r.checks.length, r.id).toBeGreaterThan(20);
			expect(r.why.length, r.id).toBeGreaterThan(20);
			expect(r.fix.length, r.id).toBeGreaterThan(10);
		}
	});

	it('is one catalogue: the gate and alerts:verify share it, and no two rules share an id', () => {
		const ids = RULES.map((r) => r.id);
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
		const verify = RULES.filter((r) => r.family === 'alerts-verify').map((r) => r.id);
		expect(verify).toContain('verify-runbook-section');
		expect(ids).toContain('alert-runbook-section');
		expect(verify.every((id) => id.startsWith('verify-'))).toBe(true);
	});
});

describe('one mutation per rule', () => {
	it('surface-owner: primary team not in the roster', () => {
		const m = mutate((m) => (surface(m, 'payments').data.owner.primary = 'paymnts-team'));
		expect(check(m)).toEqual([
			`${PAYMENTS}:6:3  error  surface-owner  owner.primary "paymnts-team" of surface "payments" is not a team in the roster. Use one of the teams in content/teams/ (incident-command, payments-team), or add the team there.`,
		]);
	});

	it('surface-on-call: on-call link not https', () => {
		const m = mutate((m) => (surface(m, 'ledger').data.onCall = 'http://pager.example.com/ledger'));
		expect(check(m)).toEqual([
			`${LEDGER}:7:1  error  surface-on-call  the on-call link of surface "ledger" is not an absolute https URL: "http://pager.example.com/ledger". Set onCall to the https URL of the rotation schedule in the pager tool.`,
		]);
	});

	it('surface-alerts and the findings that follow from removing them', () => {
		const m = mutate((m) => (surface(m, 'ledger').data.alerts = []));
		expect(check(m)).toEqual([
			`content/risks/ledger-lag.yaml:8:12  error  risk-references  risk "ledger-lag" is detected by alert "ledger-lag", which no surface declares. Correct the id to an alert declared under a surface's alerts, or declare the alert.`,
			`content/runbooks/ledger/lag.mdx:5:10  error  runbook-alerts  runbook "ledger/lag" lists alert "ledger-lag", which no surface declares. Remove it from alerts, or correct the id to an alert declared in content/surfaces/.`,
			`${LEDGER}:10:1  error  surface-alerts  surface "ledger" declares no alerts. Declare under alerts the alert that detects this surface failing: id, name, severity, an https link and the runbook section it lands on.`,
		]);
	});

	it('alert-link-https: a javascript: link', () => {
		const m = mutate((m) => (surface(m, 'payments').data.alerts[0]!.link = 'javascript:alert(1)'));
		expect(check(m)).toEqual([
			`${PAYMENTS}:15:5  error  alert-link-https  the link of alert "payments-errors" is not an absolute https URL: "javascript:alert(1)". Use the https URL of the alert policy in the monitoring console.`,
		]);
	});

	it('alert-runbook-section: an anchor that is not a heading', () => {
		const m = mutate((m) => (surface(m, 'payments').data.alerts[0]!.runbook = 'payments/errors#mitigaton'));
		expect(check(m)).toEqual([
			`${PAYMENTS}:16:5  error  alert-runbook-section  alert "payments-errors" lands on "#mitigaton", which is not a heading of runbook "payments/errors". Use one of its heading anchors: summary, detection, diagnosis, mitigation, rollback, escalation, communication.`,
		]);
	});

	it('alert-runbook-section: anchors follow the site slugs (punctuation, duplicates)', () => {
		const m = mutate((m) => {
			setBody(
				runbook(m, 'payments/errors'),
				BODY('\n1. Pin traffic to the last good revision.\n2. Confirm the error rate falls.\n').replace(
					'## Mitigation',
					'## Mitigation: shift traffic (Cloud Run)\n\n## Mitigation',
				),
			);
			surface(m, 'payments').data.alerts[0]!.runbook = 'payments/errors#mitigation-shift-traffic-cloud-run';
		});
		expect(check(m)).toEqual([]);
		const dup = mutate((m) => {
			setBody(
				runbook(m, 'payments/errors'),
				BODY('\n1. Pin traffic to the last good revision.\n2. Confirm the error rate falls.\n').replace(
					'## Mitigation',
					'## Mitigation\n\nFirst.\n\n## Mitigation',
				),
			);
			surface(m, 'payments').data.alerts[0]!.runbook = 'payments/errors#mitigation-1';
		});
		expect(check(dup)).toEqual([]);
	});

	it('alert-runbook-section: an unknown runbook', () => {
		const m = mutate((m) => (surface(m, 'payments').data.alerts[0]!.runbook = 'payments/error#mitigation'));
		expect(check(m)).toEqual([
			`content/runbooks/payments/errors.mdx:5:10  error  runbook-alerts  runbook "payments/errors" lists alert "payments-errors", but that alert lands on runbook "payments/error". Remove "payments-errors" from this runbook's alerts, or point the alert's runbook field (content/surfaces/payments.yaml) at a section of this runbook.`,
			`${PAYMENTS}:16:5  error  alert-runbook-section  alert "payments-errors" lands on runbook "payments/error", which does not exist. Point it at one of this surface's runbooks (payments/errors) followed by #anchor, or write the runbook.`,
		]);
	});

	it('runbook-references: unknown surface and owner', () => {
		const m = mutate((m) => {
			runbook(m, 'ledger/lag').data.owner = 'ledger-team';
		});
		expect(check(m)).toEqual([
			`content/runbooks/ledger/lag.mdx:6:1  error  runbook-references  runbook "ledger/lag" names owner "ledger-team", which is not a team in the roster. Use one of the teams in content/teams/ (incident-command, payments-team).`,
		]);
	});

	it('runbook-alerts: an alert landing on a runbook that does not list it', () => {
		const m = mutate((m) => {
			const rb = runbook(m, 'ledger/lag').data;
			rb.alerts = rb.alerts.filter((a) => a !== 'ledger-lag');
		});
		expect(check(m)).toEqual([
			`${LEDGER}:15:5  error  runbook-alerts  alert "ledger-lag" lands on runbook "ledger/lag", which does not list it under alerts. Add "ledger-lag" to the alerts in the frontmatter of content/runbooks/ledger/lag.mdx.`,
		]);
	});

	it('surface-runbook: a surface without runbooks', () => {
		const m = mutate((m) => {
			m.runbooks = m.runbooks.filter((r) => r.id !== 'ledger/lag');
			surface(m, 'ledger').data.alerts[0]!.runbook = 'payments/errors#diagnosis';
			runbook(m, 'payments/errors').data.alerts.push('ledger-lag');
			surface(m, 'ledger').data.slos[0]!.runbook = 'payments/errors#detection';
			runbook(m, 'payments/errors').data.alerts.push('ledger-success-burn-page', 'ledger-success-burn-ticket');
		});
		expect(check(m)).toEqual([
			`${LEDGER}:1:1  error  surface-runbook  surface "ledger" has no runbook. Write a runbook in content/runbooks/ledger/ with "surface: ledger" in its frontmatter.`,
		]);
	});

	it('runbook-required-sections: a missing section points after the previous one', () => {
		const m = mutate((m) =>
			setBody(
				runbook(m, 'payments/errors'),
				BODY('\n1. Pin traffic to the last good revision.\n2. Confirm the error rate falls.\n').replace(
					'## Diagnosis\n\nLook at the dashboard.\n\n',
					'',
				),
			),
		);
		expect(check(m)).toEqual([
			`${ERRORS_RB}:15:1  error  runbook-required-sections  runbook "payments/errors" has no "## Diagnosis" section. Add a "## Diagnosis" heading after "## Detection" and fill it in; every runbook needs: Summary, Detection, Diagnosis, Mitigation, Rollback, Escalation, Communication.`,
		]);
	});

	it('runbook-required-sections: a required section written one level too deep', () => {
		const m = mutate((m) =>
			setBody(
				runbook(m, 'payments/errors'),
				BODY('\n1. Pin traffic to the last good revision.\n2. Confirm the error rate falls.\n').replace(
					'## Escalation',
					'### Escalation',
				),
			),
		);
		expect(check(m)).toEqual([
			`${ERRORS_RB}:32:1  error  runbook-required-sections  the "Escalation" section is a level-3 heading; required sections are level 2. Write it as "### Escalation".`.replace(
				'Write it as "### Escalation"',
				'Write it as "## Escalation"',
			),
		]);
	});

	const rollbackCases: [string, string, string[]][] = [
		[
			'an empty section',
			'\n',
			[
				`${ERRORS_RB}:27:1  error  runbook-rollback-steps  the "Rollback" section of runbook "payments/errors" is empty. ${ROLLBACK_FIX}`,
			],
		],
		[
			'prose only',
			'\nRoll back the way we always do.\n',
			[
				`${ERRORS_RB}:27:1  error  runbook-rollback-steps  the "Rollback" section of runbook "payments/errors" holds prose but no numbered steps. ${ROLLBACK_FIX}`,
			],
		],
		[
			'a lone TBD',
			'\nTBD\n',
			[
				`${ERRORS_RB}:27:1  error  runbook-rollback-steps  the "Rollback" section of runbook "payments/errors" holds only a placeholder ("TBD"). ${ROLLBACK_FIX}`,
			],
		],
		[
			'a bulleted list',
			'\n- Pin traffic to the last good revision.\n- Confirm the error rate falls.\n',
			[
				`${ERRORS_RB}:29:1  error  runbook-rollback-steps  the "Rollback" section of runbook "payments/errors" has a bulleted list, not a numbered one; rollback steps must run in order. ${ROLLBACK_FIX}`,
			],
		],
		[
			'one step',
			'\n1. Pin traffic to the last good revision.\n',
			[
				`${ERRORS_RB}:27:1  error  runbook-rollback-steps  the "Rollback" section of runbook "payments/errors" has 1 concrete step; at least 2 are required. ${ROLLBACK_FIX}`,
			],
		],
		[
			'placeholder steps',
			'\n1. Pin traffic to the last good revision.\n2. TODO: confirm the region\n3. Step three\n',
			[
				`${ERRORS_RB}:27:1  error  runbook-rollback-steps  the "Rollback" section of runbook "payments/errors" has 1 concrete step; at least 2 are required. ${ROLLBACK_FIX}`,
				`${ERRORS_RB}:29:1  error  runbook-rollback-steps  rollback step 2 of runbook "payments/errors" contains "TODO" ("TODO: confirm the region"), not a concrete step. ${ROLLBACK_FIX}`,
				`${ERRORS_RB}:29:1  error  runbook-rollback-steps  rollback step 3 of runbook "payments/errors" is a placeholder ("Step three"), not a concrete step. ${ROLLBACK_FIX}`,
			],
		],
	];
	for (const [name, rollback, expected] of rollbackCases) {
		it(`runbook-rollback-steps: ${name}`, () => {
			const m = mutate((m) => setBody(runbook(m, 'payments/errors'), BODY(rollback)));
			expect(check(m)).toEqual(expected);
		});
	}

	it('runbook-rollback-steps: steps under sub-headings count', () => {
		const m = mutate((m) =>
			setBody(
				runbook(m, 'payments/errors'),
				BODY('\n### Cloud Run\n\n1. Pin traffic to the last good revision.\n2. Confirm the error rate falls.\n'),
			),
		);
		expect(check(m)).toEqual([]);
	});

	it('escalation-coverage: a severity without a policy, and a surface without escalation', () => {
		const m = mutate((m) => {
			m.escalation[0]!.data.policies.pop();
			m.escalation.pop();
		});
		expect(check(m)).toEqual([
			`content/escalation/ledger.yaml:2:1  error  escalation-coverage  escalation for "ledger" has no policy for severity "sev2". Add under policies an entry "severity: sev2" with its levels (after N minutes, notify whom).`,
			`${PAYMENTS}:1:1  error  escalation-coverage  surface "payments" has no escalation policy. Add content/escalation/payments.yaml with "surface: payments" and a policy for each severity (sev1, sev2).`,
		]);
	});

	it('escalation-roster: a role the team does not have', () => {
		const m = mutate((m) => (m.escalation[1]!.data.policies[0]!.levels[1]!.notify[0] = 'incident-command/commander'));
		expect(check(m)).toEqual([
			`content/escalation/payments.yaml:6:38  error  escalation-roster  escalation for "payments" (sev1, after 15 min) notifies "incident-command/commander", but team "incident-command" has no role "commander" (its roles: incident-commander). Name a team ("billing-platform") or a role of a team ("incident-command/incident-commander") from content/teams/.`,
		]);
	});

	it('comms-coverage: a phase missing for an audience', () => {
		const m = mutate((m) => (m.comms = m.comms.filter((c) => c.id !== 'resolved-internal')));
		expect(check(m)).toEqual([
			`content/severities.yaml:1:3  error  comms-coverage  sev1 has no "resolved" comms template for audience "internal". Add to content/comms/ a template per missing audience with "phase: resolved" and sev1 in its severities, or add sev1 to an existing template of that phase and audience.`,
		]);
	});

	it('review-due-soon (warning) and review-overdue (error)', () => {
		const m = mutate((m) => {
			runbook(m, 'payments/errors').data.lastReviewed = '2026-09-01';
			runbook(m, 'ledger/lag').data.lastReviewed = '2026-08-01';
		});
		expect(check(m)).toEqual([
			`content/runbooks/ledger/lag.mdx:7:1  error  review-overdue  runbook "ledger/lag" was due for review on 2026-10-30 (27 days ago; last reviewed 2026-08-01, every 90 days). Review the runbook against the running system (commands, dashboards, regions), then set lastReviewed to the review date.`,
			`${ERRORS_RB}:7:1  warning  review-due-soon  runbook "payments/errors" is due for review on 2026-11-30, in 4 days. Review the runbook against the running system (commands, dashboards, regions), then set lastReviewed to the review date.`,
		]);
	});

	it('tabletop-recent: never exercised, and exercised too long ago', () => {
		const m = mutate((m) => {
			m.tabletops[0]!.data.surfaces = ['payments'];
		});
		expect(check(m, { today: '2027-06-01' }).filter((l) => l.includes('tabletop-recent'))).toEqual([
			`${LEDGER}:1:1  error  tabletop-recent  surface "ledger" has never been exercised in a tabletop. Run a tabletop exercise that covers "ledger" and record it in content/tabletops/ with ledger under surfaces.`,
			`${PAYMENTS}:1:1  error  tabletop-recent  surface "payments" was last exercised on 2026-10-15 (tabletop "2026-10-regional-outage"), 229 days ago; the policy asks for every 180 days. Run a tabletop exercise that covers "payments" and record it in content/tabletops/.`,
		]);
	});

	it('tabletop-action-overdue (warning) and tabletop-action-link', () => {
		const m = mutate((m) => {
			const actions = m.tabletops[0]!.data.actions;
			actions[0]!.due = '2026-11-20';
			delete actions[1]!.link;
		});
		expect(check(m)).toEqual([
			`${TABLETOP}:20:5  warning  tabletop-action-overdue  action "write-failover" (payments-team) was due on 2026-11-20 and is still open, 6 days late. Finish it and set "status: done" with a link to the change, or agree a new due date with its owner.`,
			`${TABLETOP}:27:5  error  tabletop-action-link  action "add-dashboard" is done but has no link to the change that closed it. Add "link:" with the https URL of the pull request or document that closed it.`,
		]);
	});

	it('risk-references: unknown surface, alert, owner and adjacent team', () => {
		const m = mutate((m) => {
			const r = m.risks[0]!.data;
			r.surfaces[1] = 'payment';
			r.owner = 'finance';
			r.dependencies[0]!.team = 'sre';
		});
		expect(check(m)).toEqual([
			`content/risks/ledger-lag.yaml:4:20  error  risk-references  risk "ledger-lag" names surface "payment", which does not exist. Use one of: ledger, payments.`,
			`content/risks/ledger-lag.yaml:11:1  error  risk-references  risk "ledger-lag" is owned by "finance", which is not a team in the roster. Use one of: incident-command, payments-team.`,
			`content/risks/ledger-lag.yaml:13:7  error  risk-references  risk "ledger-lag" depends on team "sre", which is not in the roster. Add the adjacent team to content/teams/ (kind: adjacent), or use one of: incident-command, payments-team.`,
		]);
	});

	it('depends-on-known: neither a surface nor a vendor', () => {
		const m = mutate((m) => (surface(m, 'payments').data.dependsOn[1] = 'stripe'));
		expect(check(m)).toEqual([
			`${PAYMENTS}:9:21  error  depends-on-known  surface "payments" depends on "stripe", which is neither a surface nor a vendor. Correct the id, or add the vendor to content/vendors/.`,
		]);
	});

	it('dependency-cycle: reported once, at the dependency that closes it', () => {
		const m = mutate((m) => surface(m, 'ledger').data.dependsOn.push('payments'));
		expect(check(m)).toEqual([
			`${LEDGER}:8:1  error  dependency-cycle  dependency cycle: ledger → payments → ledger. Remove the dependency that closes the cycle; declare only what a surface needs in order to work.`,
		]);
	});

	it('duplicate-id: an alert id used by two surfaces', () => {
		const m = mutate((m) => {
			const ledger = surface(m, 'ledger').data;
			ledger.alerts.push({
				...structuredClone(surface(m, 'payments').data.alerts[0]!),
				runbook: 'ledger/lag#mitigation',
			});
			runbook(m, 'ledger/lag').data.alerts.push('payments-errors');
		});
		// Reported once: which runbook a duplicated id lands on is ambiguous, so runbook-alerts says nothing about it.
		expect(check(m)).toEqual([
			`${PAYMENTS}:12:5  error  duplicate-id  alert id "payments-errors" is already declared at content/surfaces/ledger.yaml:10. Alert ids are unique across all surfaces; rename one of them.`,
		]);
	});

	it("duplicate-id: an alert renamed to another surface's id is reported once, with what its old id leaves dangling", () => {
		const m = mutate((m) => (surface(m, 'ledger').data.alerts[0]!.id = 'payments-errors'));
		expect(check(m)).toEqual([
			'content/risks/ledger-lag.yaml:8:12  error  risk-references  risk "ledger-lag" is detected by alert "ledger-lag", which no surface declares. Correct the id to an alert declared under a surface\'s alerts, or declare the alert.',
			'content/runbooks/ledger/lag.mdx:5:10  error  runbook-alerts  runbook "ledger/lag" lists alert "ledger-lag", which no surface declares. Remove it from alerts, or correct the id to an alert declared in content/surfaces/.',
			`${PAYMENTS}:12:5  error  duplicate-id  alert id "payments-errors" is already declared at content/surfaces/ledger.yaml:11. Alert ids are unique across all surfaces; rename one of them.`,
		]);
	});

	it('duplicate-id: a vendor with the id of a surface', () => {
		const m = mutate((m) => {
			m.vendors.push({
				...structuredClone(m.vendors[0]!),
				file: 'content/vendors/ledger.yaml',
				data: { ...structuredClone(m.vendors[0]!.data), id: 'ledger' },
			});
		});
		expect(check(m)).toEqual([
			`content/vendors/ledger.yaml:1:1  error  duplicate-id  surface or vendor id "ledger" is already declared at content/surfaces/ledger.yaml:1. Rename one of them: surfaces and vendors share one namespace because dependsOn can name either.`,
		]);
	});

	it('unknown-reference: an alert severity that does not exist', () => {
		const m = mutate((m) => (surface(m, 'ledger').data.alerts[0]!.severity = 'sev5'));
		expect(check(m)).toEqual([
			`${LEDGER}:13:5  error  unknown-reference  alert "ledger-lag" has severity "sev5", which is not in content/severities.yaml. Use one of: sev1, sev2.`,
		]);
	});

	it('code-path-pattern: globs CODEOWNERS cannot read', () => {
		const m = mutate((m) => (surface(m, 'ledger').data.codePaths = ['!services/ledger/tests/**']));
		const out = check(m, { codeowners: { file: '.github/CODEOWNERS', text: null } });
		expect(out).toEqual(
			[
				`${LEDGER}:9:13  error  code-path-pattern  code path "!services/ledger/tests/**" is a negation, which CODEOWNERS does not support. Write the glob as a path from the repository root such as "services/billing/**"; list several globs instead of a negation, range or brace set.`,
				`.github/CODEOWNERS:1:1  error  codeowners-drift  .github/CODEOWNERS is missing, but the surfaces declare code paths and owners. Run "npm run codeowners" and commit .github/CODEOWNERS; change owners and code paths in content/surfaces/, never in the generated file.`,
			].sort((a, b) => a.localeCompare(b)),
		);
	});

	it('policy levels: a rule set to warning or off', () => {
		const m = mutate((m) => {
			surface(m, 'ledger').data.alerts[0]!.link = 'http://example.com/alert';
			m.config.policy.rules = { 'alert-link-https': 'warning', 'review-due-soon': 'off' };
			runbook(m, 'payments/errors').data.lastReviewed = '2026-09-01';
		});
		expect(check(m)).toEqual([
			`${LEDGER}:14:5  warning  alert-link-https  the link of alert "ledger-lag" is not an absolute https URL: "http://example.com/alert". Use the https URL of the alert policy in the monitoring console.`,
		]);
	});

	it('never reads the clock: the same model judged on two days', () => {
		const m = mutate(() => {});
		expect(checkCoverage(m, { today: TODAY })).toEqual([]);
		expect(
			checkCoverage(m, { today: '2027-06-01' })
				.map((f) => f.rule)
				.sort(),
		).toEqual(['review-overdue', 'review-overdue', 'tabletop-action-overdue', 'tabletop-recent', 'tabletop-recent']);
	});
});

describe('unsafe-link (judged on the parsed body; see also hostile-content.test.ts)', () => {
	const UNSAFE_FIX = 'Link to an https:// page instead; if the text is an example, put it in a code span.';
	const judge = (body: string) =>
		bodySafety(body, { format: 'mdx', lineOffset: 12, components: [] })?.map(
			(f) => `${f.line}:${f.column}  ${f.rule}  ${f.message} ${f.fix}`,
		);

	it.each([
		['a Markdown link', 'See [the dashboard](javascript:alert(1)).', 5, 'a link', 'javascript'],
		['an image', '![graph](data:image/svg+xml;base64,AAAA)', 1, 'an image', 'data'],
		['a reference definition', '[dash]: vbscript:msgbox', 1, 'the link definition [dash]', 'vbscript'],
		['a JSX attribute', 'Open <a href="file:///etc/passwd">this</a>.', 9, 'the href attribute of <a>', 'file'],
		[
			'a case-mixed attribute',
			'Open <a href="JavaScript:void(0)">this</a>.',
			9,
			'the href attribute of <a>',
			'javascript',
		],
	])('reports %s at its line and column', (_name, body, column, what, scheme) => {
		expect(judge(body)).toEqual([
			`13:${column}  unsafe-link  ${what} uses a ${scheme}: URL, which would run or open something other than a web page. ${UNSAFE_FIX}`,
		]);
	});

	it('leaves examples in code spans and code blocks alone, and https links', () => {
		expect(
			judge(
				'Never paste `[x](javascript:alert(1))`; see [the docs](https://cloud.google.com/run/docs).\n\n```md\n[x](javascript:alert(1))\n```',
			),
		).toEqual([]);
	});
});
