/**
 * npm run alerts:verify -- [--site <built site>] [--root <dir>] [--format text|json|github] [--exclude <glob>]… [--external-label k=v]… <files or folders…>
 *
 * Checks Prometheus rule files and Cloud Monitoring AlertPolicy JSON that Launchbook did not
 * generate against the built site and the declared alerts (src/cli/verify-command.ts). Plain
 * JavaScript, and run from a fresh bundle of its modules, for a fast start (see scripts/check.mjs).
 * Exit codes: 0 clean, 1 error findings or no alert checked, 2 usage or internal error.
 */
import module from 'node:module';

module.enableCompileCache?.();
const { importFast } = await import('./lib/fast-start.mjs');
/** @type {typeof import('../src/cli/verify-command.ts')} */
const { runVerify } = await importFast('src/cli/verify-command.ts');
process.exitCode = runVerify(process.argv.slice(2));
