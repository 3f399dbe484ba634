/**
 * Pull-request mode scoped to the change, on real git repositories in temporary folders: a
 * change is judged on the files and surfaces it touches; findings elsewhere (already on the
 * base branch) are a count; the touched surfaces are listed with owners and what to review; a
 * section the change deleted is annotated on a line inside the diff.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from '../../src/core/rules/pr-scope.ts';
import { copyTree, GOOD, runCli, TODAY } from './support.ts';

const trees: { cleanup: () => void }[] = [];
afterAll(() => {
	for (const t of trees) t.cleanup();
});
const LEDGER_RB = 'content/runbooks/ledger/lag.mdx';
const PAYMENTS_RB = 'content/runbooks/payments/errors.mdx';

function git(root: string, ...args: string[]): string {
	return execFileSync('git', ['-C', root, ...args], {
		encoding: 'utf8',
		env: {
			...process.env,
			GIT_AUTHOR_NAME: 'Platform Team',
			GIT_AUTHOR_EMAIL: 'platform@example.com',
			GIT_COMMITTER_NAME: 'Platform Team',
			GIT_COMMITTER_EMAIL: 'platform@example.com',
		},
	});
}
const write = (root: string, file: string, text: string) => {
	mkdirSync(dirname(join(root, file)), { recursive: true });
	writeFileSync(join(root, file), text);
};
const edit = (root: string, file: string, change: (t: string) => string) =>
	writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));

/**
 * A repository whose main branch already carries an error on the ledger surface (its rollback
 * is a placeholder), and a branch `change` on top of it.
 */
function repo(): string {
	const t = copyTree(GOOD);
	trees.push(t);
	const root = t.root;
	edit(root, LEDGER_RB, (s) => s.replace(/^2\. .*$/m, '2. TBD'));
	write(root, 'services/payments/handler.go', 'package payments\n\nfunc Handle() {}\n');
	git(root, 'init', '-q', '-b', 'main');
	git(root, 'add', '-A');
	git(root, 'commit', '-q', '-m', 'base');
	git(root, 'checkout', '-q', '-b', 'change');
	return root;
}
const commit = (root: string) => {
	git(root, 'add', '-A');
	git(root, 'commit', '-q', '-m', 'change');
};

describe('check --base scoped to the change', () => {
	it('passes a change to payments code while the ledger error on main is only a count', () => {
		const root = repo();
		expect(runCli(['--root', root, '--today', TODAY]).status).toBe(1);
		write(root, 'services/payments/handler.go', 'package payments\n\nfunc Handle() { retry() }\n');
		commit(root);
		const r = runCli(['--root', root, '--today', TODAY, '--base', 'main']);
		expect(r.stderr).toBe(
			[
				'Coverage gate: no findings.',
				'Pull-request mode: 1 changed path checked.',
				'Touched surfaces (1):',
				'  payments (Payments), owner payments-team: services/payments/handler.go',
				'    review: runbooks payments/errors against the changed code; alerts PaymentsErrorsHigh: still fire on the changed code',
				'Outside this change: 2 errors, 0 warnings not shown (on files and surfaces the change does not touch; run without --base to see them).',
				'',
			].join('\n'),
		);
		expect(r.status).toBe(0);
	});

	it('fails on a finding the change brings to a touched surface, annotated inside the diff', () => {
		const root = repo();
		edit(root, PAYMENTS_RB, (s) => s.replace(/## Diagnosis\n[\s\S]*?(?=\n## )/, ''));
		commit(root);
		const diffLines = parseUnifiedDiff(git(root, 'diff', '-U0', 'main...HEAD'));
		const touched = diffLines.get(PAYMENTS_RB)!;
		const r = runCli(['--root', root, '--today', TODAY, '--base', 'main', '--format', 'github']);
		const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
		expect(annotations).toHaveLength(1);
		const m = /^::error file=([^,]+),line=(\d+),col=\d+,title=runbook-required-sections \(error\)::/.exec(
			annotations[0]!,
		);
		expect(m?.[1]).toBe(PAYMENTS_RB);
		expect(touched).toContain(Number(m?.[2]));
		expect(annotations[0]).toContain('has no "## Diagnosis" section.');
		expect(r.stderr).toContain('Outside this change: 2 errors, 0 warnings not shown');
		expect(r.stderr).toContain('  payments (Payments), owner payments-team: content/runbooks/payments/errors.mdx');
		expect(r.status).toBe(1);
	});

	it('judges the same with --changed-files', () => {
		const root = repo();
		const r = runCli(['--root', root, '--today', TODAY, '--changed-files', '-'], { input: `${LEDGER_RB}\n` });
		expect(r.stderr).toContain('runbook-rollback-steps');
		expect(r.stderr).toContain('  ledger (Ledger), owner payments-team: content/runbooks/ledger/lag.mdx');
		expect(r.stderr).not.toContain('Outside this change');
		expect(r.status).toBe(1);
	});
});

describe('parseUnifiedDiff', () => {
	it('reads new-side lines of hunks, a pure deletion as the line it left', () => {
		const diff = [
			'diff --git a/a.mdx b/a.mdx',
			'--- a/a.mdx',
			'+++ b/a.mdx',
			'@@ -3,2 +3,3 @@',
			'@@ -10,4 +11,0 @@',
			'diff --git a/gone.txt b/gone.txt',
			'--- a/gone.txt',
			'+++ /dev/null',
			'@@ -1 +0,0 @@',
		].join('\n');
		expect([...parseUnifiedDiff(diff)]).toEqual([['a.mdx', [3, 4, 5, 11]]]);
	});
});
