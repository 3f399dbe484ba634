/**
 * Loads Prometheus's PromQL grammar on first use and only then: about 100 ms of start-up that
 * the gate and the exports pay only when the content holds PromQL. Synchronous (the package
 * ships a CommonJS build), so callers stay synchronous.
 */
import { createRequire } from 'node:module';
import type { PromqlParser } from '../core/alerts/promql.ts';

let loaded: PromqlParser | undefined;

export function promqlParser(): PromqlParser {
	if (!loaded) {
		const require = createRequire(import.meta.url);
		loaded = (require('@prometheus-io/lezer-promql') as { parser: PromqlParser }).parser;
	}
	return loaded;
}
