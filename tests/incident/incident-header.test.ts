import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { incidentHeader, levelWhen } from '../../src/core/incident/incident-header.ts';

const model = loadContent(process.cwd());

describe('the incident header of a runbook', () => {
	const runbook = model.runbooks.find((r) => r.id === 'gcp-deploy/cloud-run-health-check-failing')!;
	const slugs = runbook.outline.sections.map((s) => s.slug);
	const h = incidentHeader(model, { id: runbook.id, ...runbook.data }, slugs);

	it("lists each severity of the runbook's alerts, worst first, with the first two levels of the surface's policy", () => {
		expect(h.surfaceName).toBe('GCP deployment infrastructure');
		expect(h.severities.map((s) => [s.id, s.alerts])).toEqual([
			['sev2', ['cloud-run-revision-5xx-high']],
			['sev3', ['cloud-run-startup-probe-failing']],
		]);
		const policy = model.escalation.find((e) => e.data.surface === 'gcp-deploy')!.data.policies;
		for (const s of h.severities) {
			const levels = policy.find((p) => p.severity === s.id)!.levels;
			expect(s.levels).toEqual(
				levels.slice(0, 2).map((l) => ({ afterMinutes: l.afterMinutes, via: l.via, notify: l.notify })),
			);
			expect(s.totalLevels).toBe(levels.length);
		}
	});

	it('names the sections alerts land on, the blast radius both ways and the jump sections the runbook has', () => {
		expect(h.alerts.map((a) => [a.id, a.anchor])).toEqual([
			['cloud-run-revision-5xx-high', 'cloudrunrevision5xxhigh'],
			['cloud-run-startup-probe-failing', 'cloudrunstartupprobefailing'],
		]);
		expect(h.dependsOn.map((d) => [d.id, d.kind])).toEqual(
			model.surfaces
				.find((s) => s.id === 'gcp-deploy')!
				.data.dependsOn.map((id) => [id, model.surfaces.some((s) => s.id === id) ? 'surface' : 'vendor']),
		);
		expect(h.jumps.map((j) => j.slug)).toEqual(['mitigation', 'rollback', 'escalation', 'communication']);
		// Without a Rollback heading there is no Rollback jump link.
		const partial = incidentHeader(model, { id: runbook.id, ...runbook.data }, ['summary', 'mitigation']);
		expect(partial.jumps.map((j) => j.slug)).toEqual(['mitigation']);
	});

	it('says so when the surface has no escalation policy for a severity, or the surface is unknown', () => {
		const noPolicy = incidentHeader({ ...model, escalation: [] }, { id: runbook.id, ...runbook.data }, slugs);
		expect(noPolicy.severities.every((s) => s.levels.length === 0 && s.totalLevels === 0)).toBe(true);
		const unknown = incidentHeader(model, { id: 'x/y', surface: 'no-such-surface', alerts: [] }, []);
		expect([unknown.surfaceName, unknown.onCall, unknown.severities, unknown.takesDown]).toEqual([
			undefined,
			undefined,
			[],
			[],
		]);
	});

	it('words when a level is notified', () => {
		expect([levelWhen(0), levelWhen(15)]).toEqual(['at once', 'after 15 min']);
	});
});
