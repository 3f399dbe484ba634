/**
 * The checks `npm run alerts:verify` runs on alert files we did not generate. They are part of
 * the one rule catalogue (`src/core/rules/catalog.ts`): each id is a finding's rule and the slug
 * of its page at `/rules/<id>/`, and its level can be set in `policy.rules` like the gate's.
 */

export interface VerifyRule {
	readonly title: string;
	readonly level: 'error' | 'warning';
	/** What the rule checks, for its page. */
	readonly checks: string;
	/** Why it matters, for its page. */
	readonly why: string;
	/** How to fix it; the finding's fix. */
	readonly fix: string;
}

export const VERIFY_RULES = {
	'verify-file-syntax': {
		checks: 'Each file given to `alerts:verify` parses as YAML or JSON.',
		title: 'Alert file does not parse',
		level: 'error',
		why: 'A rule file that does not parse is not loaded, and its alerts never fire.',
		fix: 'Correct the YAML or JSON syntax at this position.',
	},
	'verify-file-refused': {
		checks:
			'Each file found in a folder given to `alerts:verify` is a regular file: links, folders named like alert files, named pipes and unreadable files are reported, never followed or read.',
		title: 'Alert file is not a regular file',
		level: 'error',
		why: 'A link in a rules folder can point at any file on the machine, or at itself; a named pipe blocks the check for ever. Neither is an alert file anyone reviewed.',
		fix: 'Keep regular files in the folder: replace a link with the file it points at, rename a folder whose name ends in .yml, .yaml or .json, and make every file readable.',
	},
	'verify-file-format': {
		checks:
			'Each file is a Prometheus rule file (`groups`, or a PrometheusRule with `spec.groups`) or Cloud Monitoring AlertPolicy JSON.',
		title: 'Not a Prometheus rule file or AlertPolicy',
		level: 'error',
		why: 'Only Prometheus rule files (groups → rules) and Cloud Monitoring AlertPolicy JSON can be checked.',
		fix: 'Pass a Prometheus rule file (top-level "groups", or a PrometheusRule with "spec.groups") or AlertPolicy JSON (an object with "displayName" and "conditions", or a list of them).',
	},
	'verify-runbook-missing': {
		checks:
			'Each alerting rule carries a `runbook_url` annotation, and each AlertPolicy a runbook link in `documentation.links`.',
		title: 'Alert has no runbook link',
		level: 'error',
		why: 'A responder paged at night needs the runbook section in one click, not a search.',
		fix: 'Add a runbook link to a section of this site: the "runbook_url" annotation (Prometheus) or a "documentation.links" entry (AlertPolicy). The Alerts page lists each alert\'s section.',
	},
	'verify-runbook-external': {
		checks: 'Each runbook link points at this site (the `site.url` of `launchbook.config.yaml`), not elsewhere.',
		title: 'Runbook link points outside the site',
		level: 'error',
		why: 'Runbooks live on this site, which stays up when the platform is down; links elsewhere cannot be checked and rot.',
		fix: 'Point the link at the runbook section on this site (its URL is on the Alerts page).',
	},
	'verify-runbook-page': {
		checks: 'The page a runbook link names exists in the built site.',
		title: 'Runbook page does not exist',
		level: 'error',
		why: 'A link to a page that was renamed or removed leaves the responder on a 404 page mid-incident.',
		fix: "Link to an existing runbook page, or to the alert's stable deep link /alerts/<alert-id>/, which follows renames.",
	},
	'verify-runbook-section': {
		checks: 'The `#anchor` of a runbook link matches a heading on that page of the built site.',
		title: 'Runbook section does not exist',
		level: 'error',
		why: 'A link whose #anchor matches no heading lands at the top of a long page instead of the steps to take.',
		fix: "Use the anchor of an existing heading (headings are slugged like GitHub: lower case, spaces to hyphens), or the alert's deep link /alerts/<alert-id>/.",
	},
	'verify-runbook-no-section': {
		checks: 'A runbook link names a section (an `#anchor`) or is an alert deep link `/alerts/<alert-id>/`.',
		title: 'Runbook link names no section',
		level: 'warning',
		why: 'Every alert should land on the section that handles it, not on the top of the runbook.',
		fix: 'Add the section anchor (#mitigation, for example) to the link.',
	},
	'verify-runbook-template': {
		checks:
			"A templated `runbook_url` expands, from the rule's own labels, `alertname` and the external labels given with `--external-label`, to a link that can be checked.",
		title: 'Runbook link is a template that cannot be checked',
		level: 'warning',
		why: 'A runbook_url built from a label only the firing series carries (instance, job) is unknown until the page arrives, so nothing proves it lands on a runbook section.',
		fix: "Build the runbook_url from labels the rule sets itself (or external labels, passed with --external-label k=v), or link the alert's deep link /alerts/<alert-id>/.",
	},
	'verify-runbook-mismatch': {
		checks: 'A runbook link lands on the section the alert is declared with in `content/surfaces/`.',
		title: 'Runbook link differs from the declared section',
		level: 'warning',
		why: 'The alert is declared in content with another runbook section; one of the two is out of date.',
		fix: 'Make the link match the section declared in content/surfaces (or use the deep link /alerts/<alert-id>/), or change the declaration.',
	},
	'verify-alert-unknown': {
		checks: 'Each alert name in the file is declared under `alerts:` in some `content/surfaces/<surface>.yaml`.',
		title: 'Alert is not declared in content',
		level: 'error',
		why: 'Alerts that are not declared have no owner, severity or runbook section on the site, and coverage cannot see them.',
		fix: 'Declare the alert under "alerts:" in content/surfaces/<surface>.yaml with this exact name, or rename it to a declared alert.',
	},
	'verify-policy-links': {
		checks:
			'An AlertPolicy has at most 3 `documentation.links`, each with a URL and a `displayName` of at most 63 characters.',
		title: 'AlertPolicy documentation.links is invalid',
		level: 'error',
		why: 'Cloud Monitoring rejects a policy with more than 3 links, a link displayName over 63 characters, or a link without a URL.',
		fix: 'Keep at most 3 links, each with a "displayName" of at most 63 characters and an https "url"; put the runbook first.',
	},
	'verify-policy-documentation': {
		checks: 'The `documentation.content` of an AlertPolicy is `text/markdown` and at most 8,192 characters.',
		title: 'AlertPolicy documentation is invalid',
		level: 'error',
		why: 'Cloud Monitoring rejects documentation.content over 8,192 characters; any mimeType but text/markdown shows raw text.',
		fix: 'Set "mimeType": "text/markdown" and keep "content" within 8,192 characters (link to the runbook instead of copying it).',
	},
} as const satisfies Record<string, VerifyRule>;

export type VerifyRuleId = keyof typeof VERIFY_RULES;
