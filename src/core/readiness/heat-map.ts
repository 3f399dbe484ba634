/**
 * The risk heat map: risks counted in a likelihood × impact grid, with a band per cell
 * (score = likelihood rank × impact rank, 1–25). Pure.
 */
import { IMPACTS, LIKELIHOODS } from '../schemas/risk.ts';
import type { Risk } from '../schemas/risk.ts';

export type Likelihood = (typeof LIKELIHOODS)[number];
export type Impact = (typeof IMPACTS)[number];
export type Band = 'low' | 'medium' | 'high' | 'critical';

export interface HeatCell {
	readonly likelihood: Likelihood;
	readonly impact: Impact;
	readonly score: number;
	readonly band: Band;
	/** Ids of the risks in this cell, sorted. */
	readonly risks: readonly string[];
}

export interface HeatMap {
	/** Rows, most likely first (as heat maps are read: top-right is worst). */
	readonly rows: readonly { readonly likelihood: Likelihood; readonly cells: readonly HeatCell[] }[];
	/** Columns, least impact first. */
	readonly impacts: readonly Impact[];
	readonly total: number;
}

/** Score of a likelihood and impact, 1 (rare, negligible) to 25 (almost certain, severe). */
export function riskScore(likelihood: Likelihood, impact: Impact): number {
	return (LIKELIHOODS.indexOf(likelihood) + 1) * (IMPACTS.indexOf(impact) + 1);
}

export function riskBand(score: number): Band {
	if (score >= 20) return 'critical';
	if (score >= 10) return 'high';
	if (score >= 5) return 'medium';
	return 'low';
}

export function heatMap(risks: readonly Pick<Risk, 'id' | 'likelihood' | 'impact'>[]): HeatMap {
	const rows = [...LIKELIHOODS].reverse().map((likelihood) => ({
		likelihood,
		cells: IMPACTS.map((impact) => {
			const score = riskScore(likelihood, impact);
			return {
				likelihood,
				impact,
				score,
				band: riskBand(score),
				risks: risks
					.filter((r) => r.likelihood === likelihood && r.impact === impact)
					.map((r) => r.id)
					.sort(),
			};
		}),
	}));
	return { rows, impacts: [...IMPACTS], total: risks.length };
}
