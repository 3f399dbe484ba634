/**
 * The status JSON (`status.json`): what `npm run status` writes and what the site and the
 * next run read back. The schema is strict about what the site relies on, so a damaged or
 * foreign file is refused rather than rendered.
 */
import { z } from 'zod';
import { type CheckStatus, CheckStatusSchema, IsoTimestamp } from './check-status.ts';
import { STATUS_STATES } from './state.ts';
import { deriveSurfaceState, SURFACE_STATE_RULE } from './surface-state.ts';

export type { CheckStatus } from './check-status.ts';

export const STATUS_REPORT_VERSION = 1;

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
