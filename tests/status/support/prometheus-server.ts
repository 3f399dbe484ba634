/**
 * A real Prometheus server (the Debian package) on a free loopback port, with a temporary
 * config and TSDB folder, scraping a loopback exporter every second. `ready()` waits,
 * bounded, until the exporter's target is up and its samples can be queried.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedPort, type Loopback, startServer } from './loopback.ts';

async function hasResult(url: string, query: string): Promise<boolean> {
	const r = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(query)}`, {
		signal: AbortSignal.timeout(1000),
	});
	const body = (await r.json()) as { data?: { result?: unknown[] } };
	return r.ok && (body.data?.result?.length ?? 0) > 0;
}

export interface RunningPrometheus {
	readonly url: string;
	readonly exporter: Loopback;
	stop(): Promise<void>;
}

/**
 * `sample` is a query that must return a result before the server counts as ready (the exporter's metric was ingested).
 * The port is picked free and then handed to Prometheus; if something else took it in between, it tries another.
 */
export async function startPrometheus(
	binary: string,
	metrics: string,
	sample: string,
	deadlineMs = 45_000,
): Promise<RunningPrometheus> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await startOnce(binary, metrics, sample, deadlineMs);
		} catch (error) {
			if (attempt >= 3 || !/address already in use/i.test((error as Error).message)) throw error;
		}
	}
}

async function startOnce(
	binary: string,
	metrics: string,
	sample: string,
	deadlineMs: number,
): Promise<RunningPrometheus> {
	const exporter = await startServer((req, res) => {
		if (req.url === '/metrics') res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metrics);
		else res.writeHead(404).end();
	});
	const dir = mkdtempSync(join(tmpdir(), 'launchbook-prometheus-'));
	const config = join(dir, 'prometheus.yml');
	writeFileSync(
		config,
		[
			'global:',
			'  scrape_interval: 1s',
			'  evaluation_interval: 1s',
			'scrape_configs:',
			'  - job_name: launchbook-exporter',
			'    static_configs:',
			`      - targets: ['127.0.0.1:${exporter.port}']`,
			'',
		].join('\n'),
	);
	const port = await closedPort();
	const url = `http://127.0.0.1:${port}`;
	let log = '';
	const child: ChildProcess = spawn(
		binary,
		[
			`--config.file=${config}`,
			`--storage.tsdb.path=${join(dir, 'data')}`,
			`--web.listen-address=127.0.0.1:${port}`,
			'--log.level=warn',
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] },
	);
	child.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		}
		await exporter.close();
		rmSync(dir, { recursive: true, force: true });
	};
	const started = Date.now();
	for (;;) {
		if (child.exitCode !== null) {
			await stop();
			throw new Error(`prometheus exited with ${child.exitCode} before it was ready:\n${log}`);
		}
		try {
			if ((await hasResult(url, 'up{job="launchbook-exporter"} == 1')) && (await hasResult(url, sample)))
				return { url, exporter, stop };
		} catch {
			/* not listening yet */
		}
		if (Date.now() - started > deadlineMs) {
			await stop();
			throw new Error(`prometheus was not scraping the exporter within ${deadlineMs} ms:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
}
