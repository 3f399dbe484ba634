// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { launchbook } from './src/integration/launchbook.ts';
import { offlineKit } from './src/integration/offline-kit.ts';
import { basePath } from './src/integration/base-path.ts';
import { basePathOf } from './src/core/site/site-links.ts';

const site = (() => {
	try {
		return parse(readFileSync(new URL('./launchbook.config.yaml', import.meta.url), 'utf8'))?.site?.url;
	} catch {
		return undefined;
	}
})();

// A site URL with a path (a GitHub Pages project site, https://org.github.io/repo/) is served
// under that path: Astro's base, which Starlight, assets and every site-link helper follow.
const base = basePathOf(site) || '/';

export default defineConfig({
	site,
	base,
	outDir: process.env.LAUNCHBOOK_OUT_DIR || './dist',
	cacheDir: process.env.LAUNCHBOOK_CACHE_DIR || './node_modules/.astro',
	vite: {
		build: {
			rollupOptions: {
				// Astro's MDX modules carry a "use astro:head-inject" directive that the bundler warns
				// about once per page; it is Astro's own marker, not a problem in our content.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && /astro:head-inject/.test(warning.message)) return;
					warn(warning);
				},
			},
		},
	},
	integrations: [
		launchbook(),
		basePath(),
		starlight({
			title: 'Launchbook',
			description:
				'Launch operations for the integrations platform: runbooks, owners, escalation, comms and live status.',
			markdown: { processedDirs: ['./content/'] },
			// Runbooks quote PromQL, which has no grammar in Shiki: show it as plain text, without a warning per block.
			expressiveCode: { shiki: { langAlias: { promql: 'txt' } } },
			// Incident-time experience: every page links the offline kit; search says where to go when nothing matches.
			components: {
				Footer: './src/components/overrides/Footer.astro',
				// The page title escaped: Starlight renders head entries as HTML.
				Head: './src/components/overrides/Head.astro',
				Search: './src/components/overrides/Search.astro',
			},
			customCss: ['./src/styles/launchbook.css', './src/styles/print.css'],
			sidebar: [
				{ label: 'Readiness', link: '/' },
				{ label: 'Surfaces', link: '/surfaces/' },
				{ label: 'Live status', link: '/status/' },
				{ label: 'Runbooks', link: '/runbooks/' },
				{ label: 'Alerts', link: '/alerts/' },
				{
					label: 'Incident response',
					items: [
						{ label: 'Severities', link: '/severities/' },
						{ label: 'Escalation', link: '/escalation/' },
						{ label: 'Roster', link: '/roster/' },
						{ label: 'Comms templates', link: '/comms/' },
					],
				},
				{
					label: 'Launch',
					items: [
						{ label: 'Risk register', link: '/risks/' },
						{ label: 'Tabletops', link: '/tabletops/' },
						{ label: 'Go/no-go checklist', link: '/checklist/' },
						{ label: 'Launch day', link: '/launch-day/' },
					],
				},
				{
					label: 'Guides',
					items: [
						{ label: 'Using Launchbook', link: '/guides/using-launchbook/' },
						{ label: 'The content model', link: '/guides/content-model/' },
					],
				},
			],
		}),
		mdx(),
		offlineKit(),
	],
});
