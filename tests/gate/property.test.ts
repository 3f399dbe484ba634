/**
 * Property: loading and the rules never throw, whatever the YAML or frontmatter, and every
 * finding they give has a file, a line and a column.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadContent } from '../../src/adapters/content-loader.ts';
import type { Finding } from '../../src/core/content/finding.ts';
import { checkCoverage } from '../../src/core/rules/index.ts';
import { copyTree, GOOD, TODAY } from './support.ts';

const tree = copyTree(GOOD);
afterAll(() => tree.cleanup());

function wellFormed(findings: readonly Finding[]): void {
	for (const f of findings) {
		expect(typeof f.file === 'string' && f.file.length > 0).toBe(true);
		expect(Number.isInteger(f.line) && f.line >= 1).toBe(true);
		expect(Number.isInteger(f.column) && f.column >= 1).toBe(true);
		expect(f.level === 'error' || f.level === 'warning').toBe(true);
		expect(f.message.length).toBeGreaterThan(0);
		expect(f.fix.length).toBeGreaterThan(0);
	}
}

function gate(files: Record<string, string>, changedPaths?: string[]): Finding[] {
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(join(tree.root, path, '..'), { recursive: true });
		writeFileSync(join(tree.root, path), text);
	}
	const model = loadContent(tree.root);
	return checkCoverage(model, {
		today: TODAY,
		codeowners: { file: '.github/CODEOWNERS', text: '' },
		...(changedPaths ? { changedPaths } : {}),
	});
}

/** Text that looks like YAML often enough to reach deep into the parser. */
const yamlish = fc
	.array(
		fc.oneof(
			fc.constantFrom(
				'id: ',
				'alerts:\n',
				'  - ',
				': ',
				'- ',
				'"',
				"'",
				'{',
				'}',
				'[',
				']',
				'&a ',
				'*a',
				'!!binary ',
				'---\n',
				'\n',
				'\t',
				'#',
				'|\n  ',
				'>-\n',
				'\u0000',
				'\uFEFF',
				'\r\n',
				'payments',
				'sev1',
				'https://x.example.com',
				'javascript:x',
			),
			fc.string({ maxLength: 8 }),
		),
		{ maxLength: 40 },
	)
	.map((parts) => parts.join(''));

const id = fc.constantFrom(
	'payments',
	'ledger',
	'gcp',
	'nope',
	'payments-team',
	'incident-command',
	'sev1',
	'sev2',
	'Bad_Id',
	'',
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
	v: fc.oneof(
		{ depthSize: 'small' },
		fc.string({ maxLength: 12 }),
		id,
		fc.integer(),
		fc.double(),
		fc.boolean(),
		fc.constant(null),
		fc.date({ noInvalidDate: true }),
		fc.array(tie('v'), { maxLength: 4 }),
		fc.dictionary(fc.constantFrom('id', 'link', 'runbook', 'severity', 'primary', 'x'), tie('v'), { maxKeys: 4 }),
	),
})).v;

/** Surfaces that parse, with fields drawn from valid and invalid values, to reach the rules. */
const surface = fc.record(
	{
		id,
		name: fc.string({ minLength: 1, maxLength: 10 }),
		description: fc.constant('A surface.'),
		tier: fc.constantFrom(1, 2, 3, 4, '1'),
		owner: fc.record({ primary: id, secondary: id }, { requiredKeys: ['primary'] }),
		onCall: fc.constantFrom('https://pager.example.com/x', 'http://pager.example.com/x', 'javascript:alert(1)', ''),
		dependsOn: fc.array(id, { maxLength: 4 }),
		codePaths: fc.array(fc.constantFrom('services/**', '!x/**', 'a/{b,c}/**', '/abs/**', 'libs/*.ts', '', '../up'), {
			maxLength: 3,
		}),
		alerts: fc.array(
			fc.record({
				id: fc.constantFrom('a-one', 'a-two', 'payments-errors', 'ledger-lag'),
				name: fc.constantFrom('AlertOne', 'Bad name'),
				severity: id,
				link: fc.constantFrom('https://console.example.com/a', 'http://x', 'javascript:x'),
				runbook: fc.constantFrom(
					'payments/errors#mitigation',
					'payments/errors',
					'ledger/lag#nope',
					'missing/runbook#x',
					'payments/errors#rollback',
				),
				summary: fc.constant('Something is wrong.'),
			}),
			{ maxLength: 3 },
		),
	},
	{ requiredKeys: ['id', 'name', 'description', 'tier', 'owner', 'onCall'] },
);

describe('loading and the rules never throw', () => {
	it('on arbitrary YAML text in a surface file and a runbook frontmatter', () => {
		fc.assert(
			fc.property(yamlish, yamlish, fc.string({ maxLength: 60 }), (surfaceText, frontmatter, body) => {
				wellFormed(
					gate({
						'content/surfaces/fuzz.yaml': surfaceText,
						'content/runbooks/ledger/fuzz.mdx': `---\n${frontmatter}\n---\n${body}`,
					}),
				);
			}),
			{ numRuns: 100 },
		);
	});

	it('on arbitrary values rendered as YAML', () => {
		fc.assert(
			fc.property(value, value, (a, b) => {
				wellFormed(
					gate({
						'content/surfaces/fuzz.yaml': stringify(a),
						'content/risks/fuzz.yaml': stringify(b),
						'content/runbooks/ledger/fuzz.mdx': `---\n${stringify(b)}---\n\n## Rollback\n`,
					}),
				);
			}),
			{ numRuns: 100 },
		);
	});

	it('on surfaces that parse, with any mix of good and bad references, in full and pull-request mode', () => {
		fc.assert(
			fc.property(
				fc.array(surface, { minLength: 1, maxLength: 4 }),
				fc.array(fc.constantFrom('services/a.ts', 'libs/x.ts', 'content/x.md', 'weird,path:%.go', ''), {
					maxLength: 4,
				}),
				(surfaces, changed) => {
					const files: Record<string, string> = {};
					surfaces.forEach((s, i) => {
						files[`content/surfaces/fuzz-${i}.yaml`] = stringify(s);
					});
					for (let i = surfaces.length; i < 4; i++)
						files[`content/surfaces/fuzz-${i}.yaml`] = `id: filler-surface-${i}\n`;
					wellFormed(gate(files, changed));
				},
			),
			{ numRuns: 100 },
		);
	});
});
