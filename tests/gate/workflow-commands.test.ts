/**
 * Nothing `check`, `alerts:verify` or `status` prints can form a GitHub Actions workflow command, and
 * the job summary carries no link, image, mention or HTML from content. Hostile names go through the
 * real CLIs as child processes: changed paths, YAML key names, alert names, file names, command-line
 * arguments, and a remote server's error text. Each output is read the way the runner reads it: line
 * by line (LF, CR or CRLF end a line), a line being a command when it starts with `::` (or `##[`)
 * after whitespace. The only commands allowed are the gate's own annotations.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { isCommandLine, neutraliseCommands, oneLine } from '../../src/core/content/workflow-commands.ts';
import { startServer } from '../status/support/loopback.ts';
import { GOOD, REPO, runCli, TODAY } from './support.ts';

const work = mkdtempSync(join(tmpdir(), 'launchbook-wfcmd-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SITE = 'https://launchbook.example.com';

/** Lines as the Actions runner splits them. */
const runnerLines = (text: string) => text.split(/\r\n|\r|\n/);

/** Command lines in `text`, as [command name, rest]. */
function commands(text: string): [string, string][] {
	return runnerLines(text)
		.filter(isCommandLine)
		.map((l) => {
			const m = /^\s*(?:::|##\[)([^\s:\]]*)(.*)$/s.exec(l)!;
			return [m[1]!, m[2]!];
		});
}

/** The gate's own annotations are the only commands on stdout; stderr has none. */
function expectNoInjectedCommand(out: { stdout: string; stderr: string }): void {
	expect(commands(out.stderr), out.stderr).toEqual([]);
	for (const [name, rest] of commands(out.stdout)) {
		expect(['error', 'warning', 'notice'], `${name}${rest}`).toContain(name);
		// Properties come first and are escaped: the first "::" ends them; data has no raw line break.
		expect(rest, rest).toMatch(/^ (file=[^:,]*,line=\d+,col=\d+,title=[^:,]*|title=[^:,]*)::/);
	}
}

const HOSTILE_PATHS = [
	'::add-mask::ghp_pretend',
	'  ::error file=x.go::injected from a path',
	'services/a\r::warning::after a carriage return.go',
	'services/[click me](https://evil.example/) ![pixel](https://evil.example/p.png) @example-org/admins <img src=x onerror=alert(1)> | `tick` www.evil.example.go',
];

describe('check', () => {
	it('--format github: hostile changed paths give the gate annotations only, and a summary with no foreign link', () => {
		const summary = join(work, 'summary.md');
		writeFileSync(summary, '');
		const r = runCli(['--root', GOOD, '--today', TODAY, '--format', 'github', '--changed-files', '-'], {
			env: { GITHUB_STEP_SUMMARY: summary },
			input: `${HOSTILE_PATHS.join('\n')}\n`,
		});
		expect(r.status).toBe(0);
		expectNoInjectedCommand(r);
		expect(commands(r.stdout).map(([n]) => n)).toEqual(['warning', 'warning', 'warning', 'warning']);
		// The text report shows each path, quoted where it would read as a command.
		expect(r.stderr).toContain(
			"> ::add-mask::ghp_pretend:1:1  warning  changed-path-unowned  ::add-mask::ghp_pretend changes, but no surface's codePaths match it.",
		);
		expect(r.stderr).toContain('services/a\\r::warning::after a carriage return.go:1:1  warning');

		const md = readFileSync(summary, 'utf8');
		for (const raw of ['](https://evil', '![', '@example-org', '<img', 'www.evil', '`tick`'])
			expect(md).not.toContain(raw);
		const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
		const found: { type: string; url?: string }[] = [];
		const walk = (n: { type: string; url?: string; children?: unknown[] }) => {
			if (['link', 'image', 'html', 'inlineCode', 'linkReference', 'imageReference'].includes(n.type))
				found.push(n.type === 'html' ? { type: `html ${(n as { value?: string }).value}` } : n);
			for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
		};
		walk(tree);
		// Our own rule links and the location's <code> tags, nothing else.
		expect(found.map((n) => [n.type, n.url])).toEqual(
			Array.from({ length: 4 }, () => [
				['link', `${SITE}/rules/changed-path-unowned/`],
				['html <code>', undefined],
				['html </code>', undefined],
			]).flat(),
		);
		// One row per finding: no "|" in a path split a cell.
		const rows = md.split('\n').filter((l) => l.startsWith('| warning |'));
		expect(rows).toHaveLength(4);
		for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(7);
		// The reader still sees what the path says.
		expect(md).toContain(
			'services/&#91;click me&#93;&#40;https&#58;&#8203;//evil.example/&#41; &#33;&#91;pixel&#93;&#40;https&#58;&#8203;//evil.example/p.png&#41; &#64;&#8203;example-org/admins &lt;img src=x onerror=alert&#40;1&#41;&gt; &#124; &#96;tick&#96; www&#8203;&#46;evil.example.go changes',
		);
	});

	it('text format: a YAML key name with a line break and a command stays on its finding line', () => {
		const root = join(work, 'key-names');
		spawnSync('cp', ['-r', GOOD, root]);
		const file = join(root, 'content/surfaces/ledger.yaml');
		const before = readFileSync(file, 'utf8');
		// The key goes on the line after the fixture's last one.
		const line = before.split('\n').length;
		writeFileSync(file, `${before}"x\\n::add-mask::leak\\r::error::pwned": 1\n`);
		const r = runCli(['--root', root, '--today', TODAY]);
		expect(r.status).toBe(1);
		expectNoInjectedCommand(r);
		expect(r.stderr).toContain(
			`content/surfaces/ledger.yaml:${line}:1  error  content-schema  x\\n::add-mask::leak\\r::error::pwned: is not a known field; remove it or check its spelling.`,
		);
	});

	it('usage errors that echo an argument cannot start a command line', () => {
		for (const args of [
			['--today', '2026-01-01\n::add-mask::x'],
			['--root', '/nonexistent\n::error::x'],
			['--format', '\r::warning::x'],
			['::error::positional'],
		]) {
			const r = runCli(args);
			expect(r.status, args.join(' ')).toBe(2);
			expectNoInjectedCommand(r);
		}
	});
});

describe('alerts:verify', () => {
	it('file names and alert names from foreign rule files cannot form a command', () => {
		const dir = join(work, 'alerts');
		mkdirSync(dir, { recursive: true });
		writeFileSync(
			join(dir, '::add-mask::secret.rules.yaml'),
			[
				'groups:',
				'  - name: hostile',
				'    rules:',
				'      - alert: "Evil\\n::error file=x::injected"',
				'        expr: up == 0',
				'        annotations:',
				'          runbook_url: "https://launchbook.example.com/nope/\\n::warning::x"',
				'',
			].join('\n'),
		);
		for (const format of ['text', 'github']) {
			const r = spawnSync(
				process.execPath,
				[
					join(REPO, 'scripts/alerts-verify.mjs'),
					'--root',
					REPO,
					'--site',
					inject('builtSite'),
					'--format',
					format,
					'::add-mask::secret.rules.yaml',
				],
				{ cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: '' } },
			);
			expect(r.status, r.stderr).toBe(1);
			expectNoInjectedCommand(r);
			expect(r.stderr).toContain('> ::add-mask::secret.rules.yaml:');
		}
	});
});

describe('status', () => {
	it('remote error text with line breaks and commands is quoted in what the run prints', async () => {
		const prom = await startServer((_req, res) => {
			res.writeHead(400, { 'content-type': 'application/json' }).end(
				JSON.stringify({
					status: 'error',
					errorType: 'bad_data',
					error: 'parse error\n::add-mask::oops\r::error::pwned',
				}),
			);
		});
		const root = join(work, 'status');
		mkdirSync(join(root, 'content/surfaces'), { recursive: true });
		writeFileSync(
			join(root, 'launchbook.config.yaml'),
			`site: { url: ${SITE}, organisation: Example Integrations }\nstatus: { prometheusUrl: "${prom.url}", outputDir: out }\n`,
		);
		writeFileSync(
			join(root, 'content/surfaces/billing-events.yaml'),
			[
				'id: billing-events',
				'name: Billing events',
				'description: Stripe events in, ledger entries out.',
				'tier: 1',
				'owner: { primary: billing-team }',
				'onCall: https://example-org.pagerduty.example.com/schedules/billing',
				'checks:',
				'  - { id: p95, name: Latency, kind: prometheus, query: up, thresholds: { direction: above, degraded: 1, down: 2 } }',
				'',
			].join('\n'),
		);
		try {
			const r = await new Promise<{ stdout: string; stderr: string; status: number | null }>((resolve) => {
				const child = spawn(process.execPath, [join(REPO, 'scripts/status.ts'), '--root', root], {
					env: { ...process.env, GITHUB_TOKEN: '' },
				});
				let stdout = '';
				let stderr = '';
				child.stdout.on('data', (d: Buffer) => (stdout += d));
				child.stderr.on('data', (d: Buffer) => (stderr += d));
				child.on('close', (status) => resolve({ stdout, stderr, status }));
			});
			expect(r.status).toBe(0);
			expect(r.stderr).toContain('parse error\n> ::add-mask::oops\n> ::error::pwned');
			expectNoInjectedCommand(r);
			// The summary of the run escapes it too.
			const summary = spawnSync(process.execPath, [join(REPO, 'scripts/status-summary.ts'), '--root', root], {
				encoding: 'utf8',
			});
			expect(summary.status).toBe(0);
			expectNoInjectedCommand(summary);
			expect(summary.stdout).toContain('| Billing events | unknown |');
		} finally {
			await prom.close();
		}
	});
});

describe('the pieces', () => {
	it.each([
		['::error::x', '> ::error::x'],
		['  \t::add-mask::x', '>   \t::add-mask::x'],
		['\u00a0\u3000::warning::x', '> \u00a0\u3000::warning::x'],
		['\u001b[1m::error::x', '> \u001b[1m::error::x'],
		['##[group]x', '> ##[group]x'],
		['a ::error::x', 'a ::error::x'],
		[': :error', ': :error'],
		['a\r::error::x', 'a\n> ::error::x'],
	])('neutraliseCommands(%j)', (input, output) => {
		expect(neutraliseCommands(input)).toBe(output);
		expect(runnerLines(neutraliseCommands(input)).some(isCommandLine)).toBe(false);
	});

	it('oneLine shows CR and LF', () => {
		expect(oneLine('a\r\nb\nc')).toBe('a\\r\\nb\\nc');
	});
});
