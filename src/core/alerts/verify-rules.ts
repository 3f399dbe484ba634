/**
 * The checks `npm run alerts:verify` runs on alert files we did not generate. Each rule id
 * is a finding's rule and an anchor on the site's Alerts page, which explains it.
 */

export interface VerifyRule {
	readonly title: string;
	readonly level: 'error' | 'warning';
	/** Why it matters, for the Alerts page. */
	readonly why: string;
	/** How to fix it; the finding's fix. */
	readonly fix: string;
}

export const VERIFY_RULES = {
	'alert-file-syntax': {
		title: 'Alert file does not parse',
		level: 'error',
		why: 'A rule file that does not parse is not loaded, and its alerts never fire.',
		fix: 'Correct the YAML or JSON syntax at this position.',
	},
	'alert-file-format': {
		title: 'Not a Prometheus rule file or AlertPolicy',
		level: 'error',
		why: 'Only Prometheus rule files (groups → rules) and Cloud Monitoring AlertPolicy JSON can be checked.',
		fix: 'Pass a Prometheus rule file (top-level "groups", or a PrometheusRule with "spec.groups") or AlertPolicy JSON (an object with "displayName" and "conditions", or a list of them).',
	},
	'alert-runbook-missing': {
		title: 'Alert has no runbook link',
		level: 'error',
		why: 'A responder paged at night needs the runbook section in one click, not a search.',
		fix: 'Add a runbook link to a section of this site: the "runbook_url" annotation (Prometheus) or a "documentation.links" entry (AlertPolicy). The Alerts page lists each alert\'s section.',
	},
	'alert-runbook-external': {
		title: 'Runbook link points outside the site',
		level: 'error',
		why: 'Runbooks live on this site, which stays up when the platform is down; links elsewhere cannot be checked and rot.',
		fix: 'Point the link at the runbook section on this site (its URL is on the Alerts page).',
	},
	'alert-runbook-page': {
		title: 'Runbook page does not exist',
		level: 'error',
		why: 'A link to a page that was renamed or removed leaves the responder on a 404 page mid-incident.',
		fix: "Link to an existing runbook page, or to the alert's stable deep link /alerts/<alert-id>/, which follows renames.",
	},
	'alert-runbook-section': {
		title: 'Runbook section does not exist',
		level: 'error',
		why: 'A link whose #anchor matches no heading lands at the top of a long page instead of the steps to take.',
		fix: "Use the anchor of an existing heading (headings are slugged like GitHub: lower case, spaces to hyphens), or the alert's deep link /alerts/<alert-id>/.",
	},
	'alert-runbook-no-section': {
		title: 'Runbook link names no section',
		level: 'warning',
		why: 'Every alert should land on the section that handles it, not on the top of the runbook.',
		fix: 'Add the section anchor (#mitigation, for example) to the link.',
	},
	'alert-runbook-mismatch': {
		title: 'Runbook link differs from the declared section',
		level: 'warning',
		why: 'The alert is declared in content with another runbook section; one of the two is out of date.',
		fix: 'Make the link match the section declared in content/surfaces (or use the deep link /alerts/<alert-id>/), or change the declaration.',
	},
	'alert-unknown': {
		title: 'Alert is not declared in content',
		level: 'error',
		why: 'Alerts that are not declared have no owner, severity or runbook section on the site, and coverage cannot see them.',
		fix: 'Declare the alert under "alerts:" in content/surfaces/<surface>.yaml with this exact name, or rename it to a declared alert.',
	},
	'alert-policy-links': {
		title: 'AlertPolicy documentation.links is invalid',
		level: 'error',
		why: 'Cloud Monitoring rejects a policy with more than 3 links, a link displayName over 63 characters, or a link without a URL.',
		fix: 'Keep at most 3 links, each with a "displayName" of at most 63 characters and an https "url"; put the runbook first.',
	},
	'alert-policy-documentation': {
		title: 'AlertPolicy documentation is invalid',
		level: 'error',
		why: 'Cloud Monitoring rejects documentation.content over 8,192 characters; any mimeType but text/markdown shows raw text.',
		fix: 'Set "mimeType": "text/markdown" and keep "content" within 8,192 characters (link to the runbook instead of copying it).',
	},
} as const satisfies Record<string, VerifyRule>;

export type VerifyRuleId = keyof typeof VERIFY_RULES;

/** Where a verify rule is explained: its section on the Alerts page. */
export function verifyRuleHref(id: string): string {
	return `/alerts/#${id}`;
}
