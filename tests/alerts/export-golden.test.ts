/**
 * Golden tests for `npm run alerts:export`: every exported file of a fixture content tree
 * (Prometheus rules per surface, AlertPolicy JSON per alert, the Backstage catalog) matches
 * its golden file byte for byte, through the pure function and through the CLI.
 * Regenerate after an intended change with: UPDATE_GOLDEN=1 npx vitest run tests/alerts/export-golden.test.ts
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { promqlTools } from '../../src/adapters/promql-tools.ts';
import { buildExportSet } from '../../src/core/alerts/export-set.ts';
import { FIXTURE_ROOT, GOLDEN_DIR, NODE, REPO } from './support/paths.ts';

const update = process.env.UPDATE_GOLDEN === '1';
const temps: string[] = [];
const temp = (prefix: string) => {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	temps.push(dir);
	return dir;
};
afterAll(() => {
	for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function listFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
		.filter((d) => d.isFile())
		.map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
		.sort();
}

function exportCli(args: string[]) {
	return spawnSync(NODE, [join(REPO, 'scripts/alerts-export.ts'), ...args], { encoding: 'utf8', cwd: REPO });
}

const set = buildExportSet(loadContent(FIXTURE_ROOT), { promql: promqlTools().parser });

if (update) {
	rmSync(GOLDEN_DIR, { recursive: true, force: true });
	for (const f of set.files) {
		mkdirSync(dirname(join(GOLDEN_DIR, f.path)), { recursive: true });
		writeFileSync(join(GOLDEN_DIR, f.path), f.text);
	}
}

describe('alert exports of the fixture content', () => {
	it('produce exactly the golden files', () => {
		expect(set.files.map((f) => f.path)).toEqual(listFiles(GOLDEN_DIR));
		expect(set.files.map((f) => f.path)).toEqual([
			'alertmanager/alertmanager.yml',
			'alertmanager/watchdog.rules.yaml',
			'backstage/catalog-info.yaml',
			'cloud-monitoring-channels/edge-team-on-call-chat.json',
			'cloud-monitoring-channels/edge-team-on-call.json',
			'cloud-monitoring-channels/edge-team-ticket.json',
			'cloud-monitoring-channels/payments-team-on-call-chat.json',
			'cloud-monitoring-channels/payments-team-on-call.json',
			'cloud-monitoring-slos/payments-fast.json',
			'cloud-monitoring-slos/payments-recorded.json',
			'cloud-monitoring/edge-cert-expiring.json',
			'cloud-monitoring/edge-down.json',
			'cloud-monitoring/payments-backlog-mql.json',
			'cloud-monitoring/payments-errors-logged.json',
			'cloud-monitoring/payments-fast-burn-page-1h.json',
			'cloud-monitoring/payments-fast-burn-page-6h.json',
			'cloud-monitoring/payments-fast-burn-ticket-1d.json',
			'cloud-monitoring/payments-fast-burn-ticket-3d.json',
			'cloud-monitoring/payments-latency-high.json',
			'cloud-monitoring/payments-recorded-burn-page-1h.json',
			'cloud-monitoring/payments-recorded-burn-page-6h.json',
			'cloud-monitoring/payments-recorded-burn-ticket-1d.json',
			'cloud-monitoring/payments-recorded-burn-ticket-3d.json',
			'prometheus/edge.rules.yaml',
			'prometheus/payments.rules.yaml',
		]);
	});

	it.each(set.files.map((f) => [f.path, f.text]))('%s matches its golden file', (path, text) => {
		expect(text).toBe(readFileSync(join(GOLDEN_DIR, path), 'utf8'));
	});

	it('say why alerts are left out of a target', () => {
		expect(set.skipped).toEqual([
			{
				alertId: 'payments-backlog-mql',
				file: 'content/surfaces/payments.yaml',
				target: 'prometheus',
				reason: 'its query is mql, not PromQL',
			},
			{
				alertId: 'payments-errors-logged',
				file: 'content/surfaces/payments.yaml',
				target: 'prometheus',
				reason: 'its query is logging, not PromQL',
			},
			{
				alertId: 'payments-manual-check',
				file: 'content/surfaces/payments.yaml',
				target: 'prometheus',
				reason: 'it declares no query',
			},
			{
				alertId: 'payments-manual-check',
				file: 'content/surfaces/payments.yaml',
				target: 'cloud-monitoring',
				reason: 'it declares no query',
			},
		]);
	});

	it('export a duplicated alert id once, and say so', () => {
		const model = loadContent(FIXTURE_ROOT);
		const edge = model.surfaces.find((s) => s.data.id === 'edge')!;
		const copy = { ...edge, file: 'content/surfaces/edge-copy.yaml', data: { ...edge.data, id: 'edge-copy' } };
		const dup = buildExportSet({ ...model, surfaces: [...model.surfaces, copy] }, { promql: promqlTools().parser });
		expect(dup.files.filter((f) => f.path === 'cloud-monitoring/edge-cert-expiring.json')).toHaveLength(1);
		expect(dup.skipped).toContainEqual({
			alertId: 'edge-cert-expiring',
			file: 'content/surfaces/edge-copy.yaml',
			target: 'cloud-monitoring',
			reason: 'its id is declared twice; the first declaration is exported',
		});
	});

	it('start every file with a generated header, or carry the marker inside the policy', () => {
		for (const f of set.files) {
			if (f.path.startsWith('cloud-monitoring-channels/')) {
				const channel = JSON.parse(f.text);
				expect(channel.userLabels.managed_by).toBe('launchbook');
				expect(channel.description).toContain('Generated by Launchbook from content/teams/');
			} else if (f.path.endsWith('.json')) {
				const policy = JSON.parse(f.text);
				expect(policy.userLabels.managed_by).toBe('launchbook');
				// A ServiceLevelObjective has no documentation: the label is its marker.
				if (f.path.startsWith('cloud-monitoring-slos/')) continue;
				expect(policy.documentation.content).toContain('_Generated by Launchbook from `content/surfaces/');
			} else if (f.path.startsWith('alertmanager/')) {
				expect(f.text.split('\n')[0]).toMatch(
					/^# Generated by Launchbook \(npm run alerts:export\) from (content\/escalation\/|launchbook\.config\.yaml)/,
				);
			} else {
				expect(f.text.split('\n')[0]).toMatch(
					/^# Generated by Launchbook \(npm run alerts:export\) from content\/surfaces\//,
				);
			}
		}
	});

	it('keep AlertPolicy documentation within Cloud Monitoring limits, the stable runbook deep link first', () => {
		// SLO burn policies link their runbook section (they have no /alerts/<id>/ page); checked below.
		const declared = set.files.filter(
			(x) => x.path.startsWith('cloud-monitoring/') && !x.text.includes('"launchbook_slo"'),
		);
		expect(declared.length).toBeGreaterThan(0);
		for (const f of declared) {
			const doc = JSON.parse(f.text).documentation;
			expect(doc.mimeType).toBe('text/markdown');
			expect([...doc.content].length).toBeLessThanOrEqual(8192);
			expect(doc.links.length).toBeLessThanOrEqual(3);
			for (const l of doc.links) expect([...l.displayName].length).toBeLessThanOrEqual(63);
			expect(doc.links[0].displayName).toMatch(/^Runbook: /);
			// The alert's stable deep link, never a runbook path a rename would break.
			expect(doc.links[0].url).toBe(
				`https://runbooks.example.com/alerts/${JSON.parse(f.text).userLabels.launchbook_alert}/`,
			);
			expect(doc.content).toContain(`](${doc.links[0].url})`);
			expect(f.text).not.toContain('runbooks.example.com/runbooks/');
		}
		const long = JSON.parse(set.files.find((x) => x.path === 'cloud-monitoring/payments-latency-high.json')!.text);
		expect(long.documentation.links[0]).toEqual({
			displayName: 'Runbook: Mitigation · Event backlog and latency when the proce…',
			url: 'https://runbooks.example.com/alerts/payments-latency-high/',
		});
	});
});

describe('npm run alerts:export', () => {
	it('writes the golden files, says what it left out, and writes the same bytes twice', () => {
		const out = temp('alerts-export-');
		const first = exportCli(['--root', FIXTURE_ROOT, '--out', out]);
		expect(first.status).toBe(0);
		expect(first.stderr).toBe(
			[
				'alerts:export: content/surfaces/payments.yaml: alert payments-backlog-mql is not in the prometheus export: its query is mql, not PromQL.',
				'alerts:export: content/surfaces/payments.yaml: alert payments-errors-logged is not in the prometheus export: its query is logging, not PromQL.',
				'alerts:export: content/surfaces/payments.yaml: alert payments-manual-check is not in the prometheus export: it declares no query.',
				'alerts:export: content/surfaces/payments.yaml: alert payments-manual-check is not in the cloud-monitoring export: it declares no query.',
				`alerts:export: wrote 25 file(s) to ${out}`,
				'',
			].join('\n'),
		);
		expect(listFiles(out)).toEqual(listFiles(GOLDEN_DIR));
		for (const f of listFiles(GOLDEN_DIR))
			expect(readFileSync(join(out, f), 'utf8')).toBe(readFileSync(join(GOLDEN_DIR, f), 'utf8'));

		// A file from an earlier export that is no longer declared goes away; the rest is unchanged.
		// A file Launchbook did not write (hand-written rules beside the export) is kept, and named.
		writeFileSync(
			join(out, 'prometheus/retired.rules.yaml'),
			'# Generated by Launchbook (npm run alerts:export) from content/surfaces/retired.yaml.\ngroups: []\n',
		);
		writeFileSync(
			join(out, 'cloud-monitoring/retired.json'),
			'{\n  "userLabels": {\n    "managed_by": "launchbook"\n  }\n}\n',
		);
		writeFileSync(join(out, 'prometheus/hand-written.rules.yaml'), 'groups: []\n');
		const second = exportCli(['--root', FIXTURE_ROOT, '--out', out]);
		expect(second.status).toBe(0);
		expect(second.stderr).toContain(
			'alerts:export: removed cloud-monitoring/retired.json (no longer declared).\nalerts:export: removed prometheus/retired.rules.yaml (no longer declared).\n',
		);
		expect(second.stderr).toContain(
			'alerts:export: kept prometheus/hand-written.rules.yaml: not written by Launchbook, so not removed.\n',
		);
		expect(readFileSync(join(out, 'prometheus/hand-written.rules.yaml'), 'utf8')).toBe('groups: []\n');
		rmSync(join(out, 'prometheus/hand-written.rules.yaml'));
		expect(listFiles(out)).toEqual(listFiles(GOLDEN_DIR));
		for (const f of listFiles(GOLDEN_DIR))
			expect(readFileSync(join(out, f), 'utf8')).toBe(readFileSync(join(GOLDEN_DIR, f), 'utf8'));
	});

	it('writes nothing and exits 1 when the content is broken, naming file and line', () => {
		const root = temp('alerts-broken-');
		cpSync(FIXTURE_ROOT, root, { recursive: true });
		writeFileSync(
			join(root, 'content/surfaces/edge.yaml'),
			readFileSync(join(root, 'content/surfaces/edge.yaml'), 'utf8').replace('severity: sev2', 'severity: [sev2'),
		);
		const out = join(root, 'out');
		const r = exportCli(['--root', root, '--out', out]);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/^content\/surfaces\/edge\.yaml:\d+:\d+ {2}error {2}content-yaml {2}/);
		expect(r.stderr).toContain(
			'alerts:export: 1 content problem(s); nothing was written. Fix them and export again.\n',
		);
		expect(existsSync(out)).toBe(false);
	});

	it('exits 2 on an unknown option', () => {
		const r = exportCli(['--outt', 'x']);
		expect(r.status).toBe(2);
		expect(r.stderr).toContain("alerts:export: Unknown option '--outt'");
		expect(r.stderr).toContain(
			'Usage: npm run alerts:export -- [--root <dir>] [--out <dir>] [--system <backstage-system>]',
		);
	});
});
