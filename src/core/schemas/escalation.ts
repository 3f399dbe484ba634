import { z } from 'zod';
import { IdSchema, RosterRefSchema } from './common.ts';
import { ViaSchema } from './receiver.ts';

/** One step of an escalation: after N minutes without resolution, notify these roster entries. */
export const EscalationLevelSchema = z.strictObject({
	/** Minutes after the page. 0 is the first responder. */
	afterMinutes: z.number().int().min(0),
	/** Roster entries: team ids or `team-id/role-id`. */
	notify: z.array(RosterRefSchema).min(1),
	/** How they are reached; the team's receiver for this way is paged (see `receivers` in `content/teams/`). */
	via: ViaSchema,
});

/** Escalation for one surface, per severity, plus vendors to engage. One file per surface in `content/escalation/`. */
export const EscalationSchema = z.strictObject({
	/** Surface id. */
	surface: IdSchema,
	policies: z
		.array(
			z.strictObject({
				severity: IdSchema,
				levels: z.array(EscalationLevelSchema).min(1),
			}),
		)
		.min(1),
	/** When to open a case with a vendor from `content/vendors/`. */
	external: z
		.array(
			z.strictObject({
				vendor: IdSchema,
				/** When this vendor is engaged. */
				when: z.string().min(1),
				/** Surface-specific details for the case (project, account, resource ids to quote). */
				details: z.string().min(1),
			}),
		)
		.default([]),
});

export type Escalation = z.output<typeof EscalationSchema>;
