/**
 * The content-is-data check skips the full MDX parse for bodies it can judge without it: bodies
 * with no `<`, `{`, `}`, `&` or backslash at all, and bodies the plain outliner accepts (where
 * such characters stand only in code). These tests hold the shortcut to the full judgement: on
 * the hostile corpus, the harmless corpus, every shipped body, and generated bodies that mix
 * plain Markdown with payloads in and out of code fences, code spans, list items and tables,
 * `bodySafety` gives exactly what judging the full parse gives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { BODY_COMPONENTS, bodySafety, treeSafety } from '../../src/core/markdown/body-safety.ts';
import { parseMdxTree } from '../../src/core/markdown/mdx-tree.ts';
import { plainOutline } from '../../src/core/markdown/plain-outline.ts';
import { HARMLESS, HOSTILE } from './hostile-corpus.ts';
import { REPO } from './support.ts';

// As body-safety.ts parses Markdown pages: with directives, as Astro's parser reads them.
const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
const OPTIONS = { format: 'mdx' as const, components: Object.keys(BODY_COMPONENTS) };

/** The judgement on the full parse, or "unparsable". */
function full(body: string, format: 'mdx' | 'md' = 'mdx') {
	try {
		return treeSafety(format === 'mdx' ? parseMdxTree(body) : markdown.parse(body), { ...OPTIONS, format });
	} catch {
		return 'unparsable';
	}
}
const fast = (body: string, format: 'mdx' | 'md' = 'mdx') => bodySafety(body, { ...OPTIONS, format }) ?? 'unparsable';

describe('content-is-data fast path', () => {
	it('judges every hostile and harmless corpus body as the full parse does', () => {
		for (const c of [...HOSTILE, ...HARMLESS]) {
			const format = c.path.endsWith('.md') ? 'md' : 'mdx';
			expect(fast(c.body, format), c.name).toEqual(full(c.body, format));
		}
	});

	it('judges every shipped body as the full parse does, and most without it', () => {
		const files = (readdirSync(join(REPO, 'content'), { recursive: true }) as string[]).filter((f) => /\.mdx$/.test(f));
		let plain = 0;
		for (const f of files) {
			const text = readFileSync(join(REPO, 'content', f), 'utf8');
			const body = text.startsWith('---') ? text.slice(text.indexOf('\n---', 3) + 4) : text;
			expect(fast(body), f).toEqual(full(body));
			if (plainOutline(body, 0) !== undefined) plain++;
		}
		expect(files.length).toBeGreaterThan(20);
		expect(plain / files.length).toBeGreaterThan(0.8);
	});

	it('judges generated bodies with payloads in and out of code as the full parse does', () => {
		const payload = fc.constantFrom(
			'<script>alert(1)</script>',
			'<img src=x onerror=alert(1)>',
			'{process.env.GITHUB_TOKEN}',
			'[x](javascript:alert(1))',
			'[x](jav&#x61;script:alert(1))',
			'&lt;b&gt;',
			'<details ontoggle=alert(1)>',
			'export const t = 1',
			'import x from "y"',
			'<PLACEHOLDER>',
			'a \\ b',
			'{label="x"}',
		);
		const word = fc.constantFrom(
			'Roll',
			'back',
			'the',
			'revision',
			'**now**',
			'[docs](https://example.com/a)',
			'`code`',
		);
		const text = fc.array(fc.oneof(word, payload), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
		const block = fc.oneof(
			text,
			text.map((t) => `## ${t}`),
			text.map((t) => `- ${t}`),
			text.map((t) => `1. ${t}`),
			fc.tuple(text, payload).map(([t, p]) => `- ${t}\n  \`\`\`sh\n  ${p}\n  \`\`\``),
			fc.tuple(text, payload).map(([t, p]) => `1. ${t}\n\n   \`\`\`sh\n   ${p}\n   \`\`\`\n\n${t}`),
			payload.map((p) => `\`\`\`sh\n${p}\n\`\`\``),
			payload.map((p) => `\`\`\`\`\n\`\`\`\n${p}\n\`\`\`\`\n`),
			payload.map((p) => `\`\`\`sh\n${p}\n   \`\`\`\n${p}`),
			payload.map((p) => `\`${p}\``),
			fc.tuple(text, payload).map(([t, p]) => `| a | b |\n| --- | --- |\n| ${t} | \`${p}\` |`),
			fc.tuple(text, payload).map(([t, p]) => `${t}\n${p}`),
		);
		fc.assert(
			fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), (blocks) => {
				const body = `${blocks.join('\n\n')}\n`;
				expect(fast(body)).toEqual(full(body));
			}),
			{ numRuns: 400, seed: 20261202 },
		);
	});
});
