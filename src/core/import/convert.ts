/**
 * `npm run import`, the pure part: Markdown runbooks (Hugo/Jekyll front matter or a `# Title`)
 * become MDX runbooks, Prometheus rule documents become a surface's alerts, and the owner's first
 * role becomes an escalation stub. Nothing here reads or writes files; the adapter does.
 */
import GithubSlugger from 'github-slugger';
import { LineCounter, parseDocument, stringify } from 'yaml';

/** A refused input: named by file and line, with what to do about it. */
export interface Refusal {
	readonly file: string;
	readonly line: number;
	readonly message: string;
}

export interface ImportedRunbook {
	/** Source path as the user named it. */
	readonly source: string;
	/** Kebab-case file name without extension. */
	readonly name: string;
	readonly title: string;
	readonly description: string;
	/** MDX-safe body with headings renamed through the aliases. */
	readonly body: string;
	/** Depth-2 headings after renaming. */
	readonly sections: readonly string[];
	readonly notes: readonly string[];
}

/** A Prometheus alerting rule as found in a rule file. */
export interface RuleAlert {
	readonly file: string;
	readonly name: string;
	readonly expr: string;
	readonly for?: string;
	readonly labels: Readonly<Record<string, string>>;
	readonly annotations: Readonly<Record<string, string>>;
}

export interface ImportOptions {
	readonly surface: string;
	readonly owner: string;
	readonly today: string;
	/** Severity ids, highest first. */
	readonly severities: readonly string[];
	/** Canonical heading → its aliases. */
	readonly sectionAliases: Readonly<Record<string, readonly string[]>>;
	readonly requiredSections: readonly string[];
	/** The owner team's pager URL and first role, when the team file has them. */
	readonly team: { readonly pager?: string; readonly firstRole?: string };
}

export interface PlannedFile {
	readonly path: string;
	readonly text: string;
}

export interface ImportPlan {
	readonly files: readonly PlannedFile[];
	readonly notes: readonly string[];
}

/** `FivetranWebhookSilent` → `fivetran-webhook-silent`; `Event backlog.md` → `event-backlog`. */
export function kebab(name: string): string {
	return name
		.replace(/([a-z0-9])([A-Z])/g, '$1-$2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SHORTCODE = /\{\{<[\s\S]*?>\}\}|\{\{%[\s\S]*?%\}\}/g;
const COMMENT = /<!--[\s\S]*?-->/g;

/**
 * Make Markdown safe for MDX outside code: HTML comments and Hugo shortcodes removed (each
 * shortcode reported with its line), `{`/`}` escaped, `<` written as `&lt;`. Fenced code and
 * code spans are kept byte for byte. `firstLine` is the line of `text` in its source file.
 */
export function mdxSafe(text: string, firstLine = 1): { body: string; shortcodes: { line: number; text: string }[] } {
	const lines = text.split('\n');
	const shortcodes: { line: number; text: string }[] = [];
	const out: string[] = [];
	let fence: string | undefined;
	let prose: string[] = [];
	let proseStart = 0;
	const flush = () => {
		if (prose.length === 0) return;
		let region = prose.join('\n');
		region = region.replace(SHORTCODE, (m: string, offset: number) => {
			const line = firstLine + proseStart + region.slice(0, offset).split('\n').length - 1;
			shortcodes.push({ line, text: m.replace(/\s+/g, ' ') });
			return '';
		});
		region = region.replace(COMMENT, '');
		out.push(...region.split('\n').map(escapeProse));
		prose = [];
	};
	lines.forEach((line, i) => {
		const f = FENCE.exec(line);
		if (fence !== undefined) {
			out.push(line);
			if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) fence = undefined;
			return;
		}
		if (f) {
			flush();
			fence = f[1]!;
			out.push(line);
			return;
		}
		if (prose.length === 0) proseStart = i;
		prose.push(line);
	});
	flush();
	return { body: out.join('\n'), shortcodes };
}

/** Escape one prose line, leaving code spans as they are. */
function escapeProse(line: string): string {
	if (/^( {4}|\t)/.test(line)) return line; // indented code
	const parts = line.split(/(`+[^`]*?`+)/);
	return parts
		.map((part, i) => (i % 2 === 1 ? part : part.replace(/[{}]/g, (c) => `\\${c}`).replace(/</g, '&lt;')))
		.join('');
}

/** Read a Markdown runbook: title from YAML/TOML front matter or the first `# Title`. */
export function convertRunbook(
	text: string,
	source: string,
	options: Pick<ImportOptions, 'sectionAliases' | 'requiredSections'>,
): ImportedRunbook | Refusal {
	let rest = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	let bodyLine = 1;
	let title: string | undefined;
	let description: string | undefined;
	const yamlFm = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(rest);
	const tomlFm = /^\+\+\+\n([\s\S]*?)\n\+\+\+[ \t]*(?:\n|$)/.exec(rest);
	if (yamlFm) {
		const lineCounter = new LineCounter();
		const doc = parseDocument(yamlFm[1]!, { lineCounter, prettyErrors: false });
		const err = doc.errors[0];
		if (err)
			return {
				file: source,
				line: 1 + lineCounter.linePos(err.pos[0]).line,
				message: `the front matter is not valid YAML (${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')})`,
			};
		const value = doc.toJS() as Record<string, unknown> | null;
		if (value && typeof value.title === 'string' && value.title.trim()) title = value.title.trim();
		if (value && typeof value.description === 'string' && value.description.trim())
			description = value.description.trim();
		bodyLine += yamlFm[0].split('\n').length - (yamlFm[0].endsWith('\n') ? 1 : 0);
		rest = rest.slice(yamlFm[0].length);
	} else if (tomlFm) {
		const m = /^title\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*$/m.exec(tomlFm[1]!);
		if (m) title = (m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!).trim() || undefined;
		bodyLine += tomlFm[0].split('\n').length - (tomlFm[0].endsWith('\n') ? 1 : 0);
		rest = rest.slice(tomlFm[0].length);
	}
	// The first `# Title` is the title when the front matter gives none; Starlight shows the title, so it leaves the body.
	const h1 = /^# +(.+?)[ #]*$/m.exec(rest);
	if (h1 && !inFence(rest, h1.index)) {
		if (!title) title = h1[1]!.trim();
		if (title === h1[1]!.trim()) {
			const before = rest.slice(0, h1.index);
			if (before.trim() === '') {
				bodyLine += before.split('\n').length;
				rest = rest.slice(h1.index + h1[0].length).replace(/^\n/, '');
			}
		}
	}
	if (!title)
		return {
			file: source,
			line: 1,
			message: 'the runbook has no title; give it front matter `title:` or a "# Title" heading',
		};
	const safe = mdxSafe(rest, bodyLine);
	const notes = safe.shortcodes.map((s) => `${source}:${s.line}: shortcode ${s.text} removed`);
	const canonical = new Map<string, string>();
	for (const [name, aliases] of Object.entries(options.sectionAliases))
		for (const alias of aliases) canonical.set(alias.toLowerCase(), name);
	const sections: string[] = [];
	let fence = false;
	const body = safe.body
		.split('\n')
		.map((line) => {
			if (FENCE.test(line)) fence = !fence;
			if (fence) return line;
			const h = /^(#{2,6}) +(.+?)[ #]*$/.exec(line);
			if (!h) return line;
			const renamed = canonical.get(h[2]!.toLowerCase()) ?? h[2]!;
			if (h[1] === '##') sections.push(renamed);
			return `${h[1]} ${renamed}`;
		})
		.join('\n')
		.replace(/^\n+/, '')
		.replace(/\n{3,}/g, '\n\n')
		.replace(/\n*$/, '\n');
	const base = source
		.split('/')
		.pop()!
		.replace(/\.(md|markdown|mdx)$/i, '');
	const parent = source.split('/').slice(-2, -1)[0] ?? base;
	const name = kebab(/^_?index$/i.test(base) ? parent : base) || kebab(title);
	return {
		source,
		name,
		title,
		description: description ?? `${title}. Imported from ${source.split('/').pop()}; say in one sentence what fails.`,
		body,
		sections,
		notes,
	};
}

function inFence(text: string, offset: number): boolean {
	let open = false;
	for (const line of text.slice(0, offset).split('\n')) if (FENCE.test(line)) open = !open;
	return open;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): Record<string, string> =>
	isObj(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) : {};

/** Alerting rules of one parsed document: a rule file, a PrometheusRule CRD, or a `kind: List` of them. */
export function alertsOfDocument(value: unknown, file: string): RuleAlert[] {
	if (!isObj(value)) return [];
	if (value.kind === 'List' && Array.isArray(value.items)) return value.items.flatMap((i) => alertsOfDocument(i, file));
	const groups = value.kind === 'PrometheusRule' && isObj(value.spec) ? value.spec.groups : value.groups;
	if (!Array.isArray(groups)) return [];
	const out: RuleAlert[] = [];
	for (const group of groups) {
		if (!isObj(group) || !Array.isArray(group.rules)) continue;
		for (const rule of group.rules) {
			if (!isObj(rule) || typeof rule.alert !== 'string') continue;
			out.push({
				file,
				name: rule.alert,
				expr: String(rule.expr ?? '').trim(),
				...(typeof rule.for === 'string' ? { for: rule.for } : {}),
				labels: strings(rule.labels),
				annotations: strings(rule.annotations),
			});
		}
	}
	return out;
}

/** The severity id for a `severity` label: critical/page → the highest, warning → the next. */
export function mapSeverity(label: string | undefined, severities: readonly string[]): string | undefined {
	const l = label?.toLowerCase();
	if (l === 'critical' || l === 'page') return severities[0];
	if (l === 'warning') return severities[1];
	return undefined;
}

function runbookFor(alert: RuleAlert, runbooks: readonly ImportedRunbook[]): ImportedRunbook | undefined {
	const id = kebab(alert.name);
	const byName = runbooks.find((r) => r.name === id || kebab(r.title) === id);
	if (byName) return byName;
	const url = alert.annotations.runbook_url ?? alert.annotations.runbook;
	if (!url) return undefined;
	const path = url.replace(/[#?].*$/, '').replace(/\/+$/, '');
	const last = kebab(
		path
			.split('/')
			.pop()!
			.replace(/\.(md|markdown|mdx|html?)$/i, ''),
	);
	return runbooks.find((r) => r.name === last);
}

/** The section an alert lands on: the heading named after it, else Diagnosis, else the first section. */
function anchorIn(runbook: ImportedRunbook, alertName: string): string | undefined {
	const slugger = new GithubSlugger();
	const headings: { text: string; depth: number; slug: string }[] = [];
	let fence = false;
	for (const line of runbook.body.split('\n')) {
		if (FENCE.test(line)) fence = !fence;
		const h = !fence && /^(#{2,6}) +(.+?)[ #]*$/.exec(line);
		if (h) headings.push({ text: h[2]!.trim(), depth: h[1]!.length, slug: slugger.slug(h[2]!) });
	}
	const pick =
		headings.find((h) => h.text === alertName) ??
		headings.find((h) => h.depth === 2 && h.text.toLowerCase() === 'diagnosis') ??
		headings.find((h) => h.depth === 2);
	return pick?.slug;
}

const HTTPS = /^https:\/\/[^\s]+$/;

/** Plan the files of an import: runbooks, the surface with its alerts, the escalation stub. */
export function planImport(
	runbooks: readonly ImportedRunbook[],
	alerts: readonly RuleAlert[],
	options: ImportOptions,
): ImportPlan {
	const { surface, owner, severities } = options;
	const notes: string[] = [];
	const files: PlannedFile[] = [];
	const runbookAlerts = new Map<string, string[]>();
	// One alert per name: of its variants (warning and critical), the one with the highest mapped severity.
	const rank = (a: RuleAlert) => {
		const s = mapSeverity(a.labels.severity, severities);
		return s === undefined ? severities.length : severities.indexOf(s);
	};
	const distinct = new Map<string, RuleAlert>();
	for (const a of alerts) {
		const seen = distinct.get(a.name);
		if (!seen || rank(a) < rank(seen)) distinct.set(a.name, a);
	}
	const used = new Set<string>();
	const surfaceAlerts = [...distinct.values()].map((a) => {
		const id = kebab(a.name);
		let severity = mapSeverity(a.labels.severity, severities);
		if (severity === undefined) {
			notes.push(
				`alert ${a.name} (${a.file}): severity not mapped (severity label ${a.labels.severity === undefined ? 'missing' : `"${a.labels.severity}"`}); set its severity to one of ${severities.join(', ')}`,
			);
			severity = kebab(a.labels.severity ?? '') || 'unmapped';
		} else used.add(severity);
		const rb = runbookFor(a, runbooks);
		let runbook: string;
		if (rb) {
			const anchor = anchorIn(rb, a.name);
			runbook = `${surface}/${rb.name}${anchor ? `#${anchor}` : ''}`;
			runbookAlerts.set(rb.name, [...(runbookAlerts.get(rb.name) ?? []), id]);
		} else {
			runbook = `${surface}/${id}`;
			notes.push(`alert ${a.name} (${a.file}): no runbook; write content/runbooks/${runbook}.mdx`);
		}
		const link = [a.annotations.dashboard_url, a.annotations.dashboard, a.annotations.link].find(
			(u) => u !== undefined && HTTPS.test(u),
		);
		if (!link) notes.push(`alert ${a.name} (${a.file}): link is the team's pager; set it to the alert policy's URL`);
		const summary = (a.annotations.summary ?? a.annotations.description ?? '').replace(/\s+/g, ' ').trim();
		return {
			id,
			name: a.name,
			severity,
			link: link ?? options.team.pager ?? 'https://example.invalid/set-me',
			runbook,
			summary: summary || `${a.name} fired (imported from ${a.file}).`,
			...(a.expr ? { query: { language: 'promql', expr: a.expr } } : {}),
			...(a.for && /^(?:\d+(?:ms|s|m|h|d|w|y))+$/.test(a.for) ? { for: a.for } : {}),
		};
	});

	for (const rb of runbooks) {
		const front = {
			title: rb.title,
			description: rb.description,
			surface,
			alerts: runbookAlerts.get(rb.name) ?? [],
			owner,
			lastReviewed: options.today,
			reviewEvery: '90d',
		};
		files.push({
			path: `content/runbooks/${surface}/${rb.name}.mdx`,
			text: `---\n${stringify(front, { lineWidth: 0 })}---\n\n${rb.body}`,
		});
		notes.push(...rb.notes);
		for (const section of options.requiredSections)
			if (!rb.sections.some((s) => s.toLowerCase() === section.toLowerCase()))
				notes.push(`content/runbooks/${surface}/${rb.name}.mdx: required section "${section}" missing`);
	}

	if (alerts.length > 0 || runbooks.length > 0) {
		if (!options.team.pager) notes.push(`content/surfaces/${surface}.yaml: onCall not known; set the on-call URL`);
		notes.push(`content/surfaces/${surface}.yaml: name, description and tier (set to 3) are placeholders`);
		const doc = {
			id: surface,
			name: surface,
			description: `Imported by npm run import; describe what ${surface} does and what fails for customers when it is down.`,
			tier: 3,
			owner: { primary: owner },
			onCall: options.team.pager ?? 'https://example.invalid/set-me',
			alerts: surfaceAlerts,
		};
		files.push({
			path: `content/surfaces/${surface}.yaml`,
			text: `# Imported by npm run import; review every field.\n${stringify(doc, { lineWidth: 0 })}`,
		});
		const notify = options.team.firstRole ? `${owner}/${options.team.firstRole}` : owner;
		const levels = severities.filter((s) => used.has(s));
		const escalation = {
			surface,
			policies: (levels.length > 0 ? levels : severities.slice(0, 1)).map((severity) => ({
				severity,
				levels: [{ afterMinutes: 0, notify: [notify], via: 'page' }],
			})),
		};
		notes.push(`content/escalation/${surface}.yaml: a stub paging ${notify} only; add the later levels`);
		files.push({
			path: `content/escalation/${surface}.yaml`,
			text: `# Imported by npm run import: a stub; add the levels after the first responder.\n${stringify(escalation, { lineWidth: 0 })}`,
		});
	}
	return { files, notes };
}
