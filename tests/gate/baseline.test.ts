/**
 * Gradual adoption with a baseline: `npm run check -- --write-baseline` writes
 * launchbook-baseline.json; later runs fail only on findings not in it, show the baselined ones
 * as a count, survive edits that move lines, and report entries that were fixed. Through the
 * real CLI on a copy of a fixture tree with known findings.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyBaseline, createBaseline, fingerprint } from '../../src/core/rules/baseline.ts';
import { copyTree, FIXTURES, runCli, TODAY } from './support.ts';

const FINDINGS = join(FIXTURES, 'findings');
const RUNBOOK = 'content/runbooks/payments/errors.mdx';
const trees: { cleanup: () => void }[] = [];
afterAll(() => {
	for (const t of trees) t.cleanup();
});
const tree = () => {
	// The tree's content problem fixed (content problems are never baselined; see the last test).
	const ledger = readFileSync(join(FINDINGS, 'content/surfaces/ledger.yaml'), 'utf8').replace('http://', 'https://');
	const t = copyTree(FINDINGS, { 'content/surfaces/ledger.yaml': ledger });
	trees.push(t);
	return t.root;
};
const check = (root: string, ...args: string[]) => runCli(['--root', root, '--today', TODAY, ...args]);
const edit = (root: string, file: string, change: (text: string) => string) =>
	writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));

describe('check --write-baseline, then checks against it', () => {
	it('writes the baseline, keyed by rule, file and fingerprint, and exits 0', () => {
		const root = tree();
		expect(check(root).status).toBe(1);
		const r = check(root, '--write-baseline');
		expect(r.stderr).toBe('Baseline: wrote 3 findings in 1 file to launchbook-baseline.json.\n');
		expect(r.status).toBe(0);
		const file = JSON.parse(readFileSync(join(root, 'launchbook-baseline.json'), 'utf8'));
		expect(file.version).toBe(1);
		expect(
			file.entries.map((e: { rule: string; file: string; count: number }) => `${e.rule} ${e.file} ${e.count}`),
		).toEqual([
			`review-due-soon ${RUNBOOK} 1`,
			`runbook-rollback-steps ${RUNBOOK} 1`,
			`runbook-rollback-steps ${RUNBOOK} 1`,
		]);
		for (const e of file.entries) expect(e.fingerprint).toMatch(/^[0-9a-f]{16}$/);
	});

	it('passes on the baselined findings, shown as a count, even after lines moved', () => {
		const root = tree();
		check(root, '--write-baseline');
		edit(root, RUNBOOK, (t) => t.replace('\n## ', '\nA paragraph added above.\n\nAnd another.\n\n## '));
		const r = check(root);
		expect(r.stderr).toBe(
			'Coverage gate: no findings.\nBaseline: 3 findings baselined in launchbook-baseline.json (not shown; --no-baseline shows them).\n',
		);
		expect(r.status).toBe(0);
	});

	it('fails on a new finding only, and shows only it', () => {
		const root = tree();
		check(root, '--write-baseline');
		edit(root, RUNBOOK, (t) => t.replace('## Communication', '## Comms'));
		const r = check(root);
		expect(r.stderr.split('\n').filter((l) => l.includes('  error  '))).toEqual([
			expect.stringContaining(
				'runbook-required-sections  runbook "payments/errors" has no "## Communication" section.',
			),
		]);
		expect(r.stderr).toContain('Baseline: 3 findings baselined in launchbook-baseline.json');
		expect(r.status).toBe(1);
	});

	it('reports baselined findings that were fixed, so the file only shrinks', () => {
		const root = tree();
		check(root, '--write-baseline');
		edit(root, RUNBOOK, (t) =>
			t.replace(/^(\d+)\. TBD$/m, '$1. Confirm the error rate is back under 1 % on the payments dashboard.'),
		);
		const r = check(root);
		expect(r.stderr).toBe(
			[
				'Coverage gate: no findings.',
				'Baseline: 1 finding baselined in launchbook-baseline.json (not shown; --no-baseline shows them).',
				'Baseline: 2 entries are fixed; remove them with npm run check -- --write-baseline:',
				`  runbook-rollback-steps  ${RUNBOOK}  the "Rollback" section of runbook "payments/errors" has 1 concrete step; at least 2 are required.`,
				`  runbook-rollback-steps  ${RUNBOOK}  rollback step 2 of runbook "payments/errors" is a placeholder ("TBD"), not a concrete step.`,
				'',
			].join('\n'),
		);
		expect(r.status).toBe(0);
		expect(check(root, '--write-baseline').stderr).toBe(
			'Baseline: wrote 1 finding in 1 file to launchbook-baseline.json.\n',
		);
		expect(check(root).stderr).not.toContain('fixed');
	});

	it('ignores the baseline with --no-baseline', () => {
		const root = tree();
		check(root, '--write-baseline');
		const r = check(root, '--no-baseline');
		expect(r.stderr).toContain('Coverage gate: 2 errors, 1 warning in 1 file.');
		expect(r.status).toBe(1);
	});

	it('refuses a baseline file it cannot read, naming the fix', () => {
		const root = tree();
		writeFileSync(join(root, 'launchbook-baseline.json'), '{"version": 2, "entries": []}');
		const r = check(root);
		expect(r.stderr).toBe(
			'launchbook check: launchbook-baseline.json: "version" is 2, not 1; write it again with npm run check -- --write-baseline.\n',
		);
		expect(r.status).toBe(2);
	});

	it('never baselines content problems: the build refuses them whatever the baseline says', () => {
		const root = copyTree(FINDINGS);
		trees.push(root);
		const r = check(root.root, '--write-baseline');
		expect(r.stderr).toBe(
			'Baseline: wrote 3 findings in 1 file to launchbook-baseline.json; 1 content problem (content-*) is not baselined: the build refuses it.\n',
		);
		expect(check(root.root).status).toBe(1);
	});
});

describe('baseline fingerprints', () => {
	const f = { rule: 'review-overdue', file: 'a.mdx', line: 3, column: 1, level: 'error' as const, fix: 'x' };
	it('ignore lines and numbers in the message, not the words', () => {
		expect(fingerprint({ ...f, message: 'due 4 days ago' })).toBe(fingerprint({ ...f, message: 'due 11 days ago' }));
		expect(fingerprint({ ...f, message: 'due 4 days ago' })).not.toBe(
			fingerprint({ ...f, message: 'due 4 days late' }),
		);
		expect(fingerprint({ ...f, message: 'x' })).not.toBe(fingerprint({ ...f, file: 'b.mdx', message: 'x' }));
	});
	it('count alike findings: two in the baseline cover two, a third is new', () => {
		const two = [
			{ ...f, message: 'step 1 is TBD' },
			{ ...f, line: 9, message: 'step 2 is TBD' },
		];
		const split = applyBaseline([...two, { ...f, line: 12, message: 'step 3 is TBD' }], createBaseline(two));
		expect(split.baselined).toBe(2);
		expect(split.fresh.map((x) => x.line)).toEqual([12]);
		expect(split.fixed).toEqual([]);
	});
});
