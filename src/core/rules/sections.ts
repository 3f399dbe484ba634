/** Finding a runbook's required sections by heading. Pure helpers shared by the runbook rules. */
import type { Block, Outline, Section } from '../markdown/markdown-outline.ts';

/**
 * Whether a heading names a section: the same words, case-insensitive, or the name followed
 * by a space or punctuation (`Summary and impact`, `Rollback: Cloud Run`).
 */
export function headingMatches(text: string, name: string): boolean {
	const t = text.trim().toLowerCase();
	const n = name.trim().toLowerCase();
	if (t === n) return true;
	return t.startsWith(n) && /^[\s:—–\-(,/&]/.test(t.slice(n.length));
}

/** Index of the depth-2 section called `name` (or one of its aliases), or -1. */
export function findSection(outline: Outline, name: string, aliases: readonly string[] = []): number {
	const names = [name, ...aliases];
	return outline.sections.findIndex((s) => s.depth === 2 && names.some((n) => headingMatches(s.text, n)));
}

interface SectionPolicy {
	readonly requiredSections: readonly string[];
	readonly requiredSectionsByTier?: Readonly<Partial<Record<'1' | '2' | '3', readonly string[]>>>;
	readonly sectionAliases?: Readonly<Record<string, readonly string[]>>;
}

/** The other headings policy.sectionAliases accepts for a section (its key matched case-insensitively). */
export function sectionAliases(policy: SectionPolicy, name: string): readonly string[] {
	const key = Object.keys(policy.sectionAliases ?? {}).find((k) => k.toLowerCase() === name.toLowerCase());
	return key ? policy.sectionAliases![key]! : [];
}

/** The sections a runbook of a surface of this tier needs (`requiredSectionsByTier`, else `requiredSections`). */
export function requiredSectionsFor(policy: SectionPolicy, tier: number | undefined): readonly string[] {
	const byTier = tier === undefined ? undefined : policy.requiredSectionsByTier?.[String(tier) as '1' | '2' | '3'];
	return byTier ?? policy.requiredSections;
}

/** The blocks of a section and of its sub-sections (deeper headings), up to the next heading as deep or shallower. */
export function sectionBlocks(outline: Outline, at: number): { blocks: Block[]; subsections: Section[] } {
	const head = outline.sections[at]!;
	const blocks = [...head.blocks];
	const subsections: Section[] = [];
	for (let i = at + 1; i < outline.sections.length; i++) {
		const s = outline.sections[i]!;
		if (s.depth <= head.depth) break;
		subsections.push(s);
		blocks.push(...s.blocks);
	}
	return { blocks, subsections };
}
