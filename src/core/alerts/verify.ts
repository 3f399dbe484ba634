/**
 * Checks alert files we did not generate — Prometheus rule files and Cloud Monitoring
 * AlertPolicy JSON — against the built site and the alerts declared in content: every alert
 * has a runbook link, the link stays on the site, its page and section exist, and its name
 * is declared. Pure: parsed files, the site's index and the declared alerts in; findings out.
 */
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
}

export interface VerifyInput {
	readonly files: readonly ParsedAlertFile[];
	readonly site: SiteIndex;
	readonly siteUrl: string;
	readonly declared: readonly DeclaredAlertRef[];
	/** The level each rule reports at (from `policy.rules`); `off` drops its findings. Defaults to the rule's own. */
	readonly levelOf?: (rule: VerifyRuleId) => 'error' | 'warning' | 'off';
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
	readonly byName: ReadonlyMap<string, DeclaredAlertRef>;
}

function checkName(ctx: Context, report: Report, what: string, name: string, pos: SourcePosition): void {
	if (!ctx.byName.has(name))
		report.add('verify-alert-unknown', pos, `${what} matches no alert declared in content/surfaces.`);
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
			const declared = ctx.byName.get(name);
			if (!declared) return;
			const expected = runbookRefHref(declared.runbook);
			const landed = `${r.path}#${r.anchor}`;
			if (landed !== expected && r.via !== alertPagePath(declared.id)) {
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
		if (!isObj(group) || !Array.isArray(group.rules)) {
			if (!(isObj(group) && group.rules === undefined))
				report.add('verify-file-format', locate(doc, gPath), `${gPath} is not a rule group with a "rules" list.`);
			return;
		}
		group.rules.forEach((rule, i) => {
			const rPath = `${gPath}.rules[${i}]`;
			if (!isObj(rule) || rule.alert === undefined) return; // recording rules carry no runbook
			const name = String(rule.alert);
			const what = `alert "${name}"`;
			checkName(ctx, report, what, name, locate(doc, `${rPath}.alert`));
			const annotations = isObj(rule.annotations) ? rule.annotations : {};
			const url = annotations.runbook_url;
			if (typeof url !== 'string' || url.trim() === '') {
				const where = rule.annotations === undefined ? `${rPath}.alert` : `${rPath}.annotations`;
				report.add('verify-runbook-missing', locate(doc, where), `${what} has no runbook_url annotation.`);
				return;
			}
			checkRunbookLink(
				ctx,
				report,
				what,
				'runbook_url',
				name,
				url.trim(),
				locate(doc, `${rPath}.annotations.runbook_url`),
			);
		});
	});
}

function verifyPolicy(ctx: Context, report: Report, doc: ParsedDocument, policy: Obj, prefix: string): void {
	const name = typeof policy.displayName === 'string' ? policy.displayName : '';
	const what = name === '' ? `the policy at ${prefix === '' ? 'the top' : prefix}` : `policy "${name}"`;
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
			runbookish: typeof display === 'string' && /runbook/i.test(display),
		});
	});
	const onSite = candidates.filter(
		(c) => resolveSiteLink(ctx.input.site, ctx.input.siteUrl, c.url).kind !== 'external',
	);
	if (onSite.length === 0) {
		const named = candidates.filter((c) => c.runbookish);
		if (named.length > 0) for (const c of named) checkRunbookLink(ctx, report, what, c.field, name, c.url, c.pos);
		else if (candidates.length > 0)
			report.add(
				'verify-runbook-missing',
				locate(doc, linksPath),
				`${what}: none of its documentation.links points at a runbook on ${ctx.input.siteUrl}.`,
			);
		return;
	}
	for (const c of onSite) {
		const path = new URL(c.url).pathname;
		const runbookish = c.runbookish || /\/(?:runbooks|alerts)\//.test(path);
		if (runbookish) checkRunbookLink(ctx, report, what, c.field, name, c.url, c.pos);
		else {
			const r = resolveSiteLink(ctx.input.site, ctx.input.siteUrl, c.url);
			if (r.kind === 'page-missing' || r.kind === 'section-missing')
				checkRunbookLink(ctx, report, what, c.field, name, c.url, c.pos);
		}
	}
}

const looksLikePolicy = (v: unknown): v is Obj => isObj(v) && ('conditions' in v || 'displayName' in v);

/** How to check a document, or undefined when it is neither rule groups nor AlertPolicies. */
function checkerFor(doc: ParsedDocument): ((ctx: Context, report: Report) => void) | undefined {
	const v = doc.value;
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
	const ctx: Context = { input, byName: new Map(input.declared.map((d) => [d.name, d])) };
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
	return findings.sort(compareFindings);
}
