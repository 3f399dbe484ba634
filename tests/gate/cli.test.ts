/**
 * `npm run check` as a child process on fixture content trees: exit codes, the three
 * formats, GitHub escaping, annotation caps and the job summary, pull-request mode, usage errors.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyTree, FIXTURES, GOOD, runCli, TODAY } from './support.ts';

const FINDINGS = join(FIXTURES, 'findings');
const WARNINGS = join(FIXTURES, 'warnings');
const work = mkdtempSync(join(tmpdir(), 'launchbook-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const RB_FIX =
	'Write the rollback as a numbered list ("1. …", "2. …"), each step a command or action a responder can carry out in order.';
const FINDINGS_TEXT = [
	'content/runbooks/payments/errors.mdx:7:1  warning  review-due-soon  runbook "payments/errors" is due for review on 2026-11-30, in 4 days. Review the runbook against the running system (commands, dashboards, regions), then set lastReviewed to the review date.',
	`content/runbooks/payments/errors.mdx:29:1  error  runbook-rollback-steps  the "Rollback" section of runbook "payments/errors" has 1 concrete step; at least 2 are required. ${RB_FIX}`,
	`content/runbooks/payments/errors.mdx:31:1  error  runbook-rollback-steps  rollback step 2 of runbook "payments/errors" is a placeholder ("TBD"), not a concrete step. ${RB_FIX}`,
	'content/surfaces/ledger.yaml:14:5  error  content-schema  alerts[0].link: expected an absolute https:// URL, found "http://console.example.com/alerting/policies/2,with:colon...". Correct the field as described; the schema and its examples are documented on the content-model page.',
	'',
	'Coverage gate: 3 errors, 1 warning in 2 files. Each rule is explained at https://launchbook.example.com/rules/<rule-id>/.',
	'',
].join('\n');

describe('check CLI: text', () => {
	it('exits 0 with no findings on the good tree', () => {
		const r = runCli(['--root', GOOD, '--today', TODAY]);
		expect(r.status).toBe(0);
		expect(r.stdout).toBe('');
		expect(r.stderr).toBe('Coverage gate: no findings.\n');
	});

	it('exits 0 with warnings only', () => {
		const r = runCli(['--root', WARNINGS, '--today', TODAY]);
		expect(r.status).toBe(0);
		expect(r.stderr).toContain(
			'content/runbooks/ledger/lag.mdx:7:1  warning  review-due-soon  runbook "ledger/lag" is due for review on 2026-11-30, in 4 days.',
		);
		expect(r.stderr).toContain('Coverage gate: 0 errors, 1 warning in 1 file.');
	});

	it('exits 1 with error findings, every finding on stderr, nothing on stdout', () => {
		const r = runCli(['--root', FINDINGS, '--today', TODAY]);
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toBe(FINDINGS_TEXT);
	});

	it('respects NO_COLOR, and colours only when asked to', () => {
		expect(
			runCli(['--root', FINDINGS, '--today', TODAY], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stderr,
		).not.toContain('\u001b[');
		const coloured = runCli(['--root', FINDINGS, '--today', TODAY], {
			env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
		}).stderr;
		expect(coloured).toContain('\u001b[31;1merror\u001b[0m');
		expect(
			runCli(['--root', FINDINGS, '--today', TODAY], { env: { NO_COLOR: undefined, FORCE_COLOR: undefined } }).stderr,
		).not.toContain('\u001b[');
	});
});

describe('check CLI: json', () => {
	it('writes one JSON report to stdout', () => {
		const r = runCli(['--root', FINDINGS, '--today', TODAY, '--format', 'json']);
		expect(r.status).toBe(1);
		const report = JSON.parse(r.stdout);
		expect(report).toMatchObject({
			tool: 'launchbook-check',
			version: 1,
			today: TODAY,
			mode: 'full',
			changedPaths: null,
			summary: { errors: 3, warnings: 1, files: 2 },
		});
		expect(report.findings[3]).toEqual({
			rule: 'content-schema',
			level: 'error',
			file: 'content/surfaces/ledger.yaml',
			line: 14,
			column: 5,
			message:
				'alerts[0].link: expected an absolute https:// URL, found "http://console.example.com/alerting/policies/2,with:colon...".',
			fix: 'Correct the field as described; the schema and its examples are documented on the content-model page.',
			url: 'https://launchbook.example.com/rules/content-schema/',
		});
		expect(r.stderr).toBe('Coverage gate: 3 errors, 1 warning in 2 files.\n');
	});

	it('writes to a file with --output, and nothing to stdout', () => {
		const out = join(work, 'report.json');
		const r = runCli(['--root', GOOD, '--today', TODAY, '--format', 'json', '--output', out]);
		expect(r.status).toBe(0);
		expect(r.stdout).toBe('');
		expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
			summary: { errors: 0, warnings: 0, files: 0 },
			findings: [],
		});
	});
});

describe('check CLI: github', () => {
	it('writes escaped annotations to stdout and a summary table to $GITHUB_STEP_SUMMARY', () => {
		const summary = join(work, 'summary-1.md');
		writeFileSync(summary, '');
		const r = runCli(['--root', FINDINGS, '--today', TODAY, '--format', 'github'], {
			env: { GITHUB_STEP_SUMMARY: summary },
		});
		expect(r.status).toBe(1);
		expect(r.stdout.split('\n')[3]).toBe(
			'::error file=content/surfaces/ledger.yaml,line=14,col=5,title=content-schema (error)::alerts[0].link: expected an absolute https:// URL' +
				', found "http://console.example.com/alerting/policies/2,with:colon...". Correct the field as described; the schema and its examples are documented on the content-model page. See https://launchbook.example.com/rules/content-schema/',
		);
		expect(r.stderr).toContain('Coverage gate: 3 errors, 1 warning in 2 files.');
		const md = readFileSync(summary, 'utf8');
		expect(md).toContain('## Launchbook coverage gate\n\n❌ 3 errors, 1 warning.');
		expect(md).toContain('| Level | Rule | Location | Finding | Fix |\n| --- | --- | --- | --- | --- |\n');
		expect(md).toContain(
			'| error | [runbook-rollback-steps](https://launchbook.example.com/rules/runbook-rollback-steps/) | <code>content/runbooks/payments/errors.mdx&#58;31&#58;1</code> | rollback step 2 of runbook "payments/errors" is a placeholder &#40;"TBD"&#41;, not a concrete step. |',
		);
		expect(md.split('\n').filter((l) => l.startsWith('| error') || l.startsWith('| warning'))).toHaveLength(4);
	});

	it('escapes properties and data by GitHub rules (%, CR, LF, and : , in properties)', () => {
		const r = runCli(['--root', GOOD, '--today', TODAY, '--format', 'github', '--changed-files', '-'], {
			input: 'services/odd,name:v2%.go\n',
		});
		expect(r.status).toBe(0);
		expect(r.stdout).toBe(
			"::warning file=services/odd%2Cname%3Av2%25.go,line=1,col=1,title=changed-path-unowned (warning)::services/odd,name:v2%25.go changes, but no surface's codePaths match it. Add a glob matching it to the codePaths of the surface that runs it (content/surfaces/), or add it to policy.unownedAllowed in launchbook.config.yaml if it is not production code. See https://launchbook.example.com/rules/changed-path-unowned/\n",
		);
	});

	it('caps annotations at 10 errors and 10 warnings per step, says how many were left out, and lists all in the summary', () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 14; i++) {
			files[`content/runbooks/payments/extra-${String(i).padStart(2, '0')}.mdx`] = readFileSync(
				join(GOOD, 'content/runbooks/payments/errors.mdx'),
				'utf8',
			)
				.replace('alerts: [payments-errors, payments-success-burn-page, payments-success-burn-ticket]', 'alerts: []')
				.replace('lastReviewed: 2026-11-01', i < 12 ? 'lastReviewed: 2026-01-01' : 'lastReviewed: 2026-09-01');
		}
		const tree = copyTree(GOOD, files);
		// The change touches the payments surface (one of its runbooks), so pull-request mode judges all its files.
		const changed = [
			...Array.from({ length: 11 }, (_, i) => `services/unowned-${i}.go`),
			'content/runbooks/payments/extra-00.mdx',
		].join('\n');
		try {
			const summary = join(work, 'summary-2.md');
			const r = runCli(['--root', tree.root, '--today', TODAY, '--format', 'github', '--changed-files', '-'], {
				env: { GITHUB_STEP_SUMMARY: summary },
				input: changed,
			});
			expect(r.status).toBe(1);
			const out = r.stdout.trimEnd().split('\n');
			expect(out.filter((l) => l.startsWith('::error '))).toHaveLength(10);
			expect(out.filter((l) => l.startsWith('::warning '))).toHaveLength(10);
			expect(out.at(-1)).toBe(
				'::notice title=Launchbook coverage gate::2 errors and 3 warnings left out of the annotations: GitHub shows 10 of each level per step. The job summary lists all 25 findings.',
			);
			const rows = readFileSync(summary, 'utf8')
				.split('\n')
				.filter((l) => /^\| (error|warning) \|/.test(l));
			expect(rows).toHaveLength(25);
		} finally {
			tree.cleanup();
		}
	});
});

describe('check CLI: pull-request mode', () => {
	it('--changed-files reads a list from a file', () => {
		const list = join(work, 'changed.txt');
		writeFileSync(
			list,
			'# changed\nservices/payments/api.ts\nservices/billing/x.ts\n\ncontent/surfaces/payments.yaml\n',
		);
		const r = runCli(['--root', GOOD, '--today', TODAY, '--changed-files', list]);
		expect(r.status).toBe(0);
		expect(r.stderr).toContain(
			"services/billing/x.ts:1:1  warning  changed-path-unowned  services/billing/x.ts changes, but no surface's codePaths match it.",
		);
		expect(r.stderr).toContain('Pull-request mode: 3 changed paths checked.');
	});

	it('--base lists the changes since the merge base with git, and reports a stale runbook of a changed surface', () => {
		const tree = copyTree(GOOD);
		try {
			const git = (...args: string[]) =>
				execFileSync('git', ['-C', tree.root, ...args], {
					encoding: 'utf8',
					env: {
						...process.env,
						GIT_AUTHOR_NAME: 'Launchbook test',
						GIT_AUTHOR_EMAIL: 'ci@example.com',
						GIT_COMMITTER_NAME: 'Launchbook test',
						GIT_COMMITTER_EMAIL: 'ci@example.com',
					},
				});
			git('init', '-q', '-b', 'main');
			git('add', '-A');
			git('commit', '-q', '-m', 'base');
			git('checkout', '-q', '-b', 'change');
			const rb = join(tree.root, 'content/runbooks/payments/errors.mdx');
			writeFileSync(rb, readFileSync(rb, 'utf8').replace('lastReviewed: 2026-11-01', 'lastReviewed: 2026-06-01'));
			execFileSync('mkdir', ['-p', join(tree.root, 'services/payments')]);
			writeFileSync(join(tree.root, 'services/payments/api.ts'), 'export {};\n');
			git('add', '-A');
			git('commit', '-q', '-m', 'change');
			const r = runCli(['--root', tree.root, '--today', TODAY, '--base', 'main', '--format', 'json']);
			expect(r.status).toBe(1);
			const report = JSON.parse(r.stdout);
			expect(report.mode).toBe('pull-request');
			expect(report.changedPaths).toBe(2);
			expect(report.findings.map((f: { rule: string }) => f.rule)).toEqual([
				'changed-path-stale-review',
				'review-overdue',
			]);
			expect(report.findings[0].message).toBe(
				'this change touches surface "payments" (services/payments/api.ts), whose runbook "payments/errors" was due for review on 2026-08-30.',
			);
			const bad = runCli(['--root', tree.root, '--base', 'no-such-branch']);
			expect(bad.status).toBe(2);
			expect(bad.stderr).toMatch(
				/^launchbook check: cannot list the changes against "no-such-branch": fatal: .*\(in CI, check out with fetch-depth: 0 so the base branch is present\)\.\n$/,
			);
		} finally {
			tree.cleanup();
		}
	});
});

describe('check CLI: usage errors exit 2 with one line and the usage', () => {
	const cases: [string[], string][] = [
		[['--frobnicate'], 'launchbook check: unknown option "--frobnicate".'],
		[['--root', '/no/such/dir'], 'launchbook check: --root "/no/such/dir" is not a directory.'],
		[['--root'], 'launchbook check: --root needs a value.'],
		[['--format', 'xml'], 'launchbook check: --format must be text, json or github, not "xml".'],
		[['--today', '2026-02-30'], 'launchbook check: --today must be a date written YYYY-MM-DD, not "2026-02-30".'],
		[['--changed-files', '-', '--base', 'main'], 'launchbook check: use either --changed-files or --base, not both.'],
		[['--output', 'x.json'], 'launchbook check: --output only applies to --format json.'],
		[['stray'], 'launchbook check: unexpected argument "stray".'],
	];
	for (const [args, message] of cases) {
		it(args.join(' '), () => {
			const r = runCli(args);
			expect(r.status).toBe(2);
			expect(r.stdout).toBe('');
			const [first, blank, usage] = r.stderr.split('\n');
			expect(first).toBe(message);
			expect(blank).toBe('');
			expect(usage).toBe('Usage: npm run check -- [options]');
		});
	}

	it('a missing changed-files list is exit 2 with the reason', () => {
		const r = runCli(['--root', GOOD, '--changed-files', join(work, 'missing.txt')]);
		expect(r.status).toBe(2);
		expect(r.stderr).toBe(
			`launchbook check: cannot read the changed-files list "${join(work, 'missing.txt')}": ENOENT.\n`,
		);
	});

	it('--help prints the usage and exits 0', () => {
		const r = runCli(['--help']);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('Exit codes: 0 no error findings, 1 error findings, 2 usage or internal error.');
	});
});
