/**
 * Site paths written in content (`[Escalation](/escalation/)`, `![](/diagrams/x.svg)`) are
 * served under the site's base path, so a GitHub Pages project site at
 * `https://org.github.io/repo/` links `/repo/escalation/`. Content keeps writing site paths
 * (the gate checks them as such); a hast plugin on Astro's Markdown processor (Sätteri, which
 * Starlight and MDX share) prefixes the base as pages render. Anchors, relative and absolute
 * URLs are left alone.
 */
import type { AstroIntegration } from 'astro';
import { withBase } from '../core/site/site-links.ts';

interface ElementNode {
	readonly properties?: Record<string, unknown>;
}
interface VisitContext {
	setProperty(node: ElementNode, key: string, value: unknown): void;
}
interface SatteriLike {
	readonly name: string;
	readonly options?: { readonly hastPlugins?: unknown[] };
}

const URL_PROPERTIES = ['href', 'src'] as const;

/** The hast plugin: every `<a href>` and `<img src>` that is a site path gets the base in front. */
export function basePathPlugin(base: string) {
	return {
		name: 'launchbook-base-path',
		element: {
			filter: ['a', 'img', 'source', 'video', 'audio'],
			visit(node: ElementNode, ctx: VisitContext): void {
				for (const key of URL_PROPERTIES) {
					const value = node.properties?.[key];
					if (typeof value !== 'string') continue;
					const based = withBase(base, value);
					if (based !== value) ctx.setProperty(node, key, based);
				}
			},
		},
	};
}

export function basePath(): AstroIntegration {
	return {
		name: 'launchbook-base-path',
		hooks: {
			'astro:config:setup': ({ config }) => {
				const base = config.base.replace(/\/+$/, '');
				if (base === '') return;
				const processor = config.markdown.processor as SatteriLike | undefined;
				const plugins = processor?.options?.hastPlugins;
				if (processor?.name !== 'satteri' || !Array.isArray(plugins)) {
					throw new Error(
						`Launchbook: the site is served under ${base}/, but the Markdown processor (${processor?.name ?? 'none'}) takes no hast plugins, so links in content would miss the base. Use Astro's default processor (Sätteri).`,
					);
				}
				plugins.push(basePathPlugin(base));
			},
		},
	};
}
