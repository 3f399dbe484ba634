/**
 * Performance budget of the incident-time experience. Prints:
 *   - JavaScript a runbook page ships beyond what Starlight itself ships (budget 10 KB),
 *     measured against a vanilla Starlight page built on the spot with the same versions;
 *   - the size of the offline kit (budget 2 MB) and of each team's kit;
 *   - on synthetic content (100 surfaces × 5 runbooks, 20 teams, built on the spot): the size of
 *     every team's kit (budget 1 MiB each) and of the whole platform's kit (reported).
 *
 * Usage: node scripts/bench-budget.ts [--dist DIR] [--surfaces N] [--runbooks N] [--teams N] [--no-synthetic]
 *   --dist DIR      measure an existing build instead of building the site into a temp folder.
 *   --surfaces N, --runbooks N, --teams N   size of the synthetic content (100, 5, 20).
 *   --no-synthetic  skip the synthetic build.
 * Exit codes: 0 within budget, 1 over budget, 2 usage or internal error.
 */
import { execFileSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { moduleImports, pageScripts } from '../src/core/site/page-scripts.ts';
import { parseCliArgs, UsageError } from '../src/cli/args.ts';
import { writeSyntheticContent } from './lib/synthetic-content.ts';

const JS_BUDGET = 10 * 1024;
const KIT_BUDGET = 2 * 1024 * 1024;
const TEAM_KIT_BUDGET = 1024 * 1024;
const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const astroBin = (() => {
	const require = createRequire(import.meta.url);
	const pkgFile = require.resolve('astro/package.json');
	const bin = (JSON.parse(readFileSync(pkgFile, 'utf8')) as { bin: { astro: string } }).bin.astro;
	return join(dirname(pkgFile), bin);
})();

interface Item {
	readonly name: string;
	/** What identifies the same script across builds: the chunk name without its hash, or an inline body. */
	readonly key: string;
	readonly bytes: number;
	readonly gzip: number;
}

function build(projectRoot: string, outDir: string, cacheDir: string): void {
	execFileSync(process.execPath, [astroBin, 'build', '--root', projectRoot], {
		cwd: projectRoot,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			LAUNCHBOOK_OUT_DIR: outDir,
			LAUNCHBOOK_CACHE_DIR: cacheDir,
			ASTRO_TELEMETRY_DISABLED: '1',
			NODE_ENV: 'production',
		},
	});
}

/** A vanilla Starlight site with one docs page (heading, list, code block): what Starlight ships on its own. */
function buildBaseline(work: string): string {
	const project = join(root, 'bench-results', `starlight-baseline-${process.pid}`);
	rmSync(project, { recursive: true, force: true });
	mkdirSync(join(project, 'src/content/docs'), { recursive: true });
	writeFileSync(
		join(project, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ outDir: ${JSON.stringify(join(work, 'baseline'))}, cacheDir: ${JSON.stringify(join(work, 'baseline-cache'))}, integrations: [starlight({ title: 'Baseline', sidebar: [{ label: 'Page', link: '/page/' }] })] });\n`,
	);
	writeFileSync(
		join(project, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
	);
	writeFileSync(join(project, 'src/content/docs/index.mdx'), `---\ntitle: Home\n---\n\nHome.\n`);
	writeFileSync(
		join(project, 'src/content/docs/page.mdx'),
		`---\ntitle: Page\n---\n\n## Rollback\n\n1. Run this:\n\n   \`\`\`sh\n   gcloud run services update-traffic svc --to-revisions=rev=100\n   \`\`\`\n\n2. Check it.\n\n## Escalation\n\nPage the on-call.\n`,
	);
	try {
		build(project, join(work, 'baseline'), join(work, 'baseline-cache'));
	} finally {
		rmSync(project, { recursive: true, force: true });
	}
	return join(work, 'baseline', 'page', 'index.html');
}

/** Every script a page ships: inline bodies and each module file reachable from its `<script src>`. */
function scriptsOf(dist: string, pageFile: string): Item[] {
	const html = readFileSync(pageFile, 'utf8');
	const { external, inline } = pageScripts(html);
	const items: Item[] = inline.map((body, i) => ({
		name: `inline script #${i + 1} (${JSON.stringify(body.trim().slice(0, 40))}…)`,
		key: `inline:${body.trim()}`,
		bytes: Buffer.byteLength(body),
		gzip: gzipSync(body).length,
	}));
	const seen = new Set<string>();
	const visit = (abs: string) => {
		if (seen.has(abs) || !existsSync(abs)) return;
		seen.add(abs);
		const code = readFileSync(abs);
		const name = relative(dist, abs);
		items.push({ name, key: stem(name), bytes: code.length, gzip: gzipSync(code).length });
		for (const spec of moduleImports(code.toString('utf8'))) visit(resolve(dirname(abs), spec));
	};
	for (const src of external) {
		if (/^[a-z]+:|^\/\//i.test(src)) continue;
		visit(src.startsWith('/') ? join(dist, src) : resolve(dirname(pageFile), src));
	}
	return items;
}

function htmlFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return (readdirSync(dir, { recursive: true }) as string[])
		.filter((f) => f.endsWith('index.html'))
		.map((f) => join(dir, f))
		.sort();
}

const sum = (items: readonly Item[], key: 'bytes' | 'gzip') => items.reduce((n, it) => n + it[key], 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
/** Chunk name without Vite's content hash, so the same script matches across builds. */
const stem = (name: string) => name.replace(/\.[A-Za-z0-9_-]{8}\.js$/, '.js');

/** Sizes of the kits of a build: the whole platform's and each team's (`offline-kit/<team>.html`). */
function kitSizes(dist: string): { whole: number | undefined; teams: { file: string; bytes: number }[] } {
	const whole = join(dist, 'offline-kit.html');
	const dir = join(dist, 'offline-kit');
	const teams = existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith('.html') && f !== 'index.html')
				.sort()
				.map((f) => ({ file: `offline-kit/${f}`, bytes: statSync(join(dir, f)).size }))
		: [];
	return { whole: existsSync(whole) ? statSync(whole).size : undefined, teams };
}

/**
 * Build the site on synthetic content in a scratch project (this repository's code, generated
 * content) and report its kits: every team kit within {@link TEAM_KIT_BUDGET}.
 */
function syntheticKits(work: string, o: { surfaces: number; runbooks: number; teams: number }): boolean {
	// Inside the repository (bench-results/ is ignored), so node_modules resolves by walking up, as for the baseline.
	const project = join(root, 'bench-results', `synthetic-${process.pid}`);
	rmSync(project, { recursive: true, force: true });
	mkdirSync(project, { recursive: true });
	for (const f of ['src', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
		cpSync(join(root, f), join(project, f), { recursive: true });
	const today = '2026-12-02';
	writeSyntheticContent(project, { surfaces: o.surfaces, runbooksPerSurface: o.runbooks, teams: o.teams, today });
	const t0 = Date.now();
	try {
		execFileSync(process.execPath, [astroBin, 'build', '--root', project], {
			cwd: project,
			stdio: ['ignore', 'ignore', 'inherit'],
			env: {
				...process.env,
				LAUNCHBOOK_ROOT: project,
				LAUNCHBOOK_OUT_DIR: join(work, 'synthetic-dist'),
				LAUNCHBOOK_CACHE_DIR: join(work, 'synthetic-cache'),
				LAUNCHBOOK_TODAY: today,
				// The synthetic tree has no CODEOWNERS file; that finding is not what is measured here.
				LAUNCHBOOK_GATE: 'warn',
				ASTRO_TELEMETRY_DISABLED: '1',
				NODE_ENV: 'production',
			},
		});
	} finally {
		rmSync(project, { recursive: true, force: true });
	}
	const sizes = kitSizes(join(work, 'synthetic-dist'));
	process.stdout.write(
		`\nSynthetic content: ${o.surfaces} surfaces × ${o.runbooks} runbooks, ${o.teams} teams (built in ${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
	);
	if (sizes.whole !== undefined)
		process.stdout.write(
			`  whole-platform kit offline-kit.html: ${kb(sizes.whole)} (${sizes.whole} bytes; reported, no budget)\n`,
		);
	if (sizes.teams.length === 0) {
		process.stderr.write('bench-budget: the synthetic build wrote no team kits.\n');
		return false;
	}
	const largest = [...sizes.teams].sort((a, b) => b.bytes - a.bytes)[0]!;
	const over = sizes.teams.filter((t) => t.bytes > TEAM_KIT_BUDGET);
	const total = sizes.teams.reduce((n, t) => n + t.bytes, 0);
	process.stdout.write(
		`  team kits: ${sizes.teams.length}; largest ${largest.file} ${kb(largest.bytes)} (${largest.bytes} bytes), mean ${kb(total / sizes.teams.length)}; budget ${kb(TEAM_KIT_BUDGET)} each: ${over.length === 0 ? 'OK' : `OVER BUDGET (${over.map((t) => t.file).join(', ')})`}\n`,
	);
	return over.length === 0;
}

function main(argv: string[]): number {
	let dist: string | undefined;
	const synthetic = { surfaces: 100, runbooks: 5, teams: 20, run: true };
	try {
		const { values } = parseCliArgs(argv, {
			dist: { type: 'string' },
			surfaces: { type: 'string' },
			runbooks: { type: 'string' },
			teams: { type: 'string' },
			'no-synthetic': { type: 'boolean' },
		});
		if (values.dist !== undefined) dist = resolve(values.dist);
		for (const k of ['surfaces', 'runbooks', 'teams'] as const) {
			const v = values[k];
			if (v === undefined) continue;
			if (!/^[1-9]\d*$/.test(v)) throw new UsageError(`--${k} must be a whole number above 0, not "${v}"`);
			synthetic[k] = Number(v);
		}
		if (values['no-synthetic']) synthetic.run = false;
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		process.stderr.write(
			`bench-budget: ${error.message}. Usage: node scripts/bench-budget.ts [--dist DIR] [--surfaces N] [--runbooks N] [--teams N] [--no-synthetic]\n`,
		);
		return 2;
	}
	const work = mkdtempSync(join(tmpdir(), 'launchbook-bench-'));
	try {
		if (!dist) {
			dist = join(work, 'dist');
			const t0 = Date.now();
			build(root, dist, join(work, 'cache'));
			process.stdout.write(`built the site in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
		}
		const runbookPages = htmlFiles(join(dist, 'runbooks')).filter(
			(f) => relative(join(dist!, 'runbooks'), f).split('/').length > 2,
		);
		if (runbookPages.length === 0) {
			process.stderr.write(`bench-budget: no runbook pages under ${join(dist, 'runbooks')}; build the site first.\n`);
			return 2;
		}
		const baselinePage = buildBaseline(work);
		const baseline = scriptsOf(join(work, 'baseline'), baselinePage);
		const own = new Set(baseline.map((it) => it.key));
		const ours = (items: readonly Item[]) => items.filter((it) => !own.has(it.key));

		process.stdout.write(
			`\nStarlight's own JavaScript (vanilla Starlight docs page, same versions): ${kb(sum(baseline, 'bytes'))} (${kb(sum(baseline, 'gzip'))} gzip)\n`,
		);
		let worst = { page: '', beyond: Number.NEGATIVE_INFINITY, items: [] as Item[] };
		for (const page of runbookPages) {
			const items = scriptsOf(dist, page);
			const beyond = sum(ours(items), 'bytes');
			if (beyond > worst.beyond) worst = { page, beyond, items };
		}
		process.stdout.write(
			`\nRunbook pages measured: ${runbookPages.length}; heaviest: /${relative(dist, worst.page).replace(/index\.html$/, '')}\n`,
		);
		for (const it of worst.items) {
			process.stdout.write(
				`  ${own.has(it.key) ? 'starlight' : 'ours     '}  ${String(it.bytes).padStart(7)} B  ${String(it.gzip).padStart(6)} B gzip  ${it.name}\n`,
			);
		}
		const total = sum(worst.items, 'bytes');
		const beyond = worst.beyond;
		const jsOk = beyond <= JS_BUDGET;
		process.stdout.write(`  total ${kb(total)} (${kb(sum(worst.items, 'gzip'))} gzip)\n`);
		process.stdout.write(
			`\nJS on a runbook page beyond Starlight's own: ${kb(beyond)} (${beyond} bytes, ${kb(sum(ours(worst.items), 'gzip'))} gzip); budget ${kb(JS_BUDGET)}: ${jsOk ? 'OK' : 'OVER BUDGET'}\n`,
		);

		const kitFile = join(dist, 'offline-kit.html');
		if (!existsSync(kitFile)) {
			process.stderr.write(`bench-budget: ${kitFile} is missing; the offline-kit integration did not run.\n`);
			return 1;
		}
		const kitBytes = statSync(kitFile).size;
		const kitGzip = gzipSync(readFileSync(kitFile)).length;
		const kitOk = kitBytes <= KIT_BUDGET;
		process.stdout.write(
			`Offline kit (offline-kit.html): ${kb(kitBytes)} (${kitBytes} bytes, ${kb(kitGzip)} gzip); budget ${kb(KIT_BUDGET)}: ${kitOk ? 'OK' : 'OVER BUDGET'}\n`,
		);
		const shipped = kitSizes(dist);
		for (const t of shipped.teams)
			process.stdout.write(
				`  team kit ${t.file}: ${kb(t.bytes)} (${t.bytes} bytes); budget ${kb(TEAM_KIT_BUDGET)}: ${t.bytes <= TEAM_KIT_BUDGET ? 'OK' : 'OVER BUDGET'}\n`,
			);
		const teamsOk = shipped.teams.every((t) => t.bytes <= TEAM_KIT_BUDGET);
		const syntheticOk = synthetic.run ? syntheticKits(work, synthetic) : true;
		return jsOk && kitOk && teamsOk && syntheticOk ? 0 : 1;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

try {
	process.exitCode = main(process.argv.slice(2));
} catch (error) {
	process.stderr.write(`bench-budget: ${(error as Error).message}\n`);
	process.exitCode = 2;
}
