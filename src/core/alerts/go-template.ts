/**
 * What Prometheus's Go template parser refuses in an alert annotation (`summary`,
 * `description`): unclosed actions, unbalanced `if`/`range`/`with`/`end`, unterminated strings,
 * unclosed parentheses, functions Prometheus does not define, variables never declared, and
 * empty actions. Messages are Go's own (`unclosed action`, `function "x" not defined`), so a
 * finding reads like `promtool check rules`. One linear pass over the text; pure.
 */

/** Go's built-in template functions and those Prometheus adds for alert templates. */
const FUNCTIONS = new Set([
	// text/template
	'and',
	'call',
	'html',
	'index',
	'slice',
	'js',
	'len',
	'not',
	'or',
	'print',
	'printf',
	'println',
	'urlquery',
	'eq',
	'ge',
	'gt',
	'le',
	'lt',
	'ne',
	// Prometheus (template/template.go)
	'query',
	'first',
	'label',
	'value',
	'strvalue',
	'args',
	'reReplaceAll',
	'safeHtml',
	'match',
	'title',
	'toUpper',
	'toLower',
	'graphLink',
	'tableLink',
	'sortByLabel',
	'humanize',
	'humanize1024',
	'humanizeDuration',
	'humanizePercentage',
	'humanizeTimestamp',
	'toTime',
	'toDuration',
	'pathPrefix',
	'externalURL',
	'parseDuration',
	'stripPort',
	'stripDomain',
	'urlUnescape',
	'now',
]);

const KEYWORDS_OPEN = new Set(['if', 'range', 'with', 'define', 'block']);
const KEYWORDS_OTHER = new Set(['else', 'end', 'template', 'break', 'continue', 'nil', 'true', 'false']);
/** Variables Prometheus defines for alert templates. */
const PREDEFINED = ['$', '$labels', '$externalLabels', '$externalURL', '$value'];

export interface TemplateProblem {
	/** Offset in the text where the problem is. */
	readonly offset: number;
	/** Go's wording, as promtool prints it after `template: <name>:<line>:`. */
	readonly message: string;
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isWordChar = (c: string) => /[A-Za-z0-9_]/.test(c);

/** The first problem Go's template parser would report, or `undefined` when the text parses. */
export function checkGoTemplate(text: string): TemplateProblem | undefined {
	const blocks: string[] = [];
	const declared = new Set(PREDEFINED);
	let i = 0;
	for (;;) {
		const open = text.indexOf('{{', i);
		if (open < 0) break;
		let j = open + 2;
		if (text[j] === '-' && isSpace(text[j + 1] ?? '')) j++;
		// A comment runs to "*/}}" (with optional trim markers) and holds anything.
		let k = j;
		while (k < text.length && isSpace(text[k]!)) k++;
		if (text.startsWith('/*', k)) {
			const end = text.indexOf('*/', k + 2);
			if (end < 0) return { offset: open, message: 'unclosed comment' };
			let after = end + 2;
			while (after < text.length && isSpace(text[after]!)) after++;
			if (text[after] === '-') after++;
			if (!text.startsWith('}}', after)) return { offset: open, message: 'comment ends before closing delimiter' };
			i = after + 2;
			continue;
		}
		const words: { text: string; at: number }[] = [];
		let parens = 0;
		let closed = -1;
		while (j < text.length) {
			const c = text[j]!;
			if (c === '-' && text.startsWith('}}', j + 1) && isSpace(text[j - 1] ?? '')) {
				closed = j + 3;
				break;
			}
			if (c === '}' && text[j + 1] === '}') {
				closed = j + 2;
				break;
			}
			if (isSpace(c)) {
				j++;
				continue;
			}
			if (c === '"' || c === '`') {
				const quote = c;
				let q = j + 1;
				while (q < text.length && text[q] !== quote) {
					if (quote === '"' && text[q] === '\\') q++;
					if (quote === '"' && text[q] === '\n') break;
					q++;
				}
				if (q >= text.length || text[q] !== quote)
					return {
						offset: j,
						message: quote === '"' ? 'unterminated quoted string' : 'unterminated raw quoted string',
					};
				words.push({ text: quote, at: j });
				j = q + 1;
				continue;
			}
			if (c === '(') {
				parens++;
				words.push({ text: '(', at: j });
				j++;
				continue;
			}
			if (c === ')') {
				if (parens === 0) return { offset: j, message: 'unexpected right paren' };
				parens--;
				words.push({ text: ')', at: j });
				j++;
				continue;
			}
			if (c === '|') {
				words.push({ text: '|', at: j });
				j++;
				continue;
			}
			if (c === ':' && text[j + 1] === '=') {
				words.push({ text: ':=', at: j });
				j += 2;
				continue;
			}
			if (c === '=') {
				words.push({ text: '=', at: j });
				j++;
				continue;
			}
			if (c === ',') {
				words.push({ text: ',', at: j });
				j++;
				continue;
			}
			let w = j + 1;
			while (w < text.length && (isWordChar(text[w]!) || text[w] === '.' || text[w] === '$')) w++;
			if (w === j + 1 && !isWordChar(c) && c !== '.' && c !== '$' && c !== '-' && c !== '+') {
				return { offset: j, message: `unexpected "${c}" in command` };
			}
			if (c === '-' || c === '+') while (w < text.length && /[0-9.eE]/.test(text[w]!)) w++;
			words.push({ text: text.slice(j, w), at: j });
			j = w;
		}
		if (closed < 0) return { offset: open, message: 'unclosed action' };
		if (parens > 0) return { offset: open, message: 'unclosed left paren' };
		const problem = checkAction(words, blocks, declared, open);
		if (problem) return problem;
		i = closed;
	}
	if (blocks.length > 0) return { offset: text.length, message: 'unexpected EOF' };
	return undefined;
}

function checkAction(
	words: readonly { text: string; at: number }[],
	blocks: string[],
	declared: Set<string>,
	open: number,
): TemplateProblem | undefined {
	const first = words[0];
	if (!first) return { offset: open, message: 'missing value for command' };
	if (first.text === 'end') {
		if (blocks.length === 0) return { offset: first.at, message: 'unexpected {{end}}' };
		blocks.pop();
		return words.length > 1 ? { offset: words[1]!.at, message: 'unexpected value in end' } : undefined;
	}
	if (first.text === 'else') {
		const top = blocks.at(-1);
		if (top !== 'if' && top !== 'range' && top !== 'with') return { offset: first.at, message: 'unexpected {{else}}' };
	}
	if (KEYWORDS_OPEN.has(first.text)) {
		blocks.push(first.text);
		if (words.length === 1) return { offset: first.at, message: `missing value for ${first.text}` };
	}
	for (let n = 0; n < words.length; n++) {
		const w = words[n]!;
		if (n === 0 && (KEYWORDS_OPEN.has(w.text) || KEYWORDS_OTHER.has(w.text))) continue;
		if (w.text.startsWith('$')) {
			const name = w.text.split('.')[0]!;
			if (words[n + 1]?.text === ':=' || words[n + 1]?.text === '=' || words[n + 1]?.text === ',') {
				declared.add(name);
				continue;
			}
			if (!declared.has(name)) return { offset: w.at, message: `undefined variable "${name}"` };
			continue;
		}
		if (/^[A-Za-z_]/.test(w.text)) {
			if (KEYWORDS_OTHER.has(w.text)) {
				if (w.text === 'nil' || w.text === 'true' || w.text === 'false') continue;
				return { offset: w.at, message: `unexpected <${w.text}> in command` };
			}
			if (!FUNCTIONS.has(w.text)) return { offset: w.at, message: `function "${w.text}" not defined` };
		}
	}
	return undefined;
}
