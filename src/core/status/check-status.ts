/** One check's latest observation, as status.json stores it. */
import { z } from 'zod';
import { STATUS_CHECK_KINDS } from '../schemas/status-check.ts';
import { STATUS_STATES } from './state.ts';

export const IsoTimestamp = z.iso.datetime({ offset: true });
const Detail = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const CheckStatusSchema = z.object({
	id: z.string(),
	surface: z.string(),
	kind: z.enum(STATUS_CHECK_KINDS),
	name: z.string(),
	state: z.enum(STATUS_STATES),
	/** Why the check is in this state, in a sentence a responder can act on. */
	reason: z.string(),
	/** The measured number (ratio, count, days, ms, sample value); null when nothing was measured. */
	value: z.number().nullable(),
	unit: z.string().optional(),
	/** The value as shown on the badge, e.g. "98.5%" or "2 open". Empty when nothing was measured. */
	display: z.string(),
	/** When the value was observed at its source; null when it never was. */
	observedAt: IsoTimestamp.nullable(),
	/** When this run last tried the source. */
	checkedAt: IsoTimestamp,
	/** True when this run could not read the source and the previous observation was kept. */
	stale: z.boolean(),
	/** Why the source could not be read this time (set when `stale`). */
	staleReason: z.string().optional(),
	/** Where the value comes from (a link a responder can open). */
	source: z.string().nullable(),
	/** Extra facts (issuer, last conclusion, newest title…), flat and JSON-safe. */
	details: z.record(z.string(), Detail),
});

export type CheckStatus = z.output<typeof CheckStatusSchema>;
