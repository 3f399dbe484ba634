/**
 * Where things live on the site: the one place that turns content references (a runbook
 * section, a roster entry, a vendor) into hrefs and anchors, so every page links the same
 * way and the anchors the pages emit are the anchors the links point at. Pure.
 */

/**
 * The base path a site URL implies: `''` for `https://launchbook.example.com`, `/repo` for a
 * GitHub Pages project site `https://org.github.io/repo/`. Pages are served under it.
 */
export function basePathOf(siteUrl: string | undefined): string {
	if (!siteUrl) return '';
	let path: string;
	try {
		path = new URL(siteUrl).pathname;
	} catch {
		return '';
	}
	return path.replace(/\/+$/, '');
}

/**
 * A site path (`/runbooks/x/`, as every helper here returns and content is written) under the
 * site's base (`/repo` or `/repo/` → `/repo/runbooks/x/`). Anything not a site path (`#anchor`,
 * `https:`, `//host`, relative) is returned unchanged.
 */
export function withBase(base: string, href: string): string {
	if (!href.startsWith('/') || href.startsWith('//') || href.startsWith('/\\')) return href;
	const prefix = base.replace(/\/+$/, '');
	return prefix === '' ? href : prefix + href;
}

/** `billing-events/event-backlog#mitigation` → `{ runbook: 'billing-events/event-backlog', anchor: 'mitigation' }`. */
export function parseRunbookRef(ref: string): { readonly runbook: string; readonly anchor: string | undefined } {
	const hash = ref.indexOf('#');
	if (hash < 0) return { runbook: ref, anchor: undefined };
	const anchor = ref.slice(hash + 1);
	return { runbook: ref.slice(0, hash), anchor: anchor === '' ? undefined : anchor };
}

export function runbookHref(runbookId: string, anchor?: string): string {
	return `/runbooks/${runbookId}/${anchor ? `#${anchor}` : ''}`;
}

/** Href of the runbook section an alert lands on. */
export function runbookRefHref(ref: string): string {
	const { runbook, anchor } = parseRunbookRef(ref);
	return runbookHref(runbook, anchor);
}

/**
 * Where an alert's deep link (`/alerts/<id>/`) sends the browser: the runbook section, with
 * `?alert=<id>` so the runbook's incident header can say which alert (and severity) paged.
 */
export function alertLandingHref(ref: string, alertId: string): string {
	const { runbook, anchor } = parseRunbookRef(ref);
	return `${runbookHref(runbook)}?alert=${encodeURIComponent(alertId)}${anchor ? `#${anchor}` : ''}`;
}

/** The live status page, or one surface's section on it. */
export function statusHref(surfaceId?: string): string {
	return `/status/${surfaceId ? `#surface-${surfaceId}` : ''}`;
}

export function surfaceHref(surfaceId: string): string {
	return `/surfaces/${surfaceId}/`;
}

export function tabletopHref(tabletopId: string): string {
	return `/tabletops/${tabletopId}/`;
}

/** Anchor of a team on the roster page. */
export function teamAnchor(teamId: string): string {
	return `team-${teamId}`;
}

/** Anchor of one role of a team on the roster page. */
export function roleAnchor(teamId: string, roleId: string): string {
	return `role-${teamId}-${roleId}`;
}

/** A roster reference (`team` or `team/role`) split into its parts. */
export function parseRosterRef(ref: string): { readonly team: string; readonly role: string | undefined } {
	const slash = ref.indexOf('/');
	return slash < 0 ? { team: ref, role: undefined } : { team: ref.slice(0, slash), role: ref.slice(slash + 1) };
}

/** Href of a roster reference: the team's or the role's anchor on `/roster/`. */
export function rosterHref(ref: string): string {
	const { team, role } = parseRosterRef(ref);
	return `/roster/#${role ? roleAnchor(team, role) : teamAnchor(team)}`;
}

/** Anchor of a vendor's section on the escalation page. */
export function vendorAnchor(vendorId: string): string {
	return `vendor-${vendorId}`;
}

export function vendorHref(vendorId: string): string {
	return `/escalation/#${vendorAnchor(vendorId)}`;
}

/** Anchor of a surface's rows in the escalation matrix. */
export function escalationAnchor(surfaceId: string): string {
	return `surface-${surfaceId}`;
}

export function escalationHref(surfaceId: string): string {
	return `/escalation/#${escalationAnchor(surfaceId)}`;
}

/** Anchor of a risk's row in the register. */
export function riskAnchor(riskId: string): string {
	return `risk-${riskId}`;
}

export function riskHref(riskId: string): string {
	return `/risks/#${riskAnchor(riskId)}`;
}

/** Anchor of a severity on the severities page. */
export function severityHref(severityId: string): string {
	return `/severities/#${severityId}`;
}

/** Anchor of an alert's row on its surface page. */
export function alertAnchor(alertId: string): string {
	return `alert-${alertId}`;
}

export function alertHref(surfaceId: string, alertId: string): string {
	return `${surfaceHref(surfaceId)}#${alertAnchor(alertId)}`;
}
