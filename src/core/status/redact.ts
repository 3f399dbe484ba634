/**
 * Defence in depth for secrets: whatever a remote server echoes back (an error message
 * quoting a header, say) is scrubbed of known secret values before it is written or printed.
 */
export const REDACTED = '[redacted]';

export function redactText(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const s of secrets) if (s.length >= 4) out = out.split(s).join(REDACTED);
	return out;
}

/** A deep copy of a JSON-safe value with every string scrubbed. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
	if (secrets.every((s) => s.length < 4)) return value;
	const walk = (v: unknown): unknown => {
		if (typeof v === 'string') return redactText(v, secrets);
		if (Array.isArray(v)) return v.map(walk);
		if (v && typeof v === 'object')
			return Object.fromEntries(Object.entries(v).map(([k, x]) => [redactText(k, secrets), walk(x)]));
		return v;
	};
	return walk(value) as T;
}
