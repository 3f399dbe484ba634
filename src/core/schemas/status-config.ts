import { z } from 'zod';

/** Settings of the live-status pipeline. */
export const StatusConfigSchema = z
	.object({
		/** Past this many minutes a value is shown as stale. @default 30 */
		staleAfterMinutes: z.number().int().positive().default(30),
	})
	.loose();

export type StatusConfig = z.output<typeof StatusConfigSchema>;
