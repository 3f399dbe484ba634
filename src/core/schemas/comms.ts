import { z } from 'zod';
import { IdSchema } from './common.ts';

export const AUDIENCES = ['status-page', 'customer-email', 'internal'] as const;
export const PHASES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;

/** A variable a template declares; the fill-in form asks for it. */
export const CommsVariableSchema = z.strictObject({
	/** Placeholder name used as `{{name}}` in the message. @example "surface" */
	name: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, {
		error: 'expected a variable name such as "startTime" (letters and digits, starting lower-case)',
	}),
	/** Form label. @example "Start time (UTC)" */
	label: z.string().min(1),
	/**
	 * How the form fills it: `surface` offers the surfaces, `time` a UTC time, `next-update` a time
	 * defaulted from the severity's update cadence, `text` free text.
	 * @default "text"
	 */
	kind: z.enum(['text', 'surface', 'time', 'next-update']).default('text'),
	/** Help shown under the field. */
	hint: z.string().optional(),
});

/** Frontmatter of a communication template (`content/comms/*.mdx`). */
export const CommsTemplateSchema = z
	.object({
		title: z.string().min(1),
		audience: z.enum(AUDIENCES),
		phase: z.enum(PHASES),
		/** Severity ids this template serves. */
		severities: z.array(IdSchema).min(1),
		/** Email subject, for `customer-email`. May use variables. */
		subject: z.string().min(1).optional(),
		/** The message, with `{{variable}}` placeholders. */
		message: z.string().min(1),
		variables: z.array(CommsVariableSchema).default([]),
		/** Who approves sending it. */
		approval: z.string().min(1),
	})
	.superRefine((t, ctx) => {
		const declared = new Set(t.variables.map((v) => v.name));
		const used = new Set<string>();
		for (const text of [t.message, t.subject ?? '']) {
			for (const m of text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)) used.add(m[1]!);
		}
		for (const name of used) {
			if (!declared.has(name)) {
				ctx.addIssue({
					code: 'custom',
					path: ['message'],
					message: `uses {{${name}}} but declares no variable "${name}"; add it under variables or remove the placeholder`,
				});
			}
		}
		t.variables.forEach((v, i) => {
			if (!used.has(v.name)) {
				ctx.addIssue({
					code: 'custom',
					path: ['variables', i, 'name'],
					message: `declares "${v.name}" but the message never uses {{${v.name}}}; use it or remove it`,
				});
			}
		});
	});

export type CommsTemplate = z.output<typeof CommsTemplateSchema>;
export type Audience = (typeof AUDIENCES)[number];
export type Phase = (typeof PHASES)[number];
