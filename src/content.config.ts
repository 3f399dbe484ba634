/**
 * Astro's content collections, built from the same table and schemas the CLI uses
 * (`src/core/content/collections.ts`). Astro validates with the schemas; the Launchbook integration
 * has already reported any problem with file, line and fix before this runs.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { COLLECTIONS, type CollectionSpec, idFromPath, PUBLISHED_PATTERNS } from './core/content/collections.ts';

const CONTENT = './content';

function loaderFor(spec: CollectionSpec) {
	if (spec.layout === 'list') return file(`${CONTENT}/${spec.path}`);
	return glob({
		base: `${CONTENT}/${spec.path}`,
		pattern: [...PUBLISHED_PATTERNS[spec.format]],
		generateId: ({ entry, data }) =>
			spec.idFrom === 'field' && typeof data.id === 'string' ? data.id : idFromPath(entry),
	});
}

const fromSpecs = Object.fromEntries(
	Object.entries(COLLECTIONS).map(([name, spec]) => [
		name,
		defineCollection({ loader: loaderFor(spec), schema: spec.schema }),
	]),
);

export const collections = {
	docs: defineCollection({
		loader: glob({ base: `${CONTENT}/docs`, pattern: [...PUBLISHED_PATTERNS.mdx] }),
		schema: docsSchema(),
	}),
	...fromSpecs,
};
