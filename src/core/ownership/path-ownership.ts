/**
 * Which surfaces own a repository path, through their `codePaths` globs (picomatch, with
 * dotfiles). Pure: compile once, then ask for each changed path.
 */
import picomatch from 'picomatch';
import type { ContentModel } from '../content/model.ts';
import { DEFAULT_UNOWNED_ALLOWED } from '../schemas/policy.ts';

export interface PathOwnership {
	/** Surface ids whose code paths match `path`, sorted. */
	owners(path: string): string[];
	/** Whether the path may change without an owner (content, docs, tests, lock files…). */
	allowedUnowned(path: string): boolean;
}

const OPTIONS = { dot: true } as const;

export function pathOwnership(model: Pick<ContentModel, 'surfaces' | 'config'>): PathOwnership {
	const matchers: { surface: string; match: (p: string) => boolean }[] = [];
	for (const { data: s } of model.surfaces) {
		const globs = s.codePaths.filter((g) => g.trim() !== '');
		if (globs.length > 0) matchers.push({ surface: s.id, match: picomatch(globs, OPTIONS) });
	}
	const allowed = picomatch([...DEFAULT_UNOWNED_ALLOWED, ...model.config.policy.unownedAllowed], OPTIONS);
	return {
		owners: (path) => [...new Set(matchers.filter((m) => m.match(path)).map((m) => m.surface))].sort(),
		allowedUnowned: (path) => allowed(path),
	};
}

/** Normalise a changed path: forward slashes, no leading `./`. */
export function normalisePath(path: string): string {
	return path
		.trim()
		.replace(/\\/g, '/')
		.replace(/^(?:\.\/)+/, '');
}
