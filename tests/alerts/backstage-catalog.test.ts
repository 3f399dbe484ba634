/**
 * The Backstage catalog stands on its own: every dependsOn and system reference names an
 * entity in the same file, so importing it leaves no dangling relation.
 */
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { catalogEntities, renderCatalog } from '../../src/core/alerts/backstage-catalog.ts';

interface Entity {
	kind: string;
	metadata: { name: string };
	spec: { owner?: string; system?: string; dependsOn?: string[] };
}

const roots = {
	shipped: join(import.meta.dirname, '../..'),
	fixture: join(import.meta.dirname, '../fixtures/alerts/content-root'),
};

describe.each(Object.entries(roots))('Backstage catalog of the %s content', (_name, root) => {
	const model = loadContent(root);
	const docs = parseAllDocuments(renderCatalog(catalogEntities(model))).map((d) => d.toJS() as Entity);
	const refs = new Set(docs.map((e) => `${e.kind.toLowerCase()}:${e.metadata.name}`));

	it('has one System, one Component per surface and one Resource per vendor a surface depends on', () => {
		const used = new Set(
			model.surfaces.flatMap((s) => s.data.dependsOn).filter((d) => model.vendors.some((v) => v.data.id === d)),
		);
		expect(docs.filter((e) => e.kind === 'System')).toHaveLength(1);
		expect(
			docs
				.filter((e) => e.kind === 'Component')
				.map((e) => e.metadata.name)
				.sort(),
		).toEqual(model.surfaces.map((s) => s.data.id).sort());
		expect(
			docs
				.filter((e) => e.kind === 'Resource')
				.map((e) => e.metadata.name)
				.sort(),
		).toEqual([...used].sort());
	});

	it('resolves every dependsOn and system reference inside the file', () => {
		for (const e of docs) {
			for (const ref of e.spec.dependsOn ?? []) expect(refs, `${e.metadata.name} → ${ref}`).toContain(ref);
			if (e.spec.system) expect(refs).toContain(`system:${e.spec.system}`);
			expect(e.spec.owner).toMatch(/^group:[a-z0-9-]+$/);
		}
	});
});
