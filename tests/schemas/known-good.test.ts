import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { findingLines, loadWith } from './support.ts';

describe('known-good content', () => {
	it('the schema fixture tree loads with no problems and one entry or more per collection', () => {
		const model = loadWith();
		expect(findingLines(model)).toEqual([]);
		expect({
			surfaces: model.surfaces.map((e) => e.id),
			vendors: model.vendors.map((e) => e.id),
			teams: model.teams.map((e) => e.id),
			severities: model.severities.map((e) => e.id),
			escalation: model.escalation.map((e) => e.id),
			runbooks: model.runbooks.map((e) => e.id),
			comms: model.comms.map((e) => e.id),
			risks: model.risks.map((e) => e.id),
			tabletops: model.tabletops.map((e) => e.id),
			checklist: model.checklist.map((e) => e.id),
		}).toEqual({
			surfaces: ['billing-events'],
			vendors: ['stripe'],
			teams: ['billing-platform'],
			severities: ['sev1', 'sev2'],
			escalation: ['billing-events'],
			runbooks: ['billing-events/event-backlog'],
			comms: ['internal-investigating'],
			risks: ['billing-backlog'],
			tabletops: ['2026-11-12-regional-outage'],
			checklist: ['runbook-coverage', 'load-test'],
		});
	});

	it('applies defaults and transforms: spans become days, dates stay YYYY-MM-DD', () => {
		const model = loadWith();
		const runbook = model.runbooks[0]!.data;
		expect(runbook.reviewEvery).toBe(90);
		expect(runbook.lastReviewed).toBe('2026-11-18');
		expect(model.surfaces[0]!.data.alerts[0]!.for).toBe('5m');
		expect(model.teams[0]!.data.roles[0]!.surfaces).toEqual(['billing-events']);
	});

	it('keeps the position of every field, so findings can point at it', () => {
		const surface = loadWith().surfaces[0]!;
		expect(surface.positions['owner.primary']).toEqual({ line: 6, column: 3 });
		expect(surface.positions['alerts[0].runbook']).toEqual({ line: 22, column: 5 });
	});
});

describe('shipped content (content/ of this repository)', () => {
	const model = loadContent(resolve(import.meta.dirname, '../..'));

	it('loads with zero problems', () => {
		expect(findingLines(model)).toEqual([]);
	});

	it('ships the launch-operations package the issue asks for', () => {
		expect(model.surfaces.map((s) => s.id).sort()).toEqual([
			'billing-events',
			'custom-domains',
			'fivetran-webhooks',
			'gcp-deploy',
			'gcp-foundation',
		]);
		expect(model.severities.map((s) => s.id)).toEqual(['sev1', 'sev2', 'sev3', 'sev4']);
		expect(model.runbooks.length).toBeGreaterThanOrEqual(10);
		expect(model.risks.length).toBeGreaterThanOrEqual(12);
		expect(model.tabletops.length).toBeGreaterThanOrEqual(1);
		expect(model.escalation.map((e) => e.id).sort()).toEqual(model.surfaces.map((s) => s.id).sort());
	});
});
