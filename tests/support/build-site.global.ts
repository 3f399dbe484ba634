/**
 * Builds the shipped site once for the whole test run, with the real `astro build`, into a
 * temporary folder, and hands its path to tests as `inject('builtSite')`.
 * The build judges review dates and action items on a pinned day ({@link SHIPPED_SITE_DAY},
 * through LAUNCHBOOK_TODAY), so the suite passes on any date: the clock only says when the
 * build ran. Set LAUNCHBOOK_BUILT_SITE to an existing build to skip the build while iterating.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		builtSite: string;
		builtSiteDay: string;
	}
}

/** The day the suite's shipped-site build judges: after every shipped `lastReviewed`, before any review falls due. */
export const SHIPPED_SITE_DAY = '2026-12-02';

const REPO = resolve(import.meta.dirname, '../..');

/**
 * The suite's shipped-site build: `astro build` of this repository into `outDir`, judged on {@link SHIPPED_SITE_DAY}.
 * `wrap` runs it under another program (e.g. faketime); `env` adds to the environment.
 */
export function buildShippedSite(
	work: string,
	o: { wrap?: readonly string[]; env?: Record<string, string> } = {},
): string {
	const outDir = join(work, 'dist');
	const astro = [process.execPath, join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build'];
	const [command, ...args] = [...(o.wrap ?? []), ...astro] as [string, ...string[]];
	// NODE_ENV=production: vitest sets NODE_ENV=test, and a build under it is a dev build
	// (import.meta.env.DEV), in which Starlight leaves search out.
	execFileSync(command, args, {
		cwd: REPO,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			LAUNCHBOOK_TODAY: SHIPPED_SITE_DAY,
			LAUNCHBOOK_OUT_DIR: outDir,
			LAUNCHBOOK_CACHE_DIR: join(work, 'cache'),
			ASTRO_TELEMETRY_DISABLED: '1',
			NODE_ENV: 'production',
			...o.env,
		},
	});
	return outDir;
}

export default function setup(project: TestProject) {
	project.provide('builtSiteDay', SHIPPED_SITE_DAY);
	const reuse = process.env.LAUNCHBOOK_BUILT_SITE;
	if (reuse) {
		project.provide('builtSite', reuse);
		return;
	}
	const work = mkdtempSync(join(tmpdir(), 'launchbook-site-'));
	const started = Date.now();
	const outDir = buildShippedSite(work);
	process.stderr.write(
		`built the site for tests in ${((Date.now() - started) / 1000).toFixed(1)} s (judged on ${SHIPPED_SITE_DAY}): ${outDir}\n`,
	);
	project.provide('builtSite', outDir);
	return () => {
		if (!process.env.LAUNCHBOOK_KEEP_BUILD) rmSync(work, { recursive: true, force: true });
	};
}
