/**
 * The PromQL parser and an RE2 compiler for the gate's alert-query rule, loaded on first use
 * only: the gate starts without them, and content with no PromQL never loads them.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PromqlTools } from '../core/alerts/promql-check.ts';

let tools: PromqlTools | undefined;

/**
 * Require a package from this module, or, when this module runs from a bundle kept outside
 * the repository (scripts/lib/fast-start.mjs), from the running script or the working folder.
 */
function load(name: string): unknown {
	const bases = [import.meta.url, process.argv[1], join(process.cwd(), 'package.json')];
	let last: unknown;
	for (const base of bases) {
		if (!base) continue;
		try {
			return createRequire(base)(name);
		} catch (error) {
			last = error;
		}
	}
	throw last;
}

export function promqlTools(): PromqlTools {
	if (!tools) {
		const { parser } = load('@prometheus-io/lezer-promql') as typeof import('@prometheus-io/lezer-promql');
		const { RE2JS } = load('re2js') as typeof import('re2js');
		tools = {
			parser,
			regexProblem: (pattern) => {
				try {
					RE2JS.compile(pattern);
					return undefined;
				} catch (error) {
					return (error as Error).message;
				}
			},
		};
	}
	return tools;
}
