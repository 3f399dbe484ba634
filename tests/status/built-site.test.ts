/**
 * The shipped site as built for the test run: the status page exists, writes down the
 * surface rule, and either shows the collected status or says it was not collected (a
 * fresh checkout has no status.json: that build must succeed and say so).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SURFACE_STATE_RULE } from '../../src/core/status/surface-state.ts';

const dist = inject('builtSite');
const text = (html: string) =>
	html
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#39;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');

describe('status in the built site', () => {
	const page = readFileSync(join(dist, 'status/index.html'), 'utf8');

	it('the status page prints the rule that derives a surface state', () => {
		for (const line of SURFACE_STATE_RULE) expect(text(page)).toContain(line);
	});

	it('says status was not collected when the build had no status.json, else shows when it was collected (and ships the JSON)', () => {
		// The page embeds the report it was built from (data-lb-report) only when there was one.
		if (page.includes('data-lb-report=')) {
			expect(existsSync(join(dist, 'status/status.json'))).toBe(true);
			expect(text(page)).toMatch(/Collected (just now|\d+ (min|h|d)[^(]*ago) \(\d{4}-\d\d-\d\dT/);
		} else {
			expect(text(page)).toContain(
				'Status not collected yet. No status.json was there when this site was built. Run "npm run status" (the scheduled workflow does), then build again.',
			);
			const surfaces = readFileSync(join(dist, 'surfaces/index.html'), 'utf8');
			expect(surfaces).toContain('<span class="lb-status__state">status not collected</span>');
		}
	});

	it('no badge on the surfaces page is green unless its surface is ok', () => {
		const surfaces = readFileSync(join(dist, 'surfaces/index.html'), 'utf8');
		const badges = [
			...surfaces.matchAll(
				/class="lb-status lb-status--([a-z]+)"[^>]*>.*?<span class="lb-status__state">([^<]*)<\/span>/g,
			),
		].map((m) => [m[1], m[2]]);
		expect(badges.length).toBeGreaterThan(0);
		for (const [cls, word] of badges) {
			if (cls === 'ok') expect(word).toBe('ok');
			else expect(word).not.toBe('ok');
		}
	});
});
