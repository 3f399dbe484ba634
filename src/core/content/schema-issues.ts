/**
 * Turns zod issues into sentences an author can act on: the dotted field path, what was
 * expected, and what was found.
 */
import type { z } from 'zod';

export interface DescribedIssue {
	readonly path: readonly PropertyKey[];
	/** `owner.primary` or `alerts[2].link`; empty for the whole entry. */
	readonly field: string;
	readonly message: string;
}

export function fieldPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out === '' ? String(key) : `.${String(key)}`;
	}
	return out;
}

export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') {
		const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
		return JSON.stringify(shown);
	}
	if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
	if (Array.isArray(value)) return `a list of ${value.length}`;
	if (value instanceof Date) return `date ${value.toISOString().slice(0, 10)}`;
	if (typeof value === 'object') return 'a mapping';
	return typeof value;
}

function getAt(root: unknown, path: readonly PropertyKey[]): unknown {
	let node: unknown = root;
	for (const key of path) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Record<PropertyKey, unknown>)[key];
	}
	return node;
}

const TYPE_NAMES: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	object: 'a mapping',
	date: 'a date',
};

function expectedName(expected: string): string {
	return TYPE_NAMES[expected] ?? expected;
}

interface Def {
	readonly type: string;
	readonly shape?: Record<string, unknown>;
	readonly innerType?: unknown;
	readonly in?: unknown;
	readonly element?: unknown;
	readonly valueType?: unknown;
	readonly options?: readonly unknown[];
	readonly getter?: () => unknown;
}
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** The object schemas a value at `path` of `schema` is validated by (several for a union). */
function objectsAt(schema: unknown, path: readonly PropertyKey[]): Def[] {
	let current: unknown[] = [schema];
	for (let depth = 0; ; depth++) {
		// Unwrap defaults, optionals and pipes; spread unions (bounded: schemas are finite, this is no loop).
		const flat: Def[] = [];
		const todo = [...current];
		for (let guard = 0; todo.length > 0 && guard < 1000; guard++) {
			const def = defOf(todo.pop());
			if (!def) continue;
			if (def.innerType !== undefined) todo.push(def.innerType);
			else if (def.type === 'pipe') todo.push(def.in);
			else if (def.type === 'lazy' && def.getter) todo.push(def.getter());
			else if (def.type === 'union' && def.options) todo.push(...def.options);
			else flat.push(def);
		}
		if (depth === path.length) return flat.filter((d) => d.type === 'object' && d.shape);
		const key = path[depth]!;
		current = [];
		for (const d of flat) {
			if (d.type === 'object' && d.shape && typeof key === 'string' && Object.hasOwn(d.shape, key))
				current.push(d.shape[key]);
			else if (d.type === 'array' && typeof key === 'number') current.push(d.element);
			else if (d.type === 'record') current.push(d.valueType);
		}
	}
}

/** The field names a mapping at `path` may have, from the schema that validated it. */
export function knownFields(schema: unknown, path: readonly PropertyKey[]): string[] {
	return [...new Set(objectsAt(schema, path).flatMap((d) => Object.keys(d.shape!)))];
}

/** Edit distance with adjacent transpositions (`titel` → `title` is one edit). */
export function editDistance(a: string, b: string): number {
	if (Math.abs(a.length - b.length) > 3 || a.length > 64 || b.length > 64) return Number.POSITIVE_INFINITY;
	const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
	for (let j = 1; j <= b.length; j++) d[0]![j] = j;
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
			d[i]![j] = v;
		}
	}
	return d[a.length]![b.length]!;
}

/** The known name closest to `name`, when it is close enough to be a typo. */
export function closest(name: string, known: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const k of known) {
		const dist = k.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name.toLowerCase(), k.toLowerCase());
		if (dist < bestDistance) {
			best = k;
			bestDistance = dist;
		}
	}
	const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
	return bestDistance <= limit ? best : undefined;
}

/** The end of an unknown-field message: a suggestion, or the fields that are allowed. */
export function unknownFieldHint(key: string, known: readonly string[]): string {
	// Known in another branch of a union (a derived checklist item has no status): no list helps.
	if (known.includes(key)) return 'is not a known field here; remove it or check its spelling';
	const suggestion = closest(key, known);
	if (suggestion) return `is not a known field; did you mean "${suggestion}"?`;
	if (known.length > 0 && known.length <= 12) return `is not a known field; the fields here are ${known.join(', ')}`;
	return 'is not a known field; remove it or check its spelling';
}

/** Describe one zod issue against the input that was validated (and the schema, for "did you mean"). */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown, schema?: unknown): DescribedIssue[] {
	const found = getAt(input, issue.path);
	const field = fieldPath(issue.path);
	const at = (message: string): DescribedIssue => ({ path: issue.path, field, message });
	switch (issue.code) {
		case 'invalid_type':
			if (found === undefined) {
				return [at(`is required but missing; expected ${customOr(issue.message, expectedName(issue.expected))}`)];
			}
			return [at(`expected ${customOr(issue.message, expectedName(issue.expected))}, found ${describeValue(found)}`)];
		case 'invalid_value':
			return [
				at(`expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeValue(found)}`),
			];
		case 'unrecognized_keys':
			return issue.keys.map((key) => ({
				path: [...issue.path, key],
				field: fieldPath([...issue.path, key]),
				message: unknownFieldHint(key, schema === undefined ? [] : knownFields(schema, issue.path)),
			}));
		case 'too_small': {
			if (issue.origin === 'array')
				return [at(`expected at least ${String(issue.minimum)} item(s), found ${describeValue(found)}`)];
			if (issue.origin === 'string')
				return [at(`expected text of at least ${String(issue.minimum)} character(s), found ${describeValue(found)}`)];
			return [
				at(`expected a number ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}, found ${describeValue(found)}`),
			];
		}
		case 'too_big': {
			if (issue.origin === 'array')
				return [at(`expected at most ${String(issue.maximum)} item(s), found ${describeValue(found)}`)];
			if (issue.origin === 'string')
				return [at(`expected text of at most ${String(issue.maximum)} character(s), found ${describeValue(found)}`)];
			return [
				at(`expected a number ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}, found ${describeValue(found)}`),
			];
		}
		case 'custom':
			// Refinements phrased as an expectation ("expected an absolute https:// URL") get the
			// value that failed, like every other issue; free-form ones (comms placeholders) stand alone.
			return [
				at(issue.message.startsWith('expected ') ? `${issue.message}, found ${describeValue(found)}` : issue.message),
			];
		default:
			return [at(`${issue.message}, found ${describeValue(found)}`)];
	}
}

function customOr(message: string, fallback: string): string {
	return message.startsWith('expected ')
		? message.slice('expected '.length)
		: message.startsWith('Invalid input')
			? fallback
			: message;
}
