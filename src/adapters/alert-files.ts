/**
 * Alert files on disk: reading foreign Prometheus rule files and AlertPolicy JSON with the
 * line and column of every key, indexing the built site's pages and heading anchors, and
 * writing exports atomically.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { LineCounter, type Node as YamlNode, parseAllDocuments } from 'yaml';
import type { ExportFile } from '../core/alerts/export-set.ts';
import { indexHtmlPage, type PageIndex, pagePathOf, type SiteIndex } from '../core/alerts/site-index.ts';
import type { ParsedAlertFile, ParsedDocument } from '../core/alerts/verify.ts';
import type { SourcePosition } from '../core/content/finding.ts';
import { yamlTooDeep } from '../core/content/nesting.ts';
import { yamlPositions } from '../core/content/yaml-positions.ts';
import { listTree, type Refusal, readRegularFile } from './regular-files.ts';

const ALERT_FILE = /\.(ya?ml|json)$/i;
const MAX_BYTES = 4 * 1024 * 1024;

/** A problem with the command line or the disk, not with the files checked: exit code 2. */
export class UsageError extends Error {}

/** Helm's template actions (values, release, chart, include): not Prometheus's own `{{ $labels.x }}`. */
const HELM_ACTION =
	/\{\{-?\s*(?:\.Values\b|\.Release\b|\.Chart\b|\.Capabilities\b|\.Files\b|\$\.Values\b|include\s+"|toYaml\b|template\s+")/;

/**
 * A Helm chart template is not a rule file until Helm renders it: say so, with the line of
 * the first Helm action, rather than a YAML error or silence.
 */
function helmTemplate(source: string, file: string, discovered: boolean): ParsedAlertFile | undefined {
	const m = HELM_ACTION.exec(source);
	if (!m) return undefined;
	// In a searched folder, only templates that hold rules are alert files.
	if (discovered && !/\b(?:groups|PrometheusRule)\b/.test(source)) return undefined;
	const pos = at0(source, m.index);
	return {
		file,
		syntaxError: {
			...pos,
			message: `this is a Helm chart template (${m[0].trim()}… at line ${pos.line}), not a rule file; render it with \`helm template\` first and verify the output`,
		},
	};
}

/** Parse YAML or JSON text (every document of it) keeping positions; never throws on bad input. */
export function parseAlertText(text: string, file: string, discovered = false): ParsedAlertFile {
	const lineCounter = new LineCounter();
	const at = (offset: number): SourcePosition => {
		const p = lineCounter.linePos(offset);
		return { line: p.line, column: p.col };
	};
	let source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	source = source.replace(/\r\n?/g, '\n');
	const helm = helmTemplate(source, file, discovered);
	if (helm) return helm;
	if (/\.json$/i.test(file)) {
		try {
			JSON.parse(source);
		} catch (error) {
			const message = (error as Error).message;
			const m = /position (\d+)/.exec(message);
			const pos = m ? at0(source, Number(m[1])) : { line: 1, column: 1 };
			return {
				file,
				syntaxError: {
					...pos,
					message: `invalid JSON: ${message.replace(/ in JSON at position.*$/, '').replace(/^JSON\.parse: /, '')}`,
				},
			};
		}
		// Valid JSON holds tabs only as whitespace; YAML refuses tab indentation. Same length, same positions.
		source = source.replace(/\t/g, ' ');
	}
	const deep = yamlTooDeep(source);
	if (deep) return { file, syntaxError: { line: deep.line, column: deep.column, message: deep.message } };
	const docs = parseAllDocuments(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const list = Array.isArray(docs) ? docs : [];
	for (const doc of list) {
		const first = doc.errors[0];
		if (first)
			return {
				file,
				syntaxError: {
					...at(first.pos[0]),
					message: first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
				},
			};
	}
	const documents: ParsedDocument[] = [];
	for (const doc of list) {
		const contents = doc.contents as YamlNode | null;
		let value: unknown;
		try {
			value = doc.toJS({ maxAliasCount: 100 });
		} catch (error) {
			return {
				file,
				syntaxError: {
					...(contents?.range ? at(contents.range[0]) : { line: 1, column: 1 }),
					message: (error as Error).message,
				},
			};
		}
		documents.push({ value, positions: yamlPositions(contents, at, { line: 1, column: 1 }) });
	}
	return { file, documents };
}

function at0(text: string, offset: number): SourcePosition {
	const before = text.slice(0, offset);
	return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Why a path was not read, as the finding says it. */
export function refusalMessage(display: string, refusal: Refusal): string {
	switch (refusal.kind) {
		case 'symlink':
			return `${display} is a symbolic link; links in a folder of alert files are never followed.`;
		case 'folder':
			return `${display} is a folder, but its name ends like an alert file.`;
		case 'too-large':
			return `${display} is ${refusal.size} bytes; the limit is ${MAX_BYTES}.`;
		case 'unreadable':
			return `${display} cannot be read (${refusal.detail}).`;
		default:
			return `${display} is ${refusal.detail}, not a regular file.`;
	}
}

/**
 * Read one alert file; `display` is the path findings name. A file found in a folder is never
 * read through a link; a path named on the command line may be a link (its owner chose it).
 */
export function readAlertFile(abs: string, display: string, discovered = false): ParsedAlertFile {
	const read = readRegularFile(abs, MAX_BYTES, { followLink: !discovered });
	if ('refusal' in read) {
		if (read.refusal.kind === 'too-large')
			return {
				file: display,
				syntaxError: {
					line: 1,
					column: 1,
					message: `the file is ${read.refusal.size} bytes; the limit is ${MAX_BYTES}`,
				},
				...(discovered ? { discovered } : {}),
			};
		return { file: display, refused: { message: refusalMessage(display, read.refusal) } };
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
	} catch {
		return { file: display, syntaxError: { line: 1, column: 1, message: 'the file is not valid UTF-8' } };
	}
	const parsed = parseAlertText(text, display, discovered);
	return discovered ? { ...parsed, discovered } : parsed;
}

/**
 * The alert files named on the command line: files as given, folders searched for
 * `.yml`, `.yaml` and `.json`, less those matching an `exclude` glob (matched against the path
 * from `cwd` and from the folder named; a glob without `/` matches the file name). Paths in
 * findings are relative to `cwd`. Throws {@link UsageError}.
 */
export function listAlertFiles(
	paths: readonly string[],
	cwd: string,
	exclude: readonly string[] = [],
): { abs: string; display: string; discovered: boolean }[] {
	const matchers = exclude.map((glob) => picomatch(glob, { dot: true, basename: !glob.includes('/') }));
	const excluded = (path: string) => matchers.some((m) => m(path));
	const out: { abs: string; display: string; discovered: boolean }[] = [];
	const shown = (abs: string) => relative(cwd, abs).split(sep).join('/');
	for (const p of paths) {
		const abs = resolve(cwd, p);
		let isDir: boolean;
		try {
			isDir = statSync(abs).isDirectory();
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'ELOOP') throw new UsageError(`${p} is a symbolic link that loops.`);
			throw new UsageError(`${p} does not exist.`);
		}
		if (isDir) {
			// Listed without following links: each link, odd file or alert-named folder becomes a finding of its own.
			const tree = listTree(abs, (name) => ALERT_FILE.test(name));
			const found = [
				...tree.files.filter((f) => ALERT_FILE.test(f)),
				...tree.refused
					.filter((r) => r.refusal.kind === 'folder' || r.refusal.kind === 'unreadable' || ALERT_FILE.test(r.path))
					.map((r) => r.path),
			]
				.map((f) => join(abs, f))
				.sort();
			if (found.length === 0) throw new UsageError(`${p} holds no .yml, .yaml or .json file.`);
			for (const f of found) {
				// A glob matches the path from cwd, or from the folder named.
				if (!excluded(shown(f)) && !excluded(relative(abs, f).split(sep).join('/')))
					out.push({ abs: f, display: shown(f), discovered: true });
			}
		} else if (!excluded(shown(abs))) {
			out.push({ abs, display: shown(abs), discovered: false });
		}
	}
	return out;
}

/** Index every HTML page of a built site (`dist/`). Throws {@link UsageError} when it is not one. */
export function indexBuiltSite(dir: string): SiteIndex {
	if (!existsSync(join(dir, 'index.html'))) {
		throw new UsageError(
			`${dir} is not a built site (no index.html). Build it first: npm run build, then pass its output folder with --site.`,
		);
	}
	const pages = new Map<string, PageIndex>();
	const none: PageIndex = { anchors: new Set(), redirect: undefined };
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const f = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
		// Other files (exports, badges, JSON) can be linked too; they have no sections.
		pages.set(pagePathOf(f), f.endsWith('.html') ? indexHtmlPage(readFileSync(join(dir, f), 'utf8')) : none);
	}
	return { pages };
}

/** Whether a file was written by `alerts:export`: the generated-file header, or the managed_by label. */
export function isLaunchbookExport(text: string): boolean {
	return /^# Generated by Launchbook\b/m.test(text) || /"managed_by"\s*:\s*"launchbook"/.test(text);
}

/**
 * Write an export set into `outDir`, each file through a temporary file and a rename, then
 * remove files of earlier exports that the set no longer holds (in the folders it owns).
 * Only files Launchbook wrote are removed: anything else in those folders (hand-written
 * rules next to the export, say) is kept and named in `kept`.
 */
export function writeExportSet(
	outDir: string,
	files: readonly ExportFile[],
): { written: number; removed: string[]; kept: string[] } {
	const wanted = new Set(files.map((f) => f.path));
	for (const f of files) {
		const target = join(outDir, f.path);
		mkdirSync(dirname(target), { recursive: true });
		const temp = `${target}.${process.pid}.tmp`;
		writeFileSync(temp, f.text);
		renameSync(temp, target);
	}
	const removed: string[] = [];
	const kept: string[] = [];
	for (const folder of new Set(files.map((f) => f.path.split('/')[0]!))) {
		const abs = join(outDir, folder);
		for (const f of readdirSync(abs, { recursive: true }) as string[]) {
			const rel = `${folder}/${f.split(sep).join('/')}`;
			if (statSync(join(abs, f)).isFile() && !wanted.has(rel)) {
				if (isLaunchbookExport(readFileSync(join(abs, f), 'utf8'))) {
					rmSync(join(abs, f));
					removed.push(rel);
				} else {
					kept.push(rel);
				}
			}
		}
	}
	return { written: files.length, removed: removed.sort(), kept: kept.sort() };
}
