/**
 * `npm run status:summary`: the last status run as Markdown for `$GITHUB_STEP_SUMMARY`, on stdout.
 * Prints nothing (exit 0) when there is no usable status.json: the status step said why.
 *
 *   node scripts/status-summary.ts [--root DIR]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadContent } from '../src/adapters/content-loader.ts';
import { renderStatusSummary } from '../src/adapters/reporters/status-summary.ts';
import { STATUS_FILE } from '../src/adapters/status/status-store.ts';
import { parseCliArgs, UsageError } from '../src/cli/args.ts';
import { neutraliseCommands } from '../src/core/content/workflow-commands.ts';
import { parseStatusReport } from '../src/core/status/report.ts';

const USAGE = 'usage: node scripts/status-summary.ts [--root DIR]';

function main(argv: string[]): number {
	let root: string;
	try {
		const args = parseCliArgs(argv, { root: { type: 'string' } });
		root = resolve(args.values.root ?? '.');
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		process.stderr.write(neutraliseCommands(`status-summary: ${error.message}\n${USAGE}\n`));
		return 2;
	}
	const file = join(root, loadContent(root).config.status.outputDir, STATUS_FILE);
	if (!existsSync(file)) return 0;
	const parsed = parseStatusReport(readFileSync(file, 'utf8'));
	if ('error' in parsed) {
		process.stderr.write(neutraliseCommands(`status-summary: ${file}: ${parsed.error}\n`));
		return 0;
	}
	process.stdout.write(neutraliseCommands(renderStatusSummary(parsed.report)));
	return 0;
}

process.exitCode = main(process.argv.slice(2));
