/**
 * What every rule receives: the model, the policy, today's date and lookup tables built once,
 * plus `report`, which collects findings. Rules never decide levels: those come from the policy.
 */
import type { PromqlTools } from '../alerts/promql-check.ts';
import { COLLECTIONS, type CollectionName } from '../content/collections.ts';
import type { SourcePosition } from '../content/finding.ts';
import { locate, type ContentModel, type DocumentEntry, type Entry } from '../content/model.ts';
import type { Policy } from '../schemas/policy.ts';
import type { Runbook } from '../schemas/runbook.ts';
import type { Alert, Surface } from '../schemas/surface.ts';
import type { Team } from '../schemas/team.ts';

export interface CheckOptions {
	/** `YYYY-MM-DD`; the caller reads the clock, the rules never do. */
	readonly today: string;
	/** The committed CODEOWNERS, when the caller read it: `text` is `null` when the file is missing. */
	readonly codeowners?: { readonly file: string; readonly text: string | null };
	/** Pull-request mode: paths (from the repository root) the change touches. */
	readonly changedPaths?: readonly string[];
	/**
	 * The PromQL parser, for the alert-query rule; a function so that it is loaded only when an
	 * alert has PromQL. Without it, expressions are not parsed.
	 */
	readonly promql?: () => PromqlTools;
	/** Positions of the config file's keys by dotted path, when the caller has them. */
	readonly configPositions?: Readonly<Record<string, SourcePosition>>;
}

/** A finding before the policy gives it a level. */
export interface RawFinding {
	readonly rule: string;
	readonly file: string;
	readonly line: number;
	readonly column: number;
	readonly message: string;
	readonly fix: string;
}

export interface IndexedAlert {
	readonly alert: Alert;
	readonly surface: Entry<Surface>;
	/** Index in the surface's `alerts`. */
	readonly index: number;
}

export interface ModelIndex {
	readonly surfaces: ReadonlyMap<string, Entry<Surface>>;
	readonly vendorIds: ReadonlySet<string>;
	readonly teams: ReadonlyMap<string, Entry<Team>>;
	readonly severityIds: readonly string[];
	/** First declaration of each alert id. */
	readonly alerts: ReadonlyMap<string, IndexedAlert>;
	readonly runbooks: ReadonlyMap<string, DocumentEntry<Runbook>>;
	/** Runbooks by surface id. */
	readonly runbooksBySurface: ReadonlyMap<string, readonly DocumentEntry<Runbook>[]>;
	/**
	 * Whether an entry is missing because its file failed to load (named after its id, as
	 * content files are). A reference to it is not reported again: the load problem already
	 * fails the gate, and fixing it fixes the reference.
	 */
	failed(collection: CollectionName, id: string): boolean;
	/** Whether any file of a collection failed to load (coverage of it cannot be judged). */
	anyFailed(collection: CollectionName): boolean;
	/** Reference checks: the id exists, or its file failed to load (already reported). */
	knownSurface(id: string): boolean;
	knownTeam(id: string): boolean;
	knownVendor(id: string): boolean;
	knownSeverity(id: string): boolean;
	knownRunbook(id: string): boolean;
	knownAlert(id: string): boolean;
}

export interface RuleContext {
	readonly model: ContentModel;
	readonly policy: Policy;
	readonly today: string;
	readonly options: CheckOptions;
	readonly index: ModelIndex;
	/** Report at a field of an entry (`alerts[0].link`), falling back to its nearest ancestor. */
	at(rule: string, entry: Pick<Entry<unknown>, 'file' | 'positions'>, path: string, message: string, fix: string): void;
	/** Report at an explicit position. */
	report(rule: string, file: string, pos: SourcePosition, message: string, fix: string): void;
	readonly findings: RawFinding[];
}

function firstById<T extends { data: { id: string } }>(entries: readonly T[]): Map<string, T> {
	const map = new Map<string, T>();
	for (const e of entries) if (!map.has(e.data.id)) map.set(e.data.id, e);
	return map;
}

export function buildIndex(model: ContentModel): ModelIndex {
	const alerts = new Map<string, IndexedAlert>();
	for (const surface of model.surfaces) {
		surface.data.alerts.forEach((alert, index) => {
			if (!alerts.has(alert.id)) alerts.set(alert.id, { alert, surface, index });
		});
	}
	const runbooks = new Map<string, DocumentEntry<Runbook>>();
	const runbooksBySurface = new Map<string, DocumentEntry<Runbook>[]>();
	for (const r of model.runbooks) {
		if (!runbooks.has(r.id)) runbooks.set(r.id, r);
		const list = runbooksBySurface.get(r.data.surface);
		if (list) list.push(r);
		else runbooksBySurface.set(r.data.surface, [r]);
	}
	const failed = new Set<string>();
	const anyFailed = new Set<string>();
	for (const p of model.problems) {
		for (const [name, spec] of Object.entries(COLLECTIONS)) {
			const base = `content/${spec.path}`;
			if (p.file === base) {
				anyFailed.add(name);
				failed.add(`${name}:*`);
			} else if (p.file.startsWith(`${base}/`)) {
				anyFailed.add(name);
				failed.add(`${name}:${p.file.slice(base.length + 1).replace(/\.(ya?ml|mdx?)$/i, '')}`);
			}
		}
	}
	const isFailed = (collection: CollectionName, id: string) =>
		failed.has(`${collection}:${id}`) || failed.has(`${collection}:*`);
	const surfaces = firstById(model.surfaces);
	const vendorIds = new Set(model.vendors.map((v) => v.data.id));
	const teams = firstById(model.teams);
	const severityIds = [...new Set(model.severities.map((s) => s.data.id))];
	return {
		failed: isFailed,
		anyFailed: (collection) => anyFailed.has(collection),
		knownSurface: (id) => surfaces.has(id) || isFailed('surfaces', id),
		knownTeam: (id) => teams.has(id) || isFailed('teams', id),
		knownVendor: (id) => vendorIds.has(id) || isFailed('vendors', id),
		knownSeverity: (id) => severityIds.includes(id) || isFailed('severities', id),
		knownRunbook: (id) => runbooks.has(id) || isFailed('runbooks', id),
		// Alert ids live inside surface files: when one failed to load, any alert may be in it.
		knownAlert: (id) => alerts.has(id) || anyFailed.has('surfaces'),
		surfaces,
		vendorIds,
		teams,
		severityIds,
		alerts,
		runbooks,
		runbooksBySurface,
	};
}

export function createContext(model: ContentModel, options: CheckOptions): RuleContext {
	const findings: RawFinding[] = [];
	const report = (rule: string, file: string, pos: SourcePosition, message: string, fix: string) => {
		findings.push({ rule, file, line: pos.line, column: pos.column, message, fix });
	};
	return {
		model,
		policy: model.config.policy,
		today: options.today,
		options,
		index: buildIndex(model),
		findings,
		report,
		at: (rule, entry, path, message, fix) => report(rule, entry.file, locate(entry, path), message, fix),
	};
}

/** Whether a roster reference (`team` or `team/role`) names a team, or a role of that team. */
export function rosterProblem(index: ModelIndex, ref: string): string | undefined {
	const slash = ref.indexOf('/');
	const teamId = slash < 0 ? ref : ref.slice(0, slash);
	const team = index.teams.get(teamId);
	if (!team) return index.failed('teams', teamId) ? undefined : `team "${teamId}" is not in the roster`;
	if (slash < 0) return undefined;
	const roleId = ref.slice(slash + 1);
	if (!team.data.roles.some((r) => r.id === roleId)) {
		const roles = team.data.roles.map((r) => r.id);
		return `team "${teamId}" has no role "${roleId}"${roles.length > 0 ? ` (its roles: ${roles.join(', ')})` : ' (it declares no roles)'}`;
	}
	return undefined;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `a, b and 3 more` for messages. */
export function listSome(items: readonly string[], max = 3): string {
	if (items.length <= max) return items.join(', ');
	return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
