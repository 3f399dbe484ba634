import { z } from 'zod';
import { DaysSchema, IdSchema, IsoDateSchema } from './common.ts';

/** Frontmatter of a runbook (`content/runbooks/<surface>/<failure-mode>.mdx`). */
export const RunbookSchema = z.strictObject({
	/** @example "Cloud Run revision failing health checks after a deploy" */
	title: z.string().min(1),
	/** One sentence on the failure mode, used in search results. */
	description: z.string().min(1),
	/** Surface id. */
	surface: IdSchema,
	/** Alert ids this runbook handles, including SLO burn alerts (`<slo-id>-burn-page`, `<slo-id>-burn-ticket`). */
	alerts: z.array(IdSchema).default([]),
	/** Team id that keeps the runbook true. */
	owner: IdSchema,
	/** Date of the last review. @example "2026-11-02" */
	lastReviewed: IsoDateSchema,
	/** How often it must be reviewed. @example "90d" */
	reviewEvery: DaysSchema,
});

export type Runbook = z.output<typeof RunbookSchema>;
