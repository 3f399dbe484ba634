import { z } from 'zod';
import { HttpsUrlSchema } from './common.ts';

/** The ways an escalation level reaches people (`via` in `content/escalation/`). */
export const ViaSchema = z.enum(['page', 'chat', 'phone', 'ticket']);
export type Via = z.output<typeof ViaSchema>;

/**
 * A path to a file holding a secret, relative to `paging.secretsDir` in
 * `launchbook.config.yaml`. Only the reference is stored; the secret stays on the machine
 * that runs Alertmanager.
 * @example "pagerduty/billing-platform-primary.key"
 */
export const SecretFileSchema = z
	.string({ error: 'expected a secret file path such as "pagerduty/billing-platform-primary.key"' })
	.regex(/^[A-Za-z0-9_][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/, {
		error:
			'expected a relative secret file path such as "pagerduty/billing-platform-primary.key" (letters, digits, ".", "_", "-" and "/"; no "..", no leading "/")',
	});

const via = z
	.array(ViaSchema)
	.min(1)
	.refine((list) => new Set(list).size === list.length, { error: 'each way of reaching appears once' });

const common = {
	/** Which `via` of the escalation matrix this receiver serves. @example ["page", "phone"] */
	via,
};

/** A PagerDuty service reached through the Events API v2. */
export const PagerdutyReceiverSchema = z.strictObject({
	kind: z.literal('pagerduty'),
	...common,
	/** File holding the service's integration (routing) key. */
	routing_key_file: SecretFileSchema,
});

/** An Opsgenie team reached through an API integration. */
export const OpsgenieReceiverSchema = z.strictObject({
	kind: z.literal('opsgenie'),
	...common,
	/** File holding the integration's API key. */
	api_key_file: SecretFileSchema,
});

/** A Slack channel reached through an incoming webhook. */
export const SlackReceiverSchema = z.strictObject({
	kind: z.literal('slack'),
	...common,
	/** @example "#billing-oncall" */
	channel: z.string().regex(/^#[a-z0-9_-]+$/, { error: 'expected a chat channel such as "#billing-oncall"' }),
	/** File holding the incoming-webhook URL (the URL is the secret). */
	api_url_file: SecretFileSchema,
});

/** A generic HTTPS webhook (a ticketing system, a chat bridge), authenticated with a bearer token. */
export const WebhookReceiverSchema = z.strictObject({
	kind: z.literal('webhook'),
	...common,
	/** Where Alertmanager posts. Not a secret: the token is in `credentials_file`. */
	url: HttpsUrlSchema.refine((u) => !/[{}\s]/.test(u), { error: 'expected a URL without braces or spaces' }),
	/** File holding the bearer token sent in the Authorization header. */
	credentials_file: SecretFileSchema,
});

/** An e-mail address (a ticket queue's intake address, a team list). The SMTP server is set in `paging.email`. */
export const EmailReceiverSchema = z.strictObject({
	kind: z.literal('email'),
	...common,
	/** @example "billing-platform@tickets.example.com" */
	to: z.string().regex(/^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/, {
		error: 'expected one e-mail address such as "billing-platform@tickets.example.com"',
	}),
});

/**
 * How a role (or a whole team) is reached, for the `via` ways it lists. Becomes an
 * Alertmanager receiver and a Cloud Monitoring notification channel.
 */
export const ReceiverSchema = z.discriminatedUnion(
	'kind',
	[PagerdutyReceiverSchema, OpsgenieReceiverSchema, SlackReceiverSchema, WebhookReceiverSchema, EmailReceiverSchema],
	{ error: 'expected a receiver with kind pagerduty, opsgenie, slack, webhook or email' },
);

export type Receiver = z.output<typeof ReceiverSchema>;
export type ReceiverKind = Receiver['kind'];

/** A list of receivers in which each `via` is served once. */
export const ReceiverListSchema = z
	.array(ReceiverSchema)
	.default([])
	.superRefine((list, ctx) => {
		const seen = new Map<string, number>();
		list.forEach((r, i) => {
			for (const v of r.via) {
				const first = seen.get(v);
				if (first !== undefined)
					ctx.addIssue({
						code: 'custom',
						path: [i, 'via'],
						message: `"${v}" is already served by receiver ${first + 1}; each way of reaching is served by one receiver`,
					});
				else seen.set(v, i);
			}
		});
	});
