/**
 * `npm run check`: load the content, run the coverage gate, report, and decide the exit
 * code (0 clean, 1 error-level findings, 2 usage or internal error). `runCheck` takes its
 * streams and environment as arguments so it reads like a function, not a process.
 */
import { renameSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, join, resolve, basename } from 'node:path';
import { loadContent } from '../adapters/content-loader.ts';
import { readCodeowners, readConfigPositions } from '../adapters/check-inputs.ts';
import { BaselineError, readBaseline, writeBaseline } from '../adapters/baseline-file.ts';
import { applyBaseline, BASELINE_FILE, baselinable, createBaseline } from '../core/rules/baseline.ts';
import { ChangesError, changedFilesFromGit, changedLinesFromGit, readChangedFiles } from '../adapters/git-changes.ts';
import { type ChangeScope, scopeToChange } from '../core/rules/pr-scope.ts';
import { renderAnnotations, renderSummary } from '../adapters/reporters/github.ts';
import { renderJson } from '../adapters/reporters/json.ts';
import { renderText, summaryLine, wantsColor } from '../adapters/reporters/text.ts';
import { neutraliseCommands } from '../core/content/workflow-commands.ts';
import { isoDay } from '../core/readiness/review.ts';
import { promqlTools } from '../adapters/promql-tools.ts';
import { checkCoverage } from '../core/rules/index.ts';
import { parseCliArgs, UsageError } from './args.ts';

export const USAGE = `Usage: npm run check -- [options]

Checks operational coverage of the content in <root>/content against the policy in
<root>/launchbook.config.yaml, without building the site.

Options:
  --root <dir>              repository root (default: the current directory)
  --format <text|json|github>
                            text: findings for people, on stderr (default)
                            json: one JSON report on stdout (or --output)
                            github: workflow-command annotations on stdout and a
                            Markdown table of all findings in $GITHUB_STEP_SUMMARY
  --output <file>           write the JSON report to <file> instead of stdout
  --changed-files <file|->  pull-request mode: changed paths, one per line, from a
                            file or from stdin ("-")
  --base <git ref>          pull-request mode: paths changed since the merge base of
                            <git ref> and HEAD (git diff <ref>...HEAD)
  --today <YYYY-MM-DD>      judge review and tabletop dates against this day
                            (default: today, UTC)
  --write-baseline          write today's findings to launchbook-baseline.json;
                            later runs fail only on findings not in it
  --no-baseline             ignore launchbook-baseline.json
  -h, --help                show this help

Exit codes: 0 no error findings, 1 error findings, 2 usage or internal error.
`;

export interface CheckIo {
	readonly stdout: { write(s: string): unknown };
	readonly stderr: { write(s: string): unknown; isTTY?: boolean };
	readonly env: NodeJS.ProcessEnv;
	readonly cwd: string;
	readonly now: () => Date;
}

interface Options {
	root: string;
	format: 'text' | 'json' | 'github';
	output?: string;
	changedFiles?: string;
	base?: string;
	today?: string;
	writeBaseline: boolean;
	noBaseline: boolean;
	help: boolean;
}

const OPTIONS = {
	root: { type: 'string' },
	format: { type: 'string' },
	output: { type: 'string' },
	'changed-files': { type: 'string' },
	base: { type: 'string' },
	today: { type: 'string' },
	'write-baseline': { type: 'boolean' },
	'no-baseline': { type: 'boolean' },
	help: { type: 'boolean', short: 'h' },
} as const;

export function parseCheckArgs(argv: readonly string[], cwd: string): Options {
	const { values } = parseCliArgs(argv, OPTIONS);
	const opts: Options = {
		root: cwd,
		format: 'text',
		help: values.help === true,
		writeBaseline: values['write-baseline'] === true,
		noBaseline: values['no-baseline'] === true,
	};
	if (opts.writeBaseline && opts.noBaseline)
		throw new UsageError('use either --write-baseline or --no-baseline, not both');
	if (values.root !== undefined) opts.root = resolve(cwd, values.root);
	if (values.format !== undefined) {
		const value = values.format;
		if (value !== 'text' && value !== 'json' && value !== 'github')
			throw new UsageError(`--format must be text, json or github, not "${value}"`);
		opts.format = value;
	}
	if (values.output !== undefined) opts.output = resolve(cwd, values.output);
	const changed = values['changed-files'];
	if (changed !== undefined) opts.changedFiles = changed === '-' ? '-' : resolve(cwd, changed);
	if (values.base !== undefined) opts.base = values.base;
	if (values.today !== undefined) {
		const value = values.today;
		if (
			!/^\d{4}-\d{2}-\d{2}$/.test(value) ||
			Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
			isoDay(new Date(`${value}T00:00:00Z`)) !== value
		) {
			throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${value}"`);
		}
		opts.today = value;
	}
	if (opts.changedFiles !== undefined && opts.base !== undefined)
		throw new UsageError('use either --changed-files or --base, not both');
	if (opts.output !== undefined && opts.format !== 'json')
		throw new UsageError('--output only applies to --format json');
	return opts;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The touched surfaces, their owners and what each must review; the findings left outside as a count. */
function scopeReport(scope: ChangeScope, flag: string): string {
	const lines = [`Touched surfaces (${scope.surfaces.length}):`];
	for (const s of scope.surfaces) {
		lines.push(`  ${s.id} (${s.name}), owner ${s.owner}: ${s.paths.join(', ')}`, `    review: ${s.review.join('; ')}`);
	}
	if (scope.surfaces.length === 0) lines[0] = 'Touched surfaces: none.';
	const { errors, warnings } = scope.outside;
	if (errors + warnings > 0)
		lines.push(
			`Outside this change: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} not shown (on files and surfaces the change does not touch; run without ${flag} to see them).`,
		);
	return `${lines.join('\n')}\n`;
}

function scopeMarkdown(scope: ChangeScope): string {
	const cell = (s: string) => s.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
	const rows = scope.surfaces.map(
		(s) => `| ${cell(s.id)} | ${cell(s.owner)} | ${cell(s.paths.join(', '))} | ${cell(s.review.join('; '))} |`,
	);
	const { errors, warnings } = scope.outside;
	return [
		'',
		'### Touched surfaces',
		'',
		...(rows.length > 0 ? ['| Surface | Owner | Changed | Review |', '| --- | --- | --- | --- |', ...rows] : ['None.']),
		'',
		`Outside this change: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} (not judged in this pull request).`,
		'',
	].join('\n');
}

/** What the baseline held back, and which of its entries are fixed (so the file only shrinks). */
function baselineReport(split: ReturnType<typeof applyBaseline>): string {
	const lines = [
		`Baseline: ${plural(split.baselined, 'finding')} baselined in ${BASELINE_FILE} (not shown; --no-baseline shows them).`,
	];
	const fixed = split.fixed.reduce((n, f) => n + f.count, 0);
	if (fixed > 0) {
		lines.push(
			`Baseline: ${fixed === 1 ? '1 entry is' : `${fixed} entries are`} fixed; remove ${fixed === 1 ? 'it' : 'them'} with npm run check -- --write-baseline:`,
		);
		for (const { entry, count } of split.fixed)
			lines.push(`  ${entry.rule}  ${entry.file}  ${entry.message}${count > 1 ? ` (×${count})` : ''}`);
	}
	return `${lines.join('\n')}\n`;
}

/** Write a file whole or not at all: a temporary file in the same folder, then a rename. */
function writeAtomic(path: string, text: string): void {
	const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
	writeFileSync(tmp, text);
	renameSync(tmp, path);
}

export function runCheck(argv: readonly string[], io: CheckIo): number {
	// What is printed for people carries file names, key names and arguments: no line of it may read as a workflow command.
	const stderr = { write: (text: string) => io.stderr.write(neutraliseCommands(text)) };
	let opts: Options;
	try {
		opts = parseCheckArgs(argv, io.cwd);
		if (opts.help) {
			io.stdout.write(USAGE);
			return 0;
		}
		let isDir = false;
		try {
			isDir = statSync(opts.root).isDirectory();
		} catch {
			isDir = false;
		}
		if (!isDir) throw new UsageError(`--root "${opts.root}" is not a directory`);
	} catch (error) {
		if (error instanceof UsageError) {
			stderr.write(`launchbook check: ${error.message}.\n\n${USAGE}`);
			return 2;
		}
		throw error;
	}
	try {
		let changedPaths: string[] | undefined;
		if (opts.changedFiles !== undefined) changedPaths = readChangedFiles(opts.changedFiles);
		else if (opts.base !== undefined) changedPaths = changedFilesFromGit(opts.root, opts.base);

		const model = loadContent(opts.root);
		const today = opts.today ?? isoDay(io.now());
		const all = checkCoverage(model, {
			today,
			codeowners: readCodeowners(opts.root),
			promql: promqlTools,
			configPositions: readConfigPositions(opts.root),
			...(changedPaths ? { changedPaths } : {}),
		});
		const siteUrl = model.config.site.url;
		if (opts.writeBaseline) {
			const baseline = createBaseline(all);
			writeBaseline(opts.root, baseline);
			const held = baseline.entries.reduce((n, e) => n + e.count, 0);
			const files = new Set(baseline.entries.map((e) => e.file)).size;
			const content = all.filter((f) => !baselinable(f)).length;
			stderr.write(
				`Baseline: wrote ${plural(held, 'finding')} in ${plural(files, 'file')} to ${BASELINE_FILE}${content > 0 ? `; ${plural(content, 'content problem')} (content-*) ${content === 1 ? 'is' : 'are'} not baselined: the build refuses ${content === 1 ? 'it' : 'them'}` : ''}.\n`,
			);
			return 0;
		}
		const baseline = opts.noBaseline ? undefined : readBaseline(opts.root);
		const split = baseline ? applyBaseline(all, baseline) : undefined;
		const unscoped = split ? split.fresh : all;
		// Pull-request mode judges the change: findings on the files and surfaces it touches.
		const scope = changedPaths
			? scopeToChange(
					model,
					unscoped,
					changedPaths,
					opts.base !== undefined ? changedLinesFromGit(opts.root, opts.base) : undefined,
				)
			: undefined;
		const findings = scope ? scope.findings : unscoped;

		if (opts.format === 'json') {
			const json = renderJson(findings, { today, siteUrl, changedPaths: changedPaths?.length ?? null });
			if (opts.output) writeAtomic(opts.output, json);
			else io.stdout.write(json);
			stderr.write(`${summaryLine(findings)}\n`);
			if (split) stderr.write(baselineReport(split));
		} else {
			stderr.write(renderText(findings, { color: wantsColor(io.env, io.stderr.isTTY), siteUrl }));
			if (split) stderr.write(baselineReport(split));
			if (changedPaths)
				stderr.write(
					`Pull-request mode: ${changedPaths.length} changed path${changedPaths.length === 1 ? '' : 's'} checked.\n`,
				);
			if (scope) stderr.write(scopeReport(scope, opts.base !== undefined ? '--base' : '--changed-files'));
		}
		if (opts.format === 'github') {
			io.stdout.write(renderAnnotations(findings, siteUrl));
			const summaryFile = io.env.GITHUB_STEP_SUMMARY;
			if (summaryFile)
				appendFileSync(summaryFile, renderSummary(findings, siteUrl) + (scope ? scopeMarkdown(scope) : ''));
			else stderr.write('GITHUB_STEP_SUMMARY is not set: no job summary written.\n');
		}
		return findings.some((f) => f.level === 'error') ? 1 : 0;
	} catch (error) {
		if (error instanceof ChangesError || error instanceof BaselineError) {
			stderr.write(`launchbook check: ${error.message}.\n`);
			return 2;
		}
		const e = error as Error;
		stderr.write(
			`launchbook check: internal error: ${e?.message ?? String(error)}. This is a bug in Launchbook, not in your content; please report it with the command you ran.\n`,
		);
		if (io.env.LAUNCHBOOK_DEBUG) stderr.write(`${e?.stack ?? ''}\n`);
		return 2;
	}
}
