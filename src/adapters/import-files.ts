/**
 * `npm run import`, the disk part: reading the runbooks and rule files named, the target
 * repository's severities, owner team and policy, and writing only files that do not exist yet.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import type { PlannedFile } from '../core/import/convert.ts';
import { readAlertFile } from './alert-files.ts';

export class ImportUsageError extends Error {}

export interface ImportInput {
	readonly markdown: { display: string; text: string }[];
	readonly rules: ReturnType<typeof readAlertFile>[];
}

const MARKDOWN = /\.(md|markdown)$/i;
const RULES = /\.(ya?ml|json)$/i;

/** The files named: folders are searched for Markdown and rule files. Paths shown relative to `cwd`. */
export function readImportInputs(paths: readonly string[], cwd: string): ImportInput {
	const found: string[] = [];
	for (const p of paths) {
		const abs = resolve(cwd, p);
		if (!existsSync(abs)) throw new ImportUsageError(`${p} does not exist.`);
		if (statSync(abs).isDirectory()) {
			for (const entry of readdirSync(abs, { recursive: true, withFileTypes: true }))
				if (entry.isFile() && (MARKDOWN.test(entry.name) || RULES.test(entry.name)))
					found.push(join(entry.parentPath, entry.name));
		} else found.push(abs);
	}
	const markdown: ImportInput['markdown'] = [];
	const rules: ImportInput['rules'] = [];
	for (const abs of [...new Set(found)].sort()) {
		const display = relative(cwd, abs).split(sep).join('/');
		if (MARKDOWN.test(abs)) markdown.push({ display, text: readFileSync(abs, 'utf8') });
		else if (RULES.test(abs)) rules.push(readAlertFile(abs, display));
		else throw new ImportUsageError(`${display} is neither Markdown (.md) nor a rule file (.yml, .yaml, .json).`);
	}
	return { markdown, rules };
}

export interface TargetContext {
	readonly severities: string[];
	readonly team: { pager?: string; firstRole?: string };
	readonly sectionAliases: Record<string, string[]>;
	readonly requiredSections: string[];
}

const DEFAULT_SECTIONS = ['Summary', 'Detection', 'Diagnosis', 'Mitigation', 'Rollback', 'Escalation', 'Communication'];

/** What the target repository says: severities (highest first), the owner team, the runbook policy. */
export function readTargetContext(root: string, owner: string): TargetContext {
	const read = (path: string): unknown => {
		try {
			return parse(readFileSync(join(root, path), 'utf8'));
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw new ImportUsageError(`${path} cannot be read: ${(error as Error).message.split('\n')[0]}`);
		}
	};
	const sev = read('content/severities.yaml');
	if (!Array.isArray(sev) || sev.length === 0)
		throw new ImportUsageError(
			`${join(root, 'content/severities.yaml')} lists no severities; is --root the repository?`,
		);
	const severities = (sev as { id?: unknown; level?: unknown }[])
		.filter((s) => typeof s?.id === 'string')
		.sort((a, b) => Number(a.level ?? 0) - Number(b.level ?? 0))
		.map((s) => s.id as string);
	const team = read(`content/teams/${owner}.yaml`) as { pager?: unknown; roles?: { id?: unknown }[] } | undefined;
	if (!team) throw new ImportUsageError(`no team "${owner}" in content/teams/ (expected content/teams/${owner}.yaml).`);
	const config = (read('launchbook.config.yaml') ?? {}) as {
		policy?: { sectionAliases?: unknown; requiredSections?: unknown };
	};
	const aliases = config.policy?.sectionAliases;
	const sectionAliases: Record<string, string[]> = {};
	if (aliases && typeof aliases === 'object')
		for (const [k, v] of Object.entries(aliases)) sectionAliases[k] = Array.isArray(v) ? v.map(String) : [String(v)];
	const required = config.policy?.requiredSections;
	return {
		severities,
		team: {
			...(typeof team.pager === 'string' && /^https:\/\//.test(team.pager) ? { pager: team.pager } : {}),
			...(typeof team.roles?.[0]?.id === 'string' ? { firstRole: team.roles[0].id } : {}),
		},
		sectionAliases,
		requiredSections: Array.isArray(required) ? required.map(String) : DEFAULT_SECTIONS,
	};
}

/** Whether a planned file exists already (it is then never written). */
export function targetExists(root: string, file: PlannedFile): boolean {
	return existsSync(join(root, file.path));
}

/** Write a new file; never replaces one (`wx`). Returns false when it appeared meanwhile. */
export function writeNewFile(root: string, file: PlannedFile): boolean {
	const abs = join(root, file.path);
	mkdirSync(dirname(abs), { recursive: true });
	try {
		writeFileSync(abs, file.text, { flag: 'wx' });
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
}
