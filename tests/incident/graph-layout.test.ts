import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/graph/graph.ts';
import { assignLayers, layoutGraph, wrapLabel } from '../../src/core/graph/graph-layout.ts';

const graph = buildGraph([
	{ id: 'gcp', kind: 'vendor', dependsOn: [] },
	{ id: 'stripe', kind: 'vendor', dependsOn: [] },
	{ id: 'foundation', kind: 'surface', dependsOn: ['gcp'] },
	{ id: 'deploy', kind: 'surface', dependsOn: ['foundation'] },
	{ id: 'billing', kind: 'surface', dependsOn: ['deploy', 'stripe', 'unknown-thing'] },
]);

describe('layered layout of the dependency graph', () => {
	it('puts each node one layer below its deepest known dependency', () => {
		expect(Object.fromEntries(assignLayers(graph))).toEqual({
			gcp: 0,
			stripe: 0,
			foundation: 1,
			deploy: 2,
			billing: 3,
		});
	});

	it('draws every known edge downwards, from the dependency to what depends on it', () => {
		const layout = layoutGraph(graph);
		const at = new Map(layout.nodes.map((n) => [n.id, n]));
		expect(layout.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual([
			'deploy>billing',
			'foundation>deploy',
			'gcp>foundation',
			'stripe>billing',
		]);
		for (const e of layout.edges) expect(at.get(e.from)!.y).toBeLessThan(at.get(e.to)!.y);
	});

	it('keeps boxes inside the drawing and apart from each other', () => {
		const layout = layoutGraph(graph, new Map(), { nodeWidth: 100, nodeHeight: 40, gapX: 10, gapY: 20, padding: 5 });
		expect(layout.width).toBe(5 * 2 + 2 * 100 + 10);
		expect(layout.height).toBe(5 * 2 + 4 * 40 + 3 * 20);
		for (const a of layout.nodes) {
			expect(a.x).toBeGreaterThanOrEqual(0);
			expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
			for (const b of layout.nodes) {
				if (a === b || a.layer !== b.layer) continue;
				expect(a.x + a.width <= b.x || b.x + b.width <= a.x, `${a.id} overlaps ${b.id}`).toBe(true);
			}
		}
	});

	it('terminates on a cycle and leaves the closing edge out', () => {
		const cyclic = buildGraph([
			{ id: 'a', kind: 'surface', dependsOn: ['b'] },
			{ id: 'b', kind: 'surface', dependsOn: ['a'] },
		]);
		const layout = layoutGraph(cyclic);
		expect(layout.nodes.map((n) => n.id).sort()).toEqual(['a', 'b']);
		expect(layout.edges).toHaveLength(1);
	});

	it('lays out an empty graph', () => {
		expect(layoutGraph(buildGraph([]))).toEqual({ width: 24, height: 24, nodes: [], edges: [] });
	});

	it('wraps labels to two lines and elides the rest', () => {
		expect(wrapLabel('Billing event processing', 24)).toEqual(['Billing event processing']);
		expect(wrapLabel('GCP deployment infrastructure', 21)).toEqual(['GCP deployment', 'infrastructure']);
		expect(wrapLabel('one two three four five six seven', 9)).toEqual(['one two', 'three fo…']);
		expect(wrapLabel('Supercalifragilistic', 10)).toEqual(['Supercali…']);
	});
});
