/**
 * A Backstage `catalog-info.yaml`: the System, one Component per surface (owned by its
 * primary team's Group, depending on the surfaces and vendors it needs, linking to its
 * runbooks, alerts and live status on the site) and one Resource per vendor a surface
 * depends on, so every `dependsOn` reference resolves inside the file. Groups are left to
 * the organisation's own Backstage org data. Pure: content in, YAML text out.
 */
import { stringify } from 'yaml';
import type { ContentModel } from '../content/model.ts';
import { runbookHref } from '../site/site-links.ts';
import { siteBase } from './declared-alert.ts';

export interface CatalogOptions {
	/** Backstage System the components belong to. @default "integrations-platform" */
	readonly system?: string;
}

export const DEFAULT_SYSTEM = 'integrations-platform';

interface CatalogLink {
	readonly url: string;
	readonly title: string;
	readonly icon: string;
}

export interface CatalogComponent {
	readonly apiVersion: 'backstage.io/v1alpha1';
	readonly kind: 'Component';
	readonly metadata: {
		readonly name: string;
		readonly title: string;
		readonly description: string;
		readonly tags: readonly string[];
		readonly links: readonly CatalogLink[];
	};
	readonly spec: {
		readonly type: 'service';
		readonly lifecycle: 'production';
		readonly owner: string;
		readonly system: string;
		readonly dependsOn: readonly string[];
	};
}

export function catalogComponents(
	model: Pick<ContentModel, 'config' | 'surfaces' | 'runbooks'>,
	options: CatalogOptions = {},
): CatalogComponent[] {
	const base = siteBase(model.config.site.url);
	const surfaceIds = new Set(model.surfaces.map((s) => s.data.id));
	const surfaces = [...model.surfaces].sort((a, b) => a.data.id.localeCompare(b.data.id));
	return surfaces.map(({ data: s }) => {
		const runbooks = model.runbooks.filter((r) => r.data.surface === s.id).sort((a, b) => a.id.localeCompare(b.id));
		const links: CatalogLink[] = [
			...runbooks.map((r) => ({ url: base + runbookHref(r.id), title: `Runbook: ${r.data.title}`, icon: 'docs' })),
			{ url: `${base}/alerts/`, title: 'Alerts and their runbook sections', icon: 'warning' },
			{ url: `${base}/status/`, title: 'Live status', icon: 'dashboard' },
			{ url: s.onCall, title: 'On-call rotation', icon: 'group' },
			...s.dashboards.map((d) => ({ url: d.url, title: `Dashboard: ${d.name}`, icon: 'dashboard' })),
		];
		return {
			apiVersion: 'backstage.io/v1alpha1',
			kind: 'Component',
			metadata: { name: s.id, title: s.name, description: s.description.trim(), tags: [`tier-${s.tier}`], links },
			spec: {
				type: 'service',
				lifecycle: 'production',
				owner: `group:${s.owner.primary}`,
				system: options.system ?? DEFAULT_SYSTEM,
				// Surfaces are components; vendors and anything else outside the catalog are resources.
				dependsOn: s.dependsOn.map((d) => (surfaceIds.has(d) ? `component:${d}` : `resource:${d}`)),
			},
		};
	});
}

export interface CatalogSystem {
	readonly apiVersion: 'backstage.io/v1alpha1';
	readonly kind: 'System';
	readonly metadata: { readonly name: string; readonly title: string; readonly description: string };
	readonly spec: { readonly owner: string };
}

export interface CatalogResource {
	readonly apiVersion: 'backstage.io/v1alpha1';
	readonly kind: 'Resource';
	readonly metadata: {
		readonly name: string;
		readonly title: string;
		readonly description: string;
		readonly links: readonly CatalogLink[];
	};
	readonly spec: { readonly type: 'external-service'; readonly owner: string; readonly system: string };
}

export type CatalogEntity = CatalogSystem | CatalogComponent | CatalogResource;

/**
 * Every entity of the catalog: the System, the Components, then a Resource for each vendor
 * some surface depends on. The System and the Resources are owned by the owner of the
 * most critical surface (lowest tier, then id): the team that answers for the platform.
 */
export function catalogEntities(
	model: Pick<ContentModel, 'config' | 'surfaces' | 'runbooks' | 'vendors'>,
	options: CatalogOptions = {},
): CatalogEntity[] {
	const system = options.system ?? DEFAULT_SYSTEM;
	const components = catalogComponents(model, options);
	const lead = [...model.surfaces].sort((a, b) => a.data.tier - b.data.tier || a.data.id.localeCompare(b.data.id))[0];
	const owner = lead ? `group:${lead.data.owner.primary}` : 'group:unknown';
	const used = new Set(model.surfaces.flatMap((s) => s.data.dependsOn));
	const resources: CatalogResource[] = [...model.vendors]
		.filter((v) => used.has(v.data.id))
		.sort((a, b) => a.data.id.localeCompare(b.data.id))
		.map(({ data: v }) => ({
			apiVersion: 'backstage.io/v1alpha1',
			kind: 'Resource',
			metadata: {
				name: v.id,
				title: v.name,
				description: `${v.name} (${v.kind}), a vendor the platform depends on.`,
				links: [
					{ url: v.statusPage, title: 'Vendor status page', icon: 'dashboard' },
					{ url: v.support.url, title: 'Open a support case', icon: 'help' },
				],
			},
			spec: { type: 'external-service', owner, system },
		}));
	const head: CatalogSystem = {
		apiVersion: 'backstage.io/v1alpha1',
		kind: 'System',
		metadata: {
			name: system,
			title: `${model.config.site.organisation} platform`,
			description: 'Production surfaces of the integrations platform, as declared in Launchbook.',
		},
		spec: { owner },
	};
	return [head, ...components, ...resources];
}

export function renderCatalog(components: readonly CatalogEntity[]): string {
	const header = [
		'# Generated by Launchbook (npm run alerts:export) from content/surfaces/*.yaml.',
		'# Do not edit: change the surfaces and export again. The System, one Component per surface, one Resource per vendor.',
	].join('\n');
	const docs = components.map((c) => `---\n${stringify(c, { lineWidth: 0, indent: 2 })}`);
	return `${header}\n${docs.join('')}`;
}
