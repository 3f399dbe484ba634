/**
 * `npm run check`: the coverage gate from the command line. See `--help`, or the README's
 * "Checking coverage" section. Plain JavaScript on purpose: a TypeScript entry makes Node load
 * its type stripper before anything runs. The command itself (src/cli/check-command.ts) runs
 * from a fresh bundle of its modules (scripts/lib/fast-start.mjs), with Node's compile cache.
 */
import module from 'node:module';

module.enableCompileCache?.();
const { importFast } = await import('./lib/fast-start.mjs');
/** @type {typeof import('../src/cli/check-command.ts')} */
const { runCheck } = await importFast('src/cli/check-command.ts');
process.exitCode = runCheck(process.argv.slice(2), {
	stdout: process.stdout,
	stderr: process.stderr,
	env: process.env,
	cwd: process.cwd(),
	now: () => new Date(),
});
