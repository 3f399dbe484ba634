/**
 * The fast outline path gives exactly the full remark-mdx outline whenever it accepts a body,
 * and leaves every body it is unsure of (and every MDX syntax error) to the full parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outlineMarkdownFull } from '../../src/core/markdown/markdown-outline.ts';
import { plainOutline } from '../../src/core/markdown/plain-outline.ts';
import { REPO } from './support.ts';

function full(body: string): unknown {
	try {
		return JSON.parse(JSON.stringify(outlineMarkdownFull(body, 9)));
	} catch {
		return 'throws';
	}
}

function agree(body: string): boolean {
	const fast = plainOutline(body, 9);
	if (fast === undefined) return true;
	expect(JSON.parse(JSON.stringify(fast)), body).toEqual(full(body));
	return true;
}

function bodies(dir: string): string[] {
	return (readdirSync(join(REPO, dir), { recursive: true }) as string[])
		.filter((f) => /\.mdx?$/.test(f))
		.map((f) =>
			readFileSync(join(REPO, dir, f), 'utf8')
				.replace(/\r\n?/g, '\n')
				.replace(/^---\n[\s\S]*?\n---\n/, ''),
		);
}

describe('plain outline', () => {
	it('agrees with the full parse on every shipped and fixture body, and takes most of them', () => {
		const all = [...bodies('content'), ...bodies('tests/fixtures')];
		let taken = 0;
		for (const body of all) {
			agree(body);
			if (plainOutline(body, 9)) taken++;
		}
		expect(taken).toBeGreaterThan(all.length / 2);
	});

	const cases: [string, string, boolean][] = [
		[
			'headings, code spans and a numbered list',
			'## Roll back `now` ##\n\n1. Run `gcloud run services update-traffic x --to-latest`.\n2. Watch the `5xx` ratio.\n',
			true,
		],
		[
			'a fence inside a list item',
			'## Diagnosis\n\n1. List revisions:\n\n   ```sh\n   gcloud run revisions list\n   ```\n\n2. Compare.\n',
			true,
		],
		['a table', '## Signals\n\n| a | `b` |\n| --- | :-: |\n| > 2 % | `x` |\n', true],
		[
			'a pipe inside a code span in a table goes to the full parser',
			'## Signals\n\n| a | b |\n| --- | --- |\n| 1 | `x|y` |\n',
			false,
		],
		[
			'strong emphasis and links',
			'## A **big** deal\n\nSome **bold\ntext**, a [link](https://example.com/a_b) and **`code`**.\n',
			true,
		],
		['single-asterisk emphasis goes to the full parser', '## A\n\nSome *light* text.\n', false],
		['an image goes to the full parser', '## A\n\n![diagram](https://example.com/d.png)\n', false],
		['JSX goes to the full parser', '## A\n\n<Aside>x</Aside>\n', false],
		['an expression goes to the full parser', '## A\n\n{1 + 1}\n', false],
		['a setext heading goes to the full parser', 'Title\n---\n', false],
		[
			"a lazy continuation of a list item's paragraph",
			'1. one\ncontinued `x`:\n   indented again\nand 2026 ok\n\n```sh\nx\n```\n',
			true,
		],
		[
			'many lazy and continued lines in one item (re-read once per run, not per line)',
			`- a\n${'  b `c`\nlazy text\n'.repeat(1500)}`,
			true,
		],
		['a lazy line after a fence in an item goes to the full parser', '- a\n  ```\n  x\n  ```\nb\n', false],
		['a lazy line after a nested list goes to the full parser', '1. a\n\n   - b\nc\n', false],
		['a lazy line that looks like a marker or block goes to the full parser', '- a\nb\n---\n', false],
		['two spaces after a marker go to the full parser', '1.  one\n', false],
		['a bullet or a 1. list interrupting a paragraph', 'Text\n1. one\n\nMore\n- a\n  - nested\n', true],
		['a list starting at 2 does not interrupt a paragraph: full parser', 'Text\n2. one\n', false],
		['a marker with two spaces after a paragraph starts a list: full parser', '## A\n\nText\n1.  one\n', false],
		[
			'an indented paragraph after a fence that closed the list',
			'- a:\n\n```sh\nx\n```\n\n  Pitfall: `y` **replaces** it,\n  or not.\n- b\n',
			true,
		],
		['an indented heading goes to the full parser', '  ## A\n', false],
		['an indented table goes to the full parser', '  | a | b |\n  | - | - |\n', false],
		['strong ending in punctuation before a space', '- **Revision is bad:** roll back.\n- **Done.**\n', true],
		['strong ending in punctuation before a letter goes to the full parser', 'A **b:**c\n', false],
		['strong ending in punctuation before punctuation goes to the full parser', 'A **b:**.\n', false],
		['an unclosed fence goes to the full parser', '```sh\nx\n', false],
		['a block quote goes to the full parser', '> quoted\n', false],
		['trailing spaces (hard breaks) go to the full parser', 'a  \nb\n', false],
		['a thematic break goes to the full parser', '- - -\n', false],
	];
	for (const [name, body, accepted] of cases) {
		it(name, () => {
			expect(plainOutline(body, 9) !== undefined).toBe(accepted);
			agree(body);
		});
	}

	it('agrees with the full parse on generated Markdown (fast-check)', () => {
		const word = fc.constantFrom(
			'Rollback',
			'roll back',
			'step',
			'TBD',
			'gcloud',
			'5xx',
			'p95 > 800 ms',
			'a|b',
			'#5',
			'2026.',
			'ok.',
			'www.example.com',
			'https://example.com/x.',
			'é',
			'',
			' ',
			'**bold**',
			'**two words**,',
			'**',
			'x**y**',
			'** a**',
			'**a **',
			'(**a**)',
			'**`code`**',
			'[link](https://example.com/a_b)',
			'[link](/runbooks/x/#y)',
			'![img](https://example.com/i.png)',
			'[ref]',
			'[a](b)',
			'***x***',
			'**a\nb**',
			'[`code`](/runbooks/a/)',
			'![`x`](https://e.com/)',
			'[`a` b](/x)',
			'**Note:**',
			'**a.** b',
			'**a:**b',
			'**a)**,',
			'**x,**\n',
		);
		const code = fc.constantFrom('`x`', '` y `', '`a|b`', '`{x}`', '`<b>`', '``');
		const inlineText = fc
			.array(fc.oneof(word, code, fc.constantFrom('*', '_', '<', '{', '\\', '[x]', '&amp;', '~~', '!')), {
				minLength: 1,
				maxLength: 5,
			})
			.map((p) => p.join(' '));
		const line = fc.oneof(
			inlineText,
			inlineText.map((t) => `## ${t}`),
			inlineText.map((t) => `# ${t} #`),
			fc.constantFrom(
				'',
				'',
				'---',
				'===',
				'- - -',
				'```',
				'```sh',
				'~~~',
				'    indented',
				'  two spaces',
				'> quote',
				'| a | b |',
				'| --- | --- |',
				'|---|',
				'import x from "y"',
				'#',
			),
			fc
				.tuple(
					fc.constantFrom(
						'1. ',
						'2. ',
						'1) ',
						'- ',
						'+ ',
						'* ',
						'1.  ',
						'10. ',
						'   ',
						'  - ',
						'   1. ',
						'    ',
						' ',
						'  ',
					),
					inlineText,
				)
				.map(([m, t]) => m + t),
			inlineText.map((t) => `${t}  `),
		);
		let accepted = 0;
		fc.assert(
			fc.property(fc.array(line, { maxLength: 14 }), (lines) => {
				const body = lines.join('\n');
				if (plainOutline(body, 9)) accepted++;
				return agree(body);
			}),
			{ numRuns: 6000 },
		);
		// The generator must reach the fast path often enough to test it.
		expect(accepted).toBeGreaterThan(300);
		// Mostly plain bodies: lists, fences, tables and headings mixed, to push on the fast path's structure rules.
		const plainLine = fc.oneof(
			fc.array(fc.oneof(word, code), { minLength: 1, maxLength: 4 }).map((p) => p.join(' ')),
			fc.constantFrom(
				'',
				'',
				'',
				'## Rollback',
				'### Cloud Run',
				'```sh',
				'```',
				'| a | b |',
				'| --- | --- |',
				'| 1 | 2 |',
				'| `a|b` | `{x}` |',
				'| `x` | y |',
				'   ```',
				'   cmd',
				'---',
			),
			fc
				.tuple(
					fc.constantFrom('1. ', '2. ', '1) ', '- ', '+ ', '   ', '   - ', '   1. ', '  ', '10. ', ' ', '', '', '    '),
					word,
				)
				.map(([m, t]) => m + t),
			// Prose lines (lazy continuations, indented paragraphs, paragraphs a list interrupts).
			fc
				.tuple(
					fc.constantFrom('', '', ' ', '  ', '   ', '- ', '1. '),
					fc.constantFrom(
						'from the vault',
						'2026 x',
						'(see step 2)',
						'`x` then',
						'**Note:** y',
						'ok:',
						'| a |',
						'Pitfall: **b**',
						'é',
					),
				)
				.map(([m, t]) => m + t),
		);
		let plainAccepted = 0;
		fc.assert(
			fc.property(fc.array(plainLine, { maxLength: 16 }), (lines) => {
				const body = lines.join('\n');
				if (plainOutline(body, 9)) plainAccepted++;
				return agree(body);
			}),
			{ numRuns: 6000 },
		);
		expect(plainAccepted).toBeGreaterThan(600);
	});
});
