import { z } from 'zod';
import { HttpsUrlSchema, IdSchema, IsoDateSchema } from './common.ts';

export const ActionItemSchema = z.strictObject({
	/** @example "ta-2026-11-03" */
	id: IdSchema,
	summary: z.string().min(1),
	/** Team id. */
	owner: IdSchema,
	due: IsoDateSchema,
	status: z.enum(['open', 'in-progress', 'done']),
	/** The change that closed it (pull request). Required once done. */
	link: HttpsUrlSchema.optional(),
	/** Runbook ids the action changed. */
	runbooks: z.array(z.string().min(1)).default([]),
});

/** Frontmatter of a tabletop-exercise record (`content/tabletops/*.mdx`). */
export const TabletopSchema = z.strictObject({
	title: z.string().min(1),
	date: IsoDateSchema,
	scenario: z.string().min(1),
	/** Surface ids exercised. */
	surfaces: z.array(IdSchema).min(1),
	/** Roles that took part, by roster reference. */
	participants: z.array(z.strictObject({ role: z.string().min(1), team: IdSchema })).min(1),
	/** Injects, in order. */
	timeline: z
		.array(
			z.strictObject({
				/** Offset from the start. @example "T+00:05" */
				at: z.string().regex(/^T\+\d{2}:\d{2}$/, { error: 'expected an offset such as "T+00:05"' }),
				inject: z.string().min(1),
				response: z.string().min(1),
			}),
		)
		.min(1),
	findings: z
		.array(
			z.strictObject({
				id: IdSchema,
				summary: z.string().min(1),
				/** `tribal-knowledge`: people relied on memory instead of a written procedure. */
				kind: z.enum(['tribal-knowledge', 'gap', 'worked-well']),
				/** Runbook ids the finding concerns. */
				runbooks: z.array(z.string().min(1)).default([]),
			}),
		)
		.default([]),
	actions: z.array(ActionItemSchema).default([]),
});

export type Tabletop = z.output<typeof TabletopSchema>;
export type ActionItem = z.output<typeof ActionItemSchema>;
