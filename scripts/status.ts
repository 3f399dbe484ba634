/**
 * `npm run status`: probe every status check declared in content/surfaces/*.yaml and write
 * status.json, SVG badges and shields endpoint JSON (default: public/status/, copied into
 * the site by the build), all of them as one unit (status-store.ts). Never fails on a remote
 * failure: each check says why it is unknown. A folder that cannot be written (read-only, full,
 * status.json a folder) or a status.json of a newer schema is left as it was, with one line
 * saying why. Exit codes: 0 written or left as it was, 2 usage or internal error.
 *
 *   node scripts/status.ts [--root DIR] [--out DIR] [--json]
 *
 * The GitHub token comes from GITHUB_TOKEN only and is never printed or written.
 */
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/adapters/content-loader.ts';
import { collectStatus } from '../src/adapters/status/collect-status.ts';
import {
	readPreviousReport,
	recoverStatusDir,
	STATUS_FILE,
	writeStatusOutput,
} from '../src/adapters/status/status-store.ts';
import { formatFinding } from '../src/core/content/finding.ts';
import { neutraliseCommands } from '../src/core/content/workflow-commands.ts';
import { redactText } from '../src/core/status/redact.ts';
import { STATUS_REPORT_VERSION } from '../src/core/status/report.ts';

const USAGE = 'usage: node scripts/status.ts [--root DIR] [--out DIR] [--json]';

async function main(argv: string[]): Promise<number> {
	let args;
	try {
		args = parseArgs({
			args: argv,
			options: {
				root: { type: 'string' },
				out: { type: 'string' },
				json: { type: 'boolean' },
				help: { type: 'boolean' },
			},
			strict: true,
		});
	} catch (error) {
		process.stderr.write(neutraliseCommands(`status: ${(error as Error).message}\n${USAGE}\n`));
		return 2;
	}
	if (args.values.help) {
		process.stdout.write(`${USAGE}\n`);
		return 0;
	}
	const token = process.env.GITHUB_TOKEN?.trim() || undefined;
	const secrets = token ? [token] : [];
	// Reasons carry remote text (error bodies, issue titles): no line printed may read as a workflow command.
	const warn = (message: string) => process.stderr.write(`${neutraliseCommands(redactText(message, secrets))}\n`);

	const started = performance.now();
	const root = resolve(args.values.root ?? process.cwd());
	const model = loadContent(root);
	const config = model.config.status;
	const outDir = args.values.out ? resolve(args.values.out) : join(root, config.outputDir);

	const surfaceProblems = model.problems.filter(
		(p) => p.file.startsWith('content/surfaces/') || p.file === model.configFile,
	);
	for (const p of surfaceProblems) warn(`status: ${formatFinding(p)}`);
	const unloaded = [
		...new Set(
			surfaceProblems
				.filter((p) => p.file.startsWith('content/surfaces/'))
				.map((p) => basename(p.file).replace(/\.ya?ml$/i, '')),
		),
	];

	for (const done of recoverStatusDir(outDir)) warn(`status: ${done}.`);
	const previous = readPreviousReport(outDir);
	if (previous.blocked) {
		warn(`status: ${previous.blocked}`);
		return 0;
	}
	if (previous.newerSchema !== undefined) {
		warn(
			`status: ${join(outDir, STATUS_FILE)} is schemaVersion ${previous.newerSchema}, newer than this Launchbook writes (${STATUS_REPORT_VERSION}); kept it as it is and wrote nothing. Update Launchbook to refresh it.`,
		);
		return 0;
	}
	if (previous.warning) warn(`status: ${previous.warning}`);

	const report = await collectStatus({
		surfaces: model.surfaces.map((e) => ({
			id: e.data.id,
			name: e.data.name,
			regions: e.data.regions,
			checks: e.data.checks,
		})),
		config,
		previous: previous.report,
		unloadedSurfaces: unloaded,
		token,
		githubPlugins: true,
		warn,
	});
	const written = writeStatusOutput(outDir, report, new Date(report.generatedAt));
	if (!written.ok) {
		warn(`status: ${written.message}`);
		return 0;
	}

	const checks = report.surfaces.flatMap((s) => s.checks);
	const count = (pred: (c: (typeof checks)[number]) => boolean) => checks.filter(pred).length;
	for (const c of checks) {
		if (c.state !== 'ok' || c.stale)
			warn(`  ${c.stale ? 'stale' : c.state.padEnd(8)}  ${c.surface}/${c.id}  ${c.reason}`);
	}
	const where =
		isAbsolute(relative(root, outDir)) || relative(root, outDir).startsWith('..') ? outDir : relative(root, outDir);
	warn(
		`status: ${checks.length} check(s) on ${report.surfaces.length} surface(s) in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
			`${count((c) => c.state === 'ok' && !c.stale)} ok, ${count((c) => c.state === 'degraded' && !c.stale)} degraded, ${count((c) => c.state === 'down' && !c.stale)} down, ` +
			`${count((c) => c.state === 'unknown')} unknown, ${count((c) => c.stale)} stale; wrote ${written.written.length} file(s) to ${where}/${token ? '' : ' (no GITHUB_TOKEN set)'}`,
	);
	if (args.values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
	return 0;
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		const token = process.env.GITHUB_TOKEN?.trim();
		// One line; the stack only with LAUNCHBOOK_DEBUG=1.
		const text =
			error instanceof Error
				? process.env.LAUNCHBOOK_DEBUG === '1'
					? (error.stack ?? error.message)
					: error.message
				: String(error);
		process.stderr.write(neutraliseCommands(`status: internal error: ${token ? redactText(text, [token]) : text}\n`));
		process.exit(2);
	},
);
