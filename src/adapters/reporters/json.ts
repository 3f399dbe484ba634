/** The machine-readable report: one JSON document. */
import type { Finding } from '../../core/content/finding.ts';
import { ruleHref } from '../../core/rules/catalog.ts';

export interface JsonReportMeta {
	readonly today: string;
	readonly siteUrl: string;
	/** Pull-request mode: how many changed paths were checked; `null` for a full check. */
	readonly changedPaths: number | null;
}

export function renderJson(findings: readonly Finding[], meta: JsonReportMeta): string {
	const errors = findings.filter((f) => f.level === 'error').length;
	const base = meta.siteUrl.replace(/\/$/, '');
	const report = {
		tool: 'launchbook-check',
		version: 1,
		today: meta.today,
		mode: meta.changedPaths === null ? 'full' : 'pull-request',
		changedPaths: meta.changedPaths,
		summary: { errors, warnings: findings.length - errors, files: new Set(findings.map((f) => f.file)).size },
		findings: findings.map((f) => ({ ...f, url: `${base}${ruleHref(f.rule)}` })),
	};
	return `${JSON.stringify(report, null, 2)}\n`;
}
