/**
 * The scheduled workflow's job summary of live status: one row per surface, escaped like the gate's
 * summary (reasons quote remote text such as issue titles: no link, image, mention or HTML gets through).
 */
import type { StatusReport } from '../../core/status/report.ts';
import { escapeCell } from './github.ts';

export function renderStatusSummary(report: StatusReport): string {
	const rows = report.surfaces.map(
		(s) => `| ${escapeCell(s.name)} | ${escapeCell(s.state)} | ${escapeCell(s.reason)} |`,
	);
	return [
		`### Live status, ${escapeCell(report.generatedAt)}`,
		'',
		'| Surface | State | Why |',
		'| --- | --- | --- |',
		...rows,
		'',
	].join('\n');
}
