/** Reporters: GitHub escaping, annotation caps, the 1 MiB job summary, text colour rules. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/content/finding.ts';
import {
	escapeCell,
	escapeData,
	escapeProperty,
	renderAnnotations,
	renderSummary,
} from '../../src/adapters/reporters/github.ts';
import { renderText, wantsColor } from '../../src/adapters/reporters/text.ts';

const SITE = 'https://launchbook.example.com';
const finding = (i: number, level: 'error' | 'warning' = 'error'): Finding => ({
	rule: 'surface-alerts',
	level,
	file: `content/surfaces/s-${i}.yaml`,
	line: i + 1,
	column: 1,
	message: `surface "s-${i}" declares no alerts.`,
	fix: 'Declare an alert.',
});

describe('GitHub workflow commands', () => {
	it('escapes data: %, CR and LF', () => {
		expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
	});
	it('escapes properties: also : and ,', () => {
		expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
	});
	it('an annotation carries file, line, col and title, and links the rule page', () => {
		expect(renderAnnotations([{ ...finding(1), message: 'line one\nline two 50%' }], SITE)).toBe(
			'::error file=content/surfaces/s-1.yaml,line=2,col=1,title=surface-alerts (error)::line one%0Aline two 50%25 Declare an alert. See https://launchbook.example.com/rules/surface-alerts/\n',
		);
	});
	it('prints nothing when there are no findings', () => {
		expect(renderAnnotations([], SITE)).toBe('');
	});
	it('caps each level at 10 and counts the rest', () => {
		const out = renderAnnotations(
			[
				...Array.from({ length: 11 }, (_, i) => finding(i)),
				...Array.from({ length: 10 }, (_, i) => finding(i, 'warning')),
			],
			SITE,
		)
			.trimEnd()
			.split('\n');
		expect(out).toHaveLength(21);
		expect(out[20]).toBe(
			'::notice title=Launchbook coverage gate::1 error left out of the annotations: GitHub shows 10 of each level per step. The job summary lists all 21 findings.',
		);
	});
});

describe('job summary', () => {
	it('says so when there are no findings', () => {
		expect(renderSummary([], SITE)).toBe(
			'## Launchbook coverage gate\n\n✅ No findings: operational coverage is complete.\n\n',
		);
	});
	it('escapes table cells', () => {
		expect(escapeCell('a | b <script> & `c`\nd')).toBe('a &#124; b &lt;script&gt; &amp; &#96;c&#96; d');
	});
	it('stays under the limit and says how many rows were left out', () => {
		const many = Array.from({ length: 5000 }, (_, i) => finding(i));
		const md = renderSummary(many, SITE, 64 * 1024);
		expect(Buffer.byteLength(md)).toBeLessThanOrEqual(64 * 1024);
		const shown = md.split('\n').filter((l) => l.startsWith('| error |')).length;
		expect(md).toContain(
			`_${5000 - shown} more findings not shown: the job summary is limited to 64 KiB. Run \`npm run check\` locally for the full list._`,
		);
		expect(Buffer.byteLength(renderSummary(many, SITE))).toBeLessThanOrEqual(1024 * 1024);
	});
});

describe('text', () => {
	it('NO_COLOR wins; FORCE_COLOR forces; otherwise colour only on a terminal', () => {
		expect(wantsColor({ NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
		expect(wantsColor({ NO_COLOR: '' }, true)).toBe(true);
		expect(wantsColor({ FORCE_COLOR: '1' }, false)).toBe(true);
		expect(wantsColor({}, false)).toBe(false);
		expect(wantsColor({ TERM: 'dumb' }, true)).toBe(false);
	});
	it('prints one line per finding, then the summary', () => {
		expect(renderText([finding(1, 'warning')], { color: false, siteUrl: SITE })).toBe(
			'content/surfaces/s-1.yaml:2:1  warning  surface-alerts  surface "s-1" declares no alerts. Declare an alert.\n\nCoverage gate: 0 errors, 1 warning in 1 file. Each rule is explained at https://launchbook.example.com/rules/<rule-id>/.\n',
		);
	});
});
