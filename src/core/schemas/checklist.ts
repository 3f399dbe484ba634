import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common.ts';

const base = {
	/** @example "rollback-rehearsed" */
	id: IdSchema,
	/** The go/no-go question. */
	item: z.string().min(1),
	category: z.enum(['readiness', 'operations', 'communications', 'vendors', 'security']),
	/** Team id. */
	owner: IdSchema,
};

/**
 * One go/no-go item (`content/checklist.yaml`). A `manual` item carries its status and evidence;
 * a `derived` item takes its status from Launchbook's own checks and cannot be typed in.
 */
export const ChecklistItemSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({
			...base,
			kind: z.literal('manual'),
			status: z.enum(['go', 'no-go', 'pending']),
			/** Link to the evidence: a document, a pull request, a dashboard. */
			evidence: z.string().min(1).optional(),
			/**
			 * The day the owner last checked the evidence still holds. A "go" checked longer ago than
			 * `policy.checklistEvidenceDays` is stale and does not count as go. @example "2026-12-01"
			 */
			checked: IsoDateSchema.optional(),
		}),
		z.strictObject({
			...base,
			kind: z.literal('derived'),
			/** Which check decides it. */
			from: z.enum(['coverage-gate', 'live-status', 'tabletops']),
		}),
	],
	{ error: 'expected kind to be "manual" (with status) or "derived" (with from)' },
);

export type ChecklistItem = z.output<typeof ChecklistItemSchema>;
