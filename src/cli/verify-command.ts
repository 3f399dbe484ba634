/**
 * npm run alerts:verify -- [--site <built site>] [--root <dir>] [--format text|json|github]
 *   [--exclude <glob>]… [--external-label k=v]… <files or folders…>
 *
 * Checks Prometheus rule files and Cloud Monitoring AlertPolicy JSON that Launchbook did not
 * generate: every alert has a runbook link, the link stays on this site, its page and heading
 * anchor exist in the built site, and the alert's name is declared in content/surfaces.
 * Every run says how many alerts it checked; none checked is a failure (a typo in a path or an
 * --exclude that took everything must not pass).
 * Exit codes: 0 clean, 1 error findings or no alert checked, 2 usage or internal error.
 */
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { indexBuiltSite, listAlertFiles, readAlertFile, UsageError } from '../adapters/alert-files.ts';
import { loadContent } from '../adapters/content-loader.ts';
import { declaredAlerts } from '../core/alerts/declared-alert.ts';
import { absenceAlertRefs } from '../core/alerts/absence-rules.ts';
import { burnAlertRefs, declaredSlos } from '../core/alerts/declared-slo.ts';
import { promqlTools } from '../adapters/promql-tools.ts';
import { rollUpFindings, verifyAlerts } from '../core/alerts/verify.ts';
import { ruleLevel } from '../core/rules/catalog.ts';
import { compareFindings, formatFinding } from '../core/content/finding.ts';
import { renderAlertReport, type ReportFormat } from '../adapters/alert-report.ts';
import { wantsColor } from '../adapters/reporters/text.ts';
import { neutraliseCommands } from '../core/content/workflow-commands.ts';

const USAGE =
	'Usage: npm run alerts:verify -- [--site <built site, default dist>] [--root <dir>] [--format text|json|github] [--exclude <glob>]… [--external-label <name>=<value>]… <files or folders…>';
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
				exclude: { type: 'string', multiple: true, default: [] },
				'external-label': { type: 'string', multiple: true, default: [] },
				help: { type: 'boolean', short: 'h' },
			},
			strict: true,
			allowPositionals: true,
		});
	} catch (error) {
		writeErr(
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
		writeErr(`alerts:verify: --format must be one of ${FORMATS.join(', ')}, not "${args.format}".\n${USAGE}\n`);
		return 2;
	}
	if (positionals.length === 0) {
		writeErr(`alerts:verify: name at least one Prometheus rule file, AlertPolicy JSON or folder of them.\n${USAGE}\n`);
		return 2;
	}
	const externalLabels: Record<string, string> = {};
	for (const pair of args['external-label'] ?? []) {
		const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(pair);
		if (!m) {
			writeErr(
				`alerts:verify: --external-label takes <name>=<value> (a label name, "=", its value), not "${pair}".\n${USAGE}\n`,
			);
			return 2;
		}
		externalLabels[m[1]!] = m[2]!;
	}
	const cwd = process.cwd();
	const root = resolve(cwd, args.root!);
	try {
		const site = indexBuiltSite(resolve(cwd, args.site!));
		const model = loadContent(root);
		const contentErrors = model.problems.filter((f) => f.level === 'error');
		if (contentErrors.length > 0) {
			for (const f of [...contentErrors].sort(compareFindings)) writeErr(`${formatFinding(f)}\n`);
			writeErr(
				`alerts:verify: the content has ${contentErrors.length} problem(s), so the declared alerts are unknown. Run "npm run check" and fix them first.\n`,
			);
			return 2;
		}
		const files = listAlertFiles(positionals, cwd, args.exclude ?? []).map((f) =>
			readAlertFile(f.abs, f.display, f.discovered),
		);
		const declared = [
			...declaredAlerts(model).map((d) => ({
				id: d.alert.id,
				name: d.alert.name,
				runbook: d.alert.runbook,
				// A rule's severity label may be the id (sev1) or the word of its name ("SEV1 — critical").
				labels: {
					severity: [d.alert.severity, ...(d.severity ? severityWords(d.severity.name) : [])],
					surface: [d.surface.id],
				},
			})),
			// The burn-rate alerts alerts:export generates from each SLO.
			...burnAlertRefs(declaredSlos(model)),
			// The absence alerts it generates for every metric a surface's alerts and SLIs read.
			...absenceRefs(model),
		];
		const result = verifyAlerts({
			files,
			site,
			siteUrl: model.config.site.url,
			declared,
			levelOf: (rule) => ruleLevel(model.config.policy, rule),
			externalLabels,
		});
		// JSON keeps every finding; people and annotations read more than 20 of a rule by host.
		const findings = args.format === 'json' ? result.findings : rollUpFindings(result.findings);
		const out = renderAlertReport(findings, args.format as ReportFormat, {
			siteUrl: model.config.site.url,
			files: files.length,
			alerts: result.checked,
			color: wantsColor(process.env, process.stderr.isTTY),
		});
		process.stdout.write(out.stdout);
		writeErr(out.stderr);
		if (out.summary !== undefined && process.env.GITHUB_STEP_SUMMARY)
			appendFileSync(process.env.GITHUB_STEP_SUMMARY, out.summary);
		if (result.checked === 0) {
			writeErr(
				`alerts:verify: no alert was checked: the ${files.length === 1 ? 'file holds' : `${files.length} files hold`} no alerting rule or AlertPolicy${(args.exclude ?? []).length > 0 ? ' (after --exclude)' : ''}. Name the rule files to check.\n`,
			);
			return 1;
		}
		return findings.some((f) => f.level === 'error') ? 1 : 0;
	} catch (error) {
		if (error instanceof UsageError) {
			writeErr(`alerts:verify: ${error.message}\n`);
			return 2;
		}
		throw error;
	}
}

/** `SEV1 — critical` → `['critical']`: the words of a severity's name that are not its id. */
function severityWords(name: string): string[] {
	return name
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((w) => w !== '' && !/^sev\d$/.test(w));
}

/** The generated absence alerts, as declared alerts (the PromQL parser loads only when some alert has PromQL). */
function absenceRefs(model: ReturnType<typeof loadContent>): { id: string; name: string; runbook: string }[] {
	const alerts = declaredAlerts(model);
	const slos = declaredSlos(model);
	if (!alerts.some((a) => a.alert.query?.language === 'promql') && !slos.some((d) => d.sli)) return [];
	const { parser } = promqlTools();
	return model.surfaces.flatMap((s) =>
		absenceAlertRefs(s.data.id, alerts, slos, parser).map((r) => ({ id: r.name, name: r.name, runbook: r.runbook })),
	);
}

/** Run `alerts:verify` with these arguments; returns the exit code. */
/** Everything printed for people names files and alerts from elsewhere: no line of it may read as a workflow command. */
const writeErr = (text: string) => process.stderr.write(neutraliseCommands(text));

export function runVerify(argv: string[]): number {
	try {
		return main(argv);
	} catch (error) {
		// As the coverage gate: a bug is one line (exit 2); the stack only with LAUNCHBOOK_DEBUG.
		const e = error as Error;
		writeErr(
			`alerts:verify: internal error: ${e?.message ?? String(error)}. This is a bug in Launchbook, not in your alert files; please report it with the command you ran.\n`,
		);
		if (process.env.LAUNCHBOOK_DEBUG) writeErr(`${e?.stack ?? ''}\n`);
		return 2;
	}
}
