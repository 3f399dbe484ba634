import { z } from 'zod';
import { HttpsUrlSchema, IdSchema } from './common.ts';

/** An external system a surface depends on: a cloud, a SaaS vendor, a DNS provider. */
export const VendorSchema = z.strictObject({
	/** @example "gcp" */
	id: IdSchema,
	/** @example "Google Cloud" */
	name: z.string().min(1),
	kind: z.enum(['cloud', 'saas', 'dns', 'certificate-authority']),
	/** Public status page. */
	statusPage: HttpsUrlSchema,
	support: z.strictObject({
		/** Where a case is opened. */
		url: HttpsUrlSchema,
		/** How to open a case, step by step (Markdown). */
		how: z.string().min(1),
		/** Case priority to use per severity. */
		priorities: z
			.array(
				z.strictObject({
					severity: IdSchema,
					/** Vendor's own priority name. @example "P1" */
					priority: z.string().min(1),
					/** Vendor's stated first-response target. @example "15 minutes" */
					responseTarget: z.string().min(1),
				}),
			)
			.default([]),
	}),
});

export type Vendor = z.output<typeof VendorSchema>;
