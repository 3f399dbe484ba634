import { z } from 'zod';
import { RULE_IDS } from '../rules/catalog.ts';
import { AUDIENCES, PHASES } from './comms.ts';

/** What the gate does with a rule's findings: report them as errors (fail), as warnings, or not at all. */
export const RuleLevelSchema = z.enum(['error', 'warning', 'off'], { error: 'expected "error", "warning" or "off"' });

/** Paths that may change without a surface owning them: content, docs, tests, lock files, CI. */
export const DEFAULT_UNOWNED_ALLOWED = [
	'content/**',
	'docs/**',
	'**/*.md',
	'**/*.mdx',
	'tests/**',
	'test/**',
	'**/__tests__/**',
	'**/*.test.*',
	'**/*.spec.*',
	'**/package-lock.json',
	'**/pnpm-lock.yaml',
	'**/yarn.lock',
	'**/go.sum',
	'**/Cargo.lock',
	'.github/**',
	'.gitignore',
	'.editorconfig',
	'LICENSE*',
	'launchbook.config.yaml',
];

/**
 * Policy: how strict the coverage gate is. Rule levels, time windows and the required
 * runbook sections live here, not in code.
 */
export const PolicySchema = z.strictObject({
	/**
	 * Runbook headings (depth 2) every runbook must have. Listed in the order authors should
	 * write them; the gate checks that each is present.
	 * @default ["Summary", "Detection", "Diagnosis", "Mitigation", "Rollback", "Escalation", "Communication"]
	 */
	requiredSections: z
		.array(z.string().min(1))
		.default(['Summary', 'Detection', 'Diagnosis', 'Mitigation', 'Rollback', 'Escalation', 'Communication']),
	/**
	 * Required sections for the runbooks of surfaces of one tier, instead of
	 * `requiredSections` (tiers not named keep it): tier 1 may need more, tier 3 less.
	 * @example { "3": [Summary, Mitigation, Escalation] }
	 * @default {}
	 */
	requiredSectionsByTier: z
		.record(z.string(), z.array(z.string().min(1)))
		.superRefine((byTier, ctx) => {
			for (const tier of Object.keys(byTier))
				if (!['1', '2', '3'].includes(tier))
					ctx.addIssue({
						code: 'custom',
						path: [tier],
						message: `"${tier}" is not a surface tier; use "1", "2" or "3"`,
					});
		})
		.default({}),
	/**
	 * Other headings that count as a section, by section name: runbooks written elsewhere say
	 * "Meaning" for Summary or "Remediation" for Mitigation. The required-sections and rollback
	 * rules accept any of them.
	 * @example { Summary: [Meaning, Overview], Mitigation: [Remediation] }
	 * @default {}
	 */
	sectionAliases: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
	/** Days before a review is due when the gate starts warning. @default 14 */
	reviewWarningDays: z.number().int().min(0).default(14),
	/** A manual go/no-go item set to go turns stale this many days after its evidence was `checked`. @default 14 */
	checklistEvidenceDays: z.number().int().positive().default(14),
	/** Every surface must have been exercised in a tabletop within this many days. @default 180 */
	tabletopWindowDays: z.number().int().positive().default(180),
	/** The rollback section: its heading and how many ordered steps it needs at least. */
	rollback: z
		.strictObject({
			/** Heading (depth 2) of the rollback section. @default "Rollback" */
			section: z.string().min(1).default('Rollback'),
			/** Fewest ordered steps a rollback may have. @default 2 */
			minSteps: z.number().int().min(1).default(2),
		})
		.prefault({}),
	/**
	 * Comms templates required per severity: which phases, for which audiences.
	 * @example { sev1: { phases: [investigating, identified, monitoring, resolved], audiences: [status-page, customer-email, internal] } }
	 */
	commsRequired: z
		.record(
			z.string(),
			z.strictObject({
				phases: z.array(z.enum(PHASES)).min(1),
				audiences: z.array(z.enum(AUDIENCES)).min(1),
			}),
		)
		.default({}),
	/**
	 * Level of each rule, by rule id (the rule pages list them); rules not named keep
	 * their default level. `off` silences a rule.
	 * @example { "tabletop-action-overdue": "error", "changed-path-unowned": "off" }
	 */
	rules: z
		.record(z.string(), RuleLevelSchema)
		.default({})
		.superRefine((levels, ctx) => {
			for (const id of Object.keys(levels)) {
				if (!RULE_IDS.includes(id)) {
					ctx.addIssue({
						code: 'custom',
						path: [id],
						message: `"${id}" is not a rule id; the rules are listed at /rules/`,
					});
				} else if (id.startsWith('content-')) {
					ctx.addIssue({
						code: 'custom',
						path: [id],
						message: `"${id}" is a content problem and always an error; remove it`,
					});
				}
			}
		}),
	/**
	 * Globs (from the repository root) of more paths that may change in a pull request
	 * without a surface owning them, added to {@link DEFAULT_UNOWNED_ALLOWED} (content, docs,
	 * tests, lock files, `.github/`).
	 * @example ["src/**", "scripts/**"]
	 * @default []
	 */
	unownedAllowed: z.array(z.string().min(1)).default([]),
});

export type Policy = z.output<typeof PolicySchema>;
export type RuleLevelSetting = z.output<typeof RuleLevelSchema>;
