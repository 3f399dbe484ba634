/**
 * The site-link helpers of `core/site/site-links.ts`, served under the site's base path
 * (Astro's `base`, derived from `site.url` in astro.config.mjs): what pages and components put
 * in `href`. The core helpers return site paths (`/runbooks/x/`), which exports turn into
 * absolute URLs with the site URL; pages must import from here so a project site at
 * `https://org.github.io/repo/` links `/repo/runbooks/x/`. tests/site/base-path.test.ts scans
 * every built page for a root-relative link outside the base.
 */
import { alertPagePath as coreAlertPagePath } from '../core/alerts/declared-alert.ts';
import { ruleHref as coreRuleHref } from '../core/rules/catalog.ts';
import * as core from '../core/site/site-links.ts';

export {
	alertAnchor,
	escalationAnchor,
	parseRosterRef,
	parseRunbookRef,
	riskAnchor,
	roleAnchor,
	teamAnchor,
	vendorAnchor,
} from '../core/site/site-links.ts';

/** The base path, without a trailing slash: `''` or `/repo`. */
export const BASE: string = import.meta.env.BASE_URL.replace(/\/+$/, '');

/** A site path (`/status/`, `/#findings`) under the base. */
export function sitePath(path: string): string {
	return core.withBase(BASE, path);
}

export const runbookHref = (runbookId: string, anchor?: string): string =>
	sitePath(core.runbookHref(runbookId, anchor));
export const runbookRefHref = (ref: string): string => sitePath(core.runbookRefHref(ref));
export const alertLandingHref = (ref: string, alertId: string): string => sitePath(core.alertLandingHref(ref, alertId));
export const statusHref = (surfaceId?: string): string => sitePath(core.statusHref(surfaceId));
export const surfaceHref = (surfaceId: string): string => sitePath(core.surfaceHref(surfaceId));
export const tabletopHref = (tabletopId: string): string => sitePath(core.tabletopHref(tabletopId));
export const rosterHref = (ref: string): string => sitePath(core.rosterHref(ref));
export const vendorHref = (vendorId: string): string => sitePath(core.vendorHref(vendorId));
export const escalationHref = (surfaceId: string): string => sitePath(core.escalationHref(surfaceId));
export const riskHref = (riskId: string): string => sitePath(core.riskHref(riskId));
export const severityHref = (severityId: string): string => sitePath(core.severityHref(severityId));
export const alertHref = (surfaceId: string, alertId: string): string => sitePath(core.alertHref(surfaceId, alertId));
export const alertPagePath = (alertId: string): string => sitePath(coreAlertPagePath(alertId));
export const ruleHref = (ruleId: string): string => sitePath(coreRuleHref(ruleId));
/** A file the site serves under /exports/ (the alert exports). */
export const exportHref = (path: string): string => sitePath(`/exports/${path}`);
