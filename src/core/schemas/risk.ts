import { z } from 'zod';
import { IdSchema } from './common.ts';

export const LIKELIHOODS = ['rare', 'unlikely', 'possible', 'likely', 'almost-certain'] as const;
export const IMPACTS = ['negligible', 'minor', 'moderate', 'major', 'severe'] as const;

/** A launch-day risk. One file per risk in `content/risks/`. */
export const RiskSchema = z.strictObject({
	/** @example "fivetran-webhook-disabled" */
	id: IdSchema,
	title: z.string().min(1),
	/** What fails and how customers see it. */
	failureMode: z.string().min(1),
	/** Surface ids touched. */
	surfaces: z.array(IdSchema).min(1),
	likelihood: z.enum(LIKELIHOODS),
	impact: z.enum(IMPACTS),
	detection: z.strictObject({
		/** Alert ids that detect it. */
		alerts: z.array(IdSchema).default([]),
		notes: z.string().min(1),
	}),
	mitigation: z.string().min(1),
	/** Team id that owns the risk. */
	owner: IdSchema,
	/** Adjacent teams (team ids) this risk depends on, and what for. */
	dependencies: z.array(z.strictObject({ team: IdSchema, need: z.string().min(1) })).default([]),
	status: z.enum(['open', 'mitigating', 'mitigated', 'accepted']),
});

export type Risk = z.output<typeof RiskSchema>;
