/**
 * `npm run import -- --surface <id> --owner <team> [--root <dir>] [--today YYYY-MM-DD] [--dry-run] <paths…>`
 *
 * Brings existing Markdown runbooks and Prometheus rule files into Launchbook: MDX runbooks,
 * a surface with every distinct alert, an escalation stub. Never overwrites a file. Prints what
 * it wrote (or would write) and what still needs a person.
 * Exit codes: 0 done, 1 some input refused (file:line), 2 usage.
 */
import { resolve } from 'node:path';
import {
	ImportUsageError,
	readImportInputs,
	readTargetContext,
	targetExists,
	writeNewFile,
} from '../adapters/import-files.ts';
import {
	alertsOfDocument,
	convertRunbook,
	type ImportedRunbook,
	planImport,
	type Refusal,
	type RuleAlert,
} from '../core/import/convert.ts';
import { parseCliArgs, UsageError } from './args.ts';

export const IMPORT_USAGE =
	'Usage: npm run import -- --surface <id> --owner <team> [--root <dir>] [--today YYYY-MM-DD] [--dry-run] <runbooks and rule files or folders…>\n';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ImportIo {
	readonly cwd?: string;
	readonly out?: (text: string) => void;
	readonly err?: (text: string) => void;
	readonly now?: () => Date;
}

/** Run the import with these arguments; returns the exit code. */
export function runImport(argv: readonly string[], io: ImportIo = {}): number {
	const out = io.out ?? ((t: string) => process.stdout.write(t));
	const err = io.err ?? ((t: string) => process.stderr.write(t));
	const cwd = io.cwd ?? process.cwd();
	const usage = (message: string) => {
		err(`launchbook import: ${message}.\n${IMPORT_USAGE}`);
		return 2;
	};
	let values: { surface?: string; owner?: string; root?: string; today?: string; 'dry-run'?: boolean; help?: boolean };
	let paths: string[];
	try {
		const parsed = parseCliArgs(
			argv,
			{
				surface: { type: 'string' },
				owner: { type: 'string' },
				root: { type: 'string' },
				today: { type: 'string' },
				'dry-run': { type: 'boolean' },
				help: { type: 'boolean', short: 'h' },
			},
			{ positionals: true },
		);
		values = parsed.values;
		paths = parsed.positionals;
	} catch (error) {
		if (error instanceof UsageError) return usage(error.message);
		throw error;
	}
	if (values.help) {
		out(IMPORT_USAGE);
		return 0;
	}
	if (!values.surface) return usage('--surface is required');
	if (!ID.test(values.surface))
		return usage(`--surface "${values.surface}" is not a kebab-case id such as "billing-events"`);
	if (!values.owner) return usage('--owner is required');
	if (!ID.test(values.owner)) return usage(`--owner "${values.owner}" is not a team id such as "billing-platform"`);
	const today = values.today ?? (io.now?.() ?? new Date()).toISOString().slice(0, 10);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`)))
		return usage(`--today "${today}" is not a date such as 2026-11-26`);
	if (paths.length === 0) return usage('name at least one runbook or rule file');
	const root = resolve(cwd, values.root ?? '.');
	const dryRun = values['dry-run'] === true;

	let context: ReturnType<typeof readTargetContext>;
	let input: ReturnType<typeof readImportInputs>;
	try {
		context = readTargetContext(root, values.owner);
		input = readImportInputs(paths, cwd);
	} catch (error) {
		if (error instanceof ImportUsageError) return usage(error.message.replace(/\.$/, ''));
		throw error;
	}

	const refused: Refusal[] = [];
	const runbooks: ImportedRunbook[] = [];
	for (const md of input.markdown) {
		const r = convertRunbook(md.text, md.display, context);
		if ('line' in r) refused.push(r);
		else if (runbooks.some((o) => o.name === r.name))
			refused.push({ file: md.display, line: 1, message: `a second runbook named "${r.name}"; rename one file` });
		else runbooks.push(r);
	}
	const alerts: RuleAlert[] = [];
	for (const file of input.rules) {
		if ('syntaxError' in file && file.syntaxError)
			refused.push({ file: file.file, line: file.syntaxError.line, message: file.syntaxError.message });
		else if ('refused' in file && file.refused)
			refused.push({ file: file.file, line: 1, message: file.refused.message });
		else if ('documents' in file) {
			const found = file.documents.flatMap((d) => alertsOfDocument(d.value, file.file));
			if (found.length === 0)
				refused.push({
					file: file.file,
					line: 1,
					message: 'no alerting rule found (expected groups:, a PrometheusRule or a kind: List of them)',
				});
			alerts.push(...found);
		}
	}

	const plan = planImport(runbooks, alerts, {
		surface: values.surface,
		owner: values.owner,
		today,
		severities: context.severities,
		sectionAliases: context.sectionAliases,
		requiredSections: context.requiredSections,
		team: context.team,
	});
	const lines: string[] = [];
	for (const file of plan.files) {
		if (targetExists(root, file)) lines.push(`exists, left as is: ${file.path}`);
		else if (dryRun) lines.push(`would write ${file.path}`);
		else if (writeNewFile(root, file)) lines.push(`wrote ${file.path}`);
		else lines.push(`exists, left as is: ${file.path}`);
	}
	for (const note of plan.notes) lines.push(`needs a person: ${note}`);
	for (const r of refused) lines.push(`refused: ${r.file}:${r.line}: ${r.message}`);
	out(`${lines.join('\n')}\n`);
	return refused.length > 0 ? 1 : 0;
}
