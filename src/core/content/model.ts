/**
 * The loaded content model: every entry with its validated data and where each field
 * stands in its source file. Built by the content loader, read by rules and pages.
 */
import type { CollectionName } from './collections.ts';
import type { Finding, SourcePosition } from './finding.ts';
import type { CutText } from './yaml-comments.ts';
import type { Outline } from '../markdown/markdown-outline.ts';
import type { ChecklistItem } from '../schemas/checklist.ts';
import type { Metric } from '../schemas/metric.ts';
import type { CommsTemplate } from '../schemas/comms.ts';
import type { Config } from '../schemas/config.ts';
import type { Escalation } from '../schemas/escalation.ts';
import type { Risk } from '../schemas/risk.ts';
import type { Runbook } from '../schemas/runbook.ts';
import type { RunSheet } from '../schemas/run-sheet.ts';
import type { Severity } from '../schemas/severity.ts';
import type { Surface } from '../schemas/surface.ts';
import type { Tabletop } from '../schemas/tabletop.ts';
import type { Team } from '../schemas/team.ts';
import type { Vendor } from '../schemas/vendor.ts';

export interface Entry<T> {
	readonly collection: CollectionName;
	readonly id: string;
	/** Repository-relative path, forward slashes. */
	readonly file: string;
	readonly data: T;
	/** Position of each field by dotted path (`alerts[0].link`); `''` is the entry itself. */
	readonly positions: Readonly<Record<string, SourcePosition>>;
}

export interface DocumentEntry<T> extends Entry<T> {
	/** MDX body after the frontmatter. */
	readonly body: string;
	/** Add to a 1-based line of `body` to get the line in the file. */
	readonly bodyLineOffset: number;
	readonly outline: Outline;
}

export interface ContentModel {
	readonly config: Config;
	/** Repository-relative path of the config file. */
	readonly configFile: string;
	readonly surfaces: readonly Entry<Surface>[];
	readonly vendors: readonly Entry<Vendor>[];
	readonly teams: readonly Entry<Team>[];
	readonly severities: readonly Entry<Severity>[];
	readonly escalation: readonly Entry<Escalation>[];
	readonly risks: readonly Entry<Risk>[];
	readonly checklist: readonly Entry<ChecklistItem>[];
	/** The metric catalogue (`content/metrics.yaml`). */
	readonly metrics: readonly Entry<Metric>[];
	readonly runbooks: readonly DocumentEntry<Runbook>[];
	readonly comms: readonly DocumentEntry<CommsTemplate>[];
	readonly tabletops: readonly DocumentEntry<Tabletop>[];
	/** Launch-day run sheets (`content/launch-day/`). */
	readonly runSheets: readonly Entry<RunSheet>[];
	/** Files that could not be read, parsed or validated; their entries are absent above. */
	readonly problems: readonly Finding[];
	/** Text values a same-line YAML comment cut short, in every YAML file and frontmatter read. */
	readonly cutText?: readonly (CutText & { readonly file: string })[];
}

/** Position of a field, falling back to its nearest ancestor, then to the entry. */
export function locate(entry: Pick<Entry<unknown>, 'positions'>, path: string): SourcePosition {
	let p = path;
	for (;;) {
		// Own keys only: a field path such as `toString` or `constructor` is not on the object's prototype chain.
		const pos = Object.hasOwn(entry.positions, p) ? entry.positions[p] : undefined;
		if (pos) return pos;
		if (p === '') return { line: 1, column: 1 };
		const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
		p = cut <= 0 ? '' : p.slice(0, cut);
	}
}
