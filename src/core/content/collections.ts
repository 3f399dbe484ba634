/**
 * The collections of `content/`: where each lives and which schema validates it. Astro's
 * content config and the CLI loader both read this table, so the two cannot disagree.
 */
import picomatch from 'picomatch';
import type { z } from 'zod';
import { ChecklistItemSchema } from '../schemas/checklist.ts';
import { CommsTemplateSchema } from '../schemas/comms.ts';
import { EscalationSchema } from '../schemas/escalation.ts';
import { MetricSchema } from '../schemas/metric.ts';
import { RiskSchema } from '../schemas/risk.ts';
import { RunSheetSchema } from '../schemas/run-sheet.ts';
import { RunbookSchema } from '../schemas/runbook.ts';
import { SeveritySchema } from '../schemas/severity.ts';
import { SurfaceSchema } from '../schemas/surface.ts';
import { TabletopSchema } from '../schemas/tabletop.ts';
import { TeamSchema } from '../schemas/team.ts';
import { VendorSchema } from '../schemas/vendor.ts';

export interface CollectionSpec {
	/** Path under `content/`: a folder (one entry per file) or one YAML file holding a list. */
	readonly path: string;
	readonly layout: 'folder' | 'list';
	readonly format: 'yaml' | 'mdx';
	readonly schema: z.ZodType;
	/** Where an entry's id comes from: its `id` field, or its path (for MDX). */
	readonly idFrom: 'field' | 'path';
}

export const COLLECTIONS = {
	surfaces: { path: 'surfaces', layout: 'folder', format: 'yaml', schema: SurfaceSchema, idFrom: 'field' },
	vendors: { path: 'vendors', layout: 'folder', format: 'yaml', schema: VendorSchema, idFrom: 'field' },
	teams: { path: 'teams', layout: 'folder', format: 'yaml', schema: TeamSchema, idFrom: 'field' },
	severities: { path: 'severities.yaml', layout: 'list', format: 'yaml', schema: SeveritySchema, idFrom: 'field' },
	escalation: { path: 'escalation', layout: 'folder', format: 'yaml', schema: EscalationSchema, idFrom: 'path' },
	risks: { path: 'risks', layout: 'folder', format: 'yaml', schema: RiskSchema, idFrom: 'field' },
	checklist: { path: 'checklist.yaml', layout: 'list', format: 'yaml', schema: ChecklistItemSchema, idFrom: 'field' },
	metrics: { path: 'metrics.yaml', layout: 'list', format: 'yaml', schema: MetricSchema, idFrom: 'field' },
	runbooks: { path: 'runbooks', layout: 'folder', format: 'mdx', schema: RunbookSchema, idFrom: 'path' },
	comms: { path: 'comms', layout: 'folder', format: 'mdx', schema: CommsTemplateSchema, idFrom: 'path' },
	tabletops: { path: 'tabletops', layout: 'folder', format: 'mdx', schema: TabletopSchema, idFrom: 'path' },
	runSheets: { path: 'launch-day', layout: 'folder', format: 'yaml', schema: RunSheetSchema, idFrom: 'field' },
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTIONS;

/**
 * The files of a folder collection that are published: Astro's glob loader is given exactly
 * these patterns, and the CLI loader matches paths with the same patterns (picomatch, which
 * Astro's glob uses too), so what is published is exactly what is gated. Files and folders
 * starting with `_` or `.` are drafts: never published, never loaded. (Every Markdown/MDX body
 * under `content/`, drafts included, is still judged by the content-is-data rules.)
 */
export const PUBLISHED_PATTERNS = {
	yaml: ['**/[^_]*.{yaml,yml}', '!**/_*/**'],
	mdx: ['**/[^_]*.{md,mdx}', '!**/_*/**'],
} as const satisfies Record<CollectionSpec['format'], readonly string[]>;

const publishedMatchers = Object.fromEntries(
	Object.entries(PUBLISHED_PATTERNS).map(([format, patterns]) => [
		format,
		picomatch(
			patterns.filter((p) => !p.startsWith('!')),
			{ ignore: patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1)) },
		),
	]),
) as Record<CollectionSpec['format'], (path: string) => boolean>;

/** Whether a path relative to a folder collection (forward slashes) is published and loaded. */
export function isPublished(relativeToCollection: string, format: CollectionSpec['format']): boolean {
	return publishedMatchers[format](relativeToCollection);
}

/** Id of a folder entry taken from its path: `runbooks/billing-events/event-backlog.mdx` → `billing-events/event-backlog`. */
export function idFromPath(relativeToCollection: string): string {
	return relativeToCollection.replace(/\\/g, '/').replace(/\.(ya?ml|mdx?)$/i, '');
}

/** Longest id accepted, from a field or from a path segment. */
export const MAX_ID_LENGTH = 64;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Why an id taken from a file path is not a valid id (each segment ASCII kebab-case, at most
 * {@link MAX_ID_LENGTH} characters, at most three segments), or `undefined` when it is. Such
 * ids become page paths: look-alike letters (Cyrillic "а" for Latin "a") would make a page that
 * impersonates another.
 */
export function pathIdProblem(id: string): string | undefined {
	const segments = id.split('/');
	if (segments.length > 3) return `it is nested ${segments.length} folders deep; ids have at most 3 parts`;
	for (const segment of segments) {
		if (segment.length > MAX_ID_LENGTH)
			return `"${segment.slice(0, 20)}…" is ${segment.length} characters long; the limit is ${MAX_ID_LENGTH}`;
		if (!KEBAB.test(segment)) {
			const odd = [...segment].find((c) => !/[a-z0-9-]/.test(c));
			const shown =
				odd === undefined
					? ''
					: ` (it contains ${/[\x21-\x7e]/.test(odd) ? `"${odd}"` : `U+${odd.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`})`;
			return `"${segment}" is not a kebab-case id of lower-case ASCII letters, digits and single hyphens${shown}`;
		}
	}
	return undefined;
}

/** A kebab-case spelling of a path id, to suggest as the new file name. */
export function suggestPathId(id: string): string {
	return id
		.split('/')
		.map(
			(segment) =>
				segment
					.normalize('NFKD')
					.replace(/[^\x00-\x7f]/g, '')
					.toLowerCase()
					.replace(/[^a-z0-9]+/g, '-')
					.replace(/^-+|-+$/g, '')
					.slice(0, MAX_ID_LENGTH) || 'x',
		)
		.join('/');
}
