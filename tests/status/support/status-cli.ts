/** `node scripts/status.ts` as a child process, asynchronously: loopback servers in the test process keep answering. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..', '..');
export const SENTINEL = 'ghp_SENTINEL_launchbook_token_0123456789abcdef';

export interface StatusRun {
	readonly status: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly stdout: string;
	readonly stderr: string;
	readonly seconds: number;
}

/** Runs the status CLI with GITHUB_TOKEN set to {@link SENTINEL} unless `env` says otherwise (undefined unsets). */
export function runStatus(
	root: string,
	env: Record<string, string | undefined> = {},
	o: { args?: readonly string[]; onSpawn?: (child: ChildProcess) => void } = {},
): Promise<StatusRun> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const fullEnv: Record<string, string> = {};
		for (const [k, v] of Object.entries({ ...process.env, GITHUB_TOKEN: SENTINEL, ...env }))
			if (v !== undefined) fullEnv[k] = v;
		const child = spawn(process.execPath, [join(REPO, 'scripts/status.ts'), '--root', root, ...(o.args ?? [])], {
			cwd: REPO,
			env: fullEnv,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		o.onSpawn?.(child);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
		child.on('error', reject);
		child.on('close', (status, signal) => {
			clearTimeout(timer);
			resolve({ status, signal, stdout, stderr, seconds: (performance.now() - started) / 1000 });
		});
	});
}

/** The duration the script prints in its summary line ("status: N check(s) on M surface(s) in 1.2 s: …"). */
export function runSeconds(stderr: string): number {
	const m = /^status: \d+ check\(s\) on \d+ surface\(s\) in (\d+\.\d) s: /m.exec(stderr);
	if (!m) throw new Error(`no summary line in:\n${stderr}`);
	return Number(m[1]);
}
