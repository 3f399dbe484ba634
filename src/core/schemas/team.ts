import { z } from 'zod';
import { HttpsUrlSchema, IdSchema } from './common.ts';
import { ReceiverListSchema } from './receiver.ts';

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
});

/** A team in the roster. One file per team in `content/teams/`. */
export const TeamSchema = z.strictObject({
	/** @example "billing-platform" */
	id: IdSchema,
	/** @example "Billing Platform" */
	name: z.string().min(1),
	/** Owning teams carry surfaces; adjacent teams are depended on but not on our rotations. */
	kind: z.enum(['owning', 'incident-command', 'adjacent']).default('owning'),
	/** GitHub team handle used in CODEOWNERS. @example "@example-org/billing-platform" */
	github: z.string().regex(/^@[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, {
		error: 'expected a GitHub team handle such as "@example-org/billing-platform"',
	}),
	/** @example "#billing-oncall" */
	channel: z.string().regex(/^#[a-z0-9_-]+$/, { error: 'expected a chat channel such as "#billing-oncall"' }),
	/** Pager escalation policy. */
	pager: HttpsUrlSchema,
	coverage: z.strictObject({
		/** @example "24x7" */
		hours: z.string().min(1),
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
