/**
 * Tests that need a system tool (Chromium, promtool, Prometheus) skip with a one-line reason
 * naming the install command when the tool is missing. CI sets LAUNCHBOOK_REQUIRE_TOOLS=1,
 * which turns such a skip into a failure, so CI never passes without the tool.
 */
import { accessSync, constants } from 'node:fs';

export interface ToolCheck {
	/** Absolute path of the tool, when found. */
	readonly path: string | undefined;
	/** Why the tests skip, when not found. */
	readonly skipReason: string | undefined;
}

export function findTool(name: string, candidates: readonly string[], install: string): ToolCheck {
	for (const candidate of candidates) {
		try {
			accessSync(candidate, constants.X_OK);
			return { path: candidate, skipReason: undefined };
		} catch {
			/* try the next place */
		}
	}
	const reason = `${name} not found (looked in ${candidates.join(', ')}); install it with: ${install}`;
	if (process.env.LAUNCHBOOK_REQUIRE_TOOLS === '1') {
		throw new Error(`LAUNCHBOOK_REQUIRE_TOOLS=1 but ${reason}`);
	}
	return { path: undefined, skipReason: reason };
}
