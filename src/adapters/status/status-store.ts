/**
 * The status output folder: reads the previous `status.json`, and writes the new one with its
 * badges and shields JSON as one unit, so whatever reads the folder sees one generation, never a
 * mix. A run writes the whole folder into a staging folder next to it (`.<name>.staging-<pid>-<hex>`),
 * then swaps it in with two renames (the old folder to `.<name>.previous-<pid>-<hex>`, the staging
 * folder to the folder's name) and removes the old one. A write that fails (read-only or full file
 * system, a folder where a file should be) leaves the previous folder as it was and says why in
 * one line. Leftovers of a killed run are removed by the next run and by the site build before it
 * copies the folder ({@link recoverStatusDir}); a run killed between the two renames is rolled back.
 * Layout: status.json, badges/<surface>.svg, badges/<surface>/<check>.svg,
 * shields/<surface>.json, shields/<surface>/<check>.json.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { checkBadgeView, renderBadgeSvg, shieldsEndpoint, surfaceBadgeView } from '../../core/status/badge.ts';
import { parseStatusReport, STATUS_REPORT_VERSION, type StatusReport } from '../../core/status/report.ts';

export const STATUS_FILE = 'status.json';
const SAFE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The file-system calls the store makes: node:fs, or a layer that fails on purpose in tests. */
export type StoreFs = Pick<
	typeof nodeFs,
	'existsSync' | 'lstatSync' | 'mkdirSync' | 'readdirSync' | 'readFileSync' | 'renameSync' | 'rmSync' | 'writeFileSync'
>;

export interface PreviousReport {
	readonly report?: StatusReport;
	readonly warning?: string;
	/** The previous status.json is of a newer schema than this Launchbook writes: keep it, write nothing. */
	readonly newerSchema?: number;
	/** status.json is there but is not a regular file (a folder, say): nothing may be written over it. */
	readonly blocked?: string;
}

export function readPreviousReport(dir: string, fs: StoreFs = nodeFs): PreviousReport {
	const file = join(dir, STATUS_FILE);
	let stat: nodeFs.Stats;
	try {
		stat = fs.lstatSync(file);
	} catch {
		return {};
	}
	if (!stat.isFile()) return { blocked: blockedTarget(dir, fs) };
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		return {
			warning: `could not read the previous ${file}: ${describeFsError(error)}; starting without earlier observations.`,
		};
	}
	const version = schemaVersionOf(text);
	if (version !== undefined && version > STATUS_REPORT_VERSION) return { newerSchema: version };
	const parsed = parseStatusReport(text);
	if ('error' in parsed)
		return { warning: `ignored the previous ${file}: ${parsed.error}; starting without earlier observations.` };
	return { report: parsed.report };
}

function schemaVersionOf(text: string): number | undefined {
	try {
		const raw = JSON.parse(text) as unknown;
		if (typeof raw === 'object' && raw !== null && 'schemaVersion' in raw) {
			const v = (raw as { schemaVersion: unknown }).schemaVersion;
			return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
		}
	} catch {
		/* not JSON: parseStatusReport says so */
	}
	return undefined;
}

/** What a write error means, in words, with its code: "the file system is read-only (EROFS)". */
export function describeFsError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	const words: Record<string, string> = {
		EROFS: 'the file system is read-only',
		ENOSPC: 'no space is left on the device',
		EDQUOT: 'the disk quota is used up',
		EISDIR: 'a folder is where a file should be',
		ENOTDIR: 'a file is where a folder should be',
		EACCES: 'permission denied',
		EPERM: 'the operation is not permitted',
		EBUSY: 'the folder is busy (a mount point?)',
		EXDEV: 'the staging folder is on another file system',
	};
	if (code && words[code]) return `${words[code]} (${code})`;
	return code ? `${(error as Error).message.split('\n')[0]} (${code})` : String((error as Error)?.message ?? error);
}

export type WriteResult = { ok: true; written: string[] } | { ok: false; message: string };

/** Names of the store's own leftovers next to `dir`: `.<name>.staging-<pid>-<hex>` and `.<name>.previous-<pid>-<hex>`. */
function leftoverPattern(dir: string): RegExp {
	const name = basename(dir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`^\\.${name}\\.(staging|previous)-(\\d+)-[0-9a-f]+$`);
}

function alive(pid: number): boolean {
	if (pid === process.pid) return true;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Cleans up after a run that was killed: a missing folder with a `.previous` copy next to it is
 * restored (the run died between its two renames), then staging and previous folders of runs that
 * are no longer alive are removed, as are temp files (`*.tmp`) inside the folder. Returns what it did.
 * `anyRun` removes leftovers whoever left them (for the built site's copy, which no run writes to).
 */
export function recoverStatusDir(dir: string, fs: StoreFs = nodeFs, o: { anyRun?: boolean } = {}): string[] {
	const parent = dirname(dir);
	const pattern = leftoverPattern(dir);
	const did: string[] = [];
	let names: string[];
	try {
		names = fs.readdirSync(parent);
	} catch {
		return did;
	}
	const leftovers = names
		.map((n) => ({ name: n, m: pattern.exec(n) }))
		.filter(
			(l): l is { name: string; m: RegExpExecArray } => l.m !== null && (o.anyRun === true || !alive(Number(l.m[2]))),
		);
	try {
		if (!fs.existsSync(dir)) {
			const previous = leftovers.find((l) => l.m[1] === 'previous');
			if (previous) {
				fs.renameSync(join(parent, previous.name), dir);
				did.push(`restored ${basename(dir)} from ${previous.name} (a run was stopped while swapping it in)`);
				leftovers.splice(leftovers.indexOf(previous), 1);
			}
		}
		for (const l of leftovers) {
			fs.rmSync(join(parent, l.name), { recursive: true, force: true });
			did.push(`removed ${l.name}, left by a run that was stopped`);
		}
		if (fs.existsSync(dir) && fs.lstatSync(dir).isDirectory()) {
			for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
				if (rel.endsWith('.tmp')) {
					fs.rmSync(join(dir, rel), { recursive: true, force: true });
					did.push(`removed ${rel}, a temp file left by a run that was stopped`);
				}
			}
		}
	} catch {
		/* a read-only folder keeps its leftovers; the write that follows says why it cannot write */
	}
	return did;
}

/** Every file of the status folder for `report`: relative path → content. */
export function statusFiles(report: StatusReport, now: Date): Map<string, string> {
	const files = new Map<string, string>();
	for (const surface of report.surfaces) {
		if (!SAFE_ID.test(surface.id)) continue;
		const view = surfaceBadgeView(surface, now, report.staleAfterMinutes);
		files.set(`badges/${surface.id}.svg`, renderBadgeSvg(view));
		files.set(`shields/${surface.id}.json`, `${JSON.stringify(shieldsEndpoint(view), null, 2)}\n`);
		for (const check of surface.checks) {
			if (!SAFE_ID.test(check.id)) continue;
			const cv = checkBadgeView(check, now, report.staleAfterMinutes);
			files.set(`badges/${surface.id}/${check.id}.svg`, renderBadgeSvg(cv));
			files.set(`shields/${surface.id}/${check.id}.json`, `${JSON.stringify(shieldsEndpoint(cv), null, 2)}\n`);
		}
	}
	files.set(STATUS_FILE, `${JSON.stringify(report, null, 2)}\n`);
	return files;
}

/**
 * Write status.json, badges and shields JSON as one unit (see the file header). Never throws on a
 * file-system error: the result says what failed, and the previous folder is left as it was.
 */
export function writeStatusOutput(dir: string, report: StatusReport, now: Date, fs: StoreFs = nodeFs): WriteResult {
	const parent = dirname(dir);
	const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
	const staging = join(parent, `.${basename(dir)}.staging-${tag}`);
	const previous = join(parent, `.${basename(dir)}.previous-${tag}`);
	const fail = (error: unknown, doing: string): WriteResult => ({
		ok: false,
		message: `could not write ${dir}: ${doing}: ${describeFsError(error)}; the previous files are left as they were, and the next run tries again.`,
	});
	const blocked = blockedTarget(dir, fs);
	if (blocked) return { ok: false, message: blocked };
	const files = statusFiles(report, now);
	try {
		fs.mkdirSync(parent, { recursive: true });
		fs.mkdirSync(staging);
		for (const [rel, content] of files) {
			const file = join(staging, rel);
			fs.mkdirSync(dirname(file), { recursive: true });
			fs.writeFileSync(file, content);
		}
	} catch (error) {
		tryRemove(fs, staging);
		return fail(error, 'writing the new files');
	}
	let moved = false;
	try {
		if (fs.existsSync(dir)) {
			fs.renameSync(dir, previous);
			moved = true;
		}
		fs.renameSync(staging, dir);
	} catch (error) {
		if (moved) {
			try {
				fs.renameSync(previous, dir);
			} catch {
				/* the next run's recoverStatusDir restores it */
			}
		}
		tryRemove(fs, staging);
		return fail(error, 'swapping the new files in');
	}
	if (moved) tryRemove(fs, previous);
	return { ok: true, written: [...files.keys()] };
}

/** Why nothing may be written at `dir`: it is a file, or its status.json is a folder (someone's data, not ours to replace). */
function blockedTarget(dir: string, fs: StoreFs): string | undefined {
	const kind = (path: string) => {
		try {
			const st = fs.lstatSync(path);
			return st.isDirectory()
				? 'a folder'
				: st.isFile()
					? 'a file'
					: st.isSymbolicLink()
						? 'a symbolic link'
						: 'not a regular file';
		} catch {
			return undefined;
		}
	};
	const at = kind(dir);
	if (at !== undefined && at !== 'a folder')
		return `${dir} is ${at}, not a folder; wrote nothing and left it as it is. Remove it (or set status.outputDir to another folder) and run again.`;
	const file = kind(join(dir, STATUS_FILE));
	if (file !== undefined && file !== 'a file')
		return `${join(dir, STATUS_FILE)} is ${file}, not a file; wrote nothing and left it as it is. Remove it (or set status.outputDir to another folder) and run again.`;
	return undefined;
}

function tryRemove(fs: StoreFs, path: string): void {
	try {
		fs.rmSync(path, { recursive: true, force: true });
	} catch {
		/* left for recoverStatusDir */
	}
}
