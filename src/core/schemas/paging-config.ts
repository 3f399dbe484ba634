import { z } from 'zod';
import { PromDurationSchema } from './common.ts';
import { SecretFileSchema } from './receiver.ts';

/** An absolute directory on the Alertmanager host. */
export const AbsoluteDirSchema = z
	.string()
	// Each part starts after a "/" it cannot share with the part before: linear, where `(?:part\/?)*` was exponential.
	.regex(/^\/(?:[A-Za-z0-9_][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_][A-Za-z0-9._-]*)*\/?)?$/, {
		error: 'expected an absolute directory such as "/etc/alertmanager/secrets" (no "..", no spaces)',
	})
	.transform((p) => p.replace(/\/+$/, '') || '/');

/** A vendor API endpoint: https in production, any http(s) URL so a test can point it at 127.0.0.1. */
const EndpointSchema = z
	.string()
	.regex(/^https?:\/\/[^\s{}"'\\]+$/, { error: 'expected an http(s) URL without spaces, quotes or braces' });

/**
 * Paging settings (`paging:` in `launchbook.config.yaml`): where the Alertmanager host keeps
 * the secret files the receivers reference, the dead-man's-switch heartbeat, and the Cloud
 * Monitoring project. Nothing here is a secret.
 */
export const PagingConfigSchema = z.strictObject({
	/** Directory on the Alertmanager host that receivers' secret files are relative to. @default "/etc/alertmanager/secrets" */
	secretsDir: AbsoluteDirSchema.default('/etc/alertmanager/secrets'),
	/**
	 * The always-firing Watchdog alert is sent here every `repeatInterval`; the heartbeat
	 * service (a dead-man's switch) alerts when it stops arriving.
	 */
	watchdog: z
		.strictObject({
			/** Heartbeat URL of the dead-man's-switch service. @example "https://heartbeat.example.com/ping/launchbook-alertmanager" */
			heartbeatUrl: EndpointSchema.optional(),
			/** File (under `secretsDir`) with a bearer token for the heartbeat URL, when it needs one. */
			credentialsFile: SecretFileSchema.optional(),
			/** How often the heartbeat is sent. @default "1m" */
			repeatInterval: PromDurationSchema.default('1m'),
		})
		.prefault({}),
	/** Vendor API endpoints; leave unset for the vendors' defaults. */
	endpoints: z
		.strictObject({
			/** PagerDuty Events API v2. @default Alertmanager's: "https://events.pagerduty.com/v2/enqueue" */
			pagerduty: EndpointSchema.optional(),
			/** Opsgenie API base. @default Alertmanager's: "https://api.opsgenie.com/" */
			opsgenie: EndpointSchema.optional(),
		})
		.prefault({}),
	/** SMTP settings for `email` receivers. */
	email: z
		.strictObject({
			/** @example "smtp.example.com:587" */
			smarthost: z
				.string()
				.regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, { error: 'expected host:port such as "smtp.example.com:587"' }),
			/** @example "alertmanager@example.com" */
			from: z.string().regex(/^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/, {
				error: 'expected an e-mail address such as "alertmanager@example.com"',
			}),
			authUsername: z
				.string()
				.regex(/^[A-Za-z0-9._@+-]+$/)
				.optional(),
			/** File (under `secretsDir`) with the SMTP password. */
			authPasswordFile: SecretFileSchema.optional(),
		})
		.optional(),
	/**
	 * Upper bounds on the timings derived from each severity's update cadence. Production
	 * leaves them unset; a test or a staging Alertmanager may shorten them.
	 */
	timing: z
		.strictObject({
			/** @example "1s" */
			maxGroupWait: PromDurationSchema.optional(),
			/** @example "2s" */
			maxGroupInterval: PromDurationSchema.optional(),
		})
		.prefault({}),
	/** Cloud Monitoring notification channels. */
	cloudMonitoring: z
		.strictObject({
			/** Project that holds the channels; goes into their resource names. @default "PROJECT_ID" (a placeholder to replace) */
			project: z
				.string()
				.regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$|^PROJECT_ID$/, {
					error: 'expected a GCP project id such as "example-integrations-prod"',
				})
				.default('PROJECT_ID'),
		})
		.prefault({}),
});

export type PagingConfig = z.output<typeof PagingConfigSchema>;
