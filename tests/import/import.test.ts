/**
 * `npm run import` end to end on fixtures in the style teams bring: a Hugo runbook (TOML front
 * matter, shortcodes, `{` and `<` in prose, an HTML comment), a Jekyll runbook, a PrometheusRule
 * CRD, a `kind: List` export, a multi-document rule file and a JSON rule file. The imported files
 * then go through the real gate (scripts/check.mjs).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_USAGE, runImport } from '../../src/cli/import-command.ts';
import { copyTree, GOOD, REPO, runCli, TODAY } from '../gate/support.ts';

const FIX = 'tests/fixtures/import';
const ARGS = ['--surface', 'checkout', '--owner', 'payments-team', '--today', TODAY];
const INPUTS = [`${FIX}/runbooks`, `${FIX}/rules`];

function run(argv: string[]): { status: number; stdout: string; stderr: string } {
	let stdout = '';
	let stderr = '';
	const status = runImport(argv, {
		cwd: REPO,
		out: (t) => {
			stdout += t;
		},
		err: (t) => {
			stderr += t;
		},
	});
	return { status, stdout, stderr };
}

/** Every file under `root`, path → text. */
function snapshot(root: string): Map<string, string> {
	const files = new Map<string, string>();
	for (const e of readdirSync(root, { recursive: true, withFileTypes: true }))
		if (e.isFile()) {
			const abs = join(e.parentPath, e.name);
			files.set(abs.slice(root.length + 1), readFileSync(abs, 'utf8'));
		}
	return files;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
	for (const c of cleanups.splice(0)) c();
});

/** A copy of the known-good gate fixture; `aliases` adds policy.sectionAliases to its config. */
function target(aliases = false): string {
	const t = copyTree(GOOD);
	cleanups.push(t.cleanup);
	if (aliases) {
		const config = join(t.root, 'launchbook.config.yaml');
		writeFileSync(
			config,
			readFileSync(config, 'utf8').replace(
				'policy:\n',
				'policy:\n  sectionAliases:\n    Summary: [Meaning, Overview]\n',
			),
		);
	}
	return t.root;
}

const CRD = `${FIX}/rules/checkout-crd.yaml`;
const MULTI = `${FIX}/rules/checkout-multi.yaml`;
const JSON_RULES = `${FIX}/rules/checkout-certs.json`;
const LIST = `${FIX}/rules/payments-list.yaml`;
const HUGO = `${FIX}/runbooks/hugo/CheckoutLatencyHigh.md`;
const WRITTEN = [
	'content/runbooks/checkout/checkout-latency-high.mdx',
	'content/runbooks/checkout/payment-provider-errors.mdx',
	'content/surfaces/checkout.yaml',
	'content/escalation/checkout.yaml',
];
const NEEDS = [
	`needs a person: alert CheckoutCertificateExpiry (${JSON_RULES}): no runbook; write content/runbooks/checkout/checkout-certificate-expiry.mdx`,
	`needs a person: alert CheckoutLatencyHigh (${CRD}): link is the team's pager; set it to the alert policy's URL`,
	`needs a person: alert CheckoutQueueStuck (${MULTI}): no runbook; write content/runbooks/checkout/checkout-queue-stuck.mdx`,
	`needs a person: alert CheckoutQueueStuck (${MULTI}): link is the team's pager; set it to the alert policy's URL`,
	`needs a person: alert CheckoutDeployNotice (${MULTI}): severity not mapped (severity label "info"); set its severity to one of sev1, sev2`,
	`needs a person: alert CheckoutDeployNotice (${MULTI}): no runbook; write content/runbooks/checkout/checkout-deploy-notice.mdx`,
	`needs a person: alert CheckoutDeployNotice (${MULTI}): link is the team's pager; set it to the alert policy's URL`,
	`needs a person: alert ProviderAuthorisationFailures (${LIST}): link is the team's pager; set it to the alert policy's URL`,
	`needs a person: ${HUGO}:7: shortcode {{< alert color="warning" >}} removed`,
	`needs a person: ${HUGO}:7: shortcode {{< /alert >}} removed`,
	`needs a person: ${HUGO}:22: shortcode {{% notice tip %}} removed`,
	`needs a person: ${HUGO}:24: shortcode {{% /notice %}} removed`,
	'needs a person: content/runbooks/checkout/checkout-latency-high.mdx: required section "Detection" missing',
	'needs a person: content/runbooks/checkout/checkout-latency-high.mdx: required section "Rollback" missing',
	'needs a person: content/runbooks/checkout/checkout-latency-high.mdx: required section "Escalation" missing',
	'needs a person: content/runbooks/checkout/checkout-latency-high.mdx: required section "Communication" missing',
	'needs a person: content/runbooks/checkout/payment-provider-errors.mdx: required section "Detection" missing',
	'needs a person: content/runbooks/checkout/payment-provider-errors.mdx: required section "Escalation" missing',
	'needs a person: content/runbooks/checkout/payment-provider-errors.mdx: required section "Communication" missing',
	'needs a person: content/surfaces/checkout.yaml: name, description and tier (set to 3) are placeholders',
	'needs a person: content/escalation/checkout.yaml: a stub paging payments-team/surface-lead only; add the later levels',
];

describe('npm run import', () => {
	it('writes runbooks, the surface and the escalation stub, and reports what needs a person', () => {
		const root = target(true);
		const before = snapshot(root);
		const r = run(['--root', root, ...ARGS, ...INPUTS]);
		expect(r.stderr).toBe('');
		expect(r.stdout.split('\n')).toEqual([...WRITTEN.map((p) => `wrote ${p}`), ...NEEDS, '']);
		expect(r.status).toBe(0);
		const after = snapshot(root);
		expect([...after.keys()].filter((k) => !before.has(k)).sort()).toEqual([...WRITTEN].sort());

		const hugo = after.get('content/runbooks/checkout/checkout-latency-high.mdx')!;
		expect(hugo).toBe(
			[
				'---',
				'title: Checkout latency high',
				'description: Checkout latency high. Imported from CheckoutLatencyHigh.md; say in one sentence what fails.',
				'surface: checkout',
				'alerts:',
				'  - checkout-latency-high',
				'owner: payments-team',
				`lastReviewed: ${TODAY}`,
				'reviewEvery: 90d',
				'---',
				'',
				'Page the checkout on-call before you touch the queue.',
				'',
				'## Summary',
				'',
				'The p99 of `checkout_request_duration_seconds` is above 2 s for \\{the last 10 minutes\\}.',
				'Customers with a basket of &lt;10 items see spinners first.',
				'',
				'## Impact',
				'',
				'Slow checkouts abandon; a latency &lt; 2 s keeps the conversion rate.',
				'',
				'## Diagnosis',
				'',
				'Start with the slowest route.',
				'',
				'```promql',
				'histogram_quantile(0.99, sum by (le, route) (rate(checkout_request_duration_seconds_bucket{job="checkout"}[5m])))',
				'```',
				'',
				'Look at `{route="/pay"}` first.',
				'',
				'## Mitigation',
				'',
				'1. Scale the checkout deployment: `kubectl scale deploy/checkout --replicas=12`.',
				'2. If the payment provider is slow, switch to the secondary provider.',
				'',
			].join('\n'),
		);
		const jekyll = after.get('content/runbooks/checkout/payment-provider-errors.mdx')!;
		expect(jekyll).toContain('title: Payment provider errors\n');
		expect(jekyll).toContain('alerts:\n  - provider-authorisation-failures\n');
		expect(jekyll).toContain('\n## Summary\n\nThe payment provider answers 5xx');
		expect(jekyll).not.toContain('layout');

		const surface = after.get('content/surfaces/checkout.yaml')!;
		// Every distinct alert once: the critical variant of CheckoutLatencyHigh wins over the warning.
		expect([...surface.matchAll(/^ {2}- id: (.+)$/gm)].map((m) => m[1])).toEqual([
			'checkout-certificate-expiry',
			'checkout-latency-high',
			'checkout-queue-stuck',
			'checkout-deploy-notice',
			'provider-authorisation-failures',
		]);
		expect([...surface.matchAll(/^ {4}severity: (.+)$/gm)].map((m) => m[1])).toEqual([
			'sev2',
			'sev1',
			'sev1',
			'info',
			'sev2',
		]);
		expect([...surface.matchAll(/^ {4}runbook: (.+)$/gm)].map((m) => m[1])).toEqual([
			'checkout/checkout-certificate-expiry',
			'checkout/checkout-latency-high#diagnosis',
			'checkout/checkout-queue-stuck',
			'checkout/checkout-deploy-notice',
			'checkout/payment-provider-errors#diagnosis',
		]);
		expect(surface).toContain('    summary: Checkout p99 latency above 2 s for 10 minutes.\n');
		expect(surface).toContain('    link: https://grafana.example.com/d/checkout-certs\n');
		expect(after.get('content/escalation/checkout.yaml')).toBe(
			[
				'# Imported by npm run import: a stub; add the levels after the first responder.',
				'surface: checkout',
				'policies:',
				'  - severity: sev1',
				'    levels:',
				'      - afterMinutes: 0',
				'        notify:',
				'          - payments-team/surface-lead',
				'        via: page',
				'  - severity: sev2',
				'    levels:',
				'      - afterMinutes: 0',
				'        notify:',
				'          - payments-team/surface-lead',
				'        via: page',
				'',
			].join('\n'),
		);
	});

	it('--dry-run prints the plan and writes nothing', () => {
		const root = target(true);
		const before = snapshot(root);
		const r = run(['--root', root, ...ARGS, '--dry-run', ...INPUTS]);
		expect(r.stdout.split('\n')).toEqual([...WRITTEN.map((p) => `would write ${p}`), ...NEEDS, '']);
		expect(r.status).toBe(0);
		expect(snapshot(root)).toEqual(before);
	});

	it('a second run changes nothing, and an existing file is never overwritten', () => {
		const root = target(true);
		const mine = '# written by the team\nsurface: checkout\n';
		writeFileSync(join(root, 'content/escalation/checkout.yaml'), mine);
		const first = run(['--root', root, ...ARGS, ...INPUTS]);
		expect(first.stdout.split('\n').slice(0, 4)).toEqual([
			`wrote ${WRITTEN[0]}`,
			`wrote ${WRITTEN[1]}`,
			`wrote ${WRITTEN[2]}`,
			'exists, left as is: content/escalation/checkout.yaml',
		]);
		expect(readFileSync(join(root, 'content/escalation/checkout.yaml'), 'utf8')).toBe(mine);
		const once = snapshot(root);
		const second = run(['--root', root, ...ARGS, ...INPUTS]);
		expect(second.status).toBe(0);
		expect(second.stdout.split('\n')).toEqual([...WRITTEN.map((p) => `exists, left as is: ${p}`), ...NEEDS, '']);
		expect(snapshot(root)).toEqual(once);
	});

	it('refuses an unparsable rule file, unparsable front matter and a runbook with no title, naming file and line (exit 1)', () => {
		const root = target();
		const r = run(['--root', root, ...ARGS, `${FIX}/refused`, `${FIX}/runbooks/jekyll`]);
		expect(r.status).toBe(1);
		const lines = r.stdout.split('\n');
		expect(lines).toContain(`wrote content/runbooks/checkout/payment-provider-errors.mdx`);
		expect(lines.filter((l) => l.startsWith('refused: '))).toEqual([
			`refused: ${FIX}/refused/bad-front-matter.md:4: the front matter is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ])`,
			`refused: ${FIX}/refused/no-title.md:1: the runbook has no title; give it front matter \`title:\` or a "# Title" heading`,
			`refused: ${FIX}/refused/broken-rules.yaml:6: Sequence item without - indicator`,
		]);
	});

	it('usage errors exit 2 with the usage', () => {
		expect(run(['--surface', 'checkout', '--x'])).toEqual({
			status: 2,
			stdout: '',
			stderr: `launchbook import: unknown option "--x".\n${IMPORT_USAGE}`,
		});
		expect(run(['--surface', 'checkout', CRD])).toEqual({
			status: 2,
			stdout: '',
			stderr: `launchbook import: --owner is required.\n${IMPORT_USAGE}`,
		});
		expect(run(['--root', target(), '--surface', 'checkout', '--owner', 'nobody', CRD]).stderr).toBe(
			`launchbook import: no team "nobody" in content/teams/ (expected content/teams/nobody.yaml).\n${IMPORT_USAGE}`,
		);
	});

	it('the real gate finds no content-schema or content-mdx problem in the imported files', () => {
		const root = target(true);
		expect(run(['--root', root, ...ARGS, ...INPUTS]).status).toBe(0);
		const gate = runCli(['--root', root, '--today', TODAY]);
		// Findings go to stderr; the gate read the imported files and reports what still needs a person in them.
		const report = gate.stdout + gate.stderr;
		expect(gate.status).toBe(1);
		expect(report).toContain('content/surfaces/checkout.yaml:');
		expect(report).toContain('content/runbooks/checkout/checkout-latency-high.mdx:');
		expect(report).toContain('content/runbooks/checkout/payment-provider-errors.mdx:');
		expect(report).not.toMatch(/content-schema|content-mdx/);
		// Meaning and Overview were renamed to Summary through policy.sectionAliases, which the gate reads too.
		expect(report).toContain('has no "## Detection" section');
		expect(report).not.toContain('has no "## Summary" section');
		// Each imported alert landing on an imported runbook lands on a section the gate accepts.
		expect(report).not.toMatch(/alert "(checkout-latency-high|provider-authorisation-failures)"/);
	});
});
