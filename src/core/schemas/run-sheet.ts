import { z } from 'zod';
import { HttpsUrlSchema, IdSchema, RosterRefSchema, RunbookRefSchema } from './common.ts';

/**
 * A time relative to T0, the launch moment: `T-7d`, `T-24h`, `T-90m`, `T+0`, `T+30m`, `T+4h`, `T+14d`.
 * @example "T-1h"
 */
export const OffsetSchema = z
	.string({ error: 'expected a time relative to T0 such as "T-24h", "T+0" or "T+30m"' })
	.regex(/^T(?:\+0|[+-][1-9]\d{0,4}[mhd])$/, {
		error:
			'expected a time relative to T0 such as "T-7d", "T-24h", "T-1h", "T+0", "T+30m" or "T+4h" (minutes m, hours h, days d)',
	});

/** Minutes from T0 of an offset (`T-1h` → -60). */
export function offsetMinutes(offset: string): number {
	if (offset === 'T+0') return 0;
	const sign = offset[1] === '-' ? -1 : 1;
	const n = Number.parseInt(offset.slice(2, -1), 10);
	const unit = offset.at(-1) === 'd' ? 1440 : offset.at(-1) === 'h' ? 60 : 1;
	return sign * n * unit;
}

/** What a step or gate relies on: a runbook section, a go/no-go item, or a comms template (at least one). */
const reliesOn = {
	/** Runbook section the step follows. @example "gcp-deploy/cloud-run-health-check-failing#rollback" */
	runbook: RunbookRefSchema.optional(),
	/** Go/no-go item (id in `content/checklist.yaml`) the step produces or checks. @example "rollback-rehearsed" */
	checklist: IdSchema.optional(),
	/** Comms template (id, its path under `content/comms/`) the step sends. @example "status-page-investigating" */
	comms: z.string().min(1).optional(),
};

/** One timed step of the launch day. */
export const RunSheetStepSchema = z.strictObject({
	/** @example "T-24h" */
	at: OffsetSchema,
	/** Who does it: `team/role` from the roster. @example "platform-infra/surface-lead" */
	owner: RosterRefSchema,
	/** What is done, as an instruction. */
	action: z.string().min(1),
	...reliesOn,
});

/** When to stop and roll back: which signal, past which threshold, and the rollback to run. */
export const AbortCriterionSchema = z.strictObject({
	/** The alert that carries the signal (an alert id from a surface, or a generated SLO burn alert). @example "billing-event-latency-p95" */
	alert: IdSchema,
	/** The threshold in words, as the alert's query has it. @example "p95 above 30 s for 15 minutes" */
	threshold: z.string().min(1),
	/** The rollback to run: a runbook section. @example "gcp-deploy/cloud-run-health-check-failing#rollback" */
	rollback: RunbookRefSchema,
});

/** A go/no-go gate on the launch day: who decides, on what, and when to abort. */
export const RunSheetGateSchema = z.strictObject({
	/** @example "go-live" */
	id: IdSchema,
	/** @example "T-1h" */
	at: OffsetSchema,
	/** @example "Final go/no-go" */
	name: z.string().min(1),
	/** Who decides: `team/role`. */
	decides: RosterRefSchema,
	/** What must hold to go on, in words (usually: the checklist decision is Go). */
	criteria: z.string().min(1),
	/** Signals that stop the launch and what to roll back. The gate checks every gate has some. @default [] */
	abort: z.array(AbortCriterionSchema).default([]),
	...reliesOn,
});

/** A named chat channel and what it is for. */
const ChannelSchema = z.strictObject({
	/** @example "#launch-war-room" */
	name: z.string().regex(/^#[a-z0-9_-]+$/, { error: 'expected a chat channel such as "#launch-war-room"' }),
	purpose: z.string().min(1),
});

/**
 * The launch-day run sheet (`content/launch-day/<id>.yaml`): T0, the change freeze, the war room
 * and channels, who decides, the timed steps, the go/no-go gates with abort criteria, hypercare.
 */
export const RunSheetSchema = z.strictObject({
	/** @example "integrations-platform-ga" */
	id: IdSchema,
	/** @example "Integrations platform general availability" */
	title: z.string().min(1),
	/** The launch moment, in UTC. @example "2026-12-15T14:00:00Z" */
	t0: z
		.string({ error: 'expected a UTC time such as "2026-12-15T14:00:00Z"' })
		.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/, { error: 'expected a UTC time such as "2026-12-15T14:00:00Z"' })
		.refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().replace('.000Z', 'Z') === s, {
			error: 'expected a real UTC time such as "2026-12-15T14:00:00Z"',
		}),
	/** Who makes the go/no-go call. @example "incident-command/incident-commander" */
	decisionOwner: RosterRefSchema,
	warRoom: z.strictObject({
		/** @example "#launch-war-room" */
		channel: ChannelSchema.shape.name,
		/** Video bridge. */
		bridge: HttpsUrlSchema,
		/** When the war room opens and closes. */
		opens: OffsetSchema,
		closes: OffsetSchema,
	}),
	/** Other channels and what each is for. @default [] */
	channels: z.array(ChannelSchema).default([]),
	changeFreeze: z.strictObject({
		from: OffsetSchema,
		until: OffsetSchema,
		/** What is frozen. */
		scope: z.string().min(1),
		/** What may still ship, and who approves it. */
		exceptions: z.string().min(1),
		/** Who approves an exception: `team/role`. */
		approver: RosterRefSchema,
	}),
	steps: z.array(RunSheetStepSchema).min(1),
	gates: z.array(RunSheetGateSchema).min(1),
	hypercare: z.strictObject({
		until: OffsetSchema,
		/** Who runs hypercare: `team/role`. */
		owner: RosterRefSchema,
		/** How often the state is reviewed, in words. */
		cadence: z.string().min(1),
		/** When hypercare ends early or is extended. */
		exit: z.string().min(1),
	}),
});

export type RunSheet = z.output<typeof RunSheetSchema>;
export type RunSheetStep = z.output<typeof RunSheetStepSchema>;
export type RunSheetGate = z.output<typeof RunSheetGateSchema>;
