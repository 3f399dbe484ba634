/** Every alert by id, with the surface that declares it (alert ids are unique across surfaces). Pure. */
import type { ContentModel } from '../content/model.ts';
import type { Alert, Surface } from '../schemas/surface.ts';

export interface IndexedAlert {
	readonly alert: Alert;
	readonly surface: Surface;
}

export function alertIndex(model: Pick<ContentModel, 'surfaces'>): Map<string, IndexedAlert> {
	const index = new Map<string, IndexedAlert>();
	for (const { data: surface } of model.surfaces) {
		for (const alert of surface.alerts) if (!index.has(alert.id)) index.set(alert.id, { alert, surface });
	}
	return index;
}
