import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		globalSetup: ['tests/support/build-site.global.ts'],
		testTimeout: 60_000,
		hookTimeout: 180_000,
		// Two cores here and in CI: keep worker count modest so real servers and browsers get CPU.
		maxWorkers: 2,
		// Tests read the logs of the CLIs and builds they start: plain text, even where CI=true would
		// make Astro's logger colour them (a colour test sets FORCE_COLOR and unsets this itself).
		env: { NO_COLOR: '1' },
	},
});
