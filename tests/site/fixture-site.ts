/**
 * Builds a fixture content tree with the real site (this repository's `src/` and Astro
 * config) in a temporary root, so page behaviour can be pinned on content the test controls.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';

const REPO = resolve(import.meta.dirname, '../..');

export interface FixtureSite {
	readonly dist: string;
	/** The temporary root the site was built in. */
	readonly root: string;
	/** Removes the temporary root. */
	readonly cleanup: () => void;
}

export interface BuildOptions {
	/** Replaces `site.url` in the copied launchbook.config.yaml (a base path comes from its path). */
	readonly siteUrl?: string;
	/** Output folder inside the temporary root (default `dist`); `serve/repo` lets a server at `serve/` host it under /repo/. */
	readonly outDir?: string;
	/** Build as `npm run build` does for publishing (NODE_ENV=production: Pagefind search included). */
	readonly production?: boolean;
}

/** Build `tests/site/fixtures/<name>/` (a `content/` folder and a `launchbook.config.yaml`) with the build date pinned. */
export function buildFixtureSite(name: string, today: string, options: BuildOptions = {}): FixtureSite {
	return buildFrom(join(REPO, 'tests/site/fixtures', name), name, today, options);
}

/** Build the shipped content (this repository's `content/` and config) in a temporary root. */
export function buildShippedSite(today: string, options: BuildOptions = {}): FixtureSite {
	return buildFrom(REPO, 'shipped', today, options);
}

/**
 * A temporary site root holding `tests/site/fixtures/<name>/` (a `content/` folder and a `launchbook.config.yaml`)
 * and this repository's site and scripts, unbuilt: build it with `astro build` or `node scripts/build.ts` from there.
 */
export function prepareFixtureRoot(name: string): string {
	return prepareRoot(join(REPO, 'tests/site/fixtures', name), name, {});
}

function buildFrom(source: string, name: string, today: string, options: BuildOptions): FixtureSite {
	const root = prepareRoot(source, name, options);
	const dist = join(root, options.outDir ?? 'dist');
	try {
		build(root, dist, today, options.production === true);
	} catch (error) {
		rmSync(root, { recursive: true, force: true }); // a failed build leaves no temporary root behind
		throw error;
	}
	return { dist, root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function prepareRoot(source: string, name: string, options: BuildOptions): string {
	const root = mkdtempSync(join(tmpdir(), `launchbook-fixture-${name}-`));
	cpSync(join(source, 'content'), join(root, 'content'), { recursive: true });
	const config = join(root, 'launchbook.config.yaml');
	cpSync(join(source, 'launchbook.config.yaml'), config);
	if (options.siteUrl) {
		const doc = parseDocument(readFileSync(config, 'utf8'));
		doc.setIn(['site', 'url'], options.siteUrl);
		writeFileSync(config, String(doc));
	}
	for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(REPO, file), join(root, file));
	// Copied, not linked: Vite keys compiled modules by real path, and a linked src/ confuses it.
	cpSync(join(REPO, 'src'), join(root, 'src'), { recursive: true });
	// Hard links: a linked node_modules confuses Vite the same way, and a real copy is 500 MB.
	execFileSync('cp', ['-al', join(REPO, 'node_modules'), join(root, 'node_modules')]);
	cpSync(join(REPO, 'scripts'), join(root, 'scripts'), { recursive: true });
	return root;
}

/**
 * The test process's environment without what vitest puts there for its own Vite (BASE_URL=/,
 * MODE, DEV, PROD, SSR): the build's Vite would read them over Astro's `base`.
 */
export function buildEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
	return env;
}

function build(root: string, dist: string, today: string, production: boolean): void {
	execFileSync(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'pipe'],
		env: {
			...buildEnv(),
			LAUNCHBOOK_ROOT: root,
			LAUNCHBOOK_TODAY: today,
			// The fixture shows problem states on purpose: build despite coverage errors.
			LAUNCHBOOK_GATE: 'warn',
			LAUNCHBOOK_OUT_DIR: dist,
			LAUNCHBOOK_CACHE_DIR: join(root, 'cache'),
			ASTRO_TELEMETRY_DISABLED: '1',
			// vitest sets NODE_ENV=test, under which Astro makes a dev build without search.
			...(production ? { NODE_ENV: 'production' } : {}),
		},
	});
}
