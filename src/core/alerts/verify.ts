/**
 * Checks alert files we did not generate — Prometheus rule files and Cloud Monitoring
 * AlertPolicy JSON — against the built site and the alerts declared in content: every alert
 * has a runbook link, the link stays on the site, its page and section exist, and its name
 * is declared. Pure: parsed files, the site's index and the declared alerts in; findings out.
 */
import { WATCHDOG_ALERT } from '../paging/route-tree.ts';
import { compareFindings, type Finding, type SourcePosition } from '../content/finding.ts';
import { locate } from '../content/model.ts';
import { runbookRefHref } from '../site/site-links.ts';
import { alertPagePath } from './declared-alert.ts';
import { POLICY_LIMITS } from './alert-policy.ts';
import { type LinkResolution, resolveSiteLink, type SiteIndex } from './site-index.ts';
import { VERIFY_RULES, type VerifyRuleId } from './verify-rules.ts';

/** One YAML/JSON document with the position of every key and list item by dotted path. */
export interface ParsedDocument {
	readonly value: unknown;
	readonly positions: Readonly<Record<string, SourcePosition>>;
}

export type ParsedAlertFile = (
	| { readonly file: string; readonly documents: readonly ParsedDocument[] }
	| { readonly file: string; readonly syntaxError: SourcePosition & { readonly message: string } }
	/** Not read: a link, a folder, a named pipe, an unreadable file. `message` says which. */
	| { readonly file: string; readonly refused: { readonly message: string } }
) & {
	/** Found by searching a folder rather than named: documents that are not alert files are skipped, not reported. */
	readonly discovered?: boolean;
};

/** What verify needs to know of a declared alert. */
export interface DeclaredAlertRef {
	readonly id: string;
	readonly name: string;
	/** `runbook-id#anchor`. */
	readonly runbook: string;
	/**
	 * Label values a rule for this alert may carry, by label (`severity: [sev1, critical]`,
	 * `surface: [billing-events]`): when one name is declared more than once (a warning and a
	 * critical variant), a rule is matched to the declaration its labels agree with.
	 */
	readonly labels?: Readonly<Record<string, readonly string[]>>;
}

export interface VerifyInput {
	readonly files: readonly ParsedAlertFile[];
	readonly site: SiteIndex;
	readonly siteUrl: string;
	readonly declared: readonly DeclaredAlertRef[];
	/** The level each rule reports at (from `policy.rules`); `off` drops its findings. Defaults to the rule's own. */
	readonly levelOf?: (rule: VerifyRuleId) => 'error' | 'warning' | 'off';
	/** `$externalLabels` for templated runbook_url (`--external-label k=v`). */
	readonly externalLabels?: Readonly<Record<string, string>>;
}

export interface VerifyResult {
	readonly findings: Finding[];
	/** Alerting rules and AlertPolicies checked (recording rules are not alerts). */
	readonly checked: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (prefix: string, key: string) => (prefix === '' ? key : `${prefix}.${key}`);

class Report {
	readonly findings: Finding[] = [];
	readonly file: string;
	constructor(file: string) {
		this.file = file;
	}
	add(rule: VerifyRuleId, pos: SourcePosition, message: string): void {
		const r = VERIFY_RULES[rule];
		this.findings.push({
			rule,
			level: r.level,
			file: this.file,
			line: pos.line,
			column: pos.column,
			message,
			fix: r.fix,
		});
	}
}

interface Context {
	readonly input: VerifyInput;
	readonly byName: ReadonlyMap<string, readonly DeclaredAlertRef[]>;
	checked: number;
}

function checkName(ctx: Context, report: Report, what: string, name: string, pos: SourcePosition): void {
	// The Watchdog is Launchbook's own always-firing alert (alertmanager/watchdog.rules.yaml), declared by paging.watchdog.
	if (!ctx.byName.has(name) && name !== WATCHDOG_ALERT)
		report.add('verify-alert-unknown', pos, `${what} matches no alert declared in content/surfaces.`);
}

/**
 * The declarations a rule of this name stands for: all of them, or, when the name is declared
 * more than once, those whose labels agree with the rule's (every label both know).
 */
function declarationsFor(ctx: Context, name: string, labels: Obj | undefined): readonly DeclaredAlertRef[] {
	const all = ctx.byName.get(name) ?? [];
	if (all.length < 2 || !labels) return all;
	const agree = all.filter((d) =>
		Object.entries(d.labels ?? {}).every(
			([key, values]) => labels[key] === undefined || values.includes(String(labels[key]).toLowerCase()),
		),
	);
	return agree.length > 0 ? agree : all;
}

function describe(resolution: LinkResolution): string {
	return 'via' in resolution && resolution.via ? ` (reached through the redirect at ${resolution.via})` : '';
}

/** Check one runbook link; `runbookish` links must also land on the declared section. */
function checkRunbookLink(
	ctx: Context,
	report: Report,
	what: string,
	field: string,
	name: string,
	url: string,
	pos: SourcePosition,
	labels?: Obj,
): void {
	const r = resolveSiteLink(ctx.input.site, ctx.input.siteUrl, url);
	switch (r.kind) {
		case 'external':
			report.add(
				'verify-runbook-external',
				pos,
				`${what}: ${field} ${url} points outside the site ${ctx.input.siteUrl}: ${r.reason}.`,
			);
			return;
		case 'page-missing':
			report.add(
				'verify-runbook-page',
				pos,
				`${what}: ${field} ${url} names the page ${r.path}, which the built site does not have.`,
			);
			return;
		case 'section-missing':
			report.add(
				'verify-runbook-section',
				pos,
				`${what}: ${field} ${url}: the page ${r.path} has no heading with the anchor "${r.anchor}"${describe(r)}.`,
			);
			return;
		case 'no-section':
			report.add(
				'verify-runbook-no-section',
				pos,
				`${what}: ${field} ${url} lands on the top of ${r.path}, not on a section.`,
			);
			return;
		case 'ok': {
			const candidates = declarationsFor(ctx, name, labels);
			if (candidates.length === 0) return;
			const landed = `${r.path}#${r.anchor}`;
			const matches = (d: DeclaredAlertRef) => landed === runbookRefHref(d.runbook) || r.via === alertPagePath(d.id);
			if (!candidates.some(matches)) {
				const expected = [...new Set(candidates.map((d) => runbookRefHref(d.runbook)))].join(' or ');
				report.add(
					'verify-runbook-mismatch',
					pos,
					`${what}: ${field} lands on ${landed}, but content declares ${expected}.`,
				);
			}
		}
	}
}

function verifyPrometheus(ctx: Context, report: Report, doc: ParsedDocument, groups: unknown, prefix: string): void {
	if (!Array.isArray(groups)) {
		report.add('verify-file-format', locate(doc, prefix), `${prefix} is not a list of rule groups.`);
		return;
	}
	groups.forEach((group, g) => {
		const gPath = `${prefix}[${g}]`;
		if (!isObj(group)) {
			report.add('verify-file-format', locate(doc, gPath), `${gPath} is not a rule group with a "rules" list.`);
			return;
		}
		unknownKeys(report, doc, group, gPath, GROUP_KEYS, 'a rule group', { rule: 'rules' });
		// As promtool: a group with "rules:" left empty (or no rules at all) is valid and holds no alert.
		if (group.rules === undefined || group.rules === null) return;
		if (!Array.isArray(group.rules)) {
			report.add('verify-file-format', locate(doc, `${gPath}.rules`), `${gPath}.rules is not a list of rules.`);
			return;
		}
		group.rules.forEach((rule, i) => {
			const rPath = `${gPath}.rules[${i}]`;
			if (!isObj(rule)) {
				report.add(
					'verify-file-format',
					locate(doc, rPath),
					`${rPath} is not a rule (a mapping with "alert" or "record").`,
				);
				return;
			}
			unknownKeys(report, doc, rule, rPath, RULE_KEYS, 'a rule', { annotation: 'annotations', label: 'labels' });
			if (rule.alert === undefined) return; // recording rules carry no runbook
			ctx.checked++;
			const name = String(rule.alert);
			const what = `alert "${name}"`;
			checkName(ctx, report, what, name, locate(doc, `${rPath}.alert`));
			const annotations = isObj(rule.annotations) ? rule.annotations : {};
			const labels = isObj(rule.labels) ? rule.labels : {};
			const raw = annotations.runbook_url;
			if (typeof raw !== 'string' || raw.trim() === '') {
				const where = rule.annotations === undefined ? `${rPath}.alert` : `${rPath}.annotations`;
				report.add('verify-runbook-missing', locate(doc, where), `${what} has no runbook_url annotation.`);
				return;
			}
			const pos = locate(doc, `${rPath}.annotations.runbook_url`);
			const expanded = expandTemplate(
				raw.trim(),
				{ ...stringLabels(labels), alertname: name },
				ctx.input.externalLabels ?? {},
			);
			if (expanded.kind === 'unexpandable') {
				report.add(
					'verify-runbook-template',
					pos,
					`${what}: runbook_url ${raw.trim()} is a template that cannot be expanded before the alert fires: ${expanded.reason}.`,
				);
				return;
			}
			checkRunbookLink(ctx, report, what, 'runbook_url', name, expanded.text, pos, labels);
		});
	});
}

/** The keys promtool accepts in a rule group and in a rule (Prometheus 2.x and 3.x). */
const GROUP_KEYS = new Set(['name', 'interval', 'limit', 'query_offset', 'labels', 'rules']);
const RULE_KEYS = new Set(['record', 'alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations']);

/** As promtool ("field rule not found in type rulefmt.RuleGroup"): a misspelt key is an error, not ignored. */
function unknownKeys(
	report: Report,
	doc: ParsedDocument,
	value: Obj,
	path: string,
	known: ReadonlySet<string>,
	what: string,
	suggestions: Readonly<Record<string, string>>,
): void {
	for (const key of Object.keys(value)) {
		if (known.has(key)) continue;
		const hint = suggestions[key] ? ` (did you mean "${suggestions[key]}"?)` : '';
		report.add(
			'verify-file-format',
			locate(doc, join(path, key)),
			`${path}: "${key}" is not a key of ${what}${hint}; promtool check rules refuses the file. Known keys: ${[...known].join(', ')}.`,
		);
	}
}

const stringLabels = (labels: Obj): Record<string, string> =>
	Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)]));

type Expansion = { kind: 'text'; text: string } | { kind: 'unexpandable'; reason: string };

/**
 * Expand a Prometheus annotation template as far as it can be before the alert fires: the
 * rule's own labels and `alertname` (`{{ $labels.x }}`, `{{ .Labels.x }}`, `{{ index $labels "x" }}`)
 * and the external labels (`{{ $externalLabels.x }}`). Anything else (`$value`, a label only the
 * firing series has, functions) leaves it unexpandable, with the reason.
 */
export function expandTemplate(
	text: string,
	labels: Readonly<Record<string, string>>,
	external: Readonly<Record<string, string>>,
): Expansion {
	if (!text.includes('{{')) return { kind: 'text', text };
	let reason: string | undefined;
	// One greedy class between the braces, trimmed in code: `\s*([^}]*?)\s*` backtracked quadratically on long blanks.
	const out = text.replace(/\{\{([^}]*)\}\}/g, (whole, inner: string) => {
		const body = trimTemplateAction(inner);
		const m =
			/^(\$labels|\.Labels|\$externalLabels|\.ExternalLabels)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(body) ??
			/^index\s+(\$labels|\.Labels|\$externalLabels|\.ExternalLabels)\s+"([^"]+)"$/.exec(body);
		if (!m) {
			reason ??= `${whole} is not a label the rule or --external-label sets`;
			return whole;
		}
		const externalRef = m[1] === '$externalLabels' || m[1] === '.ExternalLabels';
		const value = externalRef ? external[m[2]!] : labels[m[2]!];
		if (value === undefined) {
			reason ??= externalRef
				? `${whole} names the external label "${m[2]}"; pass it with --external-label ${m[2]}=<value>`
				: `${whole} names the label "${m[2]}", which only the firing series carries (the rule sets ${Object.keys(labels).sort().join(', ')})`;
			return whole;
		}
		return value;
	});
	return reason === undefined ? { kind: 'text', text: out } : { kind: 'unexpandable', reason };
}

function verifyPolicy(ctx: Context, report: Report, doc: ParsedDocument, policy: Obj, prefix: string): void {
	const name = typeof policy.displayName === 'string' ? policy.displayName : '';
	const what = name === '' ? `the policy at ${prefix === '' ? 'the top' : prefix}` : `policy "${name}"`;
	ctx.checked++;
	if (name === '')
		report.add(
			'verify-alert-unknown',
			locate(doc, prefix),
			`${what} has no displayName, so it matches no declared alert.`,
		);
	else checkName(ctx, report, what, name, locate(doc, join(prefix, 'displayName')));
	const docPath = join(prefix, 'documentation');
	const documentation = isObj(policy.documentation) ? policy.documentation : undefined;
	if (documentation) {
		if (documentation.mimeType !== undefined && documentation.mimeType !== 'text/markdown') {
			report.add(
				'verify-policy-documentation',
				locate(doc, `${docPath}.mimeType`),
				`${what}: documentation.mimeType is ${JSON.stringify(documentation.mimeType)}, not "text/markdown".`,
			);
		}
		if (typeof documentation.content === 'string' && [...documentation.content].length > POLICY_LIMITS.contentChars) {
			report.add(
				'verify-policy-documentation',
				locate(doc, `${docPath}.content`),
				`${what}: documentation.content is ${[...documentation.content].length} characters; the limit is ${POLICY_LIMITS.contentChars}.`,
			);
		}
	}
	const links = documentation?.links;
	if (links === undefined || (Array.isArray(links) && links.length === 0)) {
		report.add(
			'verify-runbook-missing',
			locate(doc, documentation ? docPath : join(prefix, 'displayName')),
			`${what} has no documentation.links; the runbook link goes there.`,
		);
		return;
	}
	const linksPath = `${docPath}.links`;
	if (!Array.isArray(links)) {
		report.add('verify-policy-links', locate(doc, linksPath), `${what}: documentation.links is not a list.`);
		return;
	}
	if (links.length > POLICY_LIMITS.links) {
		report.add(
			'verify-policy-links',
			locate(doc, `${linksPath}[${POLICY_LIMITS.links}]`),
			`${what} has ${links.length} documentation.links; Cloud Monitoring accepts at most ${POLICY_LIMITS.links}.`,
		);
	}
	const candidates: { url: string; pos: SourcePosition; field: string; runbookish: boolean }[] = [];
	links.forEach((link, i) => {
		const lPath = `${linksPath}[${i}]`;
		const field = `documentation.links[${i}]`;
		if (!isObj(link)) {
			report.add(
				'verify-policy-links',
				locate(doc, lPath),
				`${what}: ${field} is not an object with "displayName" and "url".`,
			);
			return;
		}
		const display = link.displayName;
		if (typeof display !== 'string' || display.trim() === '') {
			report.add('verify-policy-links', locate(doc, lPath), `${what}: ${field} has no displayName.`);
		} else if ([...display].length > POLICY_LIMITS.linkDisplayNameChars) {
			report.add(
				'verify-policy-links',
				locate(doc, `${lPath}.displayName`),
				`${what}: ${field}.displayName is ${[...display].length} characters; the limit is ${POLICY_LIMITS.linkDisplayNameChars}.`,
			);
		}
		if (typeof link.url !== 'string' || link.url.trim() === '') {
			report.add('verify-policy-links', locate(doc, lPath), `${what}: ${field} has no url.`);
			return;
		}
		candidates.push({
			url: link.url.trim(),
			pos: locate(doc, `${lPath}.url`),
			field: `${field}.url`,
			runbookish: typeof display === 'string' && /runbook|playbook/i.test(display),
		});
	});
	// Every runbook link must be on the site, even when another link is; and there must be one.
	let runbookLinks = 0;
	for (const c of candidates) {
		const r = resolveSiteLink(ctx.input.site, ctx.input.siteUrl, c.url);
		const path = pathOf(c.url);
		// A runbook link by its name, or by its path: /runbooks/ anywhere, /alerts/<id>/ on the site.
		const runbookPath =
			/\/(?:runbooks?|playbooks?)\//i.test(path) || (r.kind !== 'external' && /\/alerts\//.test(path));
		if (c.runbookish || runbookPath) {
			runbookLinks++;
			checkRunbookLink(ctx, report, what, c.field, name, c.url, c.pos);
		} else if (r.kind === 'page-missing' || r.kind === 'section-missing') {
			// A link to another page of the site (status, escalation) must still exist.
			checkRunbookLink(ctx, report, what, c.field, name, c.url, c.pos);
		}
	}
	if (runbookLinks === 0 && candidates.length > 0)
		report.add(
			'verify-runbook-missing',
			locate(doc, linksPath),
			`${what}: none of its documentation.links is a runbook link (a link named "Runbook…", or one to /runbooks/ or /alerts/ on ${ctx.input.siteUrl}).`,
		);
}

const pathOf = (url: string): string => {
	try {
		return new URL(url).pathname;
	} catch {
		return '';
	}
};

/**
 * An AlertPolicy, not a NotificationChannel (which has a `type` and `labels` beside its
 * `displayName`) nor a ServiceLevelObjective (a `serviceLevelIndicator` and a `goal`).
 */
const looksLikePolicy = (v: unknown): v is Obj =>
	isObj(v) &&
	('conditions' in v ||
		('displayName' in v && !('type' in v && 'labels' in v) && !('serviceLevelIndicator' in v || 'goal' in v)));

/** How to check a document, or undefined when it is neither rule groups nor AlertPolicies. */
function checkerFor(doc: ParsedDocument): ((ctx: Context, report: Report) => void) | undefined {
	const v = doc.value;
	// `kubectl get prometheusrules -o yaml` writes a List of PrometheusRules.
	if (isObj(v) && v.kind === 'List' && Array.isArray(v.items)) {
		const items = v.items;
		return (ctx, report) =>
			items.forEach((item, i) => {
				const spec = isObj(item) && isObj(item.spec) ? item.spec : undefined;
				if (spec && 'groups' in spec) verifyPrometheus(ctx, report, doc, spec.groups, `items[${i}].spec.groups`);
				else if (looksLikePolicy(item)) verifyPolicy(ctx, report, doc, item, `items[${i}]`);
				else if (!(isObj(item) && typeof item.kind === 'string' && item.kind !== 'PrometheusRule'))
					report.add(
						'verify-file-format',
						locate(doc, `items[${i}]`),
						`items[${i}] is not a PrometheusRule with spec.groups.`,
					);
			});
	}
	if (isObj(v) && 'groups' in v) return (ctx, report) => verifyPrometheus(ctx, report, doc, v.groups, 'groups');
	if (isObj(v) && isObj(v.spec) && 'groups' in v.spec) {
		const spec = v.spec;
		return (ctx, report) => verifyPrometheus(ctx, report, doc, spec.groups, 'spec.groups');
	}
	if (looksLikePolicy(v)) return (ctx, report) => verifyPolicy(ctx, report, doc, v, '');
	if (isObj(v) && Array.isArray(v.alertPolicies)) {
		const list = v.alertPolicies;
		return (ctx, report) =>
			list.forEach((p, i) => {
				if (looksLikePolicy(p)) verifyPolicy(ctx, report, doc, p, `alertPolicies[${i}]`);
				else
					report.add(
						'verify-file-format',
						locate(doc, `alertPolicies[${i}]`),
						`alertPolicies[${i}] is not an AlertPolicy (no "displayName" or "conditions").`,
					);
			});
	}
	if (Array.isArray(v) && v.length > 0 && v.every(looksLikePolicy))
		return (ctx, report) =>
			v.forEach((p, i) => {
				verifyPolicy(ctx, report, doc, p, `[${i}]`);
			});
	return undefined;
}

function describeValue(v: unknown): string {
	if (Array.isArray(v)) return 'a list';
	if (isObj(v))
		return `a mapping with keys ${
			Object.keys(v)
				.slice(0, 5)
				.map((k) => `"${k}"`)
				.join(', ') || '(none)'
		}`;
	return `the value ${JSON.stringify(v)}`;
}

function verifyDocuments(
	ctx: Context,
	report: Report,
	file: { documents: readonly ParsedDocument[]; discovered?: boolean },
): void {
	const present = file.documents.filter((d) => d.value !== null && d.value !== undefined);
	const checkers = present.map(checkerFor).filter((c) => c !== undefined);
	// A file of several documents (Kubernetes manifests) may hold other kinds next to its rules.
	if (checkers.length > 0) {
		for (const check of checkers) check(ctx, report);
		return;
	}
	if (file.discovered) return;
	const first = present[0];
	if (!first) report.add('verify-file-format', { line: 1, column: 1 }, 'the file holds no document.');
	else
		report.add(
			'verify-file-format',
			locate(first, ''),
			`found ${describeValue(first.value)}, not Prometheus rule groups or an AlertPolicy.`,
		);
}

/** All findings for all files, sorted by file, line, column and rule. */
export function verifyAlertFiles(input: VerifyInput): Finding[] {
	return verifyAlerts(input).findings;
}

/** All findings, and how many alerts were checked. */
export function verifyAlerts(input: VerifyInput): VerifyResult {
	const byName = new Map<string, DeclaredAlertRef[]>();
	for (const d of input.declared) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
	const ctx: Context = { input, byName, checked: 0 };
	const findings: Finding[] = [];
	for (const file of input.files) {
		const report = new Report(file.file);
		if ('refused' in file) {
			report.add('verify-file-refused', { line: 1, column: 1 }, file.refused.message);
		} else if ('syntaxError' in file) {
			report.add('verify-file-syntax', file.syntaxError, `${file.syntaxError.message.replace(/\.$/, '')}.`);
		} else {
			verifyDocuments(ctx, report, file);
		}
		for (const f of report.findings) {
			const level = input.levelOf?.(f.rule as VerifyRuleId) ?? f.level;
			if (level !== 'off') findings.push(level === f.level ? f : { ...f, level });
		}
	}
	return { findings: findings.sort(compareFindings), checked: ctx.checked };
}

/**
 * More than `limit` findings of one rule read as one line per rule and host (a file of 300
 * alerts linking a wiki is one finding, not 300): the first finding of each host stays, its
 * message says how many more there are and in how many files.
 */
export function rollUpFindings(findings: readonly Finding[], limit = 20): Finding[] {
	const byRule = new Map<string, Finding[]>();
	for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
	const out: Finding[] = [];
	for (const [, group] of byRule) {
		if (group.length <= limit) {
			out.push(...group);
			continue;
		}
		const byHost = new Map<string, Finding[]>();
		for (const f of group) {
			const host = /\bhttps?:\/\/([^/\s:#?]+)/i.exec(f.message)?.[1]?.toLowerCase() ?? '(no link)';
			byHost.set(host, [...(byHost.get(host) ?? []), f]);
		}
		for (const [host, list] of byHost) {
			const first = list[0]!;
			if (list.length === 1) {
				out.push(first);
				continue;
			}
			const files = new Set(list.map((f) => f.file)).size;
			const where = host === '(no link)' ? '' : ` (links to ${host})`;
			out.push({
				...first,
				message: `${list.length} findings of this rule${where} in ${files} file${files === 1 ? '' : 's'}, rolled up; the first: ${first.message}`,
			});
		}
	}
	return out.sort(compareFindings);
}

/** The body of a Go template action without its `-` trim markers and surrounding white space. */
function trimTemplateAction(inner: string): string {
	let body = inner;
	if (body.startsWith('-')) body = body.slice(1);
	if (body.endsWith('-')) body = body.slice(0, -1);
	return body.trim();
}
