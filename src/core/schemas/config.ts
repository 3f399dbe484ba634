import { z } from 'zod';
import { HttpsUrlSchema } from './common.ts';
import { PagingConfigSchema } from './paging-config.ts';
import { PolicySchema } from './policy.ts';
import { StatusConfigSchema } from './status-config.ts';

/** `launchbook.config.yaml` at the repository root. */
export const ConfigSchema = z.strictObject({
	site: z.strictObject({
		/** Public URL the site is deployed at; alert `runbook_url`s start with it. */
		url: HttpsUrlSchema,
		title: z.string().min(1).default('Launchbook'),
		/** Organisation the content describes. */
		organisation: z.string().min(1),
	}),
	policy: PolicySchema.prefault({}),
	status: StatusConfigSchema.prefault({}),
	/** Alert routing: secret files, heartbeat, Cloud Monitoring project (`src/core/schemas/paging-config.ts`). */
	paging: PagingConfigSchema.prefault({}),
});

export type Config = z.output<typeof ConfigSchema>;
export type { Policy } from './policy.ts';
