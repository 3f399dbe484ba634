/**
 * Badges as pure functions: a check or surface status in, an SVG string or a shields.io
 * endpoint JSON object out. The colour ladder lives in named constants and is validated
 * here, because badge-maker silently falls back to a default colour on a bad one.
 */
import { makeBadge } from 'badge-maker';
import { formatAge, truncate } from './format.ts';
import type { CheckStatus, SurfaceStatus } from './report.ts';
import { observationAgeMs } from './staleness.ts';
import { effectiveCheckState, deriveSurfaceState } from './surface-state.ts';
import type { StatusState } from './state.ts';

const HEX = /^[0-9a-f]{6}$/;

/** Six-digit lower-case hex without "#": the one spelling both badge-maker and shields.io read the same way. */
export function assertBadgeColour(name: string, colour: string): string {
	if (!HEX.test(colour))
		throw new Error(
			`badge colour ${name} is ${JSON.stringify(colour)}; expected six lower-case hex digits such as "1a7f37".`,
		);
	return colour;
}

/** Green only for fresh ok. Unknown and stale share the grey: neither may ever look healthy. */
export const BADGE_COLOUR_OK = assertBadgeColour('ok', '1a7f37');
export const BADGE_COLOUR_DEGRADED = assertBadgeColour('degraded', '9a6700');
export const BADGE_COLOUR_DOWN = assertBadgeColour('down', 'cf222e');
export const BADGE_COLOUR_UNKNOWN = assertBadgeColour('unknown', '6e7781');
export const BADGE_COLOUR_STALE = assertBadgeColour('stale', '6e7781');
export const BADGE_COLOUR_LABEL = assertBadgeColour('label', '444d56');

export const BADGE_COLOURS: Readonly<Record<StatusState | 'stale', string>> = {
	ok: BADGE_COLOUR_OK,
	degraded: BADGE_COLOUR_DEGRADED,
	down: BADGE_COLOUR_DOWN,
	unknown: BADGE_COLOUR_UNKNOWN,
	stale: BADGE_COLOUR_STALE,
};

/** Longest message text on a badge, in characters. */
export const BADGE_MESSAGE_MAX = 48;

export interface BadgeView {
	readonly label: string;
	readonly message: string;
	/** Hex without "#", from the ladder above. */
	readonly colour: string;
	/** The state the badge shows ("stale" counts as its own). */
	readonly shown: StatusState | 'stale';
}

export function checkBadgeView(check: CheckStatus, now: Date, staleAfterMinutes: number): BadgeView {
	const label = truncate(check.name, 40);
	const effective = effectiveCheckState(check, now, staleAfterMinutes);
	if (effective === 'unknown' && check.state !== 'unknown') {
		const age = formatAge(observationAgeMs(check, now));
		return {
			label,
			message: truncate(`stale ${age} · last ${check.state}`, BADGE_MESSAGE_MAX),
			colour: BADGE_COLOURS.stale,
			shown: 'stale',
		};
	}
	const message = check.display && effective !== 'unknown' ? `${effective} · ${check.display}` : effective;
	return { label, message: truncate(message, BADGE_MESSAGE_MAX), colour: BADGE_COLOURS[effective], shown: effective };
}

export function surfaceBadgeView(
	surface: Pick<SurfaceStatus, 'id' | 'checks'>,
	now: Date,
	staleAfterMinutes: number,
): BadgeView {
	const { state } = deriveSurfaceState(surface.checks, now, staleAfterMinutes);
	return { label: truncate(surface.id, 40), message: state, colour: BADGE_COLOURS[state], shown: state };
}

/** The SVG badge. badge-maker escapes XML in label and message. */
export function renderBadgeSvg(view: BadgeView): string {
	return makeBadge({
		label: view.label,
		message: view.message || 'unknown',
		color: view.colour,
		labelColor: BADGE_COLOUR_LABEL,
		style: 'flat',
	});
}

/** A shields.io endpoint JSON object (https://shields.io/badges/endpoint-badge). */
export function shieldsEndpoint(view: BadgeView): {
	schemaVersion: 1;
	label: string;
	message: string;
	color: string;
	labelColor: string;
	isError: boolean;
} {
	return {
		schemaVersion: 1,
		label: view.label,
		message: view.message || 'unknown',
		color: view.colour,
		labelColor: BADGE_COLOUR_LABEL,
		isError: view.shown === 'down',
	};
}
