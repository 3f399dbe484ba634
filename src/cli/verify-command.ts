/**
 * npm run alerts:verify -- [--site <built site>] [--root <dir>] [--format text|json|github] <files or folders…>
 *
 * Checks Prometheus rule files and Cloud Monitoring AlertPolicy JSON that Launchbook did not
 * generate: every alert has a runbook link, the link stays on this site, its page and heading
 * anchor exist in the built site, and the alert's name is declared in content/surfaces.
 * Exit codes: 0 clean, 1 error findings, 2 usage or internal error.
 */
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { indexBuiltSite, listAlertFiles, readAlertFile, UsageError } from '../adapters/alert-files.ts';
import { loadContent } from '../adapters/content-loader.ts';
import { declaredAlerts } from '../core/alerts/declared-alert.ts';
import { burnAlertRefs, declaredSlos } from '../core/alerts/declared-slo.ts';
import { verifyAlertFiles } from '../core/alerts/verify.ts';
import { ruleLevel } from '../core/rules/catalog.ts';
import { compareFindings, formatFinding } from '../core/content/finding.ts';
import { renderAlertReport, type ReportFormat } from '../adapters/alert-report.ts';
import { wantsColor } from '../adapters/reporters/text.ts';

const USAGE =
	'Usage: npm run alerts:verify -- [--site <built site, default dist>] [--root <dir>] [--format text|json|github] <files or folders…>';
const FORMATS = ['text', 'json', 'github'] as const;

function main(argv: string[]): number {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			options: {
				root: { type: 'string', default: '.' },
				site: { type: 'string', default: 'dist' },
				format: { type: 'string', default: 'text' },
				help: { type: 'boolean', short: 'h' },
			},
			strict: true,
			allowPositionals: true,
		});
	} catch (error) {
		process.stderr.write(
			`alerts:verify: ${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')}.\n${USAGE}\n`,
		);
		return 2;
	}
	const { values: args, positionals } = parsed;
	if (args.help) {
		process.stdout.write(`${USAGE}\n`);
		return 0;
	}
	if (!(FORMATS as readonly string[]).includes(args.format!)) {
		process.stderr.write(
			`alerts:verify: --format must be one of ${FORMATS.join(', ')}, not "${args.format}".\n${USAGE}\n`,
		);
		return 2;
	}
	if (positionals.length === 0) {
		process.stderr.write(
			`alerts:verify: name at least one Prometheus rule file, AlertPolicy JSON or folder of them.\n${USAGE}\n`,
		);
		return 2;
	}
	const cwd = process.cwd();
	const root = resolve(cwd, args.root!);
	try {
		const site = indexBuiltSite(resolve(cwd, args.site!));
		const model = loadContent(root);
		const contentErrors = model.problems.filter((f) => f.level === 'error');
		if (contentErrors.length > 0) {
			for (const f of [...contentErrors].sort(compareFindings)) process.stderr.write(`${formatFinding(f)}\n`);
			process.stderr.write(
				`alerts:verify: the content has ${contentErrors.length} problem(s), so the declared alerts are unknown. Run "npm run check" and fix them first.\n`,
			);
			return 2;
		}
		const files = listAlertFiles(positionals, cwd).map((f) => readAlertFile(f.abs, f.display, f.discovered));
		const declared = [
			...declaredAlerts(model).map((d) => ({ id: d.alert.id, name: d.alert.name, runbook: d.alert.runbook })),
			// The burn-rate alerts alerts:export generates from each SLO.
			...burnAlertRefs(declaredSlos(model)),
		];
		const findings = verifyAlertFiles({
			files,
			site,
			siteUrl: model.config.site.url,
			declared,
			levelOf: (rule) => ruleLevel(model.config.policy, rule),
		});
		const out = renderAlertReport(findings, args.format as ReportFormat, {
			siteUrl: model.config.site.url,
			files: files.length,
			color: wantsColor(process.env, process.stderr.isTTY),
		});
		process.stdout.write(out.stdout);
		process.stderr.write(out.stderr);
		if (out.summary !== undefined && process.env.GITHUB_STEP_SUMMARY)
			appendFileSync(process.env.GITHUB_STEP_SUMMARY, out.summary);
		return findings.some((f) => f.level === 'error') ? 1 : 0;
	} catch (error) {
		if (error instanceof UsageError) {
			process.stderr.write(`alerts:verify: ${error.message}\n`);
			return 2;
		}
		throw error;
	}
}

/** Run `alerts:verify` with these arguments; returns the exit code. */
export function runVerify(argv: string[]): number {
	try {
		return main(argv);
	} catch (error) {
		// As the coverage gate: a bug is one line (exit 2); the stack only with LAUNCHBOOK_DEBUG.
		const e = error as Error;
		process.stderr.write(
			`alerts:verify: internal error: ${e?.message ?? String(error)}. This is a bug in Launchbook, not in your alert files; please report it with the command you ran.\n`,
		);
		if (process.env.LAUNCHBOOK_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
		return 2;
	}
}
