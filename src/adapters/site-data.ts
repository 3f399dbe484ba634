/**
 * What the site's pages read: the content model loaded once per build with the same loader
 * the CLI uses, and the findings for it. Pages import from here, never from the disk.
 */
import { loadContent } from './content-loader.ts';
import type { Finding } from '../core/finding.ts';
import type { ContentModel } from '../core/model.ts';

let cached: ContentModel | undefined;

/** The repository root: Astro runs builds from it. */
export function siteRoot(): string {
	return process.env.LAUNCHBOOK_ROOT ?? process.cwd();
}

export function getSiteModel(): ContentModel {
	cached ??= loadContent(siteRoot());
	return cached;
}

/** Findings for the site. Until the coverage gate lands, these are the loader's problems. */
export function getFindings(): readonly Finding[] {
	return getSiteModel().problems;
}
