/**
 * The exported Alertmanager configuration under the real amtool (Debian's
 * prometheus-alertmanager 0.25): `amtool check-config` accepts the shipped export and the
 * golden one, and `amtool config routes test` sends every surface × severity of the shipped
 * content to exactly the receivers the first level of the escalation matrix names.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { ALERTMANAGER_PATH } from '../../src/core/paging/alertmanager-config.ts';
import { GOLDEN_DIR, NODE, REPO } from '../alerts/support/paths.ts';
import { findTool } from '../support/system-tool.ts';
import { expectedFirstReceivers } from './support/matrix.ts';

const amtool = findTool(
	'amtool',
	['/usr/bin/amtool', '/usr/local/bin/amtool'],
	'apt-get install --no-install-recommends prometheus-alertmanager',
);
const model = loadContent(REPO);
const cases = model.surfaces
	.map((s) => s.data.id)
	.sort()
	.flatMap((surface) => model.severities.map((s) => [surface, s.data.id] as const));
let out: string;

beforeAll(() => {
	out = mkdtempSync(join(tmpdir(), 'paging-amtool-'));
	execFileSync(NODE, [join(REPO, 'scripts/alerts-export.ts'), '--root', REPO, '--out', out], { stdio: 'ignore' });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.skipIf(amtool.skipReason !== undefined)('amtool', () => {
	it.each([
		['the shipped export', () => join(out, ALERTMANAGER_PATH)],
		['the golden export', () => join(GOLDEN_DIR, ALERTMANAGER_PATH)],
	])('check-config accepts %s', (_name, file) => {
		const r = spawnSync(amtool.path!, ['check-config', file()], { encoding: 'utf8' });
		expect(r.stderr).toBe('');
		expect(r.stdout).toContain('SUCCESS');
		expect(r.status).toBe(0);
	});

	it('check-config fails on a broken file (the check can fail)', () => {
		const r = spawnSync(amtool.path!, ['check-config', join(GOLDEN_DIR, 'prometheus/edge.rules.yaml')], {
			encoding: 'utf8',
		});
		expect(r.status).not.toBe(0);
	});

	it('covers every surface × severity of the shipped content', () => {
		expect(cases.length).toBe(model.surfaces.length * model.severities.length);
		expect(cases.length).toBeGreaterThanOrEqual(20);
	});

	it.each(cases)('routes test: %s × %s goes to the receivers the matrix names first', (surface, severity) => {
		const expected = expectedFirstReceivers(model, surface, severity);
		expect(expected.length).toBeGreaterThan(0);
		const r = spawnSync(
			amtool.path!,
			[
				'config',
				'routes',
				'test',
				`--config.file=${join(out, ALERTMANAGER_PATH)}`,
				`surface=${surface}`,
				`severity=${severity}`,
				'alertname=AnyAlert',
			],
			{ encoding: 'utf8' },
		);
		expect(r.status).toBe(0);
		expect(r.stdout.trim().split(',')).toEqual(expected);
	});

	it('routes test: an alert of no known surface lands on the fallback receiver, the Watchdog on the heartbeat', () => {
		const test = (...labels: string[]) =>
			spawnSync(
				amtool.path!,
				['config', 'routes', 'test', `--config.file=${join(out, ALERTMANAGER_PATH)}`, ...labels],
				{ encoding: 'utf8' },
			).stdout.trim();
		expect(test('surface=unknown', 'severity=sev1')).toBe('launchbook-unrouted');
		expect(test('alertname=Watchdog', 'severity=none')).toBe('launchbook-watchdog');
	});
});
