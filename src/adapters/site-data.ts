/**
 * What the site's pages read: the content model loaded once per build with the same loader
 * the CLI uses, and the findings for it. Pages import from here, never from the disk.
 */
import { promqlTools } from './promql-tools.ts';
import { loadContent } from './content-loader.ts';
import { readCodeowners, readConfigPositions } from './check-inputs.ts';
import type { Finding } from '../core/content/finding.ts';
import type { ContentModel } from '../core/content/model.ts';
import { isoDay } from '../core/readiness/review.ts';
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

let cachedDay: string | undefined;

/**
 * The build's "today", read once so every page and the findings of a build agree.
 * LAUNCHBOOK_TODAY=YYYY-MM-DD pins it (fixtures, reproducible builds); otherwise it is the
 * build machine's UTC date. Pages print it in `data-lb-today` so a reader knows which day
 * the page judged.
 */
export function buildDay(): string {
	if (cachedDay) return cachedDay;
	const pinned = process.env.LAUNCHBOOK_TODAY;
	if (pinned !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(pinned)) {
		throw new Error(
			`LAUNCHBOOK_TODAY is "${pinned}"; expected a date written YYYY-MM-DD, or unset it to use today's date.`,
		);
	}
	cachedDay = pinned ?? isoDay(new Date());
	return cachedDay;
}

/** The coverage gate on a loaded model, exactly as `npm run check` runs it, judged on {@link buildDay}. */
export function checkSite(root: string, model: ContentModel): readonly Finding[] {
	return checkCoverage(model, {
		today: buildDay(),
		codeowners: readCodeowners(root),
		configPositions: readConfigPositions(root),
		promql: promqlTools,
	});
}

/** Findings for the site's pages: the gate run once on the site's model. */
export function getFindings(): readonly Finding[] {
	cachedFindings ??= checkSite(siteRoot(), getSiteModel());
	return cachedFindings;
}
