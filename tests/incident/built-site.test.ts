/**
 * The incident-time pieces in the real build: the offline kit file, the blast-radius SVG on
 * the home and surface pages, the comms pages, and the kit link on every page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.ts';
import { blastRadius, buildGraph, upstream } from '../../src/core/graph/graph.ts';
import { externalReferences } from '../../src/core/incident/offline-kit.ts';
import { textOf } from '../site/html.ts';

const dist = inject('builtSite');
const model = loadContent(process.cwd());
const read = (rel: string) => readFileSync(join(dist, rel), 'utf8');
/** Text as an HTML page shows it, with no space left before punctuation. */
const text = (html: string) => textOf(html).replace(/ ([.,;:])/g, '$1');

describe('offline kit in the build', () => {
	const kit = read('offline-kit.html');
	const kitText = text(kit);

	it('is one self-contained file: no scripts, no stylesheet links, nothing fetched, under 2 MB', () => {
		expect(externalReferences(kit)).toEqual([]);
		expect(kit).not.toMatch(/<script\b/i);
		expect(kit).toMatch(/<style>/);
		expect(statSync(join(dist, 'offline-kit.html')).size).toBeLessThan(2 * 1024 * 1024);
		expect(read('offline-kit/index.html')).toBe(kit);
	});

	it('holds every runbook, severity, team, escalation policy and comms template', () => {
		for (const r of model.runbooks) expect(kitText, `runbook ${r.id}`).toContain(r.data.title);
		for (const s of model.severities) expect(kitText, `severity ${s.id}`).toContain(s.data.name);
		for (const t of model.teams) expect(kit, `team ${t.id}`).toContain(`id="team-${t.id}"`);
		for (const e of model.escalation)
			expect(kit, `escalation ${e.data.surface}`).toContain(`id="escalation-${e.data.surface}"`);
		for (const c of model.comms)
			expect(kitText, `comms ${c.id}`).toContain(text(c.data.message.trim().split('\n')[0]!).trim());
	});

	it('says how old its status snapshot is, or that there is none', () => {
		expect(kit).toMatch(/data-kit-snapshot="(none|\d{4}-\d{2}-\d{2}T[^"]+)"/);
	});

	it('links every alert to its runbook section inside the kit, and every in-kit link resolves', () => {
		const ids = new Set([...kit.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
		const hrefs = [...kit.matchAll(/\shref="#([^"]+)"/g)].map((m) => m[1]!);
		expect(hrefs.filter((h) => !ids.has(h))).toEqual([]);
		const duplicates = [...kit.matchAll(/\sid="([^"]+)"/g)]
			.map((m) => m[1])
			.filter((id, i, all) => all.indexOf(id) !== i);
		expect(duplicates).toEqual([]);
	});
});

describe('blast radius in the build', () => {
	const graph = buildGraph([
		...model.surfaces.map((s) => ({ id: s.id, kind: 'surface' as const, dependsOn: s.data.dependsOn })),
		...model.vendors.map((v) => ({ id: v.id, kind: 'vendor' as const, dependsOn: [] })),
	]);
	const figure = (html: string) => /<figure class="lb-br[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';

	it('draws the whole graph on the home page as inline SVG with a title, a description and no script', () => {
		const f = figure(read('index.html'));
		expect(f).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="lb-br-all-title lb-br-all-desc"/);
		expect(f).toContain('<title id="lb-br-all-title">Dependency graph of surfaces and vendors</title>');
		expect(f).not.toMatch(/<script/);
		for (const id of graph.nodes.keys()) expect(f, id).toContain(`data-node="${id}"`);
	});

	it('on each surface page highlights the surface, what its failure takes down and what it needs', () => {
		for (const s of model.surfaces) {
			const f = figure(read(`surfaces/${s.id}/index.html`));
			const roles = Object.fromEntries(
				[...f.matchAll(/data-node="([^"]+)" data-role="([^"]+)"/g)].map((m) => [m[1], m[2]]),
			);
			expect(roles[s.id], s.id).toBe('focus');
			const down = blastRadius(graph, s.id);
			const up = upstream(graph, s.id);
			expect(
				Object.keys(roles)
					.filter((id) => roles[id] === 'down')
					.sort(),
				`${s.id} blast radius`,
			).toEqual(down);
			expect(
				Object.keys(roles)
					.filter((id) => roles[id] === 'up')
					.sort(),
				`${s.id} upstream`,
			).toEqual(up.filter((id) => !down.includes(id)));
			expect(text(f)).toContain(`A failure of ${s.data.name} takes down:`);
		}
	});
});

describe('comms pages in the build', () => {
	it('index links every template, grouped by severity with cadence and approval', () => {
		const index = read('comms/index.html');
		for (const c of model.comms) expect(index, c.id).toContain(`href="/comms/${c.id}/"`);
		for (const s of model.severities) {
			expect(index).toMatch(new RegExp(`<h2 id="sev-${s.id}"[^>]*>${s.data.name}</h2>`));
			expect(text(index)).toContain(`Approval of external messages: ${s.data.commsApproval}.`);
			expect(text(index)).toContain(`internal every ${s.data.updateCadence.internalMinutes} min`);
		}
	});

	it('each template page carries the plain text with its placeholders for readers without JavaScript', () => {
		for (const c of model.comms) {
			const page = read(`comms/${c.id}/index.html`);
			const pre = /<pre class="lb-comms-plain[^"]*"[^>]*><code[^>]*>([\s\S]*?)<\/code><\/pre>/.exec(page)?.[1];
			expect(pre, c.id).toBeDefined();
			for (const v of c.data.variables) expect(pre, `${c.id} {{${v.name}}}`).toContain(`{{${v.name}}}`);
			expect(page).toContain('id="lb-comms-form" hidden');
		}
	});

	it('each template page states, per severity, the update cadence and who approves, as a sentence', () => {
		const sevs = new Map(model.severities.map((s) => [s.id, s.data]));
		for (const c of model.comms) {
			const page = text(read(`comms/${c.id}/index.html`));
			for (const id of c.data.severities) {
				const s = sevs.get(id)!;
				const internal = c.data.audience === 'internal';
				const minutes = internal
					? s.updateCadence.internalMinutes
					: (s.updateCadence.customerMinutes ?? s.updateCadence.internalMinutes);
				const extra =
					!internal && s.updateCadence.customerMinutes === undefined
						? ' (no customer cadence set; the internal one applies)'
						: '';
				expect(page, `${c.id} ${id}`).toContain(
					`${s.name}: next ${internal ? 'internal' : 'customer'} update within ${minutes} minutes${extra}. ${s.commsApproval}.`,
				);
			}
			expect(page, c.id).not.toContain('approved by');
		}
	});
});

describe('every page links the offline kit', () => {
	it('each Starlight page has the kit link in its footer', () => {
		const pages = (readdirSync(dist, { recursive: true }) as string[]).filter(
			(f) => f.endsWith('.html') && existsSync(join(dist, f)),
		);
		const starlight = pages.filter((f) => read(f).includes('id="starlight__sidebar"') || f === '404.html');
		expect(starlight.length).toBeGreaterThan(20);
		const missing = starlight.filter((f) => !read(f).includes('href="/offline-kit.html"'));
		expect(missing).toEqual([]);
	});
});
