/**
 * The status store under file-system faults. Two layers:
 * - an injected fs (node:fs with one call failing as the kernel would: EROFS, ENOSPC, EISDIR), so each
 *   failure point (staging, mid-write, the swap) is reached on any machine;
 * - real faults through the real CLI: status.json a folder, a newer-schema status.json, and (where this
 *   machine lets the test mount, i.e. as root or with CAP_SYS_ADMIN) a read-only tmpfs and a 64 KiB tmpfs
 *   that fills up. Without mount permission those two skip with the reason.
 * Each time: exit 0, one line naming the folder and the error, the previous files byte for byte intact,
 * and no staging or temp file left.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	readPreviousReport,
	recoverStatusDir,
	type StoreFs,
	statusFiles,
	writeStatusOutput,
} from '../../src/adapters/status/status-store.ts';
import { buildStatusReport, type StatusReport } from '../../src/core/status/report.ts';
import { type Loopback, startServer } from './support/loopback.ts';
import { runStatus } from './support/status-cli.ts';

const NOW = new Date('2026-12-02T10:00:00Z');

function report(state: 'ok' | 'down', checks = 3): StatusReport {
	return buildStatusReport(
		[
			{
				id: 'billing-events',
				name: 'Billing events',
				checks: Array.from({ length: checks }, (_, i) => ({
					id: `check-${i}`,
					surface: 'billing-events',
					kind: 'http' as const,
					name: `Check ${i}`,
					state,
					reason: state === 'ok' ? 'HTTP 200 in 12 ms.' : 'HTTP 503 (expected 200).',
					value: 12,
					unit: 'ms',
					display: '200 · 12 ms',
					observedAt: NOW.toISOString(),
					checkedAt: NOW.toISOString(),
					stale: false,
					source: 'https://billing.example.com/healthz',
					details: {},
				})),
			},
		],
		NOW,
		30,
	);
}

/** Every file under `dir`, relative path → bytes. */
function snapshot(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const rel of readdirSync(dir, { recursive: true }) as string[]) {
		const file = join(dir, rel);
		if (statSync(file).isFile()) out[rel] = readFileSync(file, 'utf8');
	}
	return out;
}

function errno(code: string, syscall: string, path: string): NodeJS.ErrnoException {
	const e = new Error(`${code}: ${syscall} '${path}'`) as NodeJS.ErrnoException;
	e.code = code;
	e.syscall = syscall;
	e.path = path;
	return e;
}

/** node:fs, with `call` failing with `code` from its `nth` use on (1-based), or on that use only (`once`). */
const realFs: StoreFs = { ...fs };

function failing(call: 'writeFileSync' | 'mkdirSync' | 'renameSync', code: string, nth = 1, once = false): StoreFs {
	let n = 0;
	const wrapped = ((...args: unknown[]) => {
		n++;
		if (once ? n === nth : n >= nth) throw errno(code, call.replace('Sync', ''), String(args[0]));
		return (realFs[call] as (...a: unknown[]) => unknown)(...args);
	}) as never;
	return { ...realFs, [call]: wrapped };
}

/** The consistency the site relies on: the folder holds exactly the badges and shields JSON of its status.json. */
function expectConsistent(dir: string): void {
	const r = JSON.parse(readFileSync(join(dir, 'status.json'), 'utf8')) as StatusReport;
	expect(snapshot(dir)).toEqual(Object.fromEntries(statusFiles(r, new Date(r.generatedAt))));
}

let work: string;
beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'launchbook-store-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('writing as one unit, through an injected fs', () => {
	const cases = [
		[
			'EROFS on the first file',
			failing('mkdirSync', 'EROFS', 2),
			'writing the new files: the file system is read-only (EROFS)',
		],
		[
			'ENOSPC half-way through',
			failing('writeFileSync', 'ENOSPC', 5),
			'writing the new files: no space is left on the device (ENOSPC)',
		],
		[
			'EISDIR on a file',
			failing('writeFileSync', 'EISDIR', 1),
			'writing the new files: a folder is where a file should be (EISDIR)',
		],
		[
			'EROFS on the swap',
			failing('renameSync', 'EROFS', 1),
			'swapping the new files in: the file system is read-only (EROFS)',
		],
		[
			'ENOSPC on the second rename',
			failing('renameSync', 'ENOSPC', 2, true),
			'swapping the new files in: no space is left on the device (ENOSPC)',
		],
	] as const;
	it.each(cases)('%s: previous files intact, nothing left over, one clear message', (_, layer, why) => {
		const parent = mkdtempSync(join(work, 'inject-'));
		const dir = join(parent, 'status');
		const first = writeStatusOutput(dir, report('ok'), NOW);
		expect(first.ok).toBe(true);
		const before = snapshot(dir);
		const r = writeStatusOutput(dir, report('down'), NOW, layer);
		expect(r).toEqual({
			ok: false,
			message: `could not write ${dir}: ${why}; the previous files are left as they were, and the next run tries again.`,
		});
		expect(snapshot(dir)).toEqual(before);
		expect(readdirSync(parent)).toEqual(['status']);
		expectConsistent(dir);
	});

	it('a successful write replaces status.json, badges and shields together', () => {
		const parent = mkdtempSync(join(work, 'ok-'));
		const dir = join(parent, 'status');
		writeStatusOutput(dir, report('ok', 5), NOW);
		const r = writeStatusOutput(dir, report('down', 2), NOW);
		expect(r.ok).toBe(true);
		expect(Object.keys(snapshot(dir)).sort()).toEqual([
			'badges/billing-events.svg',
			'badges/billing-events/check-0.svg',
			'badges/billing-events/check-1.svg',
			'shields/billing-events.json',
			'shields/billing-events/check-0.json',
			'shields/billing-events/check-1.json',
			'status.json',
		]);
		expect(readdirSync(parent)).toEqual(['status']);
		expectConsistent(dir);
	});

	it('a run stopped between its two renames is rolled back by the next one', () => {
		const parent = mkdtempSync(join(work, 'half-'));
		const dir = join(parent, 'status');
		writeStatusOutput(dir, report('ok'), NOW);
		const before = snapshot(dir);
		// What a SIGKILL after the first rename leaves: the old folder renamed away, the new one still staged.
		fs.renameSync(dir, join(parent, '.status.previous-999999999-0a0b0c0d'));
		mkdirSync(join(parent, '.status.staging-999999999-0a0b0c0d'));
		writeFileSync(join(parent, '.status.staging-999999999-0a0b0c0d/status.json'), '{"half": ');
		expect(recoverStatusDir(dir)).toEqual([
			'restored status from .status.previous-999999999-0a0b0c0d (a run was stopped while swapping it in)',
			'removed .status.staging-999999999-0a0b0c0d, left by a run that was stopped',
		]);
		expect(snapshot(dir)).toEqual(before);
		expect(readdirSync(parent)).toEqual(['status']);
	});

	it("a live run's staging folder is not touched by another process's recovery", () => {
		const parent = mkdtempSync(join(work, 'live-'));
		const dir = join(parent, 'status');
		writeStatusOutput(dir, report('ok'), NOW);
		const mine = `.status.staging-${process.pid}-00000000`;
		mkdirSync(join(parent, mine));
		expect(recoverStatusDir(dir)).toEqual([]);
		expect(readdirSync(parent).sort()).toEqual([mine, 'status']);
	});

	it('a newer-schema status.json is recognised before it is parsed', () => {
		const dir = mkdtempSync(join(work, 'newer-'));
		writeFileSync(
			join(dir, 'status.json'),
			'{"schemaVersion": 2, "surfaces": {"a": "shape this version cannot read"}}',
		);
		expect(readPreviousReport(dir)).toEqual({ newerSchema: 2 });
	});
});

// --- through the real CLI ---

let web: Loopback;
beforeAll(async () => {
	web = await startServer((_req, res) => res.writeHead(200).end('status: ok'));
});
afterAll(async () => web?.close());

/** A content root whose status goes to `<root>/public/status`, with `checks` http checks on one surface. */
function contentRoot(name: string, checks = 3): string {
	const root = mkdtempSync(join(work, `${name}-`));
	mkdirSync(join(root, 'content/surfaces'), { recursive: true });
	writeFileSync(
		join(root, 'launchbook.config.yaml'),
		'site: { url: https://launchbook.example.com, organisation: Example Integrations }\nstatus: { defaultTimeoutMs: 2000 }\n',
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
			...Array.from(
				{ length: checks },
				(_, i) => `  - { id: health-${i}, name: Health ${i}, kind: http, url: "${web.url}/healthz/${i}" }`,
			),
			'',
		].join('\n'),
	);
	return root;
}

function onlyLine(stderr: string): string {
	const lines = stderr.trimEnd().split('\n');
	expect(lines, stderr).toHaveLength(1);
	return lines[0]!;
}

describe('the CLI on a folder it must not write', () => {
	it('status.json is a folder: exit 0, one line, the folder untouched', async () => {
		const root = contentRoot('eisdir');
		mkdirSync(join(root, 'public/status/status.json'), { recursive: true });
		writeFileSync(join(root, 'public/status/status.json/notes.txt'), 'someone keeps notes here');
		const r = await runStatus(root, { GITHUB_TOKEN: undefined });
		expect(r.status).toBe(0);
		expect(onlyLine(r.stderr)).toBe(
			`status: ${join(root, 'public/status/status.json')} is a folder, not a file; wrote nothing and left it as it is. Remove it (or set status.outputDir to another folder) and run again.`,
		);
		expect(readFileSync(join(root, 'public/status/status.json/notes.txt'), 'utf8')).toBe('someone keeps notes here');
		expect(readdirSync(join(root, 'public'))).toEqual(['status']);
	});

	it('a newer-schema status.json is kept byte for byte, in one line', async () => {
		const root = contentRoot('newer');
		const text = '{"schemaVersion": 2, "generatedAt": "2027-01-01T00:00:00Z", "surfaces": []}\n';
		mkdirSync(join(root, 'public/status'), { recursive: true });
		writeFileSync(join(root, 'public/status/status.json'), text);
		const r = await runStatus(root, { GITHUB_TOKEN: undefined });
		expect(r.status).toBe(0);
		expect(onlyLine(r.stderr)).toBe(
			`status: ${join(root, 'public/status/status.json')} is schemaVersion 2, newer than this Launchbook writes (1); kept it as it is and wrote nothing. Update Launchbook to refresh it.`,
		);
		expect(readFileSync(join(root, 'public/status/status.json'), 'utf8')).toBe(text);
	});
});

function mount(args: string[]): boolean {
	return spawnSync('mount', args, { stdio: 'ignore' }).status === 0;
}
const mountProbe = (() => {
	const dir = mkdtempSync(join(tmpdir(), 'launchbook-mount-probe-'));
	const ok = mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
	if (ok) spawnSync('umount', [dir]);
	rmSync(dir, { recursive: true, force: true });
	return ok;
})();

describe.skipIf(!mountProbe)('the CLI on real file systems (tmpfs mounts; needs root or CAP_SYS_ADMIN)', () => {
	const mounted: string[] = [];
	afterAll(() => {
		for (const m of mounted.reverse()) spawnSync('umount', ['-l', m]);
	});

	it('a read-only file system: exit 0, one line, previous files intact', async () => {
		const root = contentRoot('erofs');
		const pub = join(root, 'public');
		mkdirSync(pub);
		expect(mount(['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', pub])).toBe(true);
		mounted.push(pub);
		expect((await runStatus(root, { GITHUB_TOKEN: undefined })).status).toBe(0);
		const before = snapshot(join(pub, 'status'));
		expect(mount(['-o', 'remount,ro', pub])).toBe(true);
		const r = await runStatus(root, { GITHUB_TOKEN: undefined });
		expect(r.status).toBe(0);
		expect(onlyLine(r.stderr)).toBe(
			`status: could not write ${join(pub, 'status')}: writing the new files: the file system is read-only (EROFS); the previous files are left as they were, and the next run tries again.`,
		);
		expect(snapshot(join(pub, 'status'))).toEqual(before);
		expect(readdirSync(pub)).toEqual(['status']);
	});

	it('a full file system (64 KiB tmpfs): exit 0, one line, previous files intact, no staging left', async () => {
		const root = contentRoot('enospc', 2);
		const pub = join(root, 'public');
		mkdirSync(pub);
		expect(mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', pub])).toBe(true);
		mounted.push(pub);
		const first = await runStatus(root, { GITHUB_TOKEN: undefined });
		expect(first.stderr).toContain('wrote 7 file(s)');
		const before = snapshot(join(pub, 'status'));
		// Fill what is left, so the staging copy cannot be written.
		try {
			writeFileSync(join(pub, 'filler'), Buffer.alloc(64 * 1024));
		} catch {
			/* full: as intended */
		}
		const r = await runStatus(root, { GITHUB_TOKEN: undefined });
		expect(r.status).toBe(0);
		expect(onlyLine(r.stderr)).toBe(
			`status: could not write ${join(pub, 'status')}: writing the new files: no space is left on the device (ENOSPC); the previous files are left as they were, and the next run tries again.`,
		);
		expect(snapshot(join(pub, 'status'))).toEqual(before);
		expect(readdirSync(pub).sort()).toEqual(['filler', 'status']);
	});
});
