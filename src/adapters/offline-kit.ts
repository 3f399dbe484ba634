/**
 * Disk side of the offline incident kit: reads the last status snapshot for the kit page,
 * and after the build turns the rendered kit page into one self-contained file
 * (`<outDir>/offline-kit.html`), written atomically. Refuses to ship a kit that would fetch
 * anything.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import {
	externalReferences,
	kitLinkProblems,
	rewriteKitLinks,
	selfContain,
	teamKitFile,
} from '../core/incident/offline-kit.ts';

/** Where the kit page renders, and the single file the build ships. */
export const KIT_PAGE = 'offline-kit/index.html';
export const KIT_FILE = 'offline-kit.html';

export interface SnapshotCheck {
	readonly name: string;
	readonly state: string;
	readonly display: string;
	readonly reason: string;
	readonly observedAt: string | null;
	readonly stale: boolean;
}

export interface SnapshotSurface {
	readonly id: string;
	readonly name: string;
	readonly state: string;
	readonly reason: string;
	readonly checks: readonly SnapshotCheck[];
}

export type StatusSnapshot =
	| {
			readonly found: true;
			readonly file: string;
			readonly generatedAt: string;
			readonly surfaces: readonly SnapshotSurface[];
	  }
	| { readonly found: false; readonly file: string; readonly reason: string };

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

/**
 * The status JSON the status pipeline last wrote (`<outputDir>/status.json`, by default
 * `public/status/status.json`), read leniently: the kit shows what it can and says when
 * there is no snapshot or it cannot be read.
 */
export function readStatusSnapshot(root: string, outputDir = 'public/status'): StatusSnapshot {
	const file = `${outputDir.replace(/\/+$/, '')}/status.json`;
	const abs = join(root, file);
	if (!existsSync(abs))
		return {
			found: false,
			file,
			reason: `No status snapshot: ${file} was not there when the kit was built (run "npm run status" before building).`,
		};
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(abs, 'utf8'));
	} catch (error) {
		return {
			found: false,
			file,
			reason: `No usable status snapshot: ${file} is not JSON (${(error as Error).message}).`,
		};
	}
	const report = raw as { generatedAt?: unknown; surfaces?: unknown };
	if (
		typeof report.generatedAt !== 'string' ||
		Number.isNaN(Date.parse(report.generatedAt)) ||
		!Array.isArray(report.surfaces)
	) {
		return {
			found: false,
			file,
			reason: `No usable status snapshot: ${file} has no generatedAt timestamp or no surfaces list.`,
		};
	}
	const surfaces = (report.surfaces as Record<string, unknown>[]).map((s) => ({
		id: str(s.id),
		name: str(s.name, str(s.id)),
		state: str(s.state, 'unknown'),
		reason: str(s.reason),
		checks: (Array.isArray(s.checks) ? (s.checks as Record<string, unknown>[]) : []).map((c) => ({
			name: str(c.name, str(c.id)),
			state: str(c.state, 'unknown'),
			display: str(c.display),
			reason: str(c.reason),
			observedAt: typeof c.observedAt === 'string' ? c.observedAt : null,
			stale: c.stale === true,
		})),
	}));
	return { found: true, file, generatedAt: report.generatedAt, surfaces };
}

export interface KitResult {
	readonly file: string;
	readonly bytes: number;
	readonly inlined: readonly string[];
	readonly removed: readonly string[];
	/** The per-team kits written next to it (`offline-kit/<team>.html`). */
	readonly teams: readonly { readonly team: string; readonly file: string; readonly bytes: number }[];
}

/**
 * Make the rendered kit pages self-contained: the whole platform's kit to
 * `<outDir>/offline-kit.html` (and back over its page, so `/offline-kit/` is the same file),
 * and each team's kit page `offline-kit/<team>/index.html` to `offline-kit/<team>.html` (its
 * page folder removed). Every site link becomes a kit anchor or an absolute https link to
 * `siteUrl`. Throws, naming what is left, if anything would still be fetched or a link would
 * not work from a file.
 */
export function finishOfflineKit(outDir: string, base = '/', siteUrl = ''): KitResult {
	const page = join(outDir, KIT_PAGE);
	if (!existsSync(page))
		throw new Error(`Offline kit: ${page} was not rendered; is src/pages/offline-kit.astro present?`);
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const readCss = (href: string): string | undefined => {
		if (/^[a-z]+:/i.test(href) || href.startsWith('//')) return undefined;
		const rel = href.startsWith(prefix) ? href.slice(prefix.length) : href.replace(/^\/+/, '');
		const abs = normalize(join(outDir, rel.split(/[?#]/)[0]!));
		if (!abs.startsWith(normalize(outDir) + sep) || !existsSync(abs)) return undefined;
		return readFileSync(abs, 'utf8');
	};
	const finish = (from: string, name: string) => {
		const contained = selfContain(readFileSync(from, 'utf8'), readCss);
		const { html } = rewriteKitLinks(contained.html, siteUrl, base);
		const left = externalReferences(html);
		if (left.length > 0) {
			throw new Error(
				`Offline kit ${name}: ${left.length} reference(s) would be fetched when the kit opens: ${left.slice(0, 5).join(', ')}. Remove them from the kit page or inline them.`,
			);
		}
		const broken = kitLinkProblems(html);
		if (broken.length > 0) {
			throw new Error(
				`Offline kit ${name}: ${broken.length} link(s) would not work from the file: ${broken.slice(0, 5).join(', ')}. Link a section the kit holds, or an https address.`,
			);
		}
		return { ...contained, html };
	};
	const whole = finish(page, KIT_FILE);
	const target = join(outDir, KIT_FILE);
	writeAtomically(target, whole.html);
	writeAtomically(page, whole.html);
	const teams: { team: string; file: string; bytes: number }[] = [];
	const kitDir = join(outDir, dirname(KIT_PAGE));
	for (const team of readdirSync(kitDir).sort()) {
		const teamPage = join(kitDir, team, 'index.html');
		if (!statSync(join(kitDir, team)).isDirectory() || !existsSync(teamPage)) continue;
		const file = teamKitFile(team);
		const { html } = finish(teamPage, file);
		writeAtomically(join(outDir, file), html);
		rmSync(join(kitDir, team), { recursive: true, force: true });
		teams.push({ team, file: join(outDir, file), bytes: Buffer.byteLength(html) });
	}
	return { file: target, bytes: Buffer.byteLength(whole.html), inlined: whole.inlined, removed: whole.removed, teams };
}

function writeAtomically(file: string, text: string): void {
	const tmp = join(dirname(file), `.${process.pid}.${Date.now()}.tmp`);
	writeFileSync(tmp, text);
	renameSync(tmp, file);
}
