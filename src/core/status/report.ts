/**
 * The status JSON (`status.json`): what `npm run status` writes and what the site and the
 * next run read back. The schema is strict about what the site relies on, so a damaged or
 * foreign file is refused rather than rendered.
 */
import { z } from 'zod';
import { STATUS_CHECK_KINDS } from '../schemas/status-check.ts';
import { STATUS_STATES } from './state.ts';
import { deriveSurfaceState, SURFACE_STATE_RULE } from './surface-state.ts';

export const STATUS_REPORT_VERSION = 1;

const IsoTimestamp = z.iso.datetime({ offset: true });
const Detail = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One check's latest observation. */
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

export const SurfaceStatusSchema = z.object({
	id: z.string(),
	name: z.string(),
	state: z.enum(STATUS_STATES),
	reason: z.string(),
	checks: z.array(CheckStatusSchema),
});

export const StatusReportSchema = z.object({
	schemaVersion: z.literal(STATUS_REPORT_VERSION),
	generatedAt: IsoTimestamp,
	staleAfterMinutes: z.number().positive(),
	/** The rule that derives a surface's state from its checks, as written on the status page. */
	surfaceRule: z.array(z.string()),
	surfaces: z.array(SurfaceStatusSchema),
});

export type CheckStatus = z.output<typeof CheckStatusSchema>;
export type SurfaceStatus = z.output<typeof SurfaceStatusSchema>;
export type StatusReport = z.output<typeof StatusReportSchema>;

/** Parse a status JSON text; returns why it was refused instead of throwing. */
export function parseStatusReport(text: string): { report: StatusReport } | { error: string } {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		return { error: `not JSON (${(error as Error).message})` };
	}
	const parsed = StatusReportSchema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return { error: `not a Launchbook status report: ${issue.path.join('.') || 'the file'}: ${issue.message}` };
	}
	return { report: parsed.data };
}

/** Assemble the report: every surface's state derived from its checks by the written rule. */
export function buildStatusReport(
	surfaces: readonly { id: string; name: string; checks: readonly CheckStatus[] }[],
	now: Date,
	staleAfterMinutes: number,
): StatusReport {
	return {
		schemaVersion: STATUS_REPORT_VERSION,
		generatedAt: now.toISOString(),
		staleAfterMinutes,
		surfaceRule: [...SURFACE_STATE_RULE],
		surfaces: surfaces.map((s) => {
			const derived = deriveSurfaceState(s.checks, now, staleAfterMinutes);
			return { id: s.id, name: s.name, state: derived.state, reason: derived.reason, checks: [...s.checks] };
		}),
	};
}
