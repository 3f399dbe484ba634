/** Node and fetch network errors, described for a responder. */

const UNREACHABLE = new Set([
	'ENOTFOUND',
	'EAI_AGAIN',
	'EAI_FAIL',
	'EAI_NONAME',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'ENETDOWN',
	'EHOSTDOWN',
]);

/** The errno-style code of an error or of its cause chain (fetch wraps the real error). */
export function errorCode(error: unknown): string | undefined {
	let e: unknown = error;
	for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string' && code.length > 0) return code;
		e = (e as { cause?: unknown }).cause;
	}
	return undefined;
}

export function isAbort(error: unknown): boolean {
	let e: unknown = error;
	for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
		const name = (e as { name?: unknown }).name;
		if (name === 'AbortError' || name === 'TimeoutError') return true;
		e = (e as { cause?: unknown }).cause;
	}
	return false;
}

/** True when the runner itself cannot reach the network or resolve names: says nothing about the target. */
export function isRunnerUnreachable(error: unknown): boolean {
	const code = errorCode(error);
	return code !== undefined && UNREACHABLE.has(code);
}

/** "could not resolve status.example.com (ENOTFOUND)" and the like. */
export function describeNetworkError(error: unknown, host: string): string {
	const code = errorCode(error);
	switch (code) {
		case 'ENOTFOUND':
		case 'EAI_NONAME':
		case 'EAI_FAIL':
			return `Could not resolve ${host} (${code}): no DNS answer from where the status ran, or no network.`;
		case 'EAI_AGAIN':
			return `Could not resolve ${host} (EAI_AGAIN): DNS did not answer in time.`;
		case 'ENETUNREACH':
		case 'ENETDOWN':
		case 'EHOSTUNREACH':
		case 'EHOSTDOWN':
			return `Could not reach ${host} (${code}): no route from where the status ran.`;
		case 'ECONNREFUSED':
			return `Connection refused by ${host} (ECONNREFUSED): nothing listens there.`;
		case 'ECONNRESET':
			return `Connection to ${host} was reset (ECONNRESET).`;
		case undefined:
			return `Could not reach ${host}: ${error instanceof Error ? error.message : String(error)}.`;
		default:
			return `Could not reach ${host} (${code}): ${error instanceof Error ? error.message : String(error)}.`;
	}
}
