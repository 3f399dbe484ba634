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

/** Describe one zod issue against the input that was validated. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): DescribedIssue[] {
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
				message: `is not a known field; remove it or check its spelling`,
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
