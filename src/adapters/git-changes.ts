/**
 * Changed paths for pull-request mode: from a list (a file, or stdin as "-"), or from git,
 * as the paths changed between the merge base of a ref and HEAD.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseUnifiedDiff } from '../core/rules/pr-scope.ts';

export class ChangesError extends Error {}

/** One path per line; blank lines and `#` comments are skipped. */
export function parseChangedFiles(text: string): string[] {
	return text
		.replace(/^\uFEFF/, '')
		.split(/\r?\n|\0/)
		.map((l) => l.trim())
		.filter((l) => l !== '' && !l.startsWith('#'));
}

/** Read a changed-files list from a file, or from stdin when `source` is "-". */
export function readChangedFiles(source: string): string[] {
	try {
		return parseChangedFiles(readFileSync(source === '-' ? 0 : source, 'utf8'));
	} catch (error) {
		throw new ChangesError(
			`cannot read the changed-files list ${source === '-' ? 'from stdin' : `"${source}"`}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
		);
	}
}

/** New-side lines each file's diff touched since the merge base with `base` (`git diff -U0 base...HEAD`). */
export function changedLinesFromGit(root: string, base: string): Map<string, number[]> {
	if (base.startsWith('-')) throw new ChangesError(`--base "${base}" is not a git ref`);
	try {
		const diff = execFileSync(
			'git',
			['-C', root, 'diff', '-U0', '--relative', '--no-renames', '--no-color', `${base}...HEAD`, '--'],
			{
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe'],
				maxBuffer: 256 * 1024 * 1024,
			},
		);
		return parseUnifiedDiff(diff);
	} catch (error) {
		const e = error as { stderr?: string; message: string };
		throw new ChangesError(`cannot read the diff against "${base}": ${(e.stderr ?? e.message).trim().split('\n')[0]}`);
	}
}

/** Paths (relative to `root`) changed on HEAD since its merge base with `base` (`git diff base...HEAD`). */
export function changedFilesFromGit(root: string, base: string): string[] {
	if (base.startsWith('-')) throw new ChangesError(`--base "${base}" is not a git ref`);
	try {
		const out = execFileSync(
			'git',
			['-C', root, 'diff', '--name-only', '-z', '--relative', '--no-renames', `${base}...HEAD`, '--'],
			{
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe'],
				maxBuffer: 64 * 1024 * 1024,
			},
		);
		return out.split('\0').filter((p) => p !== '');
	} catch (error) {
		const e = error as { stderr?: string; code?: string; message: string };
		if (e.code === 'ENOENT')
			throw new ChangesError('git is not installed or not on PATH; use --changed-files instead of --base');
		const why = (e.stderr ?? e.message).trim().split('\n')[0];
		throw new ChangesError(
			`cannot list the changes against "${base}": ${why} (in CI, check out with fetch-depth: 0 so the base branch is present)`,
		);
	}
}
