/**
 * Text Launchbook prints can never be taken for a GitHub Actions workflow command. The runner
 * reads a step's output line by line (a line ends at LF, CR or CRLF) and runs any line that,
 * after leading whitespace, starts with `::` (`::error …`, `::add-mask::`, `::stop-commands::`)
 * or with the older `##[` form. File names, key names, alert names and remote error text end up
 * in what the CLIs print, so: every field is kept on one line ({@link oneLine}), and every line
 * that would read as a command is quoted with `> ` ({@link neutraliseCommands}). Annotations
 * Launchbook means to emit are built apart (reporters/github.ts) with GitHub's own escaping.
 */

/** CR and LF inside a field, shown as `\r` and `\n`, so a field never starts a line of its own. */
export function oneLine(value: string): string {
	return value.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

/** Leading whitespace as .NET's TrimStart sees it (the runner is .NET) or colour codes, then a command prefix. */
const COMMAND_LINE = /^(?:[\s\u0085\u180e]|\u001b\[[0-9;]*m)*(?:::|##\[)/u;

/** Does this line (no line breaks in it) read as a workflow command? */
export function isCommandLine(line: string): boolean {
	return COMMAND_LINE.test(line);
}

/** `text` with every line that would read as a workflow command prefixed with `> `; lone CRs become line ends. */
export function neutraliseCommands(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((line) => (isCommandLine(line) ? `> ${line}` : line))
		.join('\n');
}
