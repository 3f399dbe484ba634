/**
 * `npm run build`: live status, then the site, as two processes. The status step needs the GitHub
 * token and renders no content; the site build renders content and gets an environment with no
 * token or other secret-looking variable in it (scripts/lib/build-env.ts), so nothing content does
 * at build time can reach a secret.
 *
 *   node scripts/build.ts [--skip-status]
 *
 * Exit codes: the status step's when it fails (2), else astro build's (0 built, 1 content or gate errors).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseCliArgs } from '../src/cli/args.ts';
import { buildEnvironment } from './lib/build-env.ts';

const USAGE = 'usage: node scripts/build.ts [--skip-status]';

function main(argv: string[]): number {
	let args;
	try {
		args = parseCliArgs(argv, { 'skip-status': { type: 'boolean' }, help: { type: 'boolean' } });
	} catch (error) {
		process.stderr.write(`build: ${(error as Error).message}\n${USAGE}\n`);
		return 2;
	}
	if (args.values.help) {
		process.stdout.write(`${USAGE}\n`);
		return 0;
	}
	const root = process.cwd();
	if (!args.values['skip-status']) {
		const status = spawnSync(process.execPath, [join(import.meta.dirname, 'status.ts')], {
			cwd: root,
			stdio: 'inherit',
		});
		if (status.status !== 0) return status.status ?? 2;
	}
	const { env, dropped } = buildEnvironment(process.env);
	if (dropped.length > 0)
		process.stderr.write(
			`build: the site build runs without ${dropped.join(', ')} (secrets stay with the status step).\n`,
		);
	const astro = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: root,
		stdio: 'inherit',
		env,
	});
	return astro.status ?? 2;
}

process.exit(main(process.argv.slice(2)));
