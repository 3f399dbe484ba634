/**
 * Reads `content/` and `launchbook.config.yaml` from disk into a {@link ContentModel}. Every
 * file is read, parsed and validated; problems are collected (never thrown), each with its
 * file, line and column, and the entry is left out of the model.
 */
import { lstatSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml';
import {
	COLLECTIONS,
	type CollectionName,
	type CollectionSpec,
	idFromPath,
	isPublished,
	pathIdProblem,
	suggestPathId,
} from '../core/content/collections.ts';
import type { Finding, SourcePosition } from '../core/content/finding.ts';
import { LOAD_PROBLEMS, type LoadProblemId } from '../core/content/load-problems.ts';
import { BODY_COMPONENTS, bodySafety, docsFrontmatterSafety } from '../core/markdown/body-safety.ts';
import { MarkdownSyntaxError, outlineMarkdown, outlineMarkdownFull } from '../core/markdown/markdown-outline.ts';
import type { ContentModel, DocumentEntry, Entry } from '../core/content/model.ts';
import { describeIssue, fieldPath } from '../core/content/schema-issues.ts';
import { type Config, ConfigSchema } from '../core/schemas/config.ts';
import { type CutText, cutTextValues } from '../core/content/yaml-comments.ts';
import { markdownTooDeep, yamlTooDeep } from '../core/content/nesting.ts';
import { yamlPositions } from '../core/content/yaml-positions.ts';
import { type Inventory, listTree, type Refusal, readRegularFile } from './regular-files.ts';

export const CONFIG_FILE = 'launchbook.config.yaml';
export const CONTENT_DIR = 'content';
const MAX_BYTES = 1024 * 1024;

type Positions = Record<string, SourcePosition>;

interface Parsed {
	readonly value: unknown;
	readonly positions: Positions;
}

class Problems {
	readonly list: Finding[] = [];
	/** Text values cut short by a same-line comment (not problems: the gate judges them). */
	readonly cutText: (CutText & { readonly file: string })[] = [];
	add(
		rule: LoadProblemId,
		file: string,
		pos: SourcePosition,
		message: string,
		fix: string = LOAD_PROBLEMS[rule].fix,
	): void {
		this.list.push({ rule, level: 'error', file, line: pos.line, column: pos.column, message, fix });
	}
}

/** Report a path that is not read, with the finding its kind calls for. */
function refuse(file: string, refusal: Refusal, problems: Problems): void {
	const top = { line: 1, column: 1 };
	switch (refusal.kind) {
		case 'symlink':
			problems.add(
				'content-symlink',
				file,
				top,
				`${file} is a symbolic link; content is read only from regular files inside the repository, and links are never followed.`,
			);
			return;
		case 'folder':
			problems.add(
				'content-not-a-file',
				file,
				top,
				`${file} is a folder, but its name ends like a content file.`,
				'Rename the folder so its name does not end in .yaml, .yml, .md or .mdx, or move its files up.',
			);
			return;
		case 'special':
			problems.add('content-not-a-file', file, top, `${file} is ${refusal.detail}, not a regular file.`);
			return;
		case 'too-deep':
			problems.add(
				'content-too-deep',
				file,
				top,
				`${file} is ${refusal.detail}; its files are not read.`,
				'Move the files up: content folders are at most a few levels deep.',
			);
			return;
		case 'too-large':
			problems.add('content-too-large', file, top, `${file} is ${refusal.size} bytes; the limit is ${MAX_BYTES}.`);
			return;
		case 'unreadable':
			problems.add('content-unreadable', file, top, `${file} cannot be read (${refusal.detail}).`);
			return;
	}
}

/** Read a regular file as UTF-8 text, or report why it cannot be. Strips a BOM and folds CRLF to LF. */
function readText(abs: string, file: string, problems: Problems): string | undefined {
	const read = readRegularFile(abs, MAX_BYTES);
	if ('refusal' in read) {
		refuse(file, read.refusal, problems);
		return undefined;
	}
	const bytes = read.bytes;
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		const bad = firstInvalidUtf8(bytes);
		const before = bytes.subarray(0, bad).toString('utf8');
		const line = before.split('\n').length;
		const column = before.length - before.lastIndexOf('\n');
		problems.add(
			'content-encoding',
			file,
			{ line, column },
			`byte ${bad} (0x${bytes[bad]?.toString(16).padStart(2, '0')}) is not valid UTF-8.`,
		);
		return undefined;
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	text = text.replace(/\r\n?/g, '\n');
	if (text.trim() === '') {
		problems.add('content-empty', file, { line: 1, column: 1 }, `${file} is empty.`);
		return undefined;
	}
	return text;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
	for (let i = 1; i <= bytes.length; i++) {
		try {
			new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, i));
		} catch {
			// A truncated multi-byte sequence at the end is fine until the next byte proves it wrong.
			if (i === bytes.length || !isPrefixOfValid(bytes, i)) return i - 1;
		}
	}
	return 0;
}

function isPrefixOfValid(bytes: Uint8Array, end: number): boolean {
	for (let extra = 1; extra <= 3 && end + extra <= bytes.length; extra++) {
		try {
			new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end + extra));
			return true;
		} catch {
			/* keep trying longer sequences */
		}
	}
	return false;
}

/** Parse YAML keeping the line and column of every key and list item. */
function parseYaml(text: string, file: string, lineOffset: number, problems: Problems): Parsed | undefined {
	const deep = yamlTooDeep(text);
	if (deep) {
		problems.add('content-too-deep', file, { line: deep.line + lineOffset, column: deep.column }, `${deep.message}.`);
		return undefined;
	}
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const at = (offset: number): SourcePosition => {
		const p = lineCounter.linePos(offset);
		return { line: p.line + lineOffset, column: p.col };
	};
	const first = doc.errors[0];
	if (first) {
		const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
		problems.add('content-yaml', file, at(first.pos[0]), `${message}.`);
		return undefined;
	}
	const tagged = firstForeignTag(doc, text);
	if (tagged) {
		problems.add(
			'content-yaml',
			file,
			at(tagged.offset),
			`the value tagged "${tagged.tag}" is not plain data: content files hold only text, numbers, true/false, null, lists and mappings.`,
			'Remove the tag and write the value as plain text (in quotes if it would otherwise read as a number or true/false).',
		);
		return undefined;
	}
	const contents = doc.contents as YamlNode | null;
	const positions: Positions = yamlPositions(contents, at, { line: 1 + lineOffset, column: 1 });
	for (const cut of cutTextValues(contents, text, at)) problems.cutText.push({ ...cut, file });
	let value: unknown;
	try {
		value = doc.toJS({ maxAliasCount: 100 });
	} catch (error) {
		problems.add('content-yaml', file, positions['']!, `${(error as Error).message}.`);
		return undefined;
	}
	for (const path of dropProtoKeys(value)) {
		problems.add(
			'content-schema',
			file,
			positions[path] ?? positions['']!,
			`${path}: "__proto__" is a reserved name in JavaScript and cannot be a key.`,
			'Rename or remove the key.',
		);
	}
	return { value, positions };
}

/**
 * Remove every own `__proto__` key from a parsed value (the YAML parser keeps it as data, but
 * copying into a plain object would set the prototype instead, and the key would vanish
 * without a word). Returns their dotted paths. Iterative, so deep values cannot overflow.
 */
function dropProtoKeys(value: unknown): string[] {
	const found: string[] = [];
	const stack: { node: unknown; path: string }[] = [{ node: value, path: '' }];
	while (stack.length > 0) {
		const { node, path } = stack.pop()!;
		if (Array.isArray(node)) {
			for (let i = 0; i < node.length; i++) stack.push({ node: node[i], path: `${path}[${i}]` });
		} else if (node !== null && typeof node === 'object') {
			for (const key of Object.keys(node)) {
				const p = path === '' ? key : `${path}.${key}`;
				if (key === '__proto__') {
					found.push(p);
					delete (node as Record<string, unknown>)[key];
				} else stack.push({ node: (node as Record<string, unknown>)[key], path: p });
			}
		}
	}
	return found.sort();
}

/** Tags that still give plain data (a string, number, boolean, null, list or mapping). */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * The first explicitly tagged node whose tag gives something other than plain data
 * (`!!binary` gives bytes, `!!set` a Set, `!!timestamp` a Date, `!custom` nothing Astro can
 * read), with the offset of the tag itself. Such values would pass through as objects that no
 * schema expects, so the file is refused with one finding.
 */
function firstForeignTag(
	doc: ReturnType<typeof parseDocument>,
	text: string,
): { tag: string; offset: number } | undefined {
	let found: { tag: string; offset: number } | undefined;
	visit(doc, {
		Node(_, node) {
			const tag = (node as { tag?: string }).tag;
			if (!tag || PLAIN_TAGS.has(tag)) return undefined;
			const shown = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
			const start = node.range?.[0] ?? 0;
			const at = text.lastIndexOf(shown, start);
			found = { tag: shown, offset: at >= 0 ? at : start };
			return visit.BREAK;
		},
	});
	return found;
}

/** Validate against a schema; on failure report every issue at its field's position. */
function validate<T>(
	spec: Pick<CollectionSpec, 'schema'>,
	parsed: Parsed,
	file: string,
	problems: Problems,
	prefix = '',
): T | undefined {
	const result = spec.schema.safeParse(parsed.value);
	if (result.success) return result.data as T;
	// zod keeps running refinements on a value that already failed its format check (a date
	// "next week" fails the YYYY-MM-DD pattern, then the calendar check): report the format only.
	const badFormat = new Set(
		result.error.issues.filter((i) => i.code === 'invalid_format').map((i) => fieldPath(i.path)),
	);
	for (const issue of result.error.issues) {
		if (issue.code === 'custom' && badFormat.has(fieldPath(issue.path))) continue;
		for (const d of describeIssue(issue, parsed.value, spec.schema)) {
			const field = d.field;
			const pos = nearest(parsed.positions, prefix + field) ?? { line: 1, column: 1 };
			problems.add(
				'content-schema',
				file,
				pos,
				`${field === '' ? 'the entry' : field}: ${d.message}${d.message.endsWith('?') ? '' : '.'}`,
			);
		}
	}
	return undefined;
}

function nearest(positions: Positions, path: string): SourcePosition | undefined {
	let p = path;
	for (;;) {
		if (Object.hasOwn(positions, p)) return positions[p];
		if (p === '') return undefined;
		const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
		p = cut <= 0 ? '' : p.slice(0, cut);
	}
}

function rebase(positions: Positions, prefix: string): Positions {
	// No prototype: a key named `__proto__` or `constructor` is a field like any other.
	const out: Positions = Object.create(null);
	for (const [key, pos] of Object.entries(positions)) {
		if (key === prefix) out[''] = pos;
		else if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = pos;
		else if (key.startsWith(`${prefix}[`)) out[key.slice(prefix.length)] = pos;
	}
	return out;
}

/** Names a reader takes for content files; a folder named so is refused, not entered. */
const CONTENT_FILE_NAME = /\.(?:ya?ml|mdx?)$/i;

/** The files of one folder collection, relative to it: those the site publishes too. */
function listFiles(inventory: Inventory, folder: string, format: 'yaml' | 'mdx'): string[] {
	const prefix = `${folder}/`;
	return inventory.files
		.filter((f) => f.startsWith(prefix))
		.map((f) => f.slice(prefix.length))
		.filter((f) => isPublished(f, format));
}

/** Report a body nested too deep for the Markdown parser (which would overflow or take for ever); `true` when it is. */
function bodyTooDeep(body: string, lineOffset: number, file: string, problems: Problems): boolean {
	const deep = markdownTooDeep(body);
	if (!deep) return false;
	problems.add('content-too-deep', file, { line: deep.line + lineOffset, column: deep.column }, `${deep.message}.`);
	return true;
}

function splitFrontmatter(
	text: string,
	file: string,
	problems: Problems,
): { frontmatter: string; body: string; bodyLine: number } | undefined {
	const lines = text.split('\n');
	if (lines[0]?.trim() !== '---') {
		problems.add(
			'content-frontmatter',
			file,
			{ line: 1, column: 1 },
			'the file does not start with a "---" frontmatter line.',
		);
		return undefined;
	}
	const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
	if (close < 0) {
		problems.add(
			'content-frontmatter',
			file,
			{ line: 1, column: 1 },
			'the frontmatter opened on line 1 is never closed with "---".',
		);
		return undefined;
	}
	return {
		frontmatter: lines.slice(1, close).join('\n'),
		body: lines.slice(close + 1).join('\n'),
		bodyLine: close + 1,
	};
}

function loadCollection(
	root: string,
	inventory: Inventory,
	name: CollectionName,
	problems: Problems,
): Entry<unknown>[] {
	const spec: CollectionSpec = COLLECTIONS[name];
	const base = join(root, CONTENT_DIR, spec.path);
	const entries: Entry<unknown>[] = [];
	if (spec.layout === 'list') {
		// Not a regular file: absent, or refused when the tree was listed.
		if (!inventory.files.includes(spec.path)) return entries;
		const file = `${CONTENT_DIR}/${spec.path}`;
		const text = readText(base, file, problems);
		if (text === undefined) return entries;
		const parsed = parseYaml(text, file, 0, problems);
		if (!parsed) return entries;
		if (!Array.isArray(parsed.value)) {
			problems.add(
				'content-schema',
				file,
				parsed.positions[''] ?? { line: 1, column: 1 },
				`expected a list of entries, found ${typeof parsed.value === 'object' ? 'a mapping' : String(parsed.value)}.`,
				'Write the file as a YAML list, each item starting with "- id: …".',
			);
			return entries;
		}
		parsed.value.forEach((item, i) => {
			const data = validate<{ id: string }>(
				spec,
				{ value: item, positions: rebase(parsed.positions, `[${i}]`) },
				file,
				problems,
			);
			if (data)
				entries.push({ collection: name, id: data.id, file, data, positions: rebase(parsed.positions, `[${i}]`) });
		});
		return entries;
	}
	for (const relFile of listFiles(inventory, spec.path, spec.format)) {
		const abs = join(base, relFile);
		const file = `${CONTENT_DIR}/${spec.path}/${relFile}`;
		const pathId = spec.idFrom === 'path' ? pathIdProblem(idFromPath(relFile)) : undefined;
		if (pathId) {
			const ext = /\.[^./]+$/.exec(relFile)?.[0] ?? '';
			problems.add(
				'content-path-id',
				file,
				{ line: 1, column: 1 },
				`the file name gives the id "${idFromPath(relFile)}", but ${pathId}.`,
				`Rename the file to content/${spec.path}/${suggestPathId(idFromPath(relFile))}${ext.toLowerCase()} (lower-case ASCII letters, digits and single hyphens), and update what links to it.`,
			);
			continue;
		}
		const text = readText(abs, file, problems);
		if (text === undefined) continue;
		if (spec.format === 'yaml') {
			const parsed = parseYaml(text, file, 0, problems);
			if (!parsed) continue;
			const data = validate<Record<string, unknown>>(spec, parsed, file, problems);
			if (!data) continue;
			const id = spec.idFrom === 'field' ? String(data.id) : idFromPath(relFile);
			entries.push({ collection: name, id, file, data, positions: parsed.positions });
			continue;
		}
		const split = splitFrontmatter(text, file, problems);
		if (!split) continue;
		const parsed = parseYaml(split.frontmatter, file, 1, problems);
		if (bodyTooDeep(split.body, split.bodyLine, file, problems)) continue;
		let outline;
		try {
			outline = outlineMarkdown(split.body, split.bodyLine);
		} catch (error) {
			if (!(error instanceof MarkdownSyntaxError)) throw error;
			problems.add('content-mdx', file, { line: error.line, column: error.column }, `${error.message}.`);
			continue;
		}
		if (!parsed) continue;
		const data = validate(spec, parsed, file, problems);
		if (!data) continue;
		const doc: DocumentEntry<unknown> = {
			collection: name,
			id: idFromPath(relFile),
			file,
			data,
			positions: parsed.positions,
			body: split.body,
			bodyLineOffset: split.bodyLine,
			outline,
		};
		entries.push(doc);
	}
	return entries;
}

/** Whether `file` (repository-relative) is loaded as an entry of a Markdown/MDX collection. */
function isCollectionEntry(file: string): boolean {
	return Object.values(COLLECTIONS).some(
		(spec) =>
			spec.format === 'mdx' &&
			file.startsWith(`${CONTENT_DIR}/${spec.path}/`) &&
			isPublished(file.slice(CONTENT_DIR.length + spec.path.length + 2), 'mdx'),
	);
}

/** Every regular `.md`/`.mdx` file under `content/`, published or not (`_` folders, docs pages), repository-relative. */
function allBodyFiles(inventory: Inventory): string[] {
	// Links and odd files were reported when the tree was listed, and are never read.
	return inventory.files.filter((f) => /\.mdx?$/i.test(f)).map((f) => `${CONTENT_DIR}/${f}`);
}

/**
 * Content is data: every Markdown/MDX body under `content/` (runbooks, comms, tabletops, docs
 * and guide pages, and `_` folders alike) is judged on its parsed tree, and a docs page's
 * frontmatter for fields Starlight renders as HTML. Read and parse problems are reported by
 * the collection loaders; this pass adds only `content-not-data` and `unsafe-link`.
 */
function checkBodies(root: string, inventory: Inventory, problems: Problems): void {
	const quiet = new Problems();
	const docsPrefix = `${CONTENT_DIR}/docs/`;
	for (const file of allBodyFiles(inventory)) {
		const text = readText(join(root, file), file, quiet);
		if (text === undefined) continue;
		const split = text.startsWith('---') ? splitFrontmatter(text, file, quiet) : undefined;
		const body = split ? split.body : text;
		if (bodyTooDeep(body, split ? split.bodyLine : 0, file, problems)) continue;
		const docs = file.startsWith(docsPrefix);
		const lineOffset = split ? split.bodyLine : 0;
		const judged = bodySafety(body, {
			format: /\.mdx$/i.test(file) ? 'mdx' : 'md',
			lineOffset,
			components: docs ? [] : Object.keys(BODY_COMPONENTS),
		});
		// A body that does not parse cannot be judged: a collection entry reports content-mdx when it
		// is loaded; a guide page or draft reports it here, so it fails closed too.
		if (judged === undefined && !isCollectionEntry(file)) {
			try {
				outlineMarkdownFull(body, lineOffset);
			} catch (error) {
				if (!(error instanceof MarkdownSyntaxError)) throw error;
				problems.add('content-mdx', file, { line: error.line, column: error.column }, `${error.message}.`);
			}
		}
		const found = judged ?? [];
		if (docs && split) {
			const parsed = parseYaml(split.frontmatter, file, 1, quiet);
			if (parsed)
				found.push(
					...docsFrontmatterSafety(
						parsed.value,
						(path) => nearest(parsed.positions, path) ?? parsed.positions[''] ?? { line: 1, column: 1 },
					),
				);
		}
		for (const f of found) problems.add(f.rule, file, { line: f.line, column: f.column }, f.message, f.fix);
	}
}

const FALLBACK_CONFIG = { site: { url: 'https://launchbook.example.com', organisation: 'Example Org' } };

function loadConfig(root: string, problems: Problems): Config {
	const abs = join(root, CONFIG_FILE);
	const st = lstatOrUndefined(abs);
	if (!st) {
		problems.add(
			'content-schema',
			CONFIG_FILE,
			{ line: 1, column: 1 },
			`${CONFIG_FILE} is missing.`,
			`Create ${CONFIG_FILE} with at least site.url and site.organisation.`,
		);
		return ConfigSchema.parse(FALLBACK_CONFIG);
	}
	const text = readText(abs, CONFIG_FILE, problems);
	const parsed = text === undefined ? undefined : parseYaml(text, CONFIG_FILE, 0, problems);
	const config = parsed ? validate<Config>({ schema: ConfigSchema }, parsed, CONFIG_FILE, problems) : undefined;
	return config ?? ConfigSchema.parse(FALLBACK_CONFIG);
}

function lstatOrUndefined(abs: string): Stats | undefined {
	try {
		return lstatSync(abs);
	} catch {
		return undefined;
	}
}

/**
 * Every regular file under `content/`, listed without following links. Links, folders named
 * like content files, pipes and the like are reported wherever they are (guide pages and
 * `_` folders too: the site build reads those), and never read.
 */
function listContent(root: string, problems: Problems): Inventory {
	const dir = join(root, CONTENT_DIR);
	const st = lstatOrUndefined(dir);
	if (!st) return { files: [], refused: [] };
	if (!st.isDirectory()) {
		if (st.isSymbolicLink()) refuse(CONTENT_DIR, { kind: 'symlink', detail: 'a symbolic link' }, problems);
		else
			problems.add(
				'content-not-a-file',
				CONTENT_DIR,
				{ line: 1, column: 1 },
				`${CONTENT_DIR} is not a folder.`,
				`Make ${CONTENT_DIR}/ a folder of content files.`,
			);
		return { files: [], refused: [] };
	}
	const inventory = listTree(dir, (name) => CONTENT_FILE_NAME.test(name));
	for (const { path, refusal } of inventory.refused) refuse(`${CONTENT_DIR}/${path}`, refusal, problems);
	return inventory;
}

/** Load the whole content model rooted at `root` (the repository root). Never throws on bad content. */
export function loadContent(root: string): ContentModel {
	const problems = new Problems();
	const config = loadConfig(root, problems);
	const inventory = listContent(root, problems);
	// Each collection's entries were validated by that collection's schema above.
	const load = (name: CollectionName) => loadCollection(root, inventory, name, problems) as never[];
	const model: ContentModel = {
		config,
		configFile: CONFIG_FILE,
		surfaces: load('surfaces'),
		vendors: load('vendors'),
		teams: load('teams'),
		severities: load('severities'),
		escalation: load('escalation'),
		risks: load('risks'),
		checklist: load('checklist'),
		metrics: load('metrics'),
		runbooks: load('runbooks'),
		comms: load('comms'),
		tabletops: load('tabletops'),
		runSheets: load('runSheets'),
		problems: problems.list,
		cutText: problems.cutText,
	};
	checkBodies(root, inventory, problems);
	return model;
}
