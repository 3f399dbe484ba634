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
