/**
 * The files that belong to a surface: its surface file, its escalation file and its
 * runbooks. Pages use it to show a surface the findings reported on its files. Pure.
 */
import type { ContentModel } from './model.ts';

export function surfaceFiles(
	model: Pick<ContentModel, 'surfaces' | 'escalation' | 'runbooks'>,
	surfaceId: string,
): Set<string> {
	const files = new Set<string>();
	for (const s of model.surfaces) if (s.data.id === surfaceId) files.add(s.file);
	for (const e of model.escalation) if (e.data.surface === surfaceId) files.add(e.file);
	for (const r of model.runbooks) if (r.data.surface === surfaceId) files.add(r.file);
	return files;
}
