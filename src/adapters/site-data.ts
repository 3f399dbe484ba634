/**
 * What the site's pages read: the content model loaded once per build with the same loader
 * the CLI uses, and the findings for it. Pages import from here, never from the disk.
 */
import { loadContent } from './content-loader.ts';
import { readCodeowners, readConfigPositions } from './check-inputs.ts';
import type { Finding } from '../core/finding.ts';
import type { ContentModel } from '../core/model.ts';
import { isoDay } from '../core/review.ts';
import { checkCoverage } from '../core/rules/index.ts';

let cached: ContentModel | undefined;
let cachedFindings: readonly Finding[] | undefined;

/** The repository root: Astro runs builds from it. */
export function siteRoot(): string {
	return process.env.LAUNCHBOOK_ROOT ?? process.cwd();
}

export function getSiteModel(): ContentModel {
	cached ??= loadContent(siteRoot());
	return cached;
}

/** The day the site judges reviews and tabletops against: LAUNCHBOOK_TODAY when set, else today (UTC). */
function siteDay(): string {
	const pinned = process.env.LAUNCHBOOK_TODAY;
	return pinned !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : isoDay(new Date());
}

/** Findings for the site: the coverage gate run once on the site's model, as `npm run check` runs it. */
export function getFindings(): readonly Finding[] {
	if (!cachedFindings) {
		const root = siteRoot();
		cachedFindings = checkCoverage(getSiteModel(), { today: siteDay(), codeowners: readCodeowners(root), configPositions: readConfigPositions(root) });
	}
	return cachedFindings;
}
