/**
 * Pull-request mode scoped to the change: the findings a pull request is judged on are those
 * on the files it touches and on the surfaces it touches (through their codePaths or their
 * own content files); the rest become a count. The touched surfaces are listed with their
 * owners and what each must review. A finding in a touched file that lies outside the diff (a
 * section the change deleted leaves no line to point at) moves to the nearest line the diff
 * touched, so the annotation shows in the pull request. Pure.
 */
import type { Finding } from '../content/finding.ts';
import type { ContentModel } from '../content/model.ts';
import { surfaceFiles } from '../content/surface-files.ts';
import { normalisePath, pathOwnership } from '../ownership/path-ownership.ts';

export interface TouchedSurface {
	readonly id: string;
	readonly name: string;
	readonly owner: string;
	/** Changed paths that touch it (its codePaths or its content files). */
	readonly paths: readonly string[];
	/** What its owner must review in this change. */
	readonly review: readonly string[];
}

export interface ChangeScope {
	/** Findings on the change: reported and judged. */
	readonly findings: Finding[];
	/** Findings elsewhere, by level: a count, not judged. */
	readonly outside: { readonly errors: number; readonly warnings: number };
	readonly surfaces: readonly TouchedSurface[];
}

/** New-side line numbers the diff touched, per file (from `git diff -U0`). */
export type ChangedLines = ReadonlyMap<string, readonly number[]>;

export function scopeToChange(
	model: Pick<ContentModel, 'surfaces' | 'escalation' | 'runbooks' | 'config'>,
	findings: readonly Finding[],
	changedPaths: readonly string[],
	changedLines?: ChangedLines,
): ChangeScope {
	const changed = new Set(changedPaths.map(normalisePath).filter((p) => p !== ''));
	const ownership = pathOwnership(model);
	const touched = new Map<string, Set<string>>();
	const touch = (surface: string, path: string) => {
		const set = touched.get(surface) ?? new Set<string>();
		set.add(path);
		touched.set(surface, set);
	};
	for (const path of changed) for (const s of ownership.owners(path)) touch(s, path);
	const filesOf = new Map(model.surfaces.map((s) => [s.data.id, surfaceFiles(model, s.data.id)]));
	for (const [surface, files] of filesOf) for (const f of files) if (changed.has(f)) touch(surface, f);
	const inScopeFiles = new Set(changed);
	for (const surface of touched.keys()) for (const f of filesOf.get(surface) ?? []) inScopeFiles.add(f);

	const kept: Finding[] = [];
	let errors = 0;
	let warnings = 0;
	for (const f of findings) {
		if (inScopeFiles.has(f.file) || f.rule.startsWith('changed-path-') || f.rule.startsWith('content-')) {
			kept.push(changedLines ? intoDiff(f, changedLines) : f);
		} else if (f.level === 'error') errors++;
		else warnings++;
	}
	const surfaces = [...touched]
		.sort((a, b) => a[0].localeCompare(b[0]))
		.map(([id, paths]): TouchedSurface => {
			const s = model.surfaces.find((x) => x.data.id === id)!.data;
			const runbooks = model.runbooks
				.filter((r) => r.data.surface === id)
				.map((r) => r.id)
				.sort();
			const review = [
				...(runbooks.length > 0
					? [`runbooks ${runbooks.join(', ')} against the changed code`]
					: ['no runbook: write one']),
				...(s.alerts.length > 0
					? [`alerts ${s.alerts.map((a) => a.name).join(', ')}: still fire on the changed code`]
					: []),
			];
			return { id, name: s.name, owner: s.owner.primary, paths: [...paths].sort(), review };
		});
	return { findings: kept, outside: { errors, warnings }, surfaces };
}

/** A finding on a touched file whose line the diff did not touch moves to the nearest touched line. */
function intoDiff(f: Finding, changedLines: ChangedLines): Finding {
	const lines = changedLines.get(f.file);
	if (!lines || lines.length === 0 || lines.includes(f.line)) return f;
	const nearest = lines.reduce((best, l) => (Math.abs(l - f.line) < Math.abs(best - f.line) ? l : best), lines[0]!);
	return {
		...f,
		line: nearest,
		column: 1,
		message: `${f.message} (reported at line ${f.line}; shown on the nearest line this change touched)`,
	};
}

/** `git diff -U0` output → new-side touched lines per file (a pure deletion counts as the line it left). */
export function parseUnifiedDiff(diff: string): Map<string, number[]> {
	const out = new Map<string, number[]>();
	let file: string | undefined;
	for (const line of diff.split('\n')) {
		const plus = /^\+\+\+ (?:b\/(.*)|\/dev\/null)$/.exec(line);
		if (plus) {
			file = plus[1];
			continue;
		}
		const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
		if (hunk && file !== undefined) {
			const start = Number(hunk[1]);
			const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
			const list = out.get(file) ?? [];
			if (count === 0) list.push(Math.max(start, 1));
			else for (let i = 0; i < count; i++) list.push(start + i);
			out.set(file, list);
		}
	}
	return out;
}
