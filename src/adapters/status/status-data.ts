/**
 * What pages read of the live status: the status JSON written by `npm run status`, read
 * once per build. A missing or damaged file is not an error: pages say status was not
 * collected and why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parseStatusReport, type StatusReport } from '../../core/status/report.ts';
import { getSiteModel, siteRoot } from '../site-data.ts';
import { STATUS_FILE } from './status-store.ts';

export interface StatusData {
	readonly report: StatusReport | undefined;
	/** Why there is no report, for the page to say. */
	readonly problem: string | undefined;
	/** Where the browser re-fetches the JSON, relative to the site base. */
	readonly jsonPath: string;
	readonly refreshSeconds: number;
	readonly staleAfterMinutes: number;
}

let cached: StatusData | undefined;

/** The status folder: LAUNCHBOOK_STATUS_DIR, else `status.outputDir` from the config. */
export function statusDir(): string {
	const override = process.env.LAUNCHBOOK_STATUS_DIR;
	if (override) return isAbsolute(override) ? override : join(siteRoot(), override);
	return join(siteRoot(), getSiteModel().config.status.outputDir);
}

export function getStatusData(): StatusData {
	if (cached) return cached;
	const config = getSiteModel().config.status;
	const file = join(statusDir(), STATUS_FILE);
	const common = {
		jsonPath: 'status/status.json',
		refreshSeconds: config.refreshSeconds,
		staleAfterMinutes: config.staleAfterMinutes,
	};
	if (!existsSync(file)) {
		cached = {
			...common,
			report: undefined,
			problem:
				'No status.json was there when this site was built. Run "npm run status" (the scheduled workflow does), then build again.',
		};
		return cached;
	}
	const parsed = parseStatusReport(readFileSync(file, 'utf8'));
	cached =
		'error' in parsed
			? { ...common, report: undefined, problem: `The status file could not be used: ${parsed.error}.` }
			: { ...common, report: parsed.report, problem: undefined };
	return cached;
}
