/**
 * The gate rejects what the build rejects: an image in a runbook makes the offline kit fetch
 * something, which fails the build, so the gate reports it first, at its line and column.
 */
import { describe, expect, it } from 'vitest';
import { check, mutate, setBody } from './support.ts';

const RB = 'content/runbooks/payments/errors.mdx';
type M = Parameters<Parameters<typeof mutate>[0]>[0];
const runbook = (m: M) => m.runbooks.find((r) => r.id === 'payments/errors')!;
const BODY = (extra: string) =>
	`\n## Summary\n\nPayments fail.\n${extra}\n## Detection\n\nThe alert fires.\n\n## Diagnosis\n\nLook at the dashboard.\n\n## Mitigation\n\nShift traffic.\n\n## Rollback\n\n1. Pin traffic to the last good revision.\n2. Confirm the error rate falls.\n\n## Escalation\n\nPage the incident commander.\n\n## Communication\n\nUse the templates.\n`;
const FIX =
	'Describe what the image shows in words or a table, and link to it instead ([diagram](https://…)) if it must be seen.';

describe('runbook-image', () => {
	it('reports a Markdown image and an <img> at their line and column', () => {
		const m = mutate((m) =>
			setBody(
				runbook(m),
				BODY(
					'\nThe flow: ![payments flow](https://diagrams.example.com/payments.png)\n\n<img src="/diagrams/queue.svg" alt="queue" />\n',
				),
			),
		);
		const at = m.runbooks.find((r) => r.id === 'payments/errors')!.bodyLineOffset;
		expect(check(m)).toEqual([
			`${RB}:${at + 5}:11  error  runbook-image  runbook "payments/errors" has an image (https://diagrams.example.com/payments.png); the offline kit holds every runbook and must open with no network, so the build refuses it. ${FIX}`,
			`${RB}:${at + 7}:1  error  runbook-image  runbook "payments/errors" has an <img> element (/diagrams/queue.svg); the offline kit holds every runbook and must open with no network, so the build refuses it. ${FIX}`,
		]);
	});

	it('leaves images quoted in code spans and fenced code alone, and plain links', () => {
		const m = mutate((m) =>
			setBody(
				runbook(m),
				BODY(
					'\nWrite `![x](y.png)` to embed one; see [the diagram](https://diagrams.example.com/p.png).\n\n```md\n![x](y.png)\n<img src="a.png">\n```\n',
				),
			),
		);
		expect(check(m)).toEqual([]);
	});
});
