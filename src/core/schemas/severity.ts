import { z } from 'zod';
import { IdSchema } from './common.ts';

/** A severity level. All severities live in `content/severities.yaml`. */
export const SeveritySchema = z.strictObject({
	/** @example "sev1" */
	id: IdSchema,
	/** 1 is the worst. */
	level: z.number().int().min(1).max(9),
	/** @example "SEV1 — critical" */
	name: z.string().min(1),
	/** Any one of these makes an incident this severity. */
	criteria: z.array(z.string().min(1)).min(1),
	examples: z.array(z.string().min(1)).default([]),
	response: z.strictObject({
		/** Minutes to acknowledge the page. */
		acknowledgeMinutes: z.number().int().positive(),
		/** Whether an incident commander is engaged. */
		incidentCommander: z.boolean(),
		/** How the responders are reached. */
		notify: z.enum(['page', 'chat', 'ticket']),
	}),
	/** Minutes between updates, per audience. */
	updateCadence: z.strictObject({
		internalMinutes: z.number().int().positive(),
		customerMinutes: z.number().int().positive().optional(),
	}),
	/** Who approves external communication. */
	commsApproval: z.string().min(1),
});

export type Severity = z.output<typeof SeveritySchema>;
