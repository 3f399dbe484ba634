/**
 * The Astro integration: loads the content model with the CLI's loader before Astro does,
 * and stops the build with file:line findings when content is broken.
 */
import type { AstroIntegration } from 'astro';
import { loadContent } from '../adapters/content-loader.ts';
import { compareFindings, formatFinding } from '../core/finding.ts';

export function launchbook(): AstroIntegration {
	return {
		name: 'launchbook',
		hooks: {
			'astro:config:setup': ({ config, logger }) => {
				const root = new URL('.', config.root).pathname;
				const model = loadContent(root);
				const errors = model.problems.filter((f) => f.level === 'error').sort(compareFindings);
				if (errors.length > 0) {
					for (const f of errors) logger.error(formatFinding(f));
					throw new Error(`Launchbook: ${errors.length} content problem(s); see the lines above. Run "npm run check" for the same report without building.`);
				}
			},
		},
	};
}
