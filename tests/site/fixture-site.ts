/**
 * Builds a fixture content tree with the real site (this repository's `src/` and Astro
 * config) in a temporary root, so page behaviour can be pinned on content the test controls.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');

export interface FixtureSite {
	readonly dist: string;
	/** Removes the temporary root. */
	readonly cleanup: () => void;
}

/** Build `tests/site/fixtures/<name>/` (a `content/` folder and a `launchbook.config.yaml`) with the build date pinned. */
export function buildFixtureSite(name: string, today: string): FixtureSite {
	const root = mkdtempSync(join(tmpdir(), `launchbook-fixture-${name}-`));
	const fixture = join(REPO, 'tests/site/fixtures', name);
	cpSync(join(fixture, 'content'), join(root, 'content'), { recursive: true });
	cpSync(join(fixture, 'launchbook.config.yaml'), join(root, 'launchbook.config.yaml'));
	for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(REPO, file), join(root, file));
	// Copied, not linked: Vite keys compiled modules by real path, and a linked src/ confuses it.
	cpSync(join(REPO, 'src'), join(root, 'src'), { recursive: true });
	// Hard links: a linked node_modules confuses Vite the same way, and a real copy is 500 MB.
	execFileSync('cp', ['-al', join(REPO, 'node_modules'), join(root, 'node_modules')]);
	const dist = join(root, 'dist');
	try {
		build(root, dist, today);
	} catch (error) {
		rmSync(root, { recursive: true, force: true }); // a failed build leaves no temporary root behind
		throw error;
	}
	return { dist, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function build(root: string, dist: string, today: string): void {
	execFileSync(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'pipe'],
		env: {
			...process.env,
			LAUNCHBOOK_ROOT: root,
			LAUNCHBOOK_TODAY: today,
			// The fixture shows problem states on purpose: build despite coverage errors.
			LAUNCHBOOK_GATE: 'warn',
			LAUNCHBOOK_OUT_DIR: dist,
			LAUNCHBOOK_CACHE_DIR: join(root, 'cache'),
			ASTRO_TELEMETRY_DISABLED: '1',
		},
	});
}
