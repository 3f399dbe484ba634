/**
 * The dependency graph of surfaces and vendors: who depends on whom, what a failure takes
 * down (blast radius), and dependency cycles. Pure.
 */

export interface GraphNode {
	readonly id: string;
	readonly kind: 'surface' | 'vendor';
	readonly dependsOn: readonly string[];
}

export interface DependencyGraph {
	readonly nodes: ReadonlyMap<string, GraphNode>;
	/** id → ids that depend on it directly. */
	readonly dependents: ReadonlyMap<string, readonly string[]>;
}

export function buildGraph(nodes: readonly GraphNode[]): DependencyGraph {
	const byId = new Map(nodes.map((n) => [n.id, n]));
	const dependents = new Map<string, string[]>();
	for (const n of nodes) dependents.set(n.id, []);
	for (const n of nodes) {
		for (const dep of n.dependsOn) {
			if (!dependents.has(dep)) dependents.set(dep, []);
			dependents.get(dep)!.push(n.id);
		}
	}
	for (const list of dependents.values()) list.sort();
	return { nodes: byId, dependents };
}

/** Everything that fails, directly or transitively, when `id` fails. Excludes `id`; sorted. */
export function blastRadius(graph: DependencyGraph, id: string): string[] {
	const seen = new Set<string>();
	const queue = [...(graph.dependents.get(id) ?? [])];
	while (queue.length > 0) {
		const next = queue.shift()!;
		if (next === id || seen.has(next)) continue;
		seen.add(next);
		queue.push(...(graph.dependents.get(next) ?? []));
	}
	return [...seen].sort();
}

/** Everything `id` needs, directly or transitively. Excludes `id`; sorted. */
export function upstream(graph: DependencyGraph, id: string): string[] {
	const seen = new Set<string>();
	const queue = [...(graph.nodes.get(id)?.dependsOn ?? [])];
	while (queue.length > 0) {
		const next = queue.shift()!;
		if (next === id || seen.has(next)) continue;
		seen.add(next);
		queue.push(...(graph.nodes.get(next)?.dependsOn ?? []));
	}
	return [...seen].sort();
}

/**
 * Dependency cycles, each as the path of ids that closes it (`a → b → a` is `['a','b','a']`).
 * Each cycle is reported once, starting from its smallest id.
 */
export function findCycles(graph: DependencyGraph): string[][] {
	const cycles = new Map<string, string[]>();
	const state = new Map<string, 'visiting' | 'done'>();
	const stack: string[] = [];
	const visit = (id: string): void => {
		state.set(id, 'visiting');
		stack.push(id);
		for (const dep of graph.nodes.get(id)?.dependsOn ?? []) {
			if (!graph.nodes.has(dep)) continue;
			const s = state.get(dep);
			if (s === 'visiting') {
				const loop = stack.slice(stack.indexOf(dep));
				const start = loop.indexOf([...loop].sort()[0]!);
				const canonical = [...loop.slice(start), ...loop.slice(0, start)];
				cycles.set(canonical.join('>'), [...canonical, canonical[0]!]);
			} else if (s === undefined) {
				visit(dep);
			}
		}
		stack.pop();
		state.set(id, 'done');
	};
	for (const id of [...graph.nodes.keys()].sort()) if (!state.has(id)) visit(id);
	return [...cycles.values()].sort((a, b) => a.join().localeCompare(b.join()));
}
