import { z } from 'zod';
import { HttpsUrlSchema, IdSchema } from './common.ts';
import { ReceiverListSchema } from './receiver.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Whether the runtime knows an IANA time zone (Intl is part of the language: no I/O). */
export function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return /^[A-Za-z_]+(?:\/[A-Za-z_+-]+)+$/.test(zone);
	} catch {
		return false;
	}
}

const ClockSchema = z
	.string({ error: 'expected a local time written HH:MM, such as "07:00"' })
	.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, {
		error: 'expected a local time written HH:MM, such as "07:00" (00:00 to 23:59)',
	});

/**
 * When a rotation is on shift: on these days, from `from` to `to`, local time in `timezone`.
 * A shift whose `to` is at or before its `from` ends the next day (`from: "19:00", to: "03:00"`);
 * `from` equal to `to` is a full 24 hours. Daylight-saving changes follow the time zone.
 * @example { timezone: "Europe/Dublin", days: [mon, tue, wed, thu, fri, sat, sun], from: "07:00", to: "19:00" }
 */
export const ShiftSchema = z.strictObject({
	/** IANA time zone the hours are written in. @example "America/Toronto" */
	timezone: z
		.string({ error: 'expected an IANA time zone such as "Europe/Dublin"' })
		.refine(isTimeZone, { error: 'expected an IANA time zone such as "Europe/Dublin" or "America/Toronto"' }),
	/** Days the shift starts on. @example [mon, tue, wed, thu, fri] */
	days: z.array(z.enum(WEEKDAYS, { error: 'expected a day written mon, tue, wed, thu, fri, sat or sun' })).min(1),
	/** Local start. @example "07:00" */
	from: ClockSchema,
	/** Local end; at or before `from` means the next day. @example "19:00" */
	to: ClockSchema,
});

/** A role a team staffs through a rotation, e.g. incident commander. */
export const RoleSchema = z.strictObject({
	/** @example "incident-commander" */
	id: IdSchema,
	/** @example "Incident commander" */
	name: z.string().min(1),
	/** What the role does during an incident. */
	duties: z.string().min(1),
	/** Rotation that staffs the role. @example "ic-primary" */
	rotation: z.string().min(1),
	/** Surfaces this role leads, for surface leads. */
	surfaces: z.array(IdSchema).default([]),
	/**
	 * How the role's rotation is reached, per `via` of the escalation matrix: an integration
	 * and a reference to its secret file, never the secret. Each becomes the Alertmanager
	 * receiver `<team>-<role>`, or `<team>-<role>-<via>` when its first `via` is not `page`.
	 * @example [{ kind: "pagerduty", via: ["page", "phone"], routing_key_file: "pagerduty/billing-platform-primary.key" }]
	 */
	receivers: ReceiverListSchema,
	/**
	 * When the rotation is on shift. The gate checks that the first escalation level of every
	 * tier-1 surface is on shift around the clock, so write what the rotation really staffs.
	 * @default []
	 */
	shifts: z.array(ShiftSchema).default([]),
});

/** A team in the roster. One file per team in `content/teams/`. */
export const TeamSchema = z.strictObject({
	/** @example "billing-platform" */
	id: IdSchema,
	/** @example "Billing Platform" */
	name: z.string().min(1),
	/**
	 * Owning teams carry surfaces; support teams (finance, customer support, security) are not on
	 * the surfaces' rotations but an incident must reach them, so some escalation names them;
	 * adjacent teams are depended on without being paged.
	 */
	kind: z.enum(['owning', 'incident-command', 'support', 'adjacent']).default('owning'),
	/** GitHub team handle used in CODEOWNERS. @example "@example-org/billing-platform" */
	github: z.string().regex(/^@[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, {
		error: 'expected a GitHub team handle such as "@example-org/billing-platform"',
	}),
	/** @example "#billing-oncall" */
	channel: z.string().regex(/^#[a-z0-9_-]+$/, { error: 'expected a chat channel such as "#billing-oncall"' }),
	/** Pager escalation policy. */
	pager: HttpsUrlSchema,
	coverage: z.strictObject({
		/**
		 * A summary in words, for teams whose roles declare no shifts. Prefer `shifts` on each
		 * role: the gate can check those, never this. @example "Business hours Monday–Friday"
		 */
		hours: z.string().min(1).optional(),
		/** IANA time zones the rotation spans. @example ["Europe/Dublin", "America/Toronto"] */
		timezones: z
			.array(
				z.string().regex(/^[A-Za-z_]+\/[A-Za-z_]+$/, { error: 'expected an IANA time zone such as "Europe/Dublin"' }),
			)
			.min(1),
		/** @example "Mondays 09:00 Europe/Dublin" */
		handoff: z.string().min(1).optional(),
	}),
	roles: z.array(RoleSchema).default([]),
	/**
	 * How the whole team is reached, for escalation levels that name the team rather than a
	 * role (a ticket queue, say). Each becomes the receiver `<team>`, or `<team>-<via>` when
	 * its first `via` is not `page`.
	 */
	receivers: ReceiverListSchema,
});

export type Team = z.output<typeof TeamSchema>;
export type Role = z.output<typeof RoleSchema>;
export type Shift = z.output<typeof ShiftSchema>;
