/**
 * At least 30 malformed inputs through the real CLI: each gives a clear finding with file and
 * line, exits 1, and never prints a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { MALFORMED } from './malformed-corpus.ts';
import { copyTree, GOOD, runCli, TODAY } from './support.ts';

describe('malformed inputs', () => {
	it('the corpus has at least 30 cases', () => {
		expect(MALFORMED.length).toBeGreaterThanOrEqual(30);
	});

	for (const c of MALFORMED) {
		it(c.name, () => {
			const tree = copyTree(GOOD, c.files);
			try {
				const r = runCli(['--root', tree.root, '--today', TODAY]);
				expect(
					r.stderr.split('\n').some((l) => l.startsWith(c.expect)),
					`expected a line starting with:\n${c.expect}\ngot:\n${r.stderr}`,
				).toBe(true);
				expect(r.status).toBe(1);
				expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|internal error|TypeError|RangeError/);
				expect(r.stdout).toBe('');
				// One clear finding, not a cascade of follow-on ones.
				if (c.only)
					expect(r.stderr.split('\n').filter((l) => /^\S+:\d+:\d+ {2}(error|warning) {2}/.test(l))).toHaveLength(1);
			} finally {
				tree.cleanup();
			}
		});
	}
});
