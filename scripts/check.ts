/**
 * `npm run check`: the coverage gate from the command line. See `--help`, or the README's
 * "Checking coverage" section. Node's compile cache makes repeated runs start fast.
 */
import module from 'node:module';

module.enableCompileCache?.();
const { runCheck } = await import('../src/cli/check-command.ts');
process.exitCode = runCheck(process.argv.slice(2), {
	stdout: process.stdout,
	stderr: process.stderr,
	env: process.env,
	cwd: process.cwd(),
	now: () => new Date(),
});
