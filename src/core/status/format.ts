/** Short, locale-independent renderings of measured values for badges and the status page. */

/** 0.9876 → "98.8%"; 1 → "100%". */
export function formatPercent(ratio: number): string {
	const pct = ratio * 100;
	if (pct === 100 || pct === 0) return `${pct}%`;
	return `${pct >= 99.95 ? pct.toFixed(2) : pct.toFixed(1)}%`;
}

/** A measured value with its unit: `ratio` is a percentage, `s` and `ms` keep their unit. */
export function formatValue(value: number, unit?: string): string {
	if (unit === 'ratio') return formatPercent(value);
	const abs = Math.abs(value);
	const n = abs !== 0 && (abs < 0.01 || abs >= 1e6) ? value.toExponential(2) : String(Number(value.toPrecision(4)));
	return unit ? `${n} ${unit}` : n;
}

/** An age in words: "just now", "4 min", "2 h 5 min", "3 d 4 h". */
export function formatAge(ms: number): string {
	if (!Number.isFinite(ms) || ms < 0) return 'just now';
	const minutes = Math.floor(ms / 60_000);
	if (minutes < 1) return 'just now';
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
	const days = Math.floor(hours / 24);
	return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** Shorten text for a badge, on a character boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
	const chars = Array.from(text.replace(/\s+/g, ' ').trim());
	return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** "just now", "4 min ago", "2 h 5 min ago". */
export function formatAgo(ms: number): string {
	const age = formatAge(ms);
	return age === 'just now' ? age : `${age} ago`;
}
