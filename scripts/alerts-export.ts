/**
 * npm run alerts:export [-- --root <dir>] [--out <dir>] [--system <name>]
 *
 * Writes the alerts declared in content/surfaces/*.yaml as Prometheus rule files (one per
 * surface), Cloud Monitoring AlertPolicy JSON (one per alert) and a Backstage
 * catalog-info.yaml (one Component per surface), into <out> (default: alerts-export/).
 * The site serves the same files under /exports/ (src/pages/exports/[...path].ts).
 * Exit codes: 0 written, 1 content problems (nothing written), 2 usage or internal error.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeExportSet } from '../src/adapters/alert-files.ts';
import { loadContent } from '../src/adapters/content-loader.ts';
import { promqlTools } from '../src/adapters/promql-tools.ts';
import { buildExportSet } from '../src/core/alerts/export-set.ts';
import { compareFindings, formatFinding } from '../src/core/content/finding.ts';

const USAGE = 'Usage: npm run alerts:export -- [--root <dir>] [--out <dir>] [--system <backstage-system>]';

function main(argv: string[]): number {
	let args;
	try {
		args = parseArgs({
			args: argv,
			options: {
				root: { type: 'string', default: '.' },
				out: { type: 'string', default: 'alerts-export' },
				system: { type: 'string' },
				help: { type: 'boolean', short: 'h' },
			},
			strict: true,
			allowPositionals: false,
		}).values;
	} catch (error) {
		process.stderr.write(
			`alerts:export: ${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')}.\n${USAGE}\n`,
		);
		return 2;
	}
	if (args.help) {
		process.stdout.write(`${USAGE}\n`);
		return 0;
	}
	const root = resolve(args.root!);
	const model = loadContent(root);
	const errors = model.problems.filter((f) => f.level === 'error').sort(compareFindings);
	if (errors.length > 0) {
		for (const f of errors) process.stderr.write(`${formatFinding(f)}\n`);
		process.stderr.write(
			`alerts:export: ${errors.length} content problem(s); nothing was written. Fix them and export again.\n`,
		);
		return 1;
	}
	const set = buildExportSet(model, { ...(args.system ? { system: args.system } : {}), promql: promqlTools().parser });
	const out = resolve(root, args.out!);
	const { written, removed, kept } = writeExportSet(out, set.files);
	for (const s of set.skipped)
		process.stderr.write(
			`alerts:export: ${s.file}: alert ${s.alertId} is not in the ${s.target} export: ${s.reason}.\n`,
		);
	for (const s of set.skippedSlos)
		process.stderr.write(`alerts:export: ${s.file}: SLO ${s.sloId} has no burn-rate rules: ${s.reason}.\n`);
	for (const r of removed) process.stderr.write(`alerts:export: removed ${r} (no longer declared).\n`);
	for (const k of kept) process.stderr.write(`alerts:export: kept ${k}: not written by Launchbook, so not removed.\n`);
	process.stderr.write(`alerts:export: wrote ${written} file(s) to ${out}\n`);
	return 0;
}

try {
	process.exitCode = main(process.argv.slice(2));
} catch (error) {
	process.stderr.write(`alerts:export: internal error: ${(error as Error).stack ?? String(error)}\n`);
	process.exitCode = 2;
}
