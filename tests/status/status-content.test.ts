/** Status checks declared in content are validated by the loader: a bad check is a finding at its file and line. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { formatFinding } from '../../src/core/content/finding.ts';

const roots: string[] = [];
afterAll(() => {
	for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function fixture(checks: string, status = ''): string {
	const root = mkdtempSync(join(tmpdir(), 'launchbook-status-content-'));
	roots.push(root);
	mkdirSync(join(root, 'content/surfaces'), { recursive: true });
	writeFileSync(
		join(root, 'launchbook.config.yaml'),
		`site: { url: https://launchbook.example.com, organisation: Example Integrations }\n${status}`,
	);
	writeFileSync(
		join(root, 'content/surfaces/demo.yaml'),
		[
			'id: demo',
			'name: Demo',
			'description: Demo surface.',
			'tier: 1',
			'owner: { primary: demo-team }',
			'onCall: https://example-org.pagerduty.example.com/schedules/demo',
			'checks:',
			checks,
			'',
		].join('\n'),
	);
	return root;
}

describe('status checks in content', () => {
	it('the shipped content validates and declares checks for every surface', () => {
		const model = loadContent(join(import.meta.dirname, '..', '..'));
		expect(
			model.problems.filter((p) => p.file.startsWith('content/surfaces/') && p.message.includes('checks')),
		).toEqual([]);
		for (const s of model.surfaces) expect(s.data.checks.length, s.id).toBeGreaterThan(0);
	});

	it('thresholds on the wrong side: a finding at the field, with the fix', () => {
		const root = fixture(
			[
				'  - id: ratio',
				'    name: Ratio',
				'    kind: prometheus',
				'    query: up',
				'    thresholds:',
				'      direction: below',
				'      degraded: 0.9',
				'      down: 0.95',
			].join('\n'),
		);
		const lines = loadContent(root).problems.map(formatFinding);
		expect(lines).toEqual([
			'content/surfaces/demo.yaml:15:7  error  content-schema  checks[0].thresholds.down: the down threshold must lie beyond the degraded one (direction below: down <= degraded; above: down >= degraded). Correct the field as described; the schema and its examples are documented on the content-model page.',
		]);
	});

	it('an unknown kind names the kinds there are', () => {
		const root = fixture('  - { id: ping, name: Ping, kind: icmp, host: example.com }');
		const lines = loadContent(root).problems.map(formatFinding);
		expect(lines).toEqual([
			'content/surfaces/demo.yaml:8:29  error  content-schema  checks[0].kind: expected kind to be one of github-workflow, github-incidents, http, tls, prometheus, gcp-incidents, found "icmp". Correct the field as described; the schema and its examples are documented on the content-model page.',
		]);
	});

	it('a misspelt status setting in the config is refused, not ignored', () => {
		const root = fixture(
			'  - { id: h, name: H, kind: http, url: "https://api.example.com/healthz" }',
			'status:\n  staleAfterMinute: 30\n',
		);
		const lines = loadContent(root).problems.map(formatFinding);
		expect(lines).toEqual([
			expect.stringMatching(/^launchbook\.config\.yaml:\d+:\d+ {2}error {2}content-schema {2}status.*staleAfterMinute/),
		]);
	});
});
