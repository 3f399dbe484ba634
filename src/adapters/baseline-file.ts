/** The baseline file on disk (`launchbook-baseline.json` at the repository root): read it, write it whole. */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASELINE_FILE, type Baseline, parseBaseline } from '../core/rules/baseline.ts';

/** The baseline file cannot be used: exit 2, naming the file and what is wrong. */
export class BaselineError extends Error {}

export function baselinePath(root: string): string {
	return join(root, BASELINE_FILE);
}

/** The baseline at the root, or undefined when there is none. Throws {@link BaselineError}. */
export function readBaseline(root: string): Baseline | undefined {
	const path = baselinePath(root);
	if (!existsSync(path)) return undefined;
	let value: unknown;
	try {
		value = JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new BaselineError(
			`${BASELINE_FILE} is not valid JSON (${(error as Error).message}); write it again with npm run check -- --write-baseline`,
		);
	}
	const parsed = parseBaseline(value);
	if (typeof parsed === 'string')
		throw new BaselineError(`${BASELINE_FILE}: ${parsed}; write it again with npm run check -- --write-baseline`);
	return parsed;
}

/** Write the baseline whole or not at all (a temporary file, then a rename). */
export function writeBaseline(root: string, baseline: Baseline): string {
	const path = baselinePath(root);
	const tmp = `${path}.${process.pid}.tmp`;
	writeFileSync(tmp, `${JSON.stringify(baseline, null, 2)}\n`);
	renameSync(tmp, path);
	return path;
}
