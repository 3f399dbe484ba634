/**
 * `npm run codeowners`: writes `.github/CODEOWNERS` from the surfaces' code paths and owning
 * teams (atomically). `--check` writes nothing and exits 1 when the committed file differs.
 * Options: --root <dir>, --check. Exit codes: 0 done/in sync, 1 drift (--check), 2 usage error.
 */
import module from 'node:module';

module.enableCompileCache?.();
const { mkdirSync, renameSync, statSync, writeFileSync } = await import('node:fs');
const { dirname, join, resolve } = await import('node:path');
const { loadContent } = await import('../src/adapters/content-loader.ts');
const { readCodeowners } = await import('../src/adapters/check-inputs.ts');
const { parseCliArgs, UsageError } = await import('../src/cli/args.ts');
const { CODEOWNERS_FILE, codeownersDrift, codeownersLines, generateCodeowners } = await import(
	'../src/core/ownership/codeowners.ts'
);

const USAGE = 'Usage: npm run codeowners -- [--root <dir>] [--check]\n';

function main(argv: string[]): number {
	let root = process.cwd();
	let check = false;
	try {
		const { values } = parseCliArgs(argv, {
			root: { type: 'string' },
			check: { type: 'boolean' },
			help: { type: 'boolean', short: 'h' },
		});
		if (values.help) {
			process.stdout.write(USAGE);
			return 0;
		}
		if (values.root !== undefined) root = resolve(values.root);
		check = values.check === true;
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		process.stderr.write(`launchbook codeowners: ${error.message}.\n${USAGE}`);
		return 2;
	}
	try {
		if (!statSync(root).isDirectory()) throw new Error();
	} catch {
		process.stderr.write(`launchbook codeowners: --root "${root}" is not a directory.\n${USAGE}`);
		return 2;
	}
	const model = loadContent(root);
	const broken = model.problems.filter(
		(p) => p.file.startsWith('content/surfaces/') || p.file.startsWith('content/teams/'),
	);
	if (broken.length > 0) {
		process.stderr.write(
			`launchbook codeowners: ${broken.length} surface or team file(s) do not load; fix them first (npm run check lists them).\n`,
		);
		return 1;
	}
	const text = generateCodeowners(model);
	const committed = readCodeowners(root).text;
	if (check) {
		const drift = committed === null ? { line: 1 } : codeownersDrift(committed, text);
		if (!drift) {
			process.stderr.write(`${CODEOWNERS_FILE} is up to date.\n`);
			return 0;
		}
		process.stderr.write(
			`${CODEOWNERS_FILE}:${drift.line}:1  differs from the generated file. Run "npm run codeowners" and commit it.\n`,
		);
		return 1;
	}
	const path = join(root, CODEOWNERS_FILE);
	mkdirSync(dirname(path), { recursive: true });
	const tmp = `${path}.${process.pid}.tmp`;
	writeFileSync(tmp, text);
	renameSync(tmp, path);
	process.stderr.write(
		`wrote ${CODEOWNERS_FILE}: ${codeownersLines(model).length} pattern(s)${committed === text ? ' (unchanged)' : ''}.\n`,
	);
	return 0;
}

process.exitCode = main(process.argv.slice(2));
