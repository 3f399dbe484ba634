/**
 * The coverage gate: a content model in, findings out. Runs every rule, gives each finding
 * the level the policy sets for its rule (dropping rules set to `off`), adds the loader's
 * problems, and sorts. Pure: the caller passes today's date and any file it read.
 */
import { compareFindings, type Finding } from '../content/finding.ts';
import type { ContentModel } from '../content/model.ts';
import { checkAlertQueries } from './alert-queries.ts';
import { checkAlerts } from './alerts.ts';
import { ruleLevel } from './catalog.ts';
import { checkChangedPaths } from './changed-paths.ts';
import { checkChecklist } from './checklist.ts';
import { checkCodeownersDrift } from './codeowners-drift.ts';
import { checkComms } from './comms.ts';
import { type CheckOptions, createContext, type RuleContext } from './context.ts';
import { checkDuplicateIds } from './duplicate-ids.ts';
import { checkEscalation } from './escalation.ts';
import { checkMetrics } from './metrics.ts';
import { checkOnCallCoverage } from './on-call-coverage.ts';
import { checkOwnership } from './ownership.ts';
import { checkPaging } from './paging.ts';
import { checkReferences } from './references.ts';
import { checkReviews } from './review.ts';
import { checkRollback } from './rollback.ts';
import { checkRunbookLinks } from './runbook-links.ts';
import { checkRunbookImages } from './runbook-images.ts';
import { checkRunbookSections } from './runbook-sections.ts';
import { checkRunSheets } from './run-sheet.ts';
import { checkSlos } from './slos.ts';
import { checkTabletops } from './tabletops.ts';
import { checkYamlComments } from './yaml-comments.ts';

export type { CheckOptions } from './context.ts';

const RULE_FAMILIES: readonly ((ctx: RuleContext) => void)[] = [
	checkOwnership,
	checkAlerts,
	checkAlertQueries,
	checkSlos,
	checkMetrics,
	checkRunbookLinks,
	checkRunbookSections,
	checkRollback,
	checkRunbookImages,
	checkEscalation,
	checkPaging,
	checkOnCallCoverage,
	checkComms,
	checkReviews,
	checkTabletops,
	checkReferences,
	checkDuplicateIds,
	checkCodeownersDrift,
	checkChangedPaths,
	checkYamlComments,
	checkRunSheets,
	checkChecklist,
];

export { ruleLevel } from './catalog.ts';

/** Run the gate. Findings come back sorted by file, line, column and rule, without duplicates. */
export function checkCoverage(model: ContentModel, options: CheckOptions): Finding[] {
	const ctx = createContext(model, options);
	for (const family of RULE_FAMILIES) family(ctx);
	const out: Finding[] = [];
	const seen = new Set<string>();
	for (const f of [...model.problems, ...ctx.findings]) {
		const level = ruleLevel(model.config.policy, f.rule);
		if (level === 'off') continue;
		const key = `${f.file}\0${f.line}\0${f.column}\0${f.rule}\0${f.message}`;
		if (seen.has(key)) continue;
		seen.add(key);
		// A position is always a 1-based line and column, whatever a parser handed back.
		const line = Number.isInteger(f.line) && f.line >= 1 ? f.line : 1;
		const column = Number.isInteger(f.column) && f.column >= 1 ? f.column : 1;
		out.push({ rule: f.rule, level, file: f.file, line, column, message: f.message, fix: f.fix });
	}
	return out.sort(compareFindings);
}

/** Counts by level. */
export function summarise(findings: readonly Finding[]): { errors: number; warnings: number } {
	let errors = 0;
	for (const f of findings) if (f.level === 'error') errors++;
	return { errors, warnings: findings.length - errors };
}
