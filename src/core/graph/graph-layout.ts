/**
 * Layered layout of the dependency graph, for drawing it as SVG at build time. Things that
 * depend on nothing (vendors) sit in the top layer; each node sits one layer below the
 * deepest thing it depends on, so edges always point downwards, from a dependency to what
 * it takes down. Pure: graph in, coordinates out.
 */
import type { DependencyGraph } from './graph.ts';

export interface LayoutOptions {
	/** Node box width. @default 184 */
	readonly nodeWidth?: number;
	/** Node box height. @default 52 */
	readonly nodeHeight?: number;
	/** Horizontal gap between boxes in a layer. @default 24 */
	readonly gapX?: number;
	/** Vertical gap between layers. @default 56 */
	readonly gapY?: number;
	/** Padding around the drawing. @default 12 */
	readonly padding?: number;
	/** Characters per label line before wrapping (labels wrap to at most two lines). @default 24 */
	readonly lineChars?: number;
}

export interface PlacedNode {
	readonly id: string;
	readonly layer: number;
	readonly x: number;
	readonly y: number;
	readonly width: number;
	readonly height: number;
	/** Label split into one or two lines. */
	readonly lines: readonly string[];
}

export interface PlacedEdge {
	/** The dependency. */
	readonly from: string;
	/** What depends on it. */
	readonly to: string;
	/** Cubic Bézier path from the bottom of `from` to the top of `to`. */
	readonly path: string;
}

export interface GraphLayout {
	readonly width: number;
	readonly height: number;
	readonly nodes: readonly PlacedNode[];
	readonly edges: readonly PlacedEdge[];
}

/** Layer of each node: 0 for nodes with no (known) dependencies, else 1 + the deepest dependency. Cycles are cut. */
export function assignLayers(graph: DependencyGraph): Map<string, number> {
	const layers = new Map<string, number>();
	const visiting = new Set<string>();
	const visit = (id: string): number => {
		const known = layers.get(id);
		if (known !== undefined) return known;
		if (visiting.has(id)) return -1; // a cycle: the gate reports it; the drawing just cuts it
		visiting.add(id);
		let layer = 0;
		for (const dep of graph.nodes.get(id)?.dependsOn ?? []) {
			if (!graph.nodes.has(dep)) continue;
			layer = Math.max(layer, visit(dep) + 1);
		}
		visiting.delete(id);
		layers.set(id, layer);
		return layer;
	};
	for (const id of [...graph.nodes.keys()].sort()) visit(id);
	return layers;
}

/** Split a label into at most two lines of about `max` characters, cutting at spaces; the rest is elided. */
export function wrapLabel(label: string, max: number): string[] {
	const words = label.trim().split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		const next = line === '' ? word : `${line} ${word}`;
		if (next.length <= max || line === '') {
			line = next;
		} else {
			lines.push(line);
			line = word;
		}
	}
	if (line !== '') lines.push(line);
	const clip = (s: string) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
	if (lines.length <= 2) return lines.map(clip);
	return [clip(lines[0]!), clip(lines.slice(1).join(' '))];
}

/**
 * Place every node of `graph`. `labels` maps ids to display names (ids are used otherwise).
 * Within a layer, nodes are ordered by the mean position of their dependencies, then by id,
 * which keeps edges short and the output stable.
 */
export function layoutGraph(
	graph: DependencyGraph,
	labels: ReadonlyMap<string, string> = new Map(),
	options: LayoutOptions = {},
): GraphLayout {
	const w = options.nodeWidth ?? 184;
	const h = options.nodeHeight ?? 52;
	const gapX = options.gapX ?? 24;
	const gapY = options.gapY ?? 56;
	const pad = options.padding ?? 12;
	const lineChars = options.lineChars ?? 24;

	const layerOf = assignLayers(graph);
	const depth = Math.max(-1, ...layerOf.values()) + 1;
	const layers: string[][] = Array.from({ length: depth }, () => []);
	for (const [id, layer] of layerOf) layers[layer]!.push(id);

	const order = new Map<string, number>();
	for (const layer of layers) {
		const key = (id: string): number => {
			const deps = (graph.nodes.get(id)?.dependsOn ?? []).filter((d) => order.has(d));
			return deps.length === 0
				? Number.POSITIVE_INFINITY
				: deps.reduce((sum, d) => sum + order.get(d)!, 0) / deps.length;
		};
		layer.sort((a, b) => {
			const ka = key(a);
			const kb = key(b);
			return ka === kb ? a.localeCompare(b) : ka < kb ? -1 : 1;
		});
		layer.forEach((id, i) => {
			order.set(id, i);
		});
	}

	const widest = Math.max(0, ...layers.map((l) => l.length));
	const width = widest === 0 ? 2 * pad : pad * 2 + widest * w + (widest - 1) * gapX;
	const height = depth === 0 ? 2 * pad : pad * 2 + depth * h + (depth - 1) * gapY;

	const placed = new Map<string, PlacedNode>();
	layers.forEach((layer, li) => {
		const rowWidth = layer.length * w + (layer.length - 1) * gapX;
		const startX = (width - rowWidth) / 2;
		layer.forEach((id, i) => {
			placed.set(id, {
				id,
				layer: li,
				x: round(startX + i * (w + gapX)),
				y: pad + li * (h + gapY),
				width: w,
				height: h,
				lines: wrapLabel(labels.get(id) ?? id, lineChars),
			});
		});
	});

	const edges: PlacedEdge[] = [];
	for (const node of [...graph.nodes.values()].sort((a, b) => a.id.localeCompare(b.id))) {
		const to = placed.get(node.id)!;
		for (const dep of [...node.dependsOn].sort()) {
			const from = placed.get(dep);
			if (!from || from.layer >= to.layer) continue; // unknown ids and cut cycle edges are not drawn
			const x1 = round(from.x + w / 2);
			const y1 = from.y + h;
			const x2 = round(to.x + w / 2);
			const y2 = to.y;
			const mid = round((y1 + y2) / 2);
			edges.push({ from: dep, to: node.id, path: `M${x1} ${y1} C${x1} ${mid} ${x2} ${mid} ${x2} ${y2}` });
		}
	}

	const nodes = [...placed.values()].sort((a, b) => a.layer - b.layer || a.x - b.x);
	return { width: round(width), height, nodes, edges };
}

function round(n: number): number {
	return Math.round(n * 10) / 10;
}
