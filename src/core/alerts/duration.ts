/** Prometheus durations (`1h30m`, `5m`) as seconds, for Cloud Monitoring's `"300s"` form. Pure. */

const UNIT_MS: Record<string, number> = {
	ms: 1,
	s: 1000,
	m: 60_000,
	h: 3_600_000,
	d: 86_400_000,
	w: 604_800_000,
	y: 31_536_000_000,
};

/** Milliseconds in a Prometheus duration, or undefined when it is not one. */
export function promDurationMs(text: string): number | undefined {
	if (!/^(?:\d+(?:ms|s|m|h|d|w|y))+$/.test(text)) return undefined;
	let total = 0;
	for (const [, n, unit] of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) total += Number(n) * UNIT_MS[unit!]!;
	return total;
}

/** `5m` → `"300s"`; `1500ms` → `"1.5s"` (protobuf Duration JSON). */
export function protoDuration(text: string): string {
	const ms = promDurationMs(text);
	if (ms === undefined) throw new Error(`"${text}" is not a Prometheus duration such as "5m"`);
	return `${ms / 1000}s`;
}
