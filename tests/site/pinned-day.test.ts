/**
 * Time never breaks the suite: the shipped-site build the tests use (tests/support/build-site.global.ts)
 * judges reviews on a pinned day, so it passes with the machine's clock set a year past every shipped
 * review date. faketime (Debian) sets the clock of the real `astro build`; the gate run under the same
 * clock without a pinned day shows the clock really moved (its reviews are overdue there).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { reviewState } from '../../src/core/readiness/review.ts';
import { buildShippedSite, SHIPPED_SITE_DAY } from '../support/build-site.global.ts';
import { findTool } from '../support/system-tool.ts';

const REPO = resolve(import.meta.dirname, '../..');
const faketime = findTool('faketime', ['/usr/bin/faketime'], 'apt-get install --no-install-recommends faketime');
const model = loadContent(REPO);

/** A year after the last day anything shipped falls due (runbook reviews, tabletop action items). */
function pastEveryReview(): string {
	const dues = [
		...model.runbooks.map(
			(r) =>
				reviewState(r.data.lastReviewed, r.data.reviewEvery, SHIPPED_SITE_DAY, model.config.policy.reviewWarningDays)
					.due,
		),
		...model.tabletops.flatMap((t) => t.data.actions.map((a) => a.due)),
	].sort();
	const last = Date.parse(`${dues.at(-1)!}T00:00:00Z`);
	return new Date(last + 366 * 86_400_000).toISOString().slice(0, 10);
}

const works: string[] = [];
afterAll(() => {
	for (const w of works) rmSync(w, { recursive: true, force: true });
});

describe.skipIf(faketime.skipReason !== undefined)(
	`the suite's shipped-site build, clock a year past every review`,
	() => {
		const day = pastEveryReview();
		// DONT_FAKE_MONOTONIC: timers and Node's event loop keep the real monotonic clock; dates are faked.
		const wrap = [faketime.path!, `${day} 12:00:00`];
		const env = { FAKETIME_DONT_FAKE_MONOTONIC: '1' };

		it('the clock really is moved: the gate without --today reports overdue reviews', () => {
			const r = spawnSync(
				wrap[0]!,
				[...wrap.slice(1), process.execPath, join(REPO, 'scripts/check.mjs'), '--format', 'json'],
				{
					cwd: REPO,
					encoding: 'utf8',
					env: { ...process.env, ...env },
				},
			);
			expect(r.status, r.stderr).toBe(1);
			const report = JSON.parse(r.stdout) as { today: string; findings: { rule: string }[] };
			expect(report.today).toBe(day);
			expect(report.findings.some((f) => f.rule === 'review-overdue')).toBe(true);
		});

		it('still builds, and every page judged the pinned day', () => {
			const work = mkdtempSync(join(tmpdir(), 'launchbook-faketime-'));
			works.push(work);
			const dist = buildShippedSite(work, { wrap, env });
			const runbook = model.runbooks[0]!;
			const html = readFileSync(join(dist, 'runbooks', runbook.id, 'index.html'), 'utf8');
			expect(html).toContain(`data-lb-today="${SHIPPED_SITE_DAY}"`);
			expect(html).not.toContain('data-lb-banner="overdue-review"');
			// The build ran under the faked clock: the date it did so is in no page, but node saw it.
			const seen = execFileSync(
				wrap[0]!,
				[...wrap.slice(1), process.execPath, '-p', 'new Date().toISOString().slice(0, 10)'],
				{
					encoding: 'utf8',
					env: { ...process.env, ...env },
				},
			);
			expect(seen.trim()).toBe(day);
		}, 600_000);
	},
);
