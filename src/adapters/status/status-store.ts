/**
 * The status output folder: reads the previous `status.json` and writes the new one with
 * its badges, each file atomically (temp file + rename), `status.json` last.
 * Layout: status.json, badges/<surface>.svg, badges/<surface>/<check>.svg,
 * shields/<surface>.json, shields/<surface>/<check>.json.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkBadgeView, renderBadgeSvg, shieldsEndpoint, surfaceBadgeView } from '../../core/status/badge.ts';
import { parseStatusReport, type StatusReport } from '../../core/status/report.ts';

export const STATUS_FILE = 'status.json';
const SAFE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function readPreviousReport(dir: string): { report?: StatusReport; warning?: string } {
	const file = join(dir, STATUS_FILE);
	if (!existsSync(file)) return {};
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		return {
			warning: `could not read the previous ${file}: ${(error as Error).message}; starting without earlier observations.`,
		};
	}
	const parsed = parseStatusReport(text);
	if ('error' in parsed)
		return { warning: `ignored the previous ${file}: ${parsed.error}; starting without earlier observations.` };
	return { report: parsed.report };
}

export function writeAtomic(file: string, content: string): void {
	mkdirSync(dirname(file), { recursive: true });
	const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
	try {
		writeFileSync(tmp, content);
		renameSync(tmp, file);
	} catch (error) {
		rmSync(tmp, { force: true });
		throw error;
	}
}

/** Write badges, shields JSON and (last) status.json. Returns the files written, relative to `dir`. */
export function writeStatusOutput(dir: string, report: StatusReport, now: Date): string[] {
	const written: string[] = [];
	const put = (rel: string, content: string) => {
		writeAtomic(join(dir, rel), content);
		written.push(rel);
	};
	for (const surface of report.surfaces) {
		if (!SAFE_ID.test(surface.id)) continue;
		const view = surfaceBadgeView(surface, now, report.staleAfterMinutes);
		put(`badges/${surface.id}.svg`, renderBadgeSvg(view));
		put(`shields/${surface.id}.json`, `${JSON.stringify(shieldsEndpoint(view), null, 2)}\n`);
		for (const check of surface.checks) {
			if (!SAFE_ID.test(check.id)) continue;
			const cv = checkBadgeView(check, now, report.staleAfterMinutes);
			put(`badges/${surface.id}/${check.id}.svg`, renderBadgeSvg(cv));
			put(`shields/${surface.id}/${check.id}.json`, `${JSON.stringify(shieldsEndpoint(cv), null, 2)}\n`);
		}
	}
	put(STATUS_FILE, `${JSON.stringify(report, null, 2)}\n`);
	return written;
}
