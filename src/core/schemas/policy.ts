import { z } from 'zod';
import { AUDIENCES, PHASES } from './comms.ts';

/**
 * Policy: how strict the coverage gate is. Rule levels, time windows and the required
 * runbook sections live here, not in code.
 */
export const PolicySchema = z
	.object({
		/** Runbook headings (depth 2) every runbook must have, in this order. */
		requiredSections: z
			.array(z.string().min(1))
			.default(['Summary', 'Detection', 'Diagnosis', 'Mitigation', 'Rollback', 'Escalation', 'Communication']),
		/** Days before a review is due when the gate starts warning. @default 14 */
		reviewWarningDays: z.number().int().min(0).default(14),
		/** Every surface must have been exercised in a tabletop within this many days. @default 180 */
		tabletopWindowDays: z.number().int().positive().default(180),
		/**
		 * Comms templates required per severity: which phases, for which audiences.
		 * @example { sev1: { phases: [investigating, identified, monitoring, resolved], audiences: [status-page, customer-email, internal] } }
		 */
		commsRequired: z
			.record(
				z.string(),
				z.object({
					phases: z.array(z.enum(PHASES)).min(1),
					audiences: z.array(z.enum(AUDIENCES)).min(1),
				}),
			)
			.default({}),
	})
	.loose();

export type Policy = z.output<typeof PolicySchema>;
