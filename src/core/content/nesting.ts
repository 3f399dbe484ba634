/**
 * How deep a text nests, measured in one linear pass before any recursive parser sees it.
 * YAML and Markdown parsers recurse per level: content nested thousands of levels deep
 * exhausts the stack (or, in Markdown, takes time that grows with the cube of the depth).
 * Real content nests a handful of levels; past the limits here it is refused with a finding.
 * Pure.
 */

/** Deepest YAML nesting accepted (mappings, lists, flow brackets). Shipped content uses under 10. */
export const MAX_YAML_DEPTH = 64;
/** Deepest Markdown nesting accepted (block quotes inside lists inside quotes…, and inline tags). */
export const MAX_MARKDOWN_DEPTH = 32;
/** Longest run of one emphasis delimiter (`*`, `_`, `~`) accepted. */
export const MAX_DELIMITER_RUN = 64;
/**
 * Most emphasis delimiter runs and most `[` in one paragraph: the Markdown parser pairs them
 * in time that grows with the square of their number (25,000 `*a` in one paragraph take 47 s; 100 take a millisecond or two).
 */
export const MAX_INLINE_MARKERS = 100;

/** HTML elements that never close: they open no level. */
const VOID = /^(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b/i;

export interface TooDeep {
	/** 1-based line in the text. */
	readonly line: number;
	readonly column: number;
	readonly message: string;
}

/**
 * Where YAML nests deeper than {@link MAX_YAML_DEPTH}, or `undefined`. Counts block levels by
 * indentation (each `- ` of a compact list adds one) and flow levels by `[`/`{`, outside quotes
 * and comments; block scalars (`|`, `>`) are skipped. An over-estimate at worst, never an
 * under-estimate of what the parser will recurse into.
 */
export function yamlTooDeep(text: string, limit = MAX_YAML_DEPTH): TooDeep | undefined {
	const lines = text.split('\n');
	const indents: number[] = [];
	let flow = 0;
	let blockScalarIndent = -1;
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n]!;
		let i = 0;
		while (i < line.length && line[i] === ' ') i++;
		if (i === line.length || line[i] === '#') continue;
		if (blockScalarIndent >= 0) {
			if (i > blockScalarIndent) continue;
			blockScalarIndent = -1;
		}
		if (flow === 0) {
			while (indents.length > 0 && indents.at(-1)! >= i) indents.pop();
			indents.push(i);
			// `- - - x`: each dash opens a list inside the one before.
			let j = i;
			while (line[j] === '-' && (line[j + 1] === ' ' || j + 1 === line.length)) {
				indents.push(j + 1);
				j += 2;
				while (line[j] === ' ') j++;
			}
		}
		let quote = '';
		for (let c = i; c < line.length; c++) {
			const ch = line[c]!;
			if (quote) {
				if (ch === quote) {
					if (quote === "'" && line[c + 1] === "'") c++;
					else quote = '';
				} else if (ch === '\\' && quote === '"') c++;
				continue;
			}
			if (ch === '#' && (c === 0 || line[c - 1] === ' ')) break;
			if ((ch === '"' || ch === "'") && (c === 0 || /[\s[{,:]/.test(line[c - 1]!))) quote = ch;
			else if (ch === '[' || ch === '{') {
				flow++;
				if (indents.length + flow > limit) return tooDeep(n, c, indents.length + flow, limit, 'YAML');
			} else if (ch === ']' || ch === '}') flow = Math.max(0, flow - 1);
		}
		if (indents.length + flow > limit) return tooDeep(n, i, indents.length + flow, limit, 'YAML');
		if (flow === 0 && /(?:^|[:-]\s)[|>][+-]?\d?\s*(?:#.*)?$/.test(line.slice(i))) blockScalarIndent = i;
	}
	return undefined;
}

function tooDeep(n: number, c: number, depth: number, limit: number, what: string): TooDeep {
	return {
		line: n + 1,
		column: c + 1,
		message: `${what} here is nested ${depth} levels deep; the limit is ${limit}, so the file is not parsed`,
	};
}

/**
 * Where a Markdown/MDX body nests deeper than {@link MAX_MARKDOWN_DEPTH} (block quotes and
 * list items, by their markers and indentation; JSX/HTML tags opened and not yet closed), or
 * has a run of emphasis delimiters longer than {@link MAX_DELIMITER_RUN}. Code fences are skipped.
 */
export function markdownTooDeep(body: string, limit = MAX_MARKDOWN_DEPTH): TooDeep | undefined {
	const lines = body.split('\n');
	let fence = '';
	const items: number[] = [];
	let tags = 0;
	let runs = 0;
	let brackets = 0;
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n]!;
		const trimmed = line.trimStart();
		if (fence) {
			if (trimmed.startsWith(fence)) fence = '';
			continue;
		}
		if (trimmed === '') {
			runs = 0;
			brackets = 0;
		}
		const f = /^(`{3,}|~{3,})/.exec(trimmed);
		if (f) {
			fence = f[1]!;
			continue;
		}
		// Block structure: quote markers and list markers, each a level, after the items still open by indentation.
		let i = 0;
		let depth = 0;
		const indent = line.length - trimmed.length;
		if (trimmed !== '') while (items.length > 0 && items.at(-1)! > indent) items.pop();
		for (;;) {
			while (line[i] === ' ' || line[i] === '\t') i++;
			if (line[i] === '>') {
				depth++;
				i++;
				continue;
			}
			const m = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/.exec(line.slice(i, i + 11));
			if (m) {
				items.push(i + m[0].length);
				i += m[0].length;
				continue;
			}
			break;
		}
		const level = depth + items.length;
		if (level > limit)
			return {
				line: n + 1,
				column: i + 1,
				message: `block quotes and lists here are nested ${level} levels deep; the limit is ${limit}, so the body is not parsed`,
			};
		let run = 0;
		let runChar = '';
		let code = false;
		for (let c = i; c < line.length; c++) {
			const ch = line[c]!;
			if (ch === '`') code = !code;
			if (code) continue;
			if (ch === '*' || ch === '_' || ch === '~') {
				run = ch === runChar ? run + 1 : 1;
				if (run === 1 && ++runs > MAX_INLINE_MARKERS)
					return {
						line: n + 1,
						column: c + 1,
						message: `this paragraph has more than ${MAX_INLINE_MARKERS} emphasis markers; the body is not parsed`,
					};
				runChar = ch;
				if (run > MAX_DELIMITER_RUN)
					return {
						line: n + 1,
						column: c + 1,
						message: `a run of more than ${MAX_DELIMITER_RUN} "${ch}" characters; the body is not parsed`,
					};
				continue;
			}
			runChar = '';
			run = 0;
			if (ch === '[' && ++brackets > MAX_INLINE_MARKERS)
				return {
					line: n + 1,
					column: c + 1,
					message: `this paragraph has more than ${MAX_INLINE_MARKERS} "[" characters; the body is not parsed`,
				};
			if (ch === '<') {
				if (line[c + 1] === '/') tags = Math.max(0, tags - 1);
				else if (/[A-Za-z]/.test(line[c + 1] ?? '') && !VOID.test(line.slice(c + 1, c + 8))) {
					tags++;
					if (tags > limit)
						return {
							line: n + 1,
							column: c + 1,
							message: `tags here are nested ${tags} levels deep; the limit is ${limit}, so the body is not parsed`,
						};
				}
			} else if (ch === '/' && line[c + 1] === '>') tags = Math.max(0, tags - 1);
		}
	}
	return undefined;
}
