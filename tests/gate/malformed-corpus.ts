/**
 * Malformed inputs, each an overlay on the known-good fixture tree, with the finding the gate
 * must give (file:line:col, level, rule and the start of its message).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOOD } from './support.ts';

const read = (path: string) => readFileSync(join(GOOD, path), 'utf8');
const PAYMENTS = 'content/surfaces/payments.yaml';
const LEDGER = 'content/surfaces/ledger.yaml';
const RB = 'content/runbooks/payments/errors.mdx';
const payments = read(PAYMENTS);
const ledger = read(LEDGER);
const runbook = read(RB);
const replace = (text: string, from: string, to: string) => {
	if (!text.includes(from)) throw new Error(`corpus: "${from}" not found`);
	return text.replace(from, to);
};

export interface MalformedCase {
	readonly name: string;
	readonly files: Record<string, string | Uint8Array | null>;
	/** A line the text report must contain, from the start of the line. */
	readonly expect: string;
	/** The report holds this one finding and nothing that follows from it. */
	readonly only?: boolean;
}

export const MALFORMED: readonly MalformedCase[] = [
	{
		name: 'YAML: a missing colon',
		files: { [PAYMENTS]: replace(payments, 'tier: 1', 'tier 1\nfoo') },
		expect: `${PAYMENTS}:4:1  error  content-yaml  Implicit keys need to be on a single line.`,
	},
	{
		name: 'YAML: an unclosed quote',
		files: { [PAYMENTS]: replace(payments, 'name: Payments', 'name: "Payments') },
		expect: `${PAYMENTS}:2:16  error  content-yaml  Missing closing "quote.`,
	},
	{
		name: 'YAML: a tab used for indentation',
		files: { [PAYMENTS]: replace(payments, '  primary: payments-team', '\tprimary: payments-team') },
		expect: `${PAYMENTS}:6:1  error  content-yaml  Tabs are not allowed as indentation.`,
	},
	{
		name: 'YAML: a key given twice',
		files: { [PAYMENTS]: replace(payments, 'tier: 1', 'tier: 1\ntier: 2') },
		expect: `${PAYMENTS}:5:1  error  content-yaml  Map keys must be unique.`,
	},
	{
		name: 'YAML: an alias bomb',
		files: {
			[PAYMENTS]: `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
		},
		expect: `${PAYMENTS}:1:1  error  content-yaml  Excessive alias count indicates a resource exhaustion attack.`,
	},
	{
		name: 'YAML: a scalar instead of a mapping',
		files: { [PAYMENTS]: 'just some text\n' },
		expect: `${PAYMENTS}:1:1  error  content-schema  the entry: expected a mapping, found "just some text".`,
	},
	{
		name: 'YAML: a list file that is a mapping',
		files: { 'content/severities.yaml': 'sev1:\n  level: 1\n' },
		expect: 'content/severities.yaml:1:1  error  content-schema  expected a list of entries, found a mapping.',
	},
	{
		name: 'wrong type: tier as text',
		files: { [PAYMENTS]: replace(payments, 'tier: 1', 'tier: one') },
		expect: `${PAYMENTS}:4:1  error  content-schema  tier: expected a number, found "one".`,
	},
	{
		name: 'wrong type: alerts as a mapping',
		files: {
			[LEDGER]: replace(ledger, 'alerts:\n  - id: ledger-lag', 'alerts:\n  id: ledger-lag').replace(/\n {4}/g, '\n  '),
		},
		expect: `${LEDGER}:10:1  error  content-schema  alerts: expected a list, found a mapping.`,
	},
	{
		name: 'a required field missing',
		files: {
			[PAYMENTS]: replace(payments, 'onCall: https://example-org.pagerduty.example.com/schedules/payments\n', ''),
		},
		expect: `${PAYMENTS}:1:1  error  content-schema  onCall: is required but missing; expected an https:// URL.`,
	},
	{
		name: 'an unknown field',
		files: { [PAYMENTS]: replace(payments, 'tier: 1', 'tier: 1\nownr: payments-team') },
		expect: `${PAYMENTS}:5:1  error  content-schema  ownr: is not a known field; did you mean "owner"?`,
	},
	{
		name: 'an id that is not kebab-case',
		files: { [PAYMENTS]: replace(payments, 'id: payments', 'id: Payments_API') },
		expect: `${PAYMENTS}:1:1  error  content-schema  id: expected a kebab-case id such as "billing-events" (lower-case letters, digits and single hyphens), found "Payments_API".`,
	},
	{
		name: 'an impossible date',
		files: {
			'content/tabletops/2026-10-regional-outage.mdx': replace(
				read('content/tabletops/2026-10-regional-outage.mdx'),
				'date: 2026-10-15',
				'date: "2026-02-30"',
			),
		},
		expect:
			'content/tabletops/2026-10-regional-outage.mdx:3:1  error  content-schema  date: expected a real calendar date written YYYY-MM-DD, found "2026-02-30".',
	},
	{
		name: 'unknown reference: owner',
		files: { [LEDGER]: replace(ledger, 'primary: payments-team', 'primary: ledger-team') },
		expect: `${LEDGER}:6:3  error  surface-owner  owner.primary "ledger-team" of surface "ledger" is not a team in the roster.`,
	},
	{
		name: 'unknown reference: dependsOn',
		files: { [PAYMENTS]: replace(payments, 'dependsOn: [ledger, gcp]', 'dependsOn: [ledger, stripe]') },
		expect: `${PAYMENTS}:9:21  error  depends-on-known  surface "payments" depends on "stripe", which is neither a surface nor a vendor.`,
	},
	{
		name: 'unknown reference: escalation notifies a team not in the roster',
		files: {
			'content/escalation/ledger.yaml': replace(
				read('content/escalation/ledger.yaml'),
				'notify: [payments-team]',
				'notify: [sre-team]',
			),
		},
		expect:
			'content/escalation/ledger.yaml:5:37  error  escalation-roster  escalation for "ledger" (sev1, after 0 min) notifies "sre-team", but team "sre-team" is not in the roster.',
	},
	{
		name: 'unknown reference: a risk detected by an unknown alert',
		files: {
			'content/risks/ledger-lag.yaml': replace(
				read('content/risks/ledger-lag.yaml'),
				'alerts: [ledger-lag]',
				'alerts: [ledger-lagging]',
			),
		},
		expect:
			'content/risks/ledger-lag.yaml:8:12  error  risk-references  risk "ledger-lag" is detected by alert "ledger-lagging", which no surface declares.',
	},
	{
		name: 'unknown reference: a runbook for an unknown surface',
		files: {
			'content/runbooks/ledger/lag.mdx': replace(
				read('content/runbooks/ledger/lag.mdx'),
				'surface: ledger',
				'surface: ledgr',
			),
		},
		expect:
			'content/runbooks/ledger/lag.mdx:4:1  error  runbook-references  runbook "ledger/lag" names surface "ledgr", which does not exist.',
	},
	{
		name: 'unknown reference: an alert landing on a missing heading',
		files: {
			[PAYMENTS]: replace(payments, 'runbook: payments/errors#mitigation', 'runbook: payments/errors#roll-back'),
		},
		expect: `${PAYMENTS}:16:5  error  alert-runbook-section  alert "payments-errors" lands on "#roll-back", which is not a heading of runbook "payments/errors".`,
	},
	{
		name: 'duplicate id: two surface files with one id',
		files: {
			'content/surfaces/payments-copy.yaml': replace(payments, 'alerts:', 'alerts: []\nx-alerts:').replace(
				/x-alerts:[\s\S]*$/,
				'',
			),
		},
		expect: `content/surfaces/payments.yaml:1:1  error  duplicate-id  surface or vendor id "payments" is already declared at content/surfaces/payments-copy.yaml:1.`,
	},
	{
		name: 'duplicate id: one alert id on two surfaces',
		files: { [LEDGER]: replace(ledger, 'id: ledger-lag', 'id: payments-errors') },
		expect: `${PAYMENTS}:12:5  error  duplicate-id  alert id "payments-errors" is already declared at content/surfaces/ledger.yaml:11.`,
	},
	{
		name: 'a dependency cycle',
		files: { [LEDGER]: replace(ledger, 'dependsOn: [gcp]', 'dependsOn: [gcp, payments]') },
		expect: `${LEDGER}:8:18  error  dependency-cycle  dependency cycle: ledger → payments → ledger.`,
	},
	{
		name: 'an empty rollback',
		files: { [RB]: replace(runbook, /## Rollback\n\n1\..*\n2\..*\n/.exec(runbook)![0], '## Rollback\n\n') },
		expect: `${RB}:29:1  error  runbook-rollback-steps  the "Rollback" section of runbook "payments/errors" is empty.`,
	},
	{
		name: 'a placeholder rollback',
		files: {
			[RB]: replace(runbook, /## Rollback\n\n1\..*\n2\..*\n/.exec(runbook)![0], '## Rollback\n\n1. TBD\n2. TODO\n'),
		},
		expect: `${RB}:29:1  error  runbook-rollback-steps  the "Rollback" section of runbook "payments/errors" has 0 concrete steps; at least 2 are required.`,
	},
	{
		name: 'a missing Rollback heading',
		files: { [RB]: replace(runbook, '## Rollback', 'Rollback:') },
		expect: `${RB}:25:1  error  runbook-required-sections  runbook "payments/errors" has no "## Rollback" section.`,
	},
	{
		name: 'unsafe URL: javascript: alert link',
		files: {
			[PAYMENTS]: replace(
				payments,
				'link: https://console.cloud.google.com/monitoring/alerting/policies/1',
				'link: "javascript:alert(document.cookie)"',
			),
		},
		expect: `${PAYMENTS}:15:5  error  content-schema  alerts[0].link: expected an absolute https:// URL, found "javascript:alert(document.cookie)".`,
	},
	{
		name: 'unsafe URL: http: on-call link',
		files: { [PAYMENTS]: replace(payments, 'onCall: https://', 'onCall: http://') },
		expect: `${PAYMENTS}:8:1  error  content-schema  onCall: expected an absolute https:// URL, found "http://example-org.pagerduty.example.com/schedules/payments".`,
	},
	{
		name: 'a BOM before a YAML error keeps lines right',
		files: { [PAYMENTS]: `\uFEFF${replace(payments, 'tier: 1', 'tier: [1')}` },
		expect: `${PAYMENTS}:5:1  error  content-yaml  Flow sequence in block collection must be sufficiently indented and end with a ].`,
	},
	{
		name: 'CRLF line endings keep lines and columns right',
		files: { [PAYMENTS]: replace(payments, 'tier: 1', 'tier: 7').replace(/\n/g, '\r\n') },
		expect: `${PAYMENTS}:4:1  error  content-schema  tier: expected a number <= 3, found number 7.`,
	},
	{
		name: 'CRLF in MDX keeps heading lines right',
		files: {
			[RB]: replace(
				runbook,
				/## Rollback\n\n1\..*\n2\..*\n/.exec(runbook)![0],
				'## Rollback\n\nRoll back as usual.\n',
			).replace(/\n/g, '\r\n'),
		},
		expect: `${RB}:29:1  error  runbook-rollback-steps  the "Rollback" section of runbook "payments/errors" holds prose but no numbered steps.`,
	},
	{
		name: 'non-UTF-8 bytes',
		files: {
			[PAYMENTS]: Buffer.concat([
				Buffer.from(replace(payments, 'Takes payments.', 'Takes payments ')),
				Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
			]),
		},
		expect: `${PAYMENTS}:19:4  error  content-encoding  byte `,
	},
	{
		name: 'a huge file',
		files: { [PAYMENTS]: `${payments}# ${'x'.repeat(1024 * 1024 + 10)}\n` },
		expect: `${PAYMENTS}:1:1  error  content-too-large  ${PAYMENTS} is 1049436 bytes; the limit is 1048576.`,
	},
	{
		name: 'an empty file',
		files: { [PAYMENTS]: '' },
		expect: `${PAYMENTS}:1:1  error  content-empty  ${PAYMENTS} is empty.`,
	},
	{
		name: 'a file of blank lines',
		files: { 'content/risks/ledger-lag.yaml': '\n\n   \n' },
		expect: 'content/risks/ledger-lag.yaml:1:1  error  content-empty  content/risks/ledger-lag.yaml is empty.',
	},
	{
		name: 'MDX that does not parse',
		files: {
			[RB]: replace(runbook, 'Shift traffic to the last good revision.', 'Shift traffic {to the last good revision.'),
		},
		expect: `${RB}:27:42  error  content-mdx  Unexpected end of file in expression, expected a corresponding closing brace for \`{\`.`,
	},
	// The parser's own positions in the message are file lines too, not lines of the body after the frontmatter.
	{
		name: 'MDX with an unclosed tag',
		files: {
			[RB]: replace(
				runbook,
				'Shift traffic to the last good revision.',
				'<Aside>Shift traffic to the last good revision.',
			),
		},
		expect: `${RB}:27:1  error  content-mdx  Expected a closing tag for \`<Aside>\` (27:1-27:8) before the end of \`paragraph\`. Correct the MDX at this position;`,
		only: true,
	},
	{
		name: 'MDX with mismatched tags',
		files: {
			[RB]: replace(
				runbook,
				'Shift traffic to the last good revision.',
				'Shift traffic <b>to the last good revision.</i>',
			),
		},
		expect: `${RB}:27:44  error  content-mdx  Unexpected closing tag \`</i>\`, expected corresponding closing tag for \`<b>\` (27:15-27:18). Correct the MDX at this position;`,
		only: true,
	},
	{
		name: 'YAML: a !!binary value',
		files: { [PAYMENTS]: replace(payments, 'name: Payments', 'name: !!binary UGF5bWVudHM=') },
		expect: `${PAYMENTS}:2:7  error  content-yaml  the value tagged "!!binary" is not plain data: content files hold only text, numbers, true/false, null, lists and mappings. Remove the tag and write the value as plain text (in quotes if it would otherwise read as a number or true/false).`,
		only: true,
	},
	{
		name: 'YAML: a whole file tagged !!binary',
		files: { [PAYMENTS]: '!!binary aWQ6IHBheW1lbnRzCm5hbWU6IFBheW1lbnRzCg==\n' },
		expect: `${PAYMENTS}:1:1  error  content-yaml  the value tagged "!!binary" is not plain data:`,
		only: true,
	},
	{
		name: 'YAML: a custom tag',
		files: { [PAYMENTS]: replace(payments, 'tier: 1', 'tier: !Ref TierOne') },
		expect: `${PAYMENTS}:4:7  error  content-yaml  the value tagged "!Ref" is not plain data:`,
		only: true,
	},
	{
		name: 'YAML: a !!set in frontmatter',
		files: {
			[RB]: replace(
				runbook,
				'alerts: [payments-errors, payments-success-burn-page, payments-success-burn-ticket]',
				'alerts: !!set {payments-errors}',
			),
		},
		expect: `${RB}:5:9  error  content-yaml  the value tagged "!!set" is not plain data:`,
		only: true,
	},
	{
		name: 'MDX without frontmatter',
		files: { [RB]: runbook.replace(/^---\n[\s\S]*?\n---\n/, '') },
		expect: `${RB}:1:1  error  content-frontmatter  the file does not start with a "---" frontmatter line.`,
	},
	{
		name: 'MDX with unclosed frontmatter',
		files: { [RB]: runbook.replace('\n---\n\n## Summary', '\n\n## Summary') },
		expect: `${RB}:1:1  error  content-frontmatter  the frontmatter opened on line 1 is never closed with "---".`,
	},
	{
		name: 'a comms template using an undeclared variable',
		files: {
			'content/comms/resolved-internal.mdx': replace(
				read('content/comms/resolved-internal.mdx'),
				'{{surface}}.',
				'{{surface}} since {{startTime}}.',
			),
		},
		expect:
			'content/comms/resolved-internal.mdx:6:1  error  content-schema  message: uses {{startTime}} but declares no variable "startTime"; add it under variables or remove the placeholder.',
	},
	{
		name: 'a done action item without a link',
		files: {
			'content/tabletops/2026-10-regional-outage.mdx': replace(
				read('content/tabletops/2026-10-regional-outage.mdx'),
				'    link: https://github.com/example-org/platform/pull/12\n',
				'',
			),
		},
		expect:
			'content/tabletops/2026-10-regional-outage.mdx:27:5  error  tabletop-action-link  action "add-dashboard" is done but has no link to the change that closed it.',
	},
	{
		name: 'config: an unknown rule id in policy.rules',
		files: { 'launchbook.config.yaml': `${read('launchbook.config.yaml')}  rules:\n    rollback-stepz: warning\n` },
		expect:
			'launchbook.config.yaml:14:5  error  content-schema  policy.rules.rollback-stepz: "rollback-stepz" is not a rule id; the rules are listed at /rules/.',
	},
	{
		name: 'config: YAML that does not parse',
		files: {
			'launchbook.config.yaml': replace(
				read('launchbook.config.yaml'),
				'reviewWarningDays: 14',
				'reviewWarningDays: [14',
			),
		},
		expect:
			'launchbook.config.yaml:7:3  error  content-yaml  Flow sequence in block collection must be sufficiently indented and end with a ].',
	},
	{
		name: 'config: a misspelt top-level key (polcy)',
		files: { 'launchbook.config.yaml': read('launchbook.config.yaml').replace('policy:', 'polcy:') },
		expect:
			'launchbook.config.yaml:4:1  error  content-schema  polcy: is not a known field; did you mean "policy"? Correct the field as described;',
		only: true,
	},
	{
		name: 'config: a misspelt site key (site.titel)',
		files: {
			'launchbook.config.yaml': replace(
				read('launchbook.config.yaml'),
				'  organisation:',
				'  titel: Ops\n  organisation:',
			),
		},
		expect:
			'launchbook.config.yaml:3:3  error  content-schema  site.titel: is not a known field; did you mean "title"? Correct the field as described;',
		only: true,
	},
	{
		name: 'config: a misspelt policy key (reviewWarnDays)',
		files: {
			'launchbook.config.yaml': replace(read('launchbook.config.yaml'), 'reviewWarningDays: 14', 'reviewWarnDays: 14'),
		},
		expect:
			'launchbook.config.yaml:6:3  error  content-schema  policy.reviewWarnDays: is not a known field; did you mean "reviewWarningDays"?',
		only: true,
	},
	{
		name: 'config: an unknown key with nothing close lists the fields',
		files: {
			'launchbook.config.yaml': replace(
				read('launchbook.config.yaml'),
				'  organisation:',
				'  colour: blue\n  organisation:',
			),
		},
		expect:
			'launchbook.config.yaml:3:3  error  content-schema  site.colour: is not a known field; the fields here are url, title, organisation.',
		only: true,
	},
	{
		name: 'config: __proto__ in policy.rules is reported at its line, not dropped',
		files: {
			'launchbook.config.yaml': `${read('launchbook.config.yaml')}  rules:\n    __proto__: { review-overdue: off }\n`,
		},
		expect:
			'launchbook.config.yaml:14:5  error  content-schema  policy.rules.__proto__: "__proto__" is a reserved name in JavaScript and cannot be a key. Rename or remove the key.',
		only: true,
	},
	{
		name: 'config: constructor and toString as rule ids',
		files: {
			'launchbook.config.yaml': `${read('launchbook.config.yaml')}  rules:\n    constructor: off\n    toString: off\n`,
		},
		expect:
			'launchbook.config.yaml:15:5  error  content-schema  policy.rules.toString: "toString" is not a rule id; the rules are listed at /rules/.',
	},
	{
		name: 'a __proto__ key in a surface is reported at its own line',
		files: { [PAYMENTS]: replace(payments, 'tier: 1', 'tier: 1\n__proto__:\n  owner: { primary: attacker }') },
		expect: `${PAYMENTS}:5:1  error  content-schema  __proto__: "__proto__" is a reserved name in JavaScript and cannot be a key.`,
		only: true,
	},
	{
		name: 'a constructor key in a surface is reported at its own line',
		files: { [PAYMENTS]: replace(payments, 'tier: 1', 'tier: 1\nconstructor: x') },
		expect: `${PAYMENTS}:5:1  error  content-schema  constructor: is not a known field;`,
		only: true,
	},
	{
		name: 'a lastReviewed in the future',
		files: { [RB]: replace(runbook, 'lastReviewed: 2026-11-01', 'lastReviewed: 9999-12-31') },
		expect: `${RB}:7:1  error  review-date-future  runbook "payments/errors" was last reviewed on 9999-12-31, which is after today (2026-11-26). Set lastReviewed to the day the review actually took place (today at the latest).`,
		only: true,
	},
	{
		name: 'escalation levels out of order',
		files: {
			'content/escalation/ledger.yaml': replace(
				read('content/escalation/ledger.yaml'),
				'afterMinutes: 15',
				'afterMinutes: 0',
			),
		},
		expect:
			'content/escalation/ledger.yaml:6:11  error  escalation-order  escalation for "ledger" (sev1): level 2 comes after 0 min, not later than level 1 (after 0 min).',
		only: true,
	},
	{
		name: 'two headings that slug to the alert anchor',
		files: { [RB]: replace(runbook, '## Rollback', '## Mitigation!\n\nSee above.\n\n## Rollback') },
		expect: `${PAYMENTS}:16:5  error  alert-anchor-ambiguous  alert "payments-errors" lands on "#mitigation", but 2 headings of runbook "payments/errors" slug to it (lines 25, 29): the link opens the first.`,
		only: true,
	},
	{
		name: 'YAML nested 5,000 flow lists deep',
		files: { [PAYMENTS]: replace(payments, 'tier: 1', `tier: 1\nextra: ${'['.repeat(5000)}${']'.repeat(5000)}`) },
		expect: `${PAYMENTS}:5:71  error  content-too-deep  YAML here is nested 65 levels deep; the limit is 64, so the file is not parsed. Flatten the structure:`,
		only: true,
	},
	{
		name: 'YAML nested 200 mappings deep',
		files: {
			[PAYMENTS]: replace(
				payments,
				'tier: 1',
				`tier: 1\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} x`,
			),
		},
		expect: `${PAYMENTS}:69:65  error  content-too-deep  YAML here is nested 65 levels deep; the limit is 64, so the file is not parsed.`,
		only: true,
	},
	{
		name: 'YAML compact lists 5,000 deep in frontmatter',
		files: {
			[RB]: replace(
				runbook,
				'alerts: [payments-errors, payments-success-burn-page, payments-success-burn-ticket]',
				`alerts:\n  - ${'- '.repeat(5000)}x`,
			),
		},
		expect: `${RB}:6:3  error  content-too-deep  YAML here is nested 5003 levels deep; the limit is 64, so the file is not parsed.`,
		only: true,
	},
	{
		name: 'Markdown: 10,000 nested block quotes',
		files: { [RB]: replace(runbook, 'Shift traffic to the last good revision.', `${'>'.repeat(10000)} deep`) },
		expect: `${RB}:27:10002  error  content-too-deep  block quotes and lists here are nested 10000 levels deep; the limit is 32, so the body is not parsed.`,
		only: true,
	},
	{
		name: 'Markdown: a list nested 40 levels deep',
		files: {
			[RB]: replace(
				runbook,
				'Shift traffic to the last good revision.',
				Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- step`).join('\n'),
			),
		},
		expect: `${RB}:59:67  error  content-too-deep  block quotes and lists here are nested 33 levels deep; the limit is 32, so the body is not parsed.`,
		only: true,
	},
	{
		name: 'Markdown: 30,000 emphasis markers in one paragraph',
		files: { [RB]: replace(runbook, 'Shift traffic to the last good revision.', '*a'.repeat(30000)) },
		expect: `${RB}:27:201  error  content-too-deep  this paragraph has more than 100 emphasis markers; the body is not parsed.`,
		only: true,
	},
	{
		name: 'Markdown: 5,000 nested tags',
		files: {
			[RB]: replace(
				runbook,
				'Shift traffic to the last good revision.',
				`${'<b>'.repeat(5000)}x${'</b>'.repeat(5000)}`,
			),
		},
		expect: `${RB}:27:97  error  content-too-deep  tags here are nested 33 levels deep; the limit is 32, so the body is not parsed.`,
		only: true,
	},
	{
		name: 'Markdown: a guide page nested too deep (not a collection, still refused)',
		files: { 'content/docs/guide.md': `# Guide\n\n${'>'.repeat(100)} deep\n` },
		expect:
			'content/docs/guide.md:3:102  error  content-too-deep  block quotes and lists here are nested 100 levels deep;',
		only: true,
	},
	{
		name: 'a runbook file name with a Cyrillic look-alike letter',
		files: { [RB]: null, 'content/runbooks/payments/err\u043Ers.mdx': runbook },
		expect:
			'content/runbooks/payments/err\u043Ers.mdx:1:1  error  content-path-id  the file name gives the id "payments/err\u043Ers", but "err\u043Ers" is not a kebab-case id of lower-case ASCII letters, digits and single hyphens (it contains U+043E). Rename the file to content/runbooks/payments/errrs.mdx',
	},
	{
		name: 'a runbook file name with capitals and a space',
		files: { [RB]: null, 'content/runbooks/payments/Payment Errors.mdx': runbook },
		expect:
			'content/runbooks/payments/Payment Errors.mdx:1:1  error  content-path-id  the file name gives the id "payments/Payment Errors", but "Payment Errors" is not a kebab-case id of lower-case ASCII letters, digits and single hyphens (it contains "P"). Rename the file to content/runbooks/payments/payment-errors.mdx (lower-case ASCII letters, digits and single hyphens), and update what links to it.',
	},
	{
		name: 'a comms file name of 200 characters',
		files: { [`content/comms/${'a'.repeat(200)}.mdx`]: read('content/comms/resolved-internal.mdx') },
		expect: `content/comms/${'a'.repeat(200)}.mdx:1:1  error  content-path-id  the file name gives the id "${'a'.repeat(200)}", but "${'a'.repeat(20)}…" is 200 characters long; the limit is 64.`,
		only: true,
	},
	{
		name: 'a tabletop nested four folders deep',
		files: { 'content/tabletops/a/b/c/d.mdx': read('content/tabletops/2026-10-regional-outage.mdx') },
		expect:
			'content/tabletops/a/b/c/d.mdx:1:1  error  content-path-id  the file name gives the id "a/b/c/d", but it is nested 4 folders deep; ids have at most 3 parts.',
		only: true,
	},
	{
		name: 'an id field longer than 64 characters',
		files: {
			'content/risks/ledger-lag.yaml': replace(
				read('content/risks/ledger-lag.yaml'),
				'id: ledger-lag',
				`id: ${'x'.repeat(65)}`,
			),
		},
		expect:
			'content/risks/ledger-lag.yaml:1:1  error  content-schema  id: expected text of at most 64 character(s), found "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...".',
	},
	{
		name: 'a missing escalation file',
		files: { 'content/escalation/ledger.yaml': null },
		expect: `${LEDGER}:1:1  error  escalation-coverage  surface "ledger" has no escalation policy.`,
	},
];
