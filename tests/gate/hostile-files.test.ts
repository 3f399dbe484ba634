/**
 * Hostile files under content/ and in folders of alert files, through the real CLIs: links
 * (out of the repository, inside it, looping, dangling, to a folder), folders named like
 * files, named pipes and unreadable files each give one finding at that path and exit 1 —
 * never a hang, a stack trace, or the text of a file outside the repository.
 *
 * Unreadable files: the suite runs as root here and in CI, and root reads a chmod-000 file.
 * So the CLI runs as the unprivileged user `nobody` (uid 65534) when the test runs as root;
 * the kernel then refuses the read as it would for any author.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOAD_PROBLEMS } from '../../src/core/content/load-problems.ts';
import { VERIFY_RULES } from '../../src/core/alerts/verify-rules.ts';
import { copyTree, GOOD, REPO, runCli, TODAY } from './support.ts';

const SECRET = 'OUTSIDE-THE-REPOSITORY-7f3a91';
const outside = mkdtempSync(join(tmpdir(), 'launchbook-outside-'));
const OUTSIDE_FILE = join(outside, 'secret.yaml');
writeFileSync(OUTSIDE_FILE, `id: stolen\nname: ${SECRET}\ntoken: ${SECRET}\n`);
mkdirSync(join(outside, 'folder'));
writeFileSync(join(outside, 'folder/errors.mdx'), `---\ntitle: ${SECRET}\n---\n\n## Summary\n\n${SECRET}\n`);
afterAll(() => rmSync(outside, { recursive: true, force: true }));

const SYMLINK = (file: string) =>
	`${file}:1:1  error  content-symlink  ${file} is a symbolic link; content is read only from regular files inside the repository, and links are never followed. ${LOAD_PROBLEMS['content-symlink'].fix}`;

interface FileCase {
	readonly name: string;
	/** Changes the copied tree: makes links, pipes, folders. */
	readonly make: (root: string) => void;
	readonly expect: string;
	/** Run the CLI as an unprivileged user (for unreadable files). */
	readonly unprivileged?: boolean;
}

const CASES: readonly FileCase[] = [
	{
		name: 'a link to a file outside the repository',
		make: (root) => symlinkSync(OUTSIDE_FILE, join(root, 'content/surfaces/stolen.yaml')),
		expect: SYMLINK('content/surfaces/stolen.yaml'),
	},
	{
		name: 'a relative link climbing out of the repository',
		make: (root) => {
			rmSync(join(root, 'content/risks/ledger-lag.yaml'));
			symlinkSync(`../../../../../../../../..${OUTSIDE_FILE}`, join(root, 'content/risks/ledger-lag.yaml'));
		},
		expect: SYMLINK('content/risks/ledger-lag.yaml'),
	},
	{
		name: 'a link to another file inside the repository',
		make: (root) => symlinkSync('payments.yaml', join(root, 'content/surfaces/payments-again.yaml')),
		expect: SYMLINK('content/surfaces/payments-again.yaml'),
	},
	{
		name: 'a link that points at itself',
		make: (root) => symlinkSync('loop.mdx', join(root, 'content/runbooks/payments/loop.mdx')),
		expect: SYMLINK('content/runbooks/payments/loop.mdx'),
	},
	{
		name: 'two links pointing at each other',
		make: (root) => {
			symlinkSync('b.yaml', join(root, 'content/vendors/a.yaml'));
			symlinkSync('a.yaml', join(root, 'content/vendors/b.yaml'));
		},
		expect: SYMLINK('content/vendors/a.yaml'),
	},
	{
		name: 'a dangling link',
		make: (root) => symlinkSync('does-not-exist.yaml', join(root, 'content/teams/ghost.yaml')),
		expect: SYMLINK('content/teams/ghost.yaml'),
	},
	{
		name: 'a link to a folder outside the repository',
		make: (root) => symlinkSync(join(outside, 'folder'), join(root, 'content/runbooks/stolen')),
		expect: SYMLINK('content/runbooks/stolen'),
	},
	{
		name: 'a link to a folder of the repository (a loop through the tree)',
		make: (root) => symlinkSync('..', join(root, 'content/runbooks/payments/up')),
		expect: SYMLINK('content/runbooks/payments/up'),
	},
	{
		name: 'a link in a guide page folder (the site reads it, the gate does not parse it)',
		make: (root) => {
			mkdirSync(join(root, 'content/docs'), { recursive: true });
			symlinkSync('/etc/passwd', join(root, 'content/docs/passwd.md'));
		},
		expect: SYMLINK('content/docs/passwd.md'),
	},
	{
		name: 'a link in an underscore folder',
		make: (root) => {
			mkdirSync(join(root, 'content/runbooks/_drafts'), { recursive: true });
			symlinkSync(join(outside, 'folder/errors.mdx'), join(root, 'content/runbooks/_drafts/errors.mdx'));
		},
		expect: SYMLINK('content/runbooks/_drafts/errors.mdx'),
	},
	{
		name: 'the config file is a link',
		make: (root) => {
			rmSync(join(root, 'launchbook.config.yaml'));
			symlinkSync(OUTSIDE_FILE, join(root, 'launchbook.config.yaml'));
		},
		expect: SYMLINK('launchbook.config.yaml'),
	},
	{
		name: 'content/ itself is a link',
		make: (root) => {
			rmSync(join(root, 'content'), { recursive: true });
			symlinkSync(outside, join(root, 'content'));
		},
		expect: SYMLINK('content'),
	},
	{
		name: 'a folder named like a YAML file',
		make: (root) => mkdirSync(join(root, 'content/surfaces/extra.yaml')),
		expect:
			'content/surfaces/extra.yaml:1:1  error  content-not-a-file  content/surfaces/extra.yaml is a folder, but its name ends like a content file. Rename the folder so its name does not end in .yaml, .yml, .md or .mdx, or move its files up.',
	},
	{
		name: 'a folder named like an MDX file, holding a runbook',
		make: (root) => {
			mkdirSync(join(root, 'content/runbooks/payments/old.mdx'));
			writeFileSync(join(root, 'content/runbooks/payments/old.mdx/notes.mdx'), '---\ntitle: x\n---\n');
		},
		expect:
			'content/runbooks/payments/old.mdx:1:1  error  content-not-a-file  content/runbooks/payments/old.mdx is a folder, but its name ends like a content file.',
	},
	{
		name: 'a list file (severities.yaml) that is a folder',
		make: (root) => {
			rmSync(join(root, 'content/severities.yaml'));
			mkdirSync(join(root, 'content/severities.yaml'));
		},
		expect:
			'content/severities.yaml:1:1  error  content-not-a-file  content/severities.yaml is a folder, but its name ends like a content file.',
	},
	{
		name: 'a named pipe (reading it would block for ever)',
		make: (root) => {
			rmSync(join(root, 'content/surfaces/ledger.yaml'));
			spawnSync('mkfifo', [join(root, 'content/surfaces/ledger.yaml')]);
		},
		expect: `content/surfaces/ledger.yaml:1:1  error  content-not-a-file  content/surfaces/ledger.yaml is a named pipe (FIFO), not a regular file. ${LOAD_PROBLEMS['content-not-a-file'].fix}`,
	},
	{
		name: 'an unreadable file (chmod 000, read by an unprivileged user)',
		make: (root) => chmodSync(join(root, 'content/surfaces/payments.yaml'), 0o000),
		expect: `content/surfaces/payments.yaml:1:1  error  content-unreadable  content/surfaces/payments.yaml cannot be read (EACCES: permission denied). ${LOAD_PROBLEMS['content-unreadable'].fix}`,
		unprivileged: true,
	},
	{
		name: 'an unreadable folder of runbooks',
		make: (root) => chmodSync(join(root, 'content/runbooks/ledger'), 0o000),
		expect:
			'content/runbooks/ledger:1:1  error  content-unreadable  content/runbooks/ledger cannot be read (EACCES: permission denied).',
		unprivileged: true,
	},
];

const isRoot = process.getuid?.() === 0;
/** As root, run as `nobody`; the copied tree must then be readable by others. */
const asUser = (unprivileged?: boolean) => (unprivileged && isRoot ? { uid: 65534, gid: 65534 } : {});

function runGate(root: string, unprivileged?: boolean) {
	if (!(unprivileged && isRoot)) return runCli(['--root', root, '--today', TODAY]);
	chmodSync(root, 0o755);
	const r = spawnSync(process.execPath, [join(REPO, 'scripts/check.mjs'), '--root', root, '--today', TODAY], {
		cwd: REPO,
		env: { ...process.env, NO_COLOR: '1' },
		encoding: 'utf8',
		timeout: 60_000,
		...asUser(unprivileged),
	});
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('hostile files under content/', () => {
	for (const c of CASES) {
		it(c.name, () => {
			const tree = copyTree(GOOD);
			try {
				c.make(tree.root);
				const r = runGate(tree.root, c.unprivileged);
				// A hang would end in the runner's timeout with no status.
				expect(r.status, r.stderr).toBe(1);
				expect(
					r.stderr.split('\n').some((l) => l.startsWith(c.expect)),
					`expected a line starting with:\n${c.expect}\ngot:\n${r.stderr}`,
				).toBe(true);
				expect(`${r.stdout}${r.stderr}`).not.toContain(SECRET);
				expect(`${r.stdout}${r.stderr}`).not.toContain('root:x:0:0');
				expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|internal error|TypeError|RangeError/);
			} finally {
				chmodSync(tree.root, 0o700);
				spawnSync('chmod', ['-R', 'u+rwx', tree.root]);
				tree.cleanup();
			}
		});
	}

	it('the JSON report carries the same finding and no outside text', () => {
		const tree = copyTree(GOOD);
		try {
			symlinkSync(OUTSIDE_FILE, join(tree.root, 'content/surfaces/stolen.yaml'));
			const r = runCli(['--root', tree.root, '--today', TODAY, '--format', 'json']);
			expect(r.status).toBe(1);
			expect(r.stdout).not.toContain(SECRET);
			const report = JSON.parse(r.stdout) as { findings: { rule: string; file: string }[] };
			expect(report.findings.map((f) => `${f.rule} ${f.file}`)).toEqual([
				'content-symlink content/surfaces/stolen.yaml',
			]);
		} finally {
			tree.cleanup();
		}
	});
});

describe('hostile files in a folder of alert files (alerts:verify)', () => {
	it('reports links, pipes and alert-named folders, and reads none of them', () => {
		const dir = mkdtempSync(join(tmpdir(), 'launchbook-alert-folder-'));
		try {
			const site = join(dir, 'site');
			mkdirSync(site);
			writeFileSync(join(site, 'index.html'), '<!doctype html><title>x</title>');
			const rules = join(dir, 'rules');
			mkdirSync(rules);
			writeFileSync(OUTSIDE_FILE.replace('.yaml', '.yml'), `groups:\n  - name: ${SECRET}\n    rules: []\n`);
			symlinkSync(OUTSIDE_FILE.replace('.yaml', '.yml'), join(rules, 'stolen.yml'));
			symlinkSync('loop.yaml', join(rules, 'loop.yaml'));
			spawnSync('mkfifo', [join(rules, 'pipe.yml')]);
			mkdirSync(join(rules, 'old.json'));
			const r = spawnSync(
				process.execPath,
				[join(REPO, 'scripts/alerts-verify.mjs'), '--site', site, '--root', GOOD, rules],
				{ cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } },
			);
			const fix = VERIFY_RULES['verify-file-refused'].fix;
			const lines = r.stderr.split('\n').filter((l) => l.includes('verify-file-refused'));
			expect(lines).toEqual([
				`rules/loop.yaml:1:1  error  verify-file-refused  rules/loop.yaml is a symbolic link; links in a folder of alert files are never followed. ${fix}`,
				`rules/old.json:1:1  error  verify-file-refused  rules/old.json is a folder, but its name ends like an alert file. ${fix}`,
				`rules/pipe.yml:1:1  error  verify-file-refused  rules/pipe.yml is a named pipe (FIFO), not a regular file. ${fix}`,
				`rules/stolen.yml:1:1  error  verify-file-refused  rules/stolen.yml is a symbolic link; links in a folder of alert files are never followed. ${fix}`,
			]);
			expect(r.status).toBe(1);
			expect(`${r.stdout}${r.stderr}`).not.toContain(SECRET);
			expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|internal error|TypeError/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
