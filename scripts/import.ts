/**
 * npm run import -- --surface <id> --owner <team> [--root <dir>] [--today YYYY-MM-DD] [--dry-run] <paths…>
 * Brings existing Markdown runbooks and Prometheus rule files in (src/cli/import-command.ts).
 * Exit codes: 0 done, 1 some input refused, 2 usage.
 */
import module from 'node:module';

module.enableCompileCache?.();
const { runImport } = await import('../src/cli/import-command.ts');
process.exitCode = runImport(process.argv.slice(2));
