/**
 * An http check's `bodyMatch`: a substring, or `/regex/flags` run by RE2 (`re2js`), whose
 * matching time is linear in the body's length whatever the pattern. JavaScript's own
 * engine backtracks: `/(a+)+$/` on a long run of "a" would block the status run for ever.
 * RE2 has no backreferences and no lookahead; such a pattern is refused when content loads.
 */
import { RE2JS } from 're2js';

export interface BodyMatcher {
	readonly test: (body: string) => boolean;
	/** How the reason names the pattern. */
	readonly shown: string;
}

const REGEX_LITERAL = /^\/(.*)\/([dgimsuvy]*)$/s;

function compileRegex(source: string, flags: string): RE2JS {
	let mask = 0;
	if (flags.includes('i')) mask |= RE2JS.CASE_INSENSITIVE;
	if (flags.includes('m')) mask |= RE2JS.MULTILINE;
	if (flags.includes('s')) mask |= RE2JS.DOTALL;
	// d, g, y change what a match reports or where a search starts, not whether the body matches; u and v are RE2's default.
	return RE2JS.compile(RE2JS.translateRegExp(source), mask);
}

/** Why a `bodyMatch` cannot be used, or undefined when it can. */
export function bodyMatchProblem(bodyMatch: string): string | undefined {
	const m = REGEX_LITERAL.exec(bodyMatch);
	if (!m) return undefined;
	try {
		compileRegex(m[1]!, m[2]!);
		return undefined;
	} catch (error) {
		return (error as Error).message;
	}
}

/** The matcher for a `bodyMatch` that {@link bodyMatchProblem} accepted. */
export function bodyMatcher(bodyMatch: string): BodyMatcher {
	const m = REGEX_LITERAL.exec(bodyMatch);
	if (m) {
		const re = compileRegex(m[1]!, m[2]!);
		return { test: (body) => re.test(body), shown: bodyMatch };
	}
	return { test: (body) => body.includes(bodyMatch), shown: JSON.stringify(bodyMatch) };
}
