/**
 * The alert exports served by the site under /exports/: the same files, byte for byte, that
 * `npm run alerts:export` writes, from the same pure function.
 */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../../adapters/site-data.ts';
import { buildExportSet } from '../../core/alerts/export-set.ts';
import { promqlTools } from '../../adapters/promql-tools.ts';

export function getStaticPaths() {
	return buildExportSet(getSiteModel(), { promql: promqlTools().parser }).files.map((f) => ({
		params: { path: f.path },
		props: { text: f.text },
	}));
}

const TYPES: Record<string, string> = { json: 'application/json', yaml: 'application/yaml' };

export const GET: APIRoute = ({ props, params }) => {
	const ext = String(params.path).split('.').pop() ?? '';
	return new Response((props as { text: string }).text, {
		headers: { 'Content-Type': `${TYPES[ext] ?? 'text/plain'}; charset=utf-8` },
	});
};
