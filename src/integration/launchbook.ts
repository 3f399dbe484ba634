/**
 * The Astro integration: loads the content model with the CLI's loader before Astro does,
 * and stops the build with file:line findings when content is broken.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { loadContent } from '../adapters/content-loader.ts';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSite } from '../adapters/site-data.ts';
import { readBaseline } from '../adapters/baseline-file.ts';
import { applyBaseline, BASELINE_FILE } from '../core/rules/baseline.ts';
import { recoverStatusDir } from '../adapters/status/status-store.ts';
import { compareFindings, formatFinding } from '../core/content/finding.ts';
import { contentGuard } from './content-guard.ts';

/**
 * Coverage errors stop the build. LAUNCHBOOK_GATE=warn keeps building and logs them as
 * warnings: for previews of content known to be incomplete (and fixture sites that show
 * problem states), never for the published site.
 */
const FAIL_ON_COVERAGE_ERRORS = process.env.LAUNCHBOOK_GATE !== 'warn';

/**
 * The error that stops the build after the findings were logged. Astro prints a user error as
 * its message and hint; without a stack it prints no stack trace either, which would only point
 * into this file and bury the findings.
 */
function stopBuild(message: string, hint: string): Error {
	const error = new AstroError(message, hint);
	error.stack = '';
	return error;
}

export function launchbook(): AstroIntegration {
	let statusFolder: string | undefined;
	let publicDir: string | undefined;
	return {
		name: 'launchbook',
		hooks: {
			'astro:config:setup': ({ config, logger }) => {
				const root = new URL('.', config.root).pathname;
				// The same content-is-data rule on the tree Astro's own parser builds, for every file it compiles.
				const processor = config.markdown.processor as { name?: string; options?: { mdastPlugins?: unknown[] } };
				if (processor?.name !== 'satteri' || !Array.isArray(processor.options?.mdastPlugins))
					throw stopBuild(
						`Launchbook: the Markdown processor "${processor?.name}" cannot carry the content guard.`,
						"Keep Astro's default Sätteri processor (markdown.processor), so every body is judged as it is compiled.",
					);
				processor.options.mdastPlugins.unshift(contentGuard(root));
				const model = loadContent(root);
				// A status run that was killed leaves a staging folder (or a half-swapped one) next to the status
				// folder; it is cleaned up before Astro copies public/ into the site, so it is never published.
				statusFolder = resolve(root, model.config.status.outputDir);
				publicDir = fileURLToPath(config.publicDir);
				for (const done of recoverStatusDir(statusFolder)) logger.warn(`status: ${done}.`);
				const errors = model.problems.filter((f) => f.level === 'error').sort(compareFindings);
				if (errors.length > 0) {
					for (const f of errors) logger.error(formatFinding(f));
					throw stopBuild(
						`Launchbook: ${errors.length} content problem(s); see the lines above.`,
						'Run "npm run check" for the same report without building.',
					);
				}
				// The coverage gate, exactly as `npm run check` runs it: errors stop the build.
				// A launchbook-baseline.json holds back the findings it lists, as in `npm run check`.
				const all = checkSite(root, model);
				const baseline = readBaseline(root);
				const split = baseline ? applyBaseline(all, baseline) : undefined;
				const findings = split ? split.fresh : all;
				if (split) logger.info(`${split.baselined} finding(s) baselined in ${BASELINE_FILE}.`);
				const failing = findings.filter((f) => f.level === 'error');
				for (const f of findings) {
					if (f.level === 'error' && FAIL_ON_COVERAGE_ERRORS) logger.error(formatFinding(f));
					else logger.warn(formatFinding(f));
				}
				if (failing.length > 0 && FAIL_ON_COVERAGE_ERRORS) {
					throw stopBuild(
						`Launchbook: the coverage gate reports ${failing.length} error(s); see the lines above.`,
						'Run "npm run check" for the same report without building; each rule is explained at /rules/<rule-id>/.',
					);
				}
			},
			// Belt and braces: whatever was copied, the site never carries the status store's leftovers.
			'astro:build:done': ({ dir }) => {
				if (!statusFolder || !publicDir) return;
				const inPublic = relative(publicDir, statusFolder);
				if (inPublic.startsWith('..') || inPublic === '') return;
				recoverStatusDir(join(fileURLToPath(dir), inPublic), undefined, { anyRun: true });
			},
		},
	};
}
