/**
 * A baseline for adopting the gate gradually (in the spirit of ESLint's bulk suppressions):
 * the findings a repository has today are written down once, and later runs fail only on
 * findings that are not in it. Entries are keyed by rule, file and a fingerprint of the
 * message, never by line, so editing a file above a finding does not bring it back; numbers
 * in the message (days late, counts) are left out of the fingerprint, so a finding that only
 * ages stays the same finding. Each key holds a count: two alike findings in one file are two.
 * Pure: findings and the parsed file in, the split out.
 */
import { compareFindings, type Finding } from '../content/finding.ts';

export const BASELINE_FILE = 'launchbook-baseline.json';

export interface BaselineEntry {
	readonly rule: string;
	readonly file: string;
	readonly fingerprint: string;
	/** How many findings of this key the baseline holds. */
	readonly count: number;
	/** The message when it was written, for the people who read the file. */
	readonly message: string;
}

export interface Baseline {
	readonly version: 1;
	readonly entries: readonly BaselineEntry[];
}

/** The message with every number replaced, so a finding that only ages keeps its fingerprint. */
function normalise(message: string): string {
	return message
		.replace(/\d+(?:[.,]\d+)*/g, '#')
		.replace(/\s+/g, ' ')
		.trim();
}

/** FNV-1a, 64 bits, as 16 hex digits: stable across runs and machines, no I/O. */
function fnv1a64(text: string): string {
	let hash = 0xcbf29ce484222325n;
	const bytes = new TextEncoder().encode(text);
	for (const b of bytes) {
		hash ^= BigInt(b);
		hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
	}
	return hash.toString(16).padStart(16, '0');
}

export function fingerprint(f: Pick<Finding, 'rule' | 'file' | 'message'>): string {
	return fnv1a64(`${f.rule}\u0000${f.file}\u0000${normalise(f.message)}`);
}

const keyOf = (rule: string, file: string, print: string) => `${rule}\u0000${file}\u0000${print}`;

/**
 * Content problems (`content-*`: files that do not load) are never baselined: the build refuses
 * them whatever a baseline says, and `check` passing must mean the build passes.
 */
export const baselinable = (f: Pick<Finding, 'rule'>): boolean => !f.rule.startsWith('content-');

/** The baseline of these findings (both levels, content problems left out), sorted so the file diffs well. */
export function createBaseline(findings: readonly Finding[]): Baseline {
	const entries = new Map<string, BaselineEntry>();
	for (const f of [...findings].filter(baselinable).sort(compareFindings)) {
		const print = fingerprint(f);
		const key = keyOf(f.rule, f.file, print);
		const seen = entries.get(key);
		entries.set(
			key,
			seen
				? { ...seen, count: seen.count + 1 }
				: { rule: f.rule, file: f.file, fingerprint: print, count: 1, message: f.message },
		);
	}
	const sorted = [...entries.values()].sort(
		(a, b) =>
			a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.fingerprint.localeCompare(b.fingerprint),
	);
	return { version: 1, entries: sorted };
}

export interface BaselineSplit {
	/** Findings the baseline does not hold: reported and judged as usual. */
	readonly fresh: Finding[];
	/** Findings the baseline holds: a count, never errors. */
	readonly baselined: number;
	/** Baseline entries (with how many) that no finding matches any more: fixed, to be removed. */
	readonly fixed: { readonly entry: BaselineEntry; readonly count: number }[];
}

export function applyBaseline(findings: readonly Finding[], baseline: Baseline): BaselineSplit {
	const left = new Map<string, number>();
	const byKey = new Map<string, BaselineEntry>();
	for (const e of baseline.entries) {
		const key = keyOf(e.rule, e.file, e.fingerprint);
		left.set(key, (left.get(key) ?? 0) + e.count);
		byKey.set(key, e);
	}
	const fresh: Finding[] = [];
	let baselined = 0;
	for (const f of findings) {
		const key = keyOf(f.rule, f.file, fingerprint(f));
		const n = baselinable(f) ? (left.get(key) ?? 0) : 0;
		if (n > 0) {
			left.set(key, n - 1);
			baselined++;
		} else fresh.push(f);
	}
	const fixed = [...left]
		.filter(([, n]) => n > 0)
		.map(([key, count]) => ({ entry: byKey.get(key)!, count }))
		.sort((a, b) => a.entry.file.localeCompare(b.entry.file) || a.entry.rule.localeCompare(b.entry.rule));
	return { fresh, baselined, fixed };
}

/** Read a parsed baseline file; a description of what is wrong when it is not one. */
export function parseBaseline(value: unknown): Baseline | string {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not a JSON object';
	const v = value as { version?: unknown; entries?: unknown };
	if (v.version !== 1) return `"version" is ${JSON.stringify(v.version)}, not 1`;
	if (!Array.isArray(v.entries)) return '"entries" is not a list';
	const entries: BaselineEntry[] = [];
	for (const [i, e] of v.entries.entries()) {
		const x = e as Record<string, unknown>;
		if (
			typeof x !== 'object' ||
			x === null ||
			typeof x.rule !== 'string' ||
			typeof x.file !== 'string' ||
			typeof x.fingerprint !== 'string' ||
			typeof x.count !== 'number' ||
			!Number.isInteger(x.count) ||
			x.count < 1
		)
			return `entries[${i}] needs "rule", "file", "fingerprint" (strings) and "count" (a whole number from 1)`;
		entries.push({
			rule: x.rule,
			file: x.file,
			fingerprint: x.fingerprint,
			count: x.count,
			message: typeof x.message === 'string' ? x.message : '',
		});
	}
	return { version: 1, entries };
}
