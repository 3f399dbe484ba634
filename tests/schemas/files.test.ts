/**
 * Problems with a file itself, before any schema applies: syntax, encoding, emptiness,
 * frontmatter and MDX. Each names the file, line and column, and the fix from the catalog.
 */
import { describe, expect, it } from 'vitest';
import { findingLines, goodText, line, loadWith, mutate } from './support.ts';

const SURFACE = 'content/surfaces/billing-events.yaml';
const VENDOR = 'content/vendors/stripe.yaml';
const RUNBOOK = 'content/runbooks/billing-events/event-backlog.mdx';

const crlfWithBom = (text: string) => `\ufeff${text.replace(/\n/g, '\r\n')}`;

describe('YAML files', () => {
	it('a YAML syntax error points at where the parser stopped', () => {
		expect(findingLines(loadWith(mutate(SURFACE, 'tier: 1', 'tier: [1')))).toEqual([
			line(
				SURFACE,
				5,
				1,
				'content-yaml',
				'Flow sequence in block collection must be sufficiently indented and end with a ].',
			),
		]);
	});

	it('a key written twice is an error at the second one, not a silent override', () => {
		expect(findingLines(loadWith(mutate(SURFACE, 'tier: 1', 'tier: 1\ntier: 2')))).toEqual([
			line(SURFACE, 5, 1, 'content-yaml', 'Map keys must be unique.'),
		]);
	});

	it('a tab used for indentation', () => {
		expect(findingLines(loadWith(mutate(VENDOR, '  how: Open', '\thow: Open')))).toEqual([
			line(VENDOR, 7, 1, 'content-yaml', 'Tabs are not allowed as indentation.'),
		]);
	});

	it('an empty file', () => {
		expect(findingLines(loadWith({ [VENDOR]: '' }))).toEqual([
			line(VENDOR, 1, 1, 'content-empty', 'content/vendors/stripe.yaml is empty.'),
		]);
	});

	it('a file of blank lines counts as empty', () => {
		expect(findingLines(loadWith({ [VENDOR]: '\n  \n\t\n' }))).toEqual([
			line(VENDOR, 1, 1, 'content-empty', 'content/vendors/stripe.yaml is empty.'),
		]);
	});

	it('bytes that are not UTF-8 (a Latin-1 "é") are reported at their line and column', () => {
		const latin1 = Buffer.concat([
			Buffer.from('id: stripe\nname: Str'),
			Buffer.from([0xe9]),
			Buffer.from('pe\nkind: saas\n'),
		]);
		expect(findingLines(loadWith({ [VENDOR]: latin1 }))).toEqual([
			line(VENDOR, 2, 10, 'content-encoding', 'byte 20 (0xe9) is not valid UTF-8.'),
		]);
	});

	it('a byte-order mark and CRLF line ends load exactly like the plain file', () => {
		const model = loadWith({ [VENDOR]: crlfWithBom(goodText(VENDOR)) });
		expect(findingLines(model)).toEqual([]);
		expect(model.vendors[0]!.data.support.how).toBe('Open the Dashboard, then Help, then Contact support.');
	});

	it('with a byte-order mark and CRLF, findings keep the same line and column', () => {
		const broken = mutate(VENDOR, 'kind: saas', 'kind: payments')[VENDOR]!;
		expect(findingLines(loadWith({ [VENDOR]: crlfWithBom(broken) }))).toEqual([
			line(
				VENDOR,
				3,
				1,
				'content-schema',
				'kind: expected one of "cloud", "saas", "dns", "certificate-authority", found "payments".',
			),
		]);
	});

	it('a file over 1 MiB is refused before parsing', () => {
		const big = `${goodText(VENDOR)}# ${'x'.repeat(1024 * 1024)}\n`;
		expect(findingLines(loadWith({ [VENDOR]: big }))).toEqual([
			line(
				VENDOR,
				1,
				1,
				'content-too-large',
				`content/vendors/stripe.yaml is ${Buffer.byteLength(big)} bytes; the limit is 1048576.`,
			),
		]);
	});
});

describe('MDX files', () => {
	it('frontmatter opened but never closed', () => {
		expect(findingLines(loadWith(mutate(RUNBOOK, 'reviewEvery: 90d\n---\n', 'reviewEvery: 90d\n')))).toEqual([
			line(RUNBOOK, 1, 1, 'content-frontmatter', 'the frontmatter opened on line 1 is never closed with "---".'),
		]);
	});

	it('no frontmatter at all', () => {
		expect(findingLines(loadWith({ [RUNBOOK]: '# Billing event backlog\n\nEvents queue up.\n' }))).toEqual([
			line(RUNBOOK, 1, 1, 'content-frontmatter', 'the file does not start with a "---" frontmatter line.'),
		]);
	});

	it('a YAML error inside the frontmatter is reported at its line in the whole file', () => {
		expect(
			findingLines(loadWith(mutate(RUNBOOK, 'alerts: [billing-event-backlog]', 'alerts: [billing-event-backlog'))),
		).toEqual([
			line(
				RUNBOOK,
				6,
				1,
				'content-yaml',
				'Flow sequence in block collection must be sufficiently indented and end with a ].',
			),
		]);
	});

	it('an unescaped "{" in prose does not parse as MDX', () => {
		expect(
			findingLines(loadWith(mutate(RUNBOOK, 'Scale the processor.', 'Scale the processor {to 60 instances.'))),
		).toEqual([
			line(
				RUNBOOK,
				29,
				38,
				'content-mdx',
				'Unexpected end of file in expression, expected a corresponding closing brace for `{`.',
			),
		]);
	});

	it('an unescaped "<" before a digit does not parse as MDX', () => {
		expect(findingLines(loadWith(mutate(RUNBOOK, 'Scale the processor.', 'Keep the backlog <10 minutes.')))).toEqual([
			line(
				RUNBOOK,
				29,
				19,
				'content-mdx',
				'Unexpected character `1` (U+0031) before name, expected a character that can start a name, such as a letter, `$`, or `_`.',
			),
		]);
	});

	it('the same characters inside code spans and code blocks are fine', () => {
		const model = loadWith(
			mutate(
				RUNBOOK,
				'Scale the processor.',
				'Keep `{backlog}` under `<10` minutes.\n\n```promql\nsum(x{a="b"}) < 10\n```',
			),
		);
		expect(findingLines(model)).toEqual([]);
	});

	it('a byte-order mark and CRLF line ends in an MDX file load like the plain file', () => {
		const model = loadWith({ [RUNBOOK]: crlfWithBom(goodText(RUNBOOK)) });
		expect(findingLines(model)).toEqual([]);
		expect(model.runbooks[0]!.outline.sections.map((s) => s.slug)).toEqual([
			'summary',
			'detection',
			'billingeventbackloghigh',
			'diagnosis',
			'mitigation',
			'rollback',
			'escalation',
			'communication',
		]);
	});
});
