/**
 * Builds the shipped site once for the whole test run, with the real `astro build`, into a
 * temporary folder, and hands its path to tests as `inject('builtSite')`.
 * Set LAUNCHBOOK_BUILT_SITE to an existing build to skip the build while iterating.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		builtSite: string;
	}
}

export default function setup(project: TestProject) {
	const reuse = process.env.LAUNCHBOOK_BUILT_SITE;
	if (reuse) {
		project.provide('builtSite', reuse);
		return;
	}
	const work = mkdtempSync(join(tmpdir(), 'launchbook-site-'));
	const outDir = join(work, 'dist');
	const started = Date.now();
	// NODE_ENV=production: vitest sets NODE_ENV=test, and a build under it is a dev build
	// (import.meta.env.DEV), in which Starlight leaves search out.
	execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			LAUNCHBOOK_OUT_DIR: outDir,
			LAUNCHBOOK_CACHE_DIR: join(work, 'cache'),
			ASTRO_TELEMETRY_DISABLED: '1',
			NODE_ENV: 'production',
		},
	});
	process.stderr.write(`built the site for tests in ${((Date.now() - started) / 1000).toFixed(1)} s: ${outDir}\n`);
	project.provide('builtSite', outDir);
	return () => {
		if (!process.env.LAUNCHBOOK_KEEP_BUILD) rmSync(work, { recursive: true, force: true });
	};
}
