import { describe, expect, it } from 'vitest';
import {
	assertBadgeColour,
	BADGE_COLOUR_OK,
	BADGE_COLOURS,
	checkBadgeView,
	renderBadgeSvg,
	shieldsEndpoint,
	surfaceBadgeView,
} from '../../src/core/status/badge.ts';
import { formatAge, formatPercent, formatValue } from '../../src/core/status/format.ts';
import { toCheckStatus } from '../../src/core/status/observation.ts';
import { buildStatusReport, type CheckStatus, parseStatusReport } from '../../src/core/status/report.ts';
import { judgeThreshold } from '../../src/core/status/state.ts';
import { deriveSurfaceState, SURFACE_STATE_RULE } from '../../src/core/status/surface-state.ts';
import { StatusCheckSchema, ThresholdsSchema } from '../../src/core/schemas/status-check.ts';
import { StatusConfigSchema } from '../../src/core/schemas/status-config.ts';

const NOW = new Date('2026-11-26T12:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

function check(over: Partial<CheckStatus> = {}): CheckStatus {
	return {
		id: 'c',
		surface: 's',
		kind: 'http',
		name: 'Health',
		state: 'ok',
		reason: 'HTTP 200 in 12 ms.',
		value: 12,
		unit: 'ms',
		display: '200 · 12 ms',
		observedAt: minutesAgo(1),
		checkedAt: minutesAgo(1),
		stale: false,
		source: 'https://api.example.com/healthz',
		details: {},
		...over,
	};
}

describe('thresholds', () => {
	it('are strict: a value on the threshold is on the better side', () => {
		const below = { direction: 'below', degraded: 0.99, down: 0.95 } as const;
		expect([0.995, 0.99, 0.985, 0.95, 0.9].map((v) => judgeThreshold(v, below))).toEqual([
			'ok',
			'ok',
			'degraded',
			'degraded',
			'down',
		]);
		const above = { direction: 'above', degraded: 10, down: 30 } as const;
		expect([5, 10, 11, 30, 31].map((v) => judgeThreshold(v, above))).toEqual([
			'ok',
			'ok',
			'degraded',
			'degraded',
			'down',
		]);
	});

	it('refuse a down threshold on the wrong side, naming the field', () => {
		const r = ThresholdsSchema.safeParse({ direction: 'below', degraded: 0.9, down: 0.95 });
		expect(r.success).toBe(false);
		expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			[
				'down',
				'the down threshold must lie beyond the degraded one (direction below: down <= degraded; above: down >= degraded)',
			],
		]);
	});

	it('checks refuse unknown kinds and fields with the expected list', () => {
		const r = StatusCheckSchema.safeParse({ id: 'x', name: 'X', kind: 'ping' });
		expect(r.error!.issues[0]!.message).toBe(
			'expected kind to be one of github-workflow, github-incidents, http, tls, prometheus, gcp-incidents',
		);
		expect(
			StatusCheckSchema.safeParse({ id: 'x', name: 'X', kind: 'http', url: 'https://a.example.com', timeout: 5 })
				.success,
		).toBe(false);
		expect(
			StatusCheckSchema.safeParse({ id: 'x', name: 'X', kind: 'http', url: 'ftp://a.example.com' }).error!.issues[0]!
				.message,
		).toBe('expected an absolute http:// or https:// URL');
	});

	it('status config has safe defaults', () => {
		expect(StatusConfigSchema.parse({})).toEqual({
			staleAfterMinutes: 30,
			defaultTimeoutMs: 5000,
			concurrency: 50,
			refreshSeconds: 60,
			outputDir: 'public/status',
			githubApiUrl: 'https://api.github.com',
			githubWebUrl: 'https://github.com',
			gcpIncidentsUrl: 'https://status.cloud.google.com/incidents.json',
		});
		expect(StatusConfigSchema.safeParse({ outputDir: '../elsewhere' }).error!.issues[0]!.message).toBe(
			'expected a path inside the repository, such as "public/status"',
		);
	});
});

describe('surface state rule', () => {
	const rule = (checks: CheckStatus[]) => deriveSurfaceState(checks, NOW, 30);

	it('is written down as data the page prints', () => {
		expect(SURFACE_STATE_RULE.length).toBeGreaterThanOrEqual(5);
		expect(buildStatusReport([], NOW, 30).surfaceRule).toEqual([...SURFACE_STATE_RULE]);
	});

	it('no checks: unknown, never ok', () => {
		expect(rule([])).toEqual({ state: 'unknown', reason: 'No status checks are declared for this surface.' });
	});

	it('down wins over degraded and unknown', () => {
		expect(
			rule([
				check({ name: 'A' }),
				check({ name: 'B', state: 'degraded' }),
				check({ name: 'C', state: 'down' }),
				check({ name: 'D', state: 'unknown', observedAt: null }),
			]),
		).toEqual({ state: 'down', reason: 'Down: C.' });
	});

	it('degraded wins over unknown (an open incident is degraded)', () => {
		expect(
			rule([
				check({ name: 'Incidents', kind: 'github-incidents', state: 'degraded' }),
				check({ name: 'X', state: 'unknown', observedAt: null }),
			]),
		).toEqual({ state: 'degraded', reason: 'Degraded: Incidents.' });
	});

	it('one unknown among ok checks makes the surface unknown', () => {
		expect(rule([check({ name: 'A' }), check({ name: 'B', state: 'unknown', observedAt: null })])).toEqual({
			state: 'unknown',
			reason: '1 of 2 checks is unknown: B.',
		});
	});

	it('a stale ok is not ok: kept from an earlier run, or older than the limit', () => {
		expect(rule([check({ name: 'A', stale: true })])).toEqual({
			state: 'unknown',
			reason: '1 of 1 checks is stale: A.',
		});
		expect(rule([check({ name: 'A', observedAt: minutesAgo(31) }), check({ name: 'B' })])).toEqual({
			state: 'unknown',
			reason: '1 of 2 checks is stale: A.',
		});
		expect(rule([check({ name: 'A', observedAt: minutesAgo(29) })])).toEqual({
			state: 'ok',
			reason: 'All 1 checks are ok.',
		});
	});

	it('a stale down counts as unknown too: the rule trusts fresh data only', () => {
		expect(rule([check({ name: 'A', state: 'down', stale: true }), check({ name: 'B' })]).state).toBe('unknown');
	});
});

describe('keeping the previous observation', () => {
	const ident = { id: 'c', surface: 's', kind: 'http' as const, name: 'Health' };

	it('a measured outcome is fresh', () => {
		const c = toCheckStatus(
			ident,
			{
				outcome: 'measured',
				state: 'down',
				reason: 'HTTP 503 (expected 200).',
				value: 3,
				unit: 'ms',
				display: '503 · 3 ms',
				source: 'https://x.example.com/',
				details: {},
			},
			check(),
			NOW,
		);
		expect(c).toMatchObject({
			state: 'down',
			stale: false,
			observedAt: NOW.toISOString(),
			checkedAt: NOW.toISOString(),
		});
	});

	it('a failed source keeps the previous value, marked stale with its age and both reasons', () => {
		const previous = check({ observedAt: minutesAgo(45), reason: 'HTTP 200 in 12 ms.' });
		const c = toCheckStatus(
			ident,
			{
				outcome: 'unavailable',
				reason:
					'Could not resolve api.example.com (ENOTFOUND): no DNS answer from where the status ran, or no network.',
				source: null,
			},
			previous,
			NOW,
		);
		expect(c).toMatchObject({
			state: 'ok',
			value: 12,
			display: '200 · 12 ms',
			observedAt: minutesAgo(45),
			checkedAt: NOW.toISOString(),
			stale: true,
			staleReason:
				'Could not resolve api.example.com (ENOTFOUND): no DNS answer from where the status ran, or no network.',
			reason:
				'Could not resolve api.example.com (ENOTFOUND): no DNS answer from where the status ran, or no network. Showing the last value, observed 45 min ago.',
			details: { previousReason: 'HTTP 200 in 12 ms.' },
		});
		// Two failures in a row still point at the real observation and its reason.
		const again = toCheckStatus(
			ident,
			{ outcome: 'unavailable', reason: 'Still no DNS.', source: null },
			c,
			new Date(NOW.getTime() + 15 * 60_000),
		);
		expect(again).toMatchObject({
			observedAt: minutesAgo(45),
			stale: true,
			reason: 'Still no DNS. Showing the last value, observed 1 h ago.',
			details: { previousReason: 'HTTP 200 in 12 ms.' },
		});
	});

	it('without a previous observation, unavailable is unknown with the reason', () => {
		const c = toCheckStatus(
			ident,
			{ outcome: 'unavailable', reason: 'No Prometheus server is configured.', source: null },
			undefined,
			NOW,
		);
		expect(c).toMatchObject({
			state: 'unknown',
			value: null,
			display: '',
			observedAt: null,
			stale: false,
			reason: 'No Prometheus server is configured.',
		});
	});

	it('a previous observation of another kind is not reused', () => {
		const c = toCheckStatus(ident, { outcome: 'unavailable', reason: 'x', source: null }, check({ kind: 'tls' }), NOW);
		expect(c.state).toBe('unknown');
	});
});

describe('badges', () => {
	it('colour ladder: six-digit hex, validated, unknown and stale grey', () => {
		for (const [name, colour] of Object.entries(BADGE_COLOURS))
			expect(assertBadgeColour(name, colour)).toMatch(/^[0-9a-f]{6}$/);
		expect(() => assertBadgeColour('ok', 'green')).toThrow(
			'badge colour ok is "green"; expected six lower-case hex digits such as "1a7f37".',
		);
		expect(BADGE_COLOURS.unknown).not.toBe(BADGE_COLOUR_OK);
		expect(BADGE_COLOURS.stale).not.toBe(BADGE_COLOUR_OK);
	});

	it('ok renders green with the value; the fill is exactly the ladder colour (no silent fallback)', () => {
		const view = checkBadgeView(check(), NOW, 30);
		expect(view).toEqual({ label: 'Health', message: 'ok · 200 · 12 ms', colour: BADGE_COLOUR_OK, shown: 'ok' });
		expect(renderBadgeSvg(view)).toContain(`fill="#${BADGE_COLOUR_OK}"`);
	});

	it('stale never looks green and says "stale" in text', () => {
		const view = checkBadgeView(check({ observedAt: minutesAgo(90) }), NOW, 30);
		expect(view).toEqual({
			label: 'Health',
			message: 'stale 1 h 30 min · last ok',
			colour: BADGE_COLOURS.stale,
			shown: 'stale',
		});
		const svg = renderBadgeSvg(view);
		expect(svg).not.toContain(`#${BADGE_COLOUR_OK}`);
		expect(svg).toContain('stale 1 h 30 min · last ok');
	});

	it('unknown is grey', () => {
		const view = checkBadgeView(check({ state: 'unknown', observedAt: null, display: '' }), NOW, 30);
		expect(view).toMatchObject({ message: 'unknown', colour: BADGE_COLOURS.unknown });
		expect(surfaceBadgeView({ id: 'billing-events', checks: [] }, NOW, 30)).toMatchObject({
			message: 'unknown',
			colour: BADGE_COLOURS.unknown,
		});
	});

	it('an issue title holding <script> is escaped in the SVG', () => {
		const evil = '<script>alert("x")</script> & more';
		const view = checkBadgeView(check({ name: evil, state: 'degraded', display: `1 open · ${evil}` }), NOW, 30);
		const svg = renderBadgeSvg(view);
		expect(svg).not.toContain('<script');
		expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
	});

	it('shields endpoint JSON follows the documented schema', () => {
		expect(shieldsEndpoint(checkBadgeView(check({ state: 'down', display: '503 · 3 ms' }), NOW, 30))).toEqual({
			schemaVersion: 1,
			label: 'Health',
			message: 'down · 503 · 3 ms',
			color: BADGE_COLOURS.down,
			labelColor: '444d56',
			isError: true,
		});
	});
});

describe('report', () => {
	it('round-trips through JSON and refuses foreign files with a reason', () => {
		const report = buildStatusReport([{ id: 's', name: 'S', checks: [check()] }], NOW, 30);
		expect(parseStatusReport(JSON.stringify(report))).toEqual({ report });
		expect(parseStatusReport('{"schemaVersion": 2}')).toEqual({
			error: 'not a Launchbook status report: schemaVersion: Invalid input: expected 1',
		});
		expect(parseStatusReport('{')).toMatchObject({ error: expect.stringMatching(/^not JSON \(/) });
	});
});

describe('formatting', () => {
	it('ages, percentages, values', () => {
		expect([0, 59_000, 60_000, 3_600_000, 3_660_000, 49 * 3_600_000].map(formatAge)).toEqual([
			'just now',
			'just now',
			'1 min',
			'1 h',
			'1 h 1 min',
			'2 d 1 h',
		]);
		expect([1, 0.9876, 0.9999, 0].map(formatPercent)).toEqual(['100%', '98.8%', '99.99%', '0%']);
		expect(formatValue(0.00012, 's')).toBe('1.20e-4 s');
		expect(formatValue(42.123456, 's')).toBe('42.12 s');
	});
});
