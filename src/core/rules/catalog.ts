/**
 * Every rule Launchbook reports, in one catalogue: the coverage gate's (`npm run check`, the
 * build) and `alerts:verify`'s (family `alerts-verify`, ids `verify-…`). For each: its id (the slug of its page on the site), its default
 * level, what it checks, why it matters and how to fix it. The rule pages are rendered from
 * this table, and the policy (`launchbook.config.yaml`) may change any level by id. Pure data.
 */
import { VERIFY_RULES } from '../alerts/verify-rules.ts';
import { LOAD_PROBLEMS, type LoadProblemId } from '../content/load-problems.ts';

export type RuleLevel = 'error' | 'warning';

export interface RuleSpec {
	readonly id: string;
	readonly title: string;
	/** Level when the policy does not set one. */
	readonly level: RuleLevel;
	/** Group on the rules index page. */
	readonly family:
		| 'content'
		| 'ownership'
		| 'alerts'
		| 'slos'
		| 'runbooks'
		| 'escalation'
		| 'comms'
		| 'freshness'
		| 'tabletops'
		| 'references'
		| 'pull-request'
		| 'launch'
		| 'writing'
		| 'alerts-verify';
	/** What the rule checks, one or two sentences. */
	readonly checks: string;
	/** Why it matters to a responder or a reviewer. */
	readonly why: string;
	/** How to fix a finding, in general; each finding carries its own precise fix too. */
	readonly fix: string;
}

const LOAD_WHY: Record<LoadProblemId, string> = {
	'content-encoding':
		'A file that is not UTF-8 cannot be read reliably: the site and the gate would show garbled text, or nothing.',
	'content-empty':
		'An empty file looks like content in a review but gives responders nothing; it also hides a forgotten piece of work.',
	'content-too-large':
		'Very large files slow every build and every check, and are almost always generated output committed by mistake.',
	'content-yaml':
		'A file that does not parse is left out of the site and of every check, so whatever it declares silently disappears.',
	'content-frontmatter':
		'Runbooks, comms templates and tabletop records carry their metadata in frontmatter; without it the file cannot be linked to its surface.',
	'content-mdx':
		'An MDX body that does not parse breaks the site build, and its headings cannot be resolved for alert links.',
	'content-schema':
		'The schema is the contract every page and check relies on; an entry that breaks it is left out until it is fixed.',
	'content-symlink':
		'A link can point anywhere: at a file outside the repository (a secret, a system file) that the public site would then publish, at itself (a loop), or at nothing. Content is what the repository holds, so links are refused, never followed.',
	'content-not-a-file':
		'A folder named like a content file, or a named pipe, device or socket, is not content: reading it fails or blocks the check and the build for ever.',
	'content-unreadable':
		'A file the check cannot read is silently missing from the site and from every check; the build would fail on it later, with less to go on.',
	'content-too-deep':
		'Parsers recurse into nested lists, quotes and mappings: content nested thousands of levels deep exhausts the stack and stops the check and the build. Real content is never nested that deep.',
	'content-path-id':
		'Runbook, escalation, comms and tabletop ids come from file names and become links; an id with capitals, spaces or look-alike Unicode letters makes links that differ from what people type, or that impersonate another page.',
	'content-duplicate-id': 'Two entries with one id make links ambiguous: one of them becomes unreachable.',
	'content-not-data':
		'Content is edited by many people and published as a public site, built while a token may be in reach. An MDX import, export or {expression} runs code at build time (it can read the environment or send it out); a script, style, iframe or event handler runs in every reader’s browser and in the offline kit. None of that may ride in on a content change. This rule cannot be lowered: it stops the build even under LAUNCHBOOK_GATE=warn.',
	'unsafe-link':
		'Responders click links mid-incident, often from the offline kit. A javascript:, vbscript: or data: link runs code or smuggles a document, however its scheme is spelled; a file: link opens something on the reader’s machine. This rule cannot be lowered: it stops the build even under LAUNCHBOOK_GATE=warn.',
};

/** What the content rules that judge the parsed body check, in more words than the title. */
const LOAD_CHECKS: Partial<Record<LoadProblemId, string>> = {
	'content-not-data':
		'Every Markdown/MDX body under `content/` (runbooks, comms templates, tabletop records, docs and guide pages, and `_` folders too) is judged on its parsed tree, not its lines. Allowed: Markdown, GFM, plain HTML elements written as JSX from a short list (`<kbd>`, `<details>`, `<summary>`, `<sup>`, `<br>`, tables…) with a short list of attributes, and outside docs pages the Starlight components Aside, Steps, Tabs and TabItem, used without an import. Refused: `import`/`export`, `{expressions}` (an MDX comment `{/* … */}` excepted), expression and spread attributes, `<script>`, `<style>`, `<iframe>`, `<object>`, `<embed>`, `<svg>`, `<form>` and every other element not on the list, any `on*` attribute, `srcdoc`, raw HTML in `.md` files beyond attribute-less allowed tags, and the docs frontmatter Starlight renders as HTML (`head`, markup in `hero.title`, `hero.tagline`, `banner.content`, `hero.image.html`).',
	'unsafe-link':
		'No link, image, reference definition, URL attribute (`href`, `src`, …) or docs hero action in any body under `content/` uses a scheme other than `https:`, `http:`, `mailto:` or `tel:`. The scheme is read as a browser reads it: after entities are decoded (`&#x6a;`, `&Tab;`), case folded and whitespace or control characters dropped, so `JaVa&Tab;Script:` is `javascript:`. Code blocks and code spans are examples and are left alone.',
};

const LOAD_RULES: RuleSpec[] = (Object.keys(LOAD_PROBLEMS) as LoadProblemId[]).map((id) => ({
	id,
	title: LOAD_PROBLEMS[id].title,
	level: 'error',
	family: 'content',
	checks:
		LOAD_CHECKS[id] ??
		`Every content file is read, parsed and validated before any coverage rule runs. This finding means: ${LOAD_PROBLEMS[id].title.toLowerCase()}.`,
	why: LOAD_WHY[id],
	fix: LOAD_PROBLEMS[id].fix,
}));

const COVERAGE_RULES: RuleSpec[] = [
	{
		id: 'surface-owner',
		title: 'Surface owner is in the roster',
		level: 'error',
		family: 'ownership',
		checks: 'The primary (and, when set, the secondary) owning team of each surface is a team in `content/teams/`.',
		why: 'Mid-incident, the owner is who gets paged and who decides. An owner that is not in the roster has no channel, no pager and no rotation.',
		fix: 'Set `owner.primary` to the id of a team in `content/teams/`, or add the team to the roster.',
	},
	{
		id: 'surface-on-call',
		title: 'Surface has an on-call link',
		level: 'error',
		family: 'ownership',
		checks: 'Each surface has an `onCall` link to its pager schedule, and the link is an absolute https URL.',
		why: 'A responder arriving from an alert needs to know who is on call right now, in one click.',
		fix: 'Set `onCall` to the https URL of the rotation schedule in the pager tool.',
	},
	{
		id: 'surface-alerts',
		title: 'Surface has at least one alert',
		level: 'error',
		family: 'alerts',
		checks: 'Each surface declares at least one alert under `alerts`.',
		why: 'A surface without alerts fails silently: customers notice before the on-call engineer does.',
		fix: 'Declare the alert that detects the surface failing (id, name, severity, https link, runbook section).',
	},
	{
		id: 'surface-runbook',
		title: 'Surface has a runbook',
		level: 'error',
		family: 'runbooks',
		checks: 'At least one runbook in `content/runbooks/` names the surface in its `surface` field.',
		why: 'Without a runbook, a responder relies on memory, and memory is what fails at 3 a.m.',
		fix: "Write a runbook for the surface's most likely failure mode under `content/runbooks/<surface>/`.",
	},
	{
		id: 'alert-link-https',
		title: 'Alert link is https',
		level: 'error',
		family: 'alerts',
		checks: 'The `link` of every alert is an absolute `https:` URL (never `http:`, `javascript:` or relative).',
		why: 'Responders click these links mid-incident, often on a phone; a plain-http or script link is a security and reliability risk.',
		fix: 'Use the https URL of the alert policy in the monitoring console.',
	},
	{
		id: 'alert-runbook-section',
		title: 'Alert lands on an existing runbook section',
		level: 'error',
		family: 'alerts',
		checks:
			'The `runbook` of every alert (`runbook-id#anchor`) names an existing runbook and one of its headings, using the same anchors the site generates for headings.',
		why: 'The alert link is how a responder reaches the procedure. A broken anchor drops them at the top of a long page, or on a 404, at the worst moment.',
		fix: "Point the alert at `runbook-id#anchor`, where the anchor is a heading of that runbook written in lower case with spaces as hyphens (as in the page's table of contents).",
	},
	{
		id: 'alert-anchor-ambiguous',
		title: 'Alert anchor names one heading',
		level: 'error',
		family: 'alerts',
		checks:
			"No two headings of the runbook an alert lands on slug to the alert's anchor (`## Rollback` twice, or `## Roll back!` and `## Roll-back`).",
		why: 'The site gives the second heading a `-1` anchor, so the alert opens the first: possibly the section for another failure.',
		fix: 'Rename the headings so each has its own anchor, and point the alert at the one it means.',
	},
	{
		id: 'alert-promql',
		title: 'Alert PromQL loads in Prometheus',
		level: 'error',
		family: 'alerts',
		checks:
			"Each alert's PromQL `query.expr` parses with Prometheus's grammar, calls functions with the right number of arguments and a range vector where one is needed (`rate(x[5m])`), uses valid RE2 regular expressions in `=~`/`!~`, and gives an instant vector.",
		why: 'An expression Prometheus refuses fails the whole rule file: `promtool check rules` rejects the export and none of its alerts load.',
		fix: 'Correct the expression; try it in the Prometheus expression browser.',
	},
	{
		id: 'alert-template',
		title: 'Alert summary is a valid template',
		level: 'error',
		family: 'alerts',
		checks:
			"Each alert's `summary`, and the name of a surface with PromQL alerts (its exported `description` carries it), parses as a Go template the way Prometheus reads annotations: every `{{` closed, `if`/`range`/`with` balanced with `end`, known functions and variables only.",
		why: 'Prometheus refuses a rule file whose annotations do not parse as templates, so the alert never fires.',
		fix: 'Close every `{{` with `}}`, balance blocks with `{{ end }}`, and use `$labels`, `$value` and Prometheus template functions only.',
	},
	{
		id: 'runbook-references',
		title: 'Runbook names a known surface and owner',
		level: 'error',
		family: 'runbooks',
		checks: "The `surface` and `owner` fields in a runbook's frontmatter name a surface and a team that exist.",
		why: "A runbook attached to an unknown surface never shows on that surface's page, and nobody keeps it true.",
		fix: 'Correct the id to a surface in `content/surfaces/` or a team in `content/teams/`.',
	},
	{
		id: 'runbook-alerts',
		title: 'Runbook and alerts point at each other',
		level: 'error',
		family: 'alerts',
		checks:
			'Each alert a runbook lists under `alerts` exists and lands on that runbook; each alert that lands on a runbook is listed by it.',
		why: 'The runbook header tells responders which alerts bring them here; if it disagrees with the alerts, they doubt they are on the right page.',
		fix: "Make the runbook's `alerts` list and the alerts' `runbook` fields agree.",
	},
	{
		id: 'runbook-required-sections',
		title: 'Runbook has the required sections',
		level: 'error',
		family: 'runbooks',
		checks:
			'Each runbook has a level-2 heading (`## …`) for every section in `policy.requiredSections` (or, for the runbooks of a surface tier named in `policy.requiredSectionsByTier`, in that list). A heading matches when it is the section name or one of its `policy.sectionAliases` (`Summary: [Meaning, Overview]`), or starts with one followed by a space or punctuation (`## Summary and impact`). The rollback rule finds its section through the aliases too.',
		why: 'Responders know where to look only if every runbook has the same shape: detection, diagnosis, mitigation, rollback, escalation, communication.',
		fix: 'Add the missing `## Section` heading with its content.',
	},
	{
		id: 'runbook-rollback-steps',
		title: 'Rollback is an ordered list of concrete steps',
		level: 'error',
		family: 'runbooks',
		checks:
			'The Rollback section (including its sub-headings) holds an ordered list (`1. …`) of at least `policy.rollback.minSteps` steps. An empty section, prose only, a bulleted list, or a step reading "TBD", "TODO", "…" or "Step two" fails.',
		why: 'Rollback is the one procedure that must work without thinking. A placeholder looks done in review and fails in the incident.',
		fix: 'Write the rollback as numbered steps, each a command or an action a responder can carry out, in order.',
	},
	{
		id: 'runbook-image',
		title: 'No images in runbooks',
		level: 'error',
		family: 'runbooks',
		checks:
			'A runbook body has no image: no `![alt](url)`, `<img>`, `<picture>`, `<video>`, `<audio>` or `<source>` outside code. Images quoted in code spans or fenced code are text and pass.',
		why: 'Every runbook is in the offline kit, which must open with no network; the build fails when the kit would fetch anything, so the gate says so first, at the line, and `check` passing means `build` passes.',
		fix: 'Describe what the image shows in words or a table, and link to it instead ([diagram](https://…)) if it must be seen.',
	},
	{
		id: 'escalation-coverage',
		title: 'Escalation covers every surface and severity',
		level: 'error',
		family: 'escalation',
		checks:
			'Each surface has an escalation file in `content/escalation/`, with a policy for every severity in `content/severities.yaml`.',
		why: 'When the first responder is stuck, the next person to call must be written down, for every severity.',
		fix: 'Add the missing escalation file or severity policy, with ordered levels (after N minutes, notify whom).',
	},
	{
		id: 'escalation-order',
		title: 'Escalation levels rise in time',
		level: 'error',
		family: 'escalation',
		checks:
			'Within each severity of an escalation file, every level has a larger `afterMinutes` than the level before it.',
		why: 'Responders and the exported paging routes read levels in order: a level that comes earlier than the one above it, or at the same minute, pages people out of order or twice.',
		fix: 'Order the levels by `afterMinutes`, each strictly later than the one before; merge levels that page at the same minute.',
	},
	{
		id: 'on-call-around-the-clock',
		title: 'First responders of a tier-1 surface are on shift around the clock',
		level: 'error',
		family: 'escalation',
		checks:
			"For every tier-1 surface and every severity whose first escalation level pages, the owning teams' roles at that level declare `shifts` that together cover every minute of the year from today, worked out in UTC from each shift's IANA time zone (so daylight-saving changes are taken as they fall). The first gap and the total uncovered time are reported.",
		why: 'A page at 02:00 UTC to a rotation that is asleep is not a page: "24x7, follow-the-sun" in prose can leave hours nobody covers, and only the shifts written as data can be checked.',
		fix: 'Declare the real shifts under each role in `content/teams/` (timezone, days, from, to) and add a shift or a role that covers the gap the finding names.',
	},
	{
		id: 'team-reachable',
		title: 'Owning and support teams are reachable from an escalation',
		level: 'error',
		family: 'escalation',
		checks:
			"Every team of kind `owning` or `support` is named (as the team, or one of its roles) by at least one level of some escalation policy; when the content declares receivers, by a level whose `via` (page, phone, chat, ticket) one of the named role's or team's receivers takes.",
		why: 'Finance, support and security are needed in real incidents (unrecorded charges, customer messages, leaked secrets); a team no escalation names is only ever reached by someone remembering to.',
		fix: 'Add the team or one of its roles to the escalation levels that need it (for example finance operations on billing SEV1, the support duty lead on customer-impacting severities), or mark the team `adjacent` if it is never paged.',
	},
	{
		id: 'escalation-roster',
		title: 'Escalation names roster entries only',
		level: 'error',
		family: 'escalation',
		checks:
			'Every `notify` entry of an escalation level is a team id, or `team-id/role-id` for a role of that team, from the roster.',
		why: 'An escalation to someone not in the roster has no pager, no channel and no rotation behind it.',
		fix: 'Name a team (`billing-platform`) or a role of a team (`incident-command/incident-commander`) from `content/teams/`.',
	},
	{
		id: 'paging-receiver',
		title: 'Escalation level has a receiver for its way',
		level: 'error',
		family: 'escalation',
		checks:
			"Every roster entry an escalation level notifies has a receiver for the level's `via`: a role's `receivers` for `team/role`, the team's own `receivers` for a bare team id.",
		why: 'The escalation matrix becomes Alertmanager routing. A level whose role cannot be reached the way it says is a page that goes nowhere: the matrix promises a responder the pager never calls.',
		fix: "Add to the role (or team) in `content/teams/` a receiver whose `via` lists the level's way (`kind` pagerduty, opsgenie, slack, webhook or email, with the file that holds its secret), or change the level's `via`.",
	},
	{
		id: 'paging-receiver-unused',
		title: 'Every receiver is used',
		level: 'error',
		family: 'escalation',
		checks:
			'Every receiver declared in `content/teams/` serves at least one escalation level (its roster entry is notified with one of its `via` ways).',
		why: 'An unused receiver is a secret file someone must keep, for a pager nobody calls; more often it is a typo in the matrix, whose level then has no receiver.',
		fix: "Name the receiver's role (or team) with one of its ways in a level of `content/escalation/`, or remove the receiver.",
	},
	{
		id: 'paging-route-missing',
		title: 'Every surface and severity has a route',
		level: 'error',
		family: 'escalation',
		checks:
			"The generated Alertmanager route tree, evaluated the way Alertmanager evaluates it, sends an alert with each surface's `surface` label and each severity's `severity` label to at least one team receiver, not only to `launchbook-unrouted`.",
		why: 'Burn-rate, absence and hand-written alerts carry the surface and severity labels too. A surface × severity without a route pages no one, whatever fires.',
		fix: 'Give the surface a policy for the severity in `content/escalation/<surface>.yaml` whose first level names a role with a receiver for its `via`.',
	},
	{
		id: 'paging-route-mismatch',
		title: 'Every alert routes to the receiver the matrix names first',
		level: 'error',
		family: 'escalation',
		checks:
			'Each declared alert, with the labels the Prometheus export gives it (`alertname`, `surface`, `severity`, `team`), is delivered by the generated route tree (first matching route, `continue` honoured) to exactly the receivers of the first escalation level of its surface and severity.',
		why: 'The matrix on the site and the routing in Alertmanager must not disagree: an earlier route that claims an alert (the watchdog\'s `alertname="Watchdog"`, say) pages the wrong people, silently.',
		fix: 'Rename the alert or change the route that claims its labels, so that it reaches the receivers the matrix names.',
	},
	{
		id: 'comms-coverage',
		title: 'Comms templates cover the policy',
		level: 'error',
		family: 'comms',
		checks:
			'For every severity, phase and audience required by `policy.commsRequired`, a template in `content/comms/` has that audience, that phase and the severity in `severities`.',
		why: 'Support should never write a customer message from scratch mid-incident: a template has the right tone, approvals and variables.',
		fix: "Add a template with the missing audience, phase and severity, or add the severity to an existing template's `severities`.",
	},
	{
		id: 'review-date-future',
		title: 'Review date is not in the future',
		level: 'error',
		family: 'freshness',
		checks: "A runbook's `lastReviewed` is today or earlier.",
		why: 'A review dated in the future (`9999-12-31`) keeps a runbook "fresh" for ever, so the review rules can never fire.',
		fix: 'Set `lastReviewed` to the day the review took place.',
	},
	{
		id: 'review-due-soon',
		title: 'Runbook review due soon',
		level: 'warning',
		family: 'freshness',
		checks: "A runbook's next review (`lastReviewed` + `reviewEvery`) falls within `policy.reviewWarningDays` days.",
		why: 'A warning ahead of time lets the owner review calmly instead of under a failing gate.',
		fix: 'Review the runbook against the running system, then set `lastReviewed` to the review date.',
	},
	{
		id: 'review-overdue',
		title: 'Runbook review overdue',
		level: 'error',
		family: 'freshness',
		checks: "A runbook's next review (`lastReviewed` + `reviewEvery`) has passed.",
		why: 'Systems drift: commands, dashboards and regions change. An unreviewed runbook misleads with confidence.',
		fix: 'Review the runbook against the running system, then set `lastReviewed` to the review date.',
	},
	{
		id: 'tabletop-recent',
		title: 'Surface exercised in a recent tabletop',
		level: 'error',
		family: 'tabletops',
		checks:
			'Each surface is listed in the `surfaces` of a tabletop record dated within `policy.tabletopWindowDays` days before today.',
		why: 'A tabletop is where tribal knowledge surfaces before an incident does; unexercised runbooks hide gaps.',
		fix: 'Run a tabletop exercise covering the surface and record it in `content/tabletops/`.',
	},
	{
		id: 'tabletop-action-overdue',
		title: 'Tabletop action item overdue',
		level: 'warning',
		family: 'tabletops',
		checks: 'Action items of tabletop records that are not `done` have a `due` date today or later.',
		why: 'Action items are how a tabletop changes anything. An overdue one is a known gap still open.',
		fix: 'Finish the action and set `status: done` with a `link` to the change, or agree a new `due` date with its owner.',
	},
	{
		id: 'tabletop-action-link',
		title: 'Done action item links its change',
		level: 'error',
		family: 'tabletops',
		checks: 'Tabletop action items with `status: done` have a `link` to the change that closed them.',
		why: '"Done" without evidence cannot be verified by a reviewer or a launch lead.',
		fix: 'Add `link:` with the https URL of the pull request or document that closed the action.',
	},
	{
		id: 'risk-references',
		title: 'Risks reference known surfaces, alerts and teams',
		level: 'error',
		family: 'references',
		checks: "Each risk's `surfaces`, `detection.alerts`, `owner` and `dependencies[].team` exist in the content.",
		why: 'A risk pointing at an unknown alert claims a detection that does not exist.',
		fix: 'Correct the id, or add the surface, alert or team it names.',
	},
	{
		id: 'depends-on-known',
		title: 'Dependencies are known',
		level: 'error',
		family: 'references',
		checks:
			"Each entry of a surface's `dependsOn` is a surface in `content/surfaces/` or a vendor in `content/vendors/`.",
		why: 'The blast radius is computed from these dependencies; an unknown one hides what fails together.',
		fix: 'Correct the id, or add the vendor to `content/vendors/`.',
	},
	{
		id: 'dependency-cycle',
		title: 'No dependency cycles',
		level: 'error',
		family: 'references',
		checks: 'Following `dependsOn` from any surface never comes back to it.',
		why: 'A cycle means no surface can be restored first: recovery order is undefined.',
		fix: 'Remove the dependency that closes the cycle; usually one direction is a soft dependency that should not be declared.',
	},
	{
		id: 'duplicate-id',
		title: 'Ids are unique',
		level: 'error',
		family: 'references',
		checks:
			'Ids are unique within surfaces and vendors (one namespace, as both can be depended on), alerts (across all surfaces), teams, roles of a team, severities, risks, checklist items, escalation files per surface, and tabletop action items.',
		why: 'Links and references resolve by id; a duplicate makes one of the two entries unreachable.',
		fix: 'Rename one of the two entries and update references to it.',
	},
	{
		id: 'unknown-reference',
		title: 'References resolve',
		level: 'error',
		family: 'references',
		checks:
			'Every other id an entry names exists: alert severities, escalation surfaces, severities and vendors, vendor support priorities, role surfaces, tabletop surfaces, participants, owners and runbooks, checklist owners, and the severities named by `policy.commsRequired`.',
		why: 'A reference to nothing is a link that breaks on the site and a claim nobody can check.',
		fix: 'Correct the id, or add the entry it names.',
	},
	{
		id: 'code-path-pattern',
		title: 'Code paths are CODEOWNERS patterns',
		level: 'error',
		family: 'ownership',
		checks:
			'Each `codePaths` glob is relative to the repository root and uses only syntax both CODEOWNERS and the gate understand: no `!` negation, no `[…]` ranges, no `..`, no backslashes, no leading `/` or `./`.',
		why: 'CODEOWNERS silently skips lines it cannot read: the path would have no reviewer and nobody would notice.',
		fix: 'Write the glob as a path from the repository root, such as `services/billing/**`; list several globs instead of a negation or a range.',
	},
	{
		id: 'codeowners-drift',
		title: 'CODEOWNERS matches the surfaces',
		level: 'error',
		family: 'ownership',
		checks:
			"The committed `.github/CODEOWNERS` is exactly what `npm run codeowners` generates from the surfaces' code paths and owners.",
		why: 'Review requests go to the teams that will be paged for the code; a hand-edited or stale CODEOWNERS sends them elsewhere.',
		fix: 'Run `npm run codeowners` and commit `.github/CODEOWNERS`; change owners in the surfaces, never in the generated file.',
	},
	{
		id: 'slo-measurable',
		title: 'Tier-1 surface has a measurable SLO',
		level: 'error',
		family: 'slos',
		checks:
			'Each tier-1 surface has at least one SLO with an `sli`: `kind: ratio` (bad or good over total, PromQL with `[{{window}}]`) or `kind: latency` (a histogram and a threshold).',
		why: 'A prose SLO is measured by nothing and alerts on nothing: the budget can be spent, at 0.5 % errors a day, without a page.',
		fix: 'Add an `sli` to the SLO that says what is measured; `npm run alerts:export` then generates its recording rules and burn-rate alerts.',
	},
	{
		id: 'slo-runbook-section',
		title: 'SLO burn alerts land on an existing runbook section',
		level: 'error',
		family: 'slos',
		checks:
			'Every SLO with an `sli` names, in `runbook`, the runbook and heading (`runbook-id#anchor`) its burn-rate alerts link to, and both exist.',
		why: "A burn alert without a runbook pages someone with a number and no procedure; Sloth's and Pyrra's generated alerts have exactly that gap.",
		fix: "Add a section such as `### SLO burn: <slo-id>` to the runbook that handles the failure and set the SLO's `runbook` to `runbook-id#slo-burn-<slo-id>`.",
	},
	{
		id: 'slo-runbook-listed',
		title: 'Runbook lists the SLOs whose burn alerts land on it',
		level: 'error',
		family: 'slos',
		checks:
			"The runbook an SLO's burn alerts land on lists the SLO id under `slos` in its frontmatter, and every SLO a runbook lists lands its burn alerts there.",
		why: 'Both ends of the link are edited by different people; checking both ways catches a runbook moved, split or renamed under an SLO.',
		fix: "Add the SLO id to the runbook's `slos`, or remove it there and point the SLO's `runbook` elsewhere.",
	},
	{
		id: 'slo-severity',
		title: 'SLO burn severities come from the severity model',
		level: 'error',
		family: 'slos',
		checks:
			'The page-level burn alerts (14.4x, 6x) carry a severity with `notify: page`, the ticket-level ones (3x, 1x) one that does not page. By default the mildest paging severity and the worst non-paging one; `pageSeverity` and `ticketSeverity` override.',
		why: 'A page that reaches nobody at night, or a 1x burn that wakes someone, both teach responders to ignore SLO alerts.',
		fix: 'Set `pageSeverity` / `ticketSeverity` on the SLO to ids in `content/severities.yaml` with the right `response.notify`.',
	},
	{
		id: 'slo-id-unique',
		title: 'SLO ids are unique across surfaces',
		level: 'error',
		family: 'slos',
		checks: 'No two surfaces declare an SLO with the same id.',
		why: "The id is the rules' `slo` label and names the burn alerts and the exported Cloud Monitoring files: two SLOs with one id overwrite each other's exports.",
		fix: 'Rename one of them, e.g. prefixed with its surface id.',
	},
	{
		id: 'metric-declared',
		title: 'Queries read declared metrics',
		level: 'error',
		family: 'slos',
		checks:
			"Once `content/metrics.yaml` exists, every metric a PromQL alert, an SLI or a Prometheus status check reads (parsed with Prometheus's own grammar) is declared there; a histogram's `_bucket`, `_count` and `_sum` series count as its own. SLI expressions must parse.",
		why: 'A misspelt or renamed metric makes a query return nothing: the alert never fires and the status check stays grey, silently. The catalogue says who emits each metric.',
		fix: 'Declare the metric once in `content/metrics.yaml` (id, type, unit, help, source, owner), or correct its name in the query.',
	},
	{
		id: 'metric-owner',
		title: 'Metric owner is in the roster',
		level: 'error',
		family: 'slos',
		checks: 'The `owner` of every metric in `content/metrics.yaml` is a team in `content/teams/`.',
		why: 'When a metric vanishes its absence alert pages someone; the owner is who makes the metric come back.',
		fix: 'Set `owner` to the id of the team that runs the exporter or the instrumented service.',
	},
	{
		id: 'changed-path-unowned',
		title: 'Changed path has an owning surface',
		level: 'warning',
		family: 'pull-request',
		checks:
			'In pull-request mode, each changed path matches the `codePaths` of some surface, or one of `policy.unownedAllowed` (content, docs, tests, lock files…).',
		why: 'Code no surface owns has no runbook, no alert and no on-call: a change to it ships without operational cover.',
		fix: "Add a glob matching the path to the owning surface's `codePaths`, or add it to `policy.unownedAllowed` in `launchbook.config.yaml` if it is not production code.",
	},
	{
		id: 'changed-path-stale-review',
		title: 'Changed surface has fresh runbooks',
		level: 'error',
		family: 'pull-request',
		checks:
			'In pull-request mode, when a changed path belongs to a surface, every runbook of that surface is within its review period.',
		why: 'A change is the moment a runbook goes out of date; its review must not already be overdue.',
		fix: "Review the surface's runbook in the same pull request and set its `lastReviewed` to today.",
	},
	{
		id: 'run-sheet-order',
		title: 'The run sheet reads in time order',
		level: 'error',
		family: 'launch',
		checks:
			'In each `content/launch-day/` run sheet, steps and gates are listed in time order (T-7d before T-24h before T+0), the change freeze ends after it starts and the war room closes after it opens.',
		why: 'On launch day the sheet is read top to bottom, often on a phone: a step listed out of order is a step done late.',
		fix: 'Move the step or gate to its place in time, or correct its `at`.',
	},
	{
		id: 'run-sheet-owner',
		title: 'Every run-sheet step has a role from the roster',
		level: 'error',
		family: 'launch',
		checks:
			'Every step owner, gate decider, the decision owner, the change-freeze approver and the hypercare owner is a role of a team in the roster, written `team/role`.',
		why: 'A step owned by a whole team, or by a role nobody staffs, is a step everybody assumes somebody else is doing.',
		fix: 'Name a role from `content/teams/`, such as `platform-infra/surface-lead`.',
	},
	{
		id: 'run-sheet-links',
		title: 'Run-sheet links resolve',
		level: 'error',
		family: 'launch',
		checks:
			'Every step links what it relies on (a runbook section, a checklist item or a comms template) and each link resolves: the runbook and its heading anchor exist, the checklist item and the template exist; every abort criterion names an alert a surface declares or an SLO burn alert, and a rollback section that exists.',
		why: 'The run sheet is where the launch lead jumps from a step to its procedure; a dead link sends them searching at T+0.',
		fix: 'Correct the id or anchor (the heading in lower case with hyphens), or add the missing runbook section, checklist item or template.',
	},
	{
		id: 'run-sheet-abort-criteria',
		title: 'Every go/no-go gate has abort criteria',
		level: 'error',
		family: 'launch',
		checks:
			'Every gate of a run sheet lists at least one abort criterion: a signal (alert), its threshold and the rollback to run.',
		why: 'Deciding mid-launch what counts as "bad enough to roll back" is how launches limp on for hours; the threshold has to be agreed before T0.',
		fix: 'Add under the gate `abort:` entries with `alert`, `threshold` and `rollback` (a runbook section).',
	},
	{
		id: 'checklist-evidence-stale',
		title: 'Go/no-go evidence was checked recently',
		level: 'warning',
		family: 'launch',
		checks:
			'Each manual go/no-go item set to `go` carries `checked` (the day its owner last checked the evidence) no older than `policy.checklistEvidenceDays` days. A stale item is shown as stale and does not count as go, so the decision cannot be Go.',
		why: 'A "go" set three weeks before launch says nothing about launch day: dashboards, contracts and rehearsals drift.',
		fix: 'Re-check the evidence and set `checked` to that day, or set the item back to pending.',
	},
	{
		id: 'checklist-pending-past-launch',
		title: 'No go/no-go item is pending after the launch date',
		level: 'warning',
		family: 'launch',
		checks:
			"After the launch date (the date of the earliest run sheet's T0), no manual go/no-go item is still `pending`; each one that is makes the decision No-go, and the checklist page names it and its owner.",
		why: 'A pending item after launch is a question nobody answered before going live; the decision must say so rather than look merely unfinished.',
		fix: 'Settle the item with its owner: go (with evidence and a checked date) or no-go (with the reason).',
	},
	{
		id: 'yaml-comment-cuts-text',
		title: 'A YAML comment does not cut a text value',
		level: 'warning',
		family: 'writing',
		checks:
			'In every YAML file and frontmatter, a text value written without quotes (a plain scalar of several words) is not followed by ` #` on the same line. YAML reads a space then `#` as the start of a comment, even in the middle of a sentence.',
		why: '`handoff: note in #billing-oncall` is read as "note in": the channel a responder needs silently disappears from the roster page and every export, and nothing looks wrong in review.',
		fix: 'Quote the value (`handoff: "… note in #billing-oncall"`), or, if the comment is meant as one, put it on a line of its own.',
	},
];

/** The checks of `npm run alerts:verify` on alert files Launchbook did not generate. */
const VERIFY_RULE_SPECS: RuleSpec[] = Object.entries(VERIFY_RULES).map(([id, r]) => ({
	id,
	title: r.title,
	level: r.level,
	family: 'alerts-verify',
	checks: r.checks,
	why: r.why,
	fix: r.fix,
}));

export const RULES: readonly RuleSpec[] = [...LOAD_RULES, ...COVERAGE_RULES, ...VERIFY_RULE_SPECS];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleSpec(id: string): RuleSpec | undefined {
	return BY_ID.get(id);
}

/** The site path of a rule's page. */
export function ruleHref(id: string): string {
	return `/rules/${id}/`;
}

/** The level a rule's findings get under a policy; `off` when they are dropped. Content problems are always errors. */
export function ruleLevel(
	policy: { readonly rules: Readonly<Record<string, RuleLevel | 'off'>> },
	rule: string,
): RuleLevel | 'off' {
	const spec = ruleSpec(rule);
	if (spec?.family === 'content') return 'error';
	return policy.rules[rule] ?? spec?.level ?? 'error';
}
