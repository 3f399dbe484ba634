/**
 * The pages on content the test controls: a two-surface fixture built with the real site and
 * the build date pinned, so states that depend on dates (overdue review, overdue action items)
 * are pinned too, and the pages are shown to render content other than the shipped one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, type FixtureSite } from './fixture-site.ts';
import { elementAt, mainOf, readPage, tagsOf, textOf } from './html.ts';

let site: FixtureSite;
beforeAll(() => {
	site = buildFixtureSite('basic', '2026-06-01');
}, 120_000);
afterAll(() => site?.cleanup());

const main = (path: string) => mainOf(readPage(site.dist, path));

describe('fixture site, built on 2026-06-01', () => {
	it('shows the overdue-review banner on an overdue runbook, in words', () => {
		const html = main('/runbooks/webhooks/signature-failures/');
		const banner = elementAt(html, '<aside class="starlight-aside starlight-aside--danger lb-review-banner"');
		expect(banner).toContain('role="alert"');
		expect(textOf(banner!)).toBe(
			'Overdue review This runbook was due for review on 2025-04-10, 417 days ago (last reviewed 2025-01-10, reviewed every 90 days). Check its commands before you rely on them, and ask API Team to review it.',
		);
		expect(textOf(html)).toContain('Next review due 2025-04-10 ⚠ Overdue');
	});

	it('shows no banner on a fresh runbook, and its header facts', () => {
		const html = main('/runbooks/core-api/outage/');
		expect(html).not.toContain('lb-review-banner');
		const header = textOf(elementAt(html, '<dl class="lb-facts"')!);
		expect(header).toBe(
			'Surface Core API Owner API Team Alerts handled ApiErrorRateHigh (SEV1 — critical) ApiLatencyHigh (SEV2 — major) Last reviewed 2026-05-20 Next review due 2026-08-18 ✓ Fresh',
		);
	});

	it('marks readiness cells with their state in text', () => {
		const html = main('/');
		const row = elementAt(html, '<tr data-surface="webhooks"')!;
		const review = elementAt(row, '<td data-criterion="review"')!;
		// review-overdue is reported by the coverage gate on the runbook, one of the surface's files.
		expect(textOf(review)).toBe('✗ Problem 1 of 1 runbook overdue for review · 1 finding');
		expect(tagsOf(row, 'td').map((t) => `${t['data-criterion']}=${t['data-state']}`)).toEqual([
			'owner=problem',
			'alerts=ok',
			'rollback=problem',
			'review=problem',
			'tabletop=ok',
			'comms=ok',
			'status=warning',
		]);
		// The coverage gate's findings on the surface's files raise the cells the content alone leaves OK.
		expect(textOf(elementAt(row, '<td data-criterion="owner"')!)).toBe('✗ Problem API Team · 1 finding');
		expect(textOf(elementAt(row, '<td data-criterion="rollback"')!)).toBe(
			'✗ Problem ordered rollback steps in 1 of 1 runbook · 5 findings',
		);
	});

	it('computes overdue action items on the tabletop record and highlights tribal knowledge', () => {
		const html = main('/tabletops/2026-05-region-outage/');
		const actions = tagsOf(html, 'tr')
			.filter((t) => t['data-action'])
			.map((t) => `${t['data-action']}:${t['data-status']}:${t['data-overdue']}`);
		expect(actions).toEqual(['write-failover:open:true', 'add-dashboard:in-progress:false', 'page-network:done:false']);
		expect(textOf(elementAt(html, '<tr id="action-write-failover"')!)).toContain('○ Open ⚠ Overdue by 7 days');
		expect(textOf(elementAt(html, '<li id="finding-failover-memory" class="lb-finding-tribal"')!)).toBe(
			'⚠ Tribal knowledge Failover steps were recalled from memory Runbooks: Core API outage',
		);
		expect(textOf(html)).toContain('The exercise ran for 45 minutes.');
	});

	it('links escalation levels to roster roles and shows a missing severity as not defined', () => {
		const html = main('/escalation/');
		const core = elementAt(html, '<tr id="surface-core-api"')!;
		expect(textOf(elementAt(core, '<td data-severity="sev1"')!)).toBe(
			'At once (page): API Team After 15 min (page): Incident commander (Incident Command), Core API surface lead (API Team)',
		);
		expect(core).toContain('href="/roster/#role-incident-command-incident-commander"');
		expect(textOf(elementAt(elementAt(html, '<tr id="surface-webhooks"')!, '<td data-severity="sev1"')!)).toBe(
			'✗ Not defined',
		);
		expect(textOf(elementAt(html, '<section class="lb-vendor" data-vendor="cloud"')!)).toContain(
			'How to open a case Open the support console. Choose Technical, then the product.',
		);
	});

	it("renders a vendor's Markdown with only safe links: script, entity-encoded and off-site links stay text, raw HTML is shown as text", () => {
		const saas = elementAt(main('/escalation/'), '<section class="lb-vendor" data-vendor="saas"')!;
		expect(textOf(saas)).toContain(
			'How to open a case Email support with the account id, or use the case form. Not a script, not an entity, not off-site, not backslash. <img src=x onerror="alert(3)"> When each',
		);
		expect([...saas.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1])).toEqual([
			'#vendor-saas',
			'https://status.saas.example.com',
			'https://support.saas.example.com',
			'https://support.saas.example.com/new',
			'/surfaces/webhooks/',
		]);
		expect(saas).not.toContain('<img');
		expect(saas).toContain('&lt;img src=x onerror=&quot;alert(3)&quot;&gt;');
	});

	it('derives checklist items from the checks and never from typed status', () => {
		// The fixture has coverage errors (a missing sev1 policy, thin runbooks) and one overdue tabletop action: the tabletop
		// item is no-go while it is overdue, and the manual go carries no checked date, so it is stale, not go.
		const html = main('/checklist/');
		const rows = tagsOf(html, 'tr')
			.filter((t) => t['data-item'])
			.map((t) => `${t['data-item']}:${t['data-kind']}:${t['data-state']}`);
		expect(rows).toEqual([
			'coverage-clear:derived:no-go',
			'tabletops-clear:derived:no-go',
			'status-green:derived:see-status',
			'support-briefed:manual:stale',
		]);
		expect(textOf(elementAt(html, '<tr id="item-status-green"')!)).toContain(
			'derived from live-status (live status): see status page',
		);
	});

	it('counts risks in the heat map cells', () => {
		const cells = tagsOf(main('/risks/'), 'td')
			.filter((t) => Number(t['data-count']) > 0)
			.map((t) => `${t['data-likelihood']}×${t['data-impact']}=${t['data-count']}`);
		expect(cells).toEqual(['possible×major=2', 'unlikely×severe=1']);
	});
});
