import { describe, expect, it } from 'vitest';
import {
	blockedMessage,
	cadenceMinutes,
	fillTemplate,
	formatUtc,
	formatUtcMinute,
	nextUpdateAt,
	placeholders,
} from '../../src/core/incident/comms-fill.ts';

describe('filling a comms template', () => {
	const message = 'Problem with {{surface}} since {{ startTime }}. Next update by {{nextUpdate}}. ({{surface}})';

	it('replaces every placeholder, spaces inside the braces allowed', () => {
		const r = fillTemplate(message, {
			surface: 'Billing event processing',
			startTime: '2026-11-26 14:05 UTC',
			nextUpdate: '2026-11-26 14:35 UTC',
		});
		expect(r).toEqual({
			text: 'Problem with Billing event processing since 2026-11-26 14:05 UTC. Next update by 2026-11-26 14:35 UTC. (Billing event processing)',
			missing: [],
		});
	});

	it('keeps unfilled placeholders visible and lists them once, in order of use; blanks count as unfilled', () => {
		const r = fillTemplate(message, { surface: '  ', nextUpdate: '15:00 UTC' });
		expect(r.text).toBe('Problem with {{surface}} since {{startTime}}. Next update by 15:00 UTC. ({{surface}})');
		expect(r.missing).toEqual(['surface', 'startTime']);
	});

	it('lists placeholder names', () => {
		expect(placeholders(message)).toEqual(['surface', 'startTime', 'nextUpdate']);
	});

	it('says exactly what blocks copying', () => {
		expect(blockedMessage([])).toBe('');
		expect(blockedMessage(['Impact'])).toBe('Copy blocked: fill in Impact first.');
		expect(blockedMessage(['Surface', 'Start time (UTC)', 'Impact'])).toBe(
			'Copy blocked: fill in Surface, Start time (UTC) and Impact first.',
		);
	});
});

describe('next update time from the severity cadence', () => {
	it('uses the customer cadence for customer-facing audiences, the internal one otherwise', () => {
		expect(cadenceMinutes({ internalMinutes: 15, customerMinutes: 30 }, 'status-page')).toBe(30);
		expect(cadenceMinutes({ internalMinutes: 15, customerMinutes: 30 }, 'customer-email')).toBe(30);
		expect(cadenceMinutes({ internalMinutes: 15, customerMinutes: 30 }, 'internal')).toBe(15);
		expect(cadenceMinutes({ internalMinutes: 60 }, 'status-page')).toBe(60);
	});

	it('adds the cadence and rounds up to the whole minute, written in UTC', () => {
		expect(formatUtc(nextUpdateAt(new Date('2026-11-26T23:50:20.5Z'), 30))).toBe('2026-11-27 00:21 UTC');
		expect(formatUtc(nextUpdateAt(new Date('2026-11-26T14:05:00Z'), 15))).toBe('2026-11-26 14:20 UTC');
		expect(formatUtcMinute(new Date('2026-11-26T14:05:59Z'))).toBe('2026-11-26 14:05');
	});
});
