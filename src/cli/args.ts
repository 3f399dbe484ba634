/**
 * Command-line parsing for every Launchbook CLI: `node:util`'s `parseArgs`, strict, with its
 * errors turned into the one-line usage messages the CLIs print (`unknown option "--x"`,
 * `--root needs a value`, `unexpected argument "x"`), so each script states only its options.
 */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';

export class UsageError extends Error {}

type Values<O extends ParseArgsOptionsConfig> = {
	[K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string;
};

export interface ParsedArgs<O extends ParseArgsOptionsConfig> {
	readonly values: Values<O>;
	readonly positionals: string[];
}

/**
 * Parse `argv` against `options`. Throws `UsageError` with a sentence (no trailing period) for
 * an unknown option, a missing or empty value, a value given to a flag, or a stray argument
 * when `positionals` is false. A value may be "-" (standard input) but not another `--option`.
 */
export function parseCliArgs<O extends ParseArgsOptionsConfig>(
	argv: readonly string[],
	options: O,
	{ positionals = false }: { positionals?: boolean } = {},
): ParsedArgs<O> {
	let parsed: ReturnType<typeof parseArgs>;
	try {
		parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: positionals, tokens: true });
	} catch (error) {
		throw new UsageError(usageMessage(error as Error & { code?: string }));
	}
	for (const token of parsed.tokens ?? []) {
		if (token.kind === 'option' && options[token.name]?.type === 'string' && token.value === '')
			throw new UsageError(`--${token.name} needs a value`);
	}
	return { values: parsed.values as Values<O>, positionals: parsed.positionals };
}

function usageMessage(error: Error & { code?: string }): string {
	const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
	switch (error.code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
			return `unknown option "${quoted}"`;
		case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
			return `unexpected argument "${quoted}"`;
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
			const flag = quoted.replace(/ <value>$/, '').replace(/^-\w, /, '');
			return /does not take an argument/.test(error.message) ? `${flag} takes no value` : `${flag} needs a value`;
		}
		default:
			return error.message;
	}
}
