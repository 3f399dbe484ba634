/**
 * Section aliases and per-tier required sections (policy.sectionAliases,
 * policy.requiredSectionsByTier): runbooks written elsewhere ("## Meaning", "## Remediation")
 * pass without renaming, the rollback rule follows the alias, and a tier can need fewer sections.
 */
import { describe, expect, it } from 'vitest';
import { PolicySchema } from '../../src/core/schemas/policy.ts';
import { check, mutate, setBody } from './support.ts';

const ERRORS_RB = 'content/runbooks/payments/errors.mdx';
type M = Parameters<Parameters<typeof mutate>[0]>[0];
const runbook = (m: M) => m.runbooks.find((r) => r.id === 'payments/errors')!;
const imported = (m: M) => {
	// The alerts that land on its Mitigation section land on the imported "Remediation".
	for (const s of m.surfaces)
		for (const a of s.data.alerts as { runbook: string }[])
			if (a.runbook === 'payments/errors#mitigation') a.runbook = 'payments/errors#remediation';
	return m.runbooks.find((r) => r.id === 'payments/errors')!;
};
const policy = (m: M) => m.config.policy as { -readonly [K in keyof M['config']['policy']]: M['config']['policy'][K] };

/** A runbook in the words of a team that wrote it elsewhere. */
const IMPORTED = (rollback: string) => `
## Meaning

Payments fail for some customers.

## Detection

The alert fires.

## Diagnosis

Look at the dashboard.

## Remediation

Shift traffic.

## Roll back
${rollback}
## Escalation

Page the incident commander.

## Communication

Use the templates.
`;
const STEPS = '\n1. Pin traffic to the last good revision.\n2. Confirm the error rate falls.\n';
const ALIASES = { Summary: ['Meaning', 'Overview'], Mitigation: ['Remediation'], Rollback: ['Roll back'] };

describe('policy.sectionAliases', () => {
	it('without aliases, the other words are missing sections', () => {
		const m = mutate((m) => setBody(imported(m), IMPORTED(STEPS)));
		expect(
			check(m)
				.filter((l) => l.includes('runbook-required-sections'))
				.map((l) => l.split('  ')[3]),
		).toEqual([
			'runbook "payments/errors" has no "## Summary" section. Add a "## Summary" heading and fill it in; every runbook needs: Summary, Detection, Diagnosis, Mitigation, Rollback, Escalation, Communication.',
			'runbook "payments/errors" has no "## Mitigation" section. Add a "## Mitigation" heading after "## Diagnosis" and fill it in; every runbook needs: Summary, Detection, Diagnosis, Mitigation, Rollback, Escalation, Communication.',
			'runbook "payments/errors" has no "## Rollback" section. Add a "## Rollback" heading after "## Diagnosis" and fill it in; every runbook needs: Summary, Detection, Diagnosis, Mitigation, Rollback, Escalation, Communication.',
		]);
	});

	it('with aliases, "## Meaning", "## Remediation" and "## Roll back" are the sections', () => {
		const m = mutate((m) => {
			setBody(imported(m), IMPORTED(STEPS));
			policy(m).sectionAliases = ALIASES;
		});
		expect(check(m)).toEqual([]);
	});

	it('the rollback rule judges the aliased section', () => {
		const m = mutate((m) => {
			setBody(imported(m), IMPORTED('\n- Pin traffic to the last good revision.\n- Confirm the error rate falls.\n'));
			policy(m).sectionAliases = ALIASES;
		});
		expect(check(m)).toEqual([
			`${ERRORS_RB}:29:1  error  runbook-rollback-steps  the "Roll back" section of runbook "payments/errors" has a bulleted list, not a numbered one; rollback steps must run in order. Write the rollback as a numbered list ("1. …", "2. …"), each step a command or action a responder can carry out in order.`,
		]);
	});

	it('a missing section names its aliases', () => {
		const m = mutate((m) => {
			setBody(imported(m), IMPORTED(STEPS).replace('## Meaning\n\nPayments fail for some customers.\n\n', ''));
			policy(m).sectionAliases = ALIASES;
		});
		expect(check(m).map((l) => l.split('  ')[3])).toEqual([
			'runbook "payments/errors" has no "## Summary" section (or "## Meaning", "## Overview"). Add a "## Summary" heading and fill it in; every runbook needs: Summary, Detection, Diagnosis, Mitigation, Rollback, Escalation, Communication.',
		]);
	});
});

describe('policy.requiredSectionsByTier', () => {
	// Detection stays: the fixture's SLO lands its burn alerts there.
	const SHORT =
		'\n## Summary\n\nPayments fail.\n\n## Detection\n\nThe alert fires.\n\n## Mitigation\n\nShift traffic.\n';

	it('a tier can need fewer sections, and then no rollback section either', () => {
		const m = mutate((m) => {
			setBody(runbook(m), `${SHORT}\n## Escalation\n\nPage the incident commander.\n`);
			policy(m).requiredSectionsByTier = { '1': ['Summary', 'Mitigation', 'Escalation'] };
		});
		expect(check(m)).toEqual([]);
	});

	it('says which tier asks for the missing section', () => {
		const m = mutate((m) => {
			setBody(runbook(m), SHORT);
			policy(m).requiredSectionsByTier = { '1': ['Summary', 'Mitigation', 'Escalation'] };
		});
		expect(check(m).map((l) => l.split('  ')[3])).toEqual([
			'runbook "payments/errors" has no "## Escalation" section. Add a "## Escalation" heading after "## Mitigation" and fill it in; every runbook for tier 1 needs: Summary, Mitigation, Escalation.',
		]);
	});

	it('other tiers keep requiredSections', () => {
		const m = mutate((m) => {
			setBody(runbook(m), SHORT);
			policy(m).requiredSectionsByTier = { '3': ['Summary', 'Mitigation'] };
		});
		expect(check(m).filter((l) => l.includes('runbook-required-sections'))).toHaveLength(4);
	});

	it('refuses a tier that does not exist', () => {
		const r = PolicySchema.safeParse({ requiredSectionsByTier: { '4': ['Summary'] } });
		expect(r.success).toBe(false);
		expect(r.error?.issues[0]?.message).toBe('"4" is not a surface tier; use "1", "2" or "3"');
	});
});
