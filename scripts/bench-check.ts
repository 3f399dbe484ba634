/**
 * `npm run bench:check`: how fast the coverage gate is, against the site build on the same
 * content. Generates synthetic content (default 1,000 surfaces × 5 runbooks) into a temporary
 * folder, then reports wall time and peak memory of:
 *   - the gate and alerts:verify on the shipped content (Node start-up included), as a ratio to
 *     a bare `node -e 0` measured in the same run,
 *   - the gate on the synthetic content (first run, then the best of three),
 *   - `astro build` of the site on the synthetic content (unless --skip-build).
 * Options: --surfaces N, --runbooks-per-surface N, --teams N, --skip-build, --keep.
 * Prints figures; asserts nothing. Exit 2 on a usage error or when a measured command fails.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCliArgs } from '../src/cli/args.ts';
import { isoDay } from '../src/core/readiness/review.ts';
import { writeSyntheticContent } from './lib/synthetic-content.ts';

const REPO = resolve(import.meta.dirname, '..');

interface Args {
	surfaces: number;
	runbooksPerSurface: number;
	teams: number;
	skipBuild: boolean;
	keep: boolean;
}

function parseArgs(argv: string[]): Args {
	const { values } = parseCliArgs(argv, {
		surfaces: { type: 'string' },
		'runbooks-per-surface': { type: 'string' },
		teams: { type: 'string' },
		'skip-build': { type: 'boolean' },
		keep: { type: 'boolean' },
	});
	const num = (name: string, value: string | undefined, fallback: number) => {
		if (value === undefined) return fallback;
		const v = Number(value);
		if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} needs a whole number >= 1`);
		return v;
	};
	return {
		surfaces: num('surfaces', values.surfaces, 1000),
		runbooksPerSurface: num('runbooks-per-surface', values['runbooks-per-surface'], 5),
		teams: num('teams', values.teams, 50),
		skipBuild: values['skip-build'] === true,
		keep: values.keep === true,
	};
}

interface Measure {
	readonly wallSeconds: number;
	/** Peak resident memory in MiB, when /usr/bin/time can tell. */
	readonly peakMiB: number | undefined;
	readonly status: number | null;
	readonly stderr: string;
}

const GNU_TIME = (() => {
	try {
		accessSync('/usr/bin/time', constants.X_OK);
		return '/usr/bin/time';
	} catch {
		return undefined;
	}
})();

/** Run a command, measuring wall time (here) and peak RSS (GNU time's %M, in KiB). */
function measure(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Measure {
	const started = process.hrtime.bigint();
	const r = GNU_TIME
		? spawnSync(GNU_TIME, ['-f', 'LAUNCHBOOK_BENCH_MAXRSS_KB=%M', cmd, ...args], {
				cwd,
				env,
				encoding: 'utf8',
				maxBuffer: 512 * 1024 * 1024,
				stdio: ['ignore', 'pipe', 'pipe'],
			})
		: spawnSync(cmd, args, {
				cwd,
				env,
				encoding: 'utf8',
				maxBuffer: 512 * 1024 * 1024,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
	const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
	const rss = /LAUNCHBOOK_BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr ?? '');
	return {
		wallSeconds,
		peakMiB: rss ? Number(rss[1]) / 1024 : undefined,
		status: r.status,
		stderr: `${r.stdout ?? ''}\n${r.stderr ?? ''}`,
	};
}

const fmt = (m: Measure) =>
	`${m.wallSeconds.toFixed(2)} s wall, ${m.peakMiB === undefined ? 'peak memory n/a (no /usr/bin/time)' : `${m.peakMiB.toFixed(0)} MiB peak RSS`}`;

function gate(root: string, today: string): Measure {
	return measure(
		process.execPath,
		[
			join(REPO, 'scripts/check.mjs'),
			'--root',
			root,
			'--today',
			today,
			'--format',
			'json',
			'--output',
			join(tmpdir(), `launchbook-bench-${process.pid}.json`),
		],
		REPO,
	);
}

function main(): number {
	let args: Args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(
			`bench:check: ${(error as Error).message}.\nUsage: npm run bench:check -- [--surfaces N] [--runbooks-per-surface N] [--teams N] [--skip-build] [--keep]\n`,
		);
		return 2;
	}
	const today = isoDay(new Date());
	// Inside the repository (bench-results/ is git-ignored) so the copied site resolves this
	// repository's node_modules by walking up, as a real checkout would; Vite rejects a symlink.
	mkdirSync(join(REPO, 'bench-results'), { recursive: true });
	const work = mkdtempSync(join(REPO, 'bench-results', 'run-'));
	const site = join(work, 'site');
	const out: string[] = [];
	const say = (line: string) => {
		out.push(line);
		process.stdout.write(`${line}\n`);
	};
	try {
		say(
			`Launchbook coverage-gate benchmark — ${today}, Node ${process.versions.node}, ${GNU_TIME ? 'peak memory by /usr/bin/time' : 'no /usr/bin/time: wall time only'}`,
		);

		// The shipped content, as `npm run check` sees it, against a bare Node start measured in
		// the same run and interleaved with it, so both see the same machine load. The first runs
		// warm Node's compile cache and the CLI bundles (scripts/lib/fast-start.ts).
		const bare = () => measure(process.execPath, ['-e', '0'], REPO);
		const verify = () =>
			measure(
				process.execPath,
				[join(REPO, 'scripts/alerts-verify.mjs'), '--site', verifySite, '--format', 'json', verifyRules],
				REPO,
			);
		const verifySite = join(work, 'verify-site');
		const verifyRules = join(work, 'verify-rules');
		const exported = measure(process.execPath, [join(REPO, 'scripts/alerts-export.ts'), '--out', verifyRules], REPO);
		if (exported.status !== 0) throw new Error(`alerts:export failed: ${exported.stderr.trim()}`);
		mkdirSync(verifySite, { recursive: true });
		writeFileSync(join(verifySite, 'index.html'), '<!doctype html><title>bench</title>');
		gate(REPO, today);
		verify();
		const runs = { bare: [] as Measure[], gate: [] as Measure[], verify: [] as Measure[] };
		for (let i = 0; i < 7; i++) {
			runs.bare.push(bare());
			runs.gate.push(gate(REPO, today));
			runs.verify.push(verify());
		}
		const best = (ms: Measure[]) => [...ms].sort((a, b) => a.wallSeconds - b.wallSeconds)[0]!;
		const node0 = best(runs.bare);
		const shipped = best(runs.gate);
		const verified = best(runs.verify);
		say(`bare node -e 0:                        ${fmt(node0)} (best of 7)`);
		say(
			`gate, shipped content:                 ${fmt(shipped)} (best of 7; exit ${shipped.status}); ${(shipped.wallSeconds / node0.wallSeconds).toFixed(1)}× a bare Node start (target ≤ 6×)`,
		);
		say(
			`alerts:verify, shipped export:         ${fmt(verified)} (best of 7; exit ${verified.status}); ${(verified.wallSeconds / node0.wallSeconds).toFixed(1)}× a bare Node start`,
		);

		const t0 = process.hrtime.bigint();
		const { files } = writeSyntheticContent(site, {
			surfaces: args.surfaces,
			runbooksPerSurface: args.runbooksPerSurface,
			teams: args.teams,
			today,
		});
		const cw = measure(process.execPath, [join(REPO, 'scripts/codeowners.ts'), '--root', site], REPO);
		if (cw.status !== 0) throw new Error(`codeowners failed: ${cw.stderr.trim()}`);
		say(
			`synthetic content: ${args.surfaces} surfaces, ${args.surfaces * args.runbooksPerSurface} runbooks, ${files} files (written in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s) in ${site}`,
		);

		const first = gate(site, today);
		if (first.status !== 0)
			throw new Error(
				`the gate found problems in the synthetic content (exit ${first.status}):\n${first.stderr.slice(0, 2000)}`,
			);
		const warm = [gate(site, today), gate(site, today), gate(site, today)].sort(
			(a, b) => a.wallSeconds - b.wallSeconds,
		)[0]!;
		say(`gate, synthetic content, first run:    ${fmt(first)}`);
		say(`gate, synthetic content:               ${fmt(warm)} (best of 3)`);

		if (args.skipBuild) {
			say('astro build: skipped (--skip-build)');
			return 0;
		}
		// The site, built from the same content: the project's code next to the synthetic content.
		for (const entry of ['src', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'public']) {
			if (existsSync(join(REPO, entry)))
				cpSync(join(REPO, entry), join(site, entry), {
					recursive: true,
					filter: (p) => !p.includes(`${join(REPO, 'public', 'status')}`),
				});
		}
		const env = {
			...process.env,
			LAUNCHBOOK_OUT_DIR: join(work, 'dist'),
			LAUNCHBOOK_CACHE_DIR: join(work, 'cache'),
			LAUNCHBOOK_ROOT: site,
			LAUNCHBOOK_TODAY: today,
			ASTRO_TELEMETRY_DISABLED: '1',
		};
		const build = measure(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build'], site, env);
		if (build.status !== 0) {
			say(
				`astro build, synthetic content:        FAILED (exit ${build.status}) after ${build.wallSeconds.toFixed(1)} s`,
			);
			process.stderr.write(build.stderr.split('\n').slice(-30).join('\n'));
			return 2;
		}
		const pages = /(\d+) page\(s\) built/.exec(build.stderr)?.[1];
		say(`astro build, synthetic content:        ${fmt(build)}${pages ? ` (${pages} pages)` : ''}`);
		say(`gate vs build on the same content:     ${(build.wallSeconds / warm.wallSeconds).toFixed(1)}× faster`);
		return 0;
	} catch (error) {
		process.stderr.write(`bench:check: ${(error as Error).message}\n`);
		return 2;
	} finally {
		if (args.keep) process.stderr.write(`kept ${work}\n`);
		else rmSync(work, { recursive: true, force: true });
	}
}

process.exitCode = main();
