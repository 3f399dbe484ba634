/**
 * After the build, turns the rendered kit page into the single self-contained file
 * `offline-kit.html` (CSS inline, no scripts, nothing fetched) and fails the build if that
 * is not possible, rather than shipping a kit that breaks when the network is gone.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { finishOfflineKit, KIT_FILE } from '../adapters/offline-kit.ts';

export function offlineKit(): AstroIntegration {
	let base = '/';
	let site = '';
	return {
		name: 'launchbook-offline-kit',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base;
				site = config.site ?? '';
			},
			'astro:build:done': ({ dir, logger }) => {
				const result = finishOfflineKit(fileURLToPath(dir), base, site);
				logger.info(
					`${KIT_FILE}: ${(result.bytes / 1024).toFixed(1)} KiB, ${result.inlined.length} stylesheet(s) inlined, ${result.removed.length} fetching tag(s) removed.`,
				);
				for (const t of result.teams)
					logger.info(`offline-kit/${t.team}.html: ${(t.bytes / 1024).toFixed(1)} KiB (team ${t.team}).`);
			},
		},
	};
}
