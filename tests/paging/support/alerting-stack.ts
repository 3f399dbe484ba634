/**
 * The real alerting path on 127.0.0.1, for the end-to-end paging test: a loopback "vendor"
 * server that records what Alertmanager sends (PagerDuty Events API v2, Opsgenie Alert API,
 * Slack incoming webhooks, the heartbeat webhook, each answered as the vendor documents), a
 * loopback exporter whose metrics the test sets, a real Prometheus loading rule files and
 * sending to a real Alertmanager started on an exported configuration. Everything stops in
 * `stop()`, whatever state it is in.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closedPort, type Loopback, startServer } from '../../status/support/loopback.ts';

export interface Delivery {
	/** Milliseconds since the recorder started. */
	readonly at: number;
	readonly path: string;
	readonly authorization: string | undefined;
	readonly body: Record<string, unknown>;
}

export interface Recorder extends Loopback {
	readonly deliveries: Delivery[];
}

/** Answers PagerDuty's `/v2/enqueue` with 202, Opsgenie's `/v2/alerts` with 202, anything else with 200. */
export async function startRecorder(): Promise<Recorder> {
	const deliveries: Delivery[] = [];
	const started = Date.now();
	const server = await startServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			let body: Record<string, unknown> = {};
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
			} catch {
				/* recorded with an empty body */
			}
			const path = req.url ?? '';
			deliveries.push({ at: Date.now() - started, path, authorization: req.headers.authorization, body });
			if (path.endsWith('/v2/enqueue'))
				res
					.writeHead(202, { 'content-type': 'application/json' })
					.end(JSON.stringify({ status: 'success', message: 'Event processed', dedup_key: body.dedup_key }));
			else if (path.endsWith('/v2/alerts'))
				res
					.writeHead(202, { 'content-type': 'application/json' })
					.end(JSON.stringify({ result: 'Request will be processed', took: 0.01, requestId: 'loopback' }));
			else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
		});
	});
	return { ...server, deliveries };
}

/** An exporter serving whatever `metrics.text` holds at each scrape. */
export async function startExporter(): Promise<Loopback & { metrics: { text: string } }> {
	const metrics = { text: '' };
	const server = await startServer((req, res) => {
		if (req.url === '/metrics') res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metrics.text);
		else res.writeHead(404).end();
	});
	return { ...server, metrics };
}

export interface Daemon {
	readonly url: string;
	readonly log: () => string;
	stop(): Promise<void>;
}

function daemon(binary: string, args: string[], url: string): Daemon & { child: ChildProcess } {
	let log = '';
	const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
	const keep = (d: Buffer) => {
		log = (log + d.toString()).slice(-8000);
	};
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	return {
		child,
		url,
		log: () => log,
		stop: async () => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		},
	};
}

/** Poll `probe` until it returns a value, at most `deadlineMs`; `what` names the wait in the error. */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined> | T | undefined,
	deadlineMs: number,
	explain: () => string = () => '',
): Promise<T> {
	const started = Date.now();
	for (;;) {
		try {
			const v = await probe();
			if (v !== undefined) return v;
		} catch {
			/* not ready yet */
		}
		if (Date.now() - started > deadlineMs)
			throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}\n${explain()}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

async function ready(d: Daemon & { child: ChildProcess }, path: string, deadlineMs: number): Promise<void> {
	await waitFor(
		`${d.url}${path}`,
		async () => {
			if (d.child.exitCode !== null) throw new Error('exited');
			const r = await fetch(`${d.url}${path}`, { signal: AbortSignal.timeout(1000) });
			return r.ok ? true : undefined;
		},
		deadlineMs,
		d.log,
	).catch((error) => {
		if (d.child.exitCode !== null) throw new Error(`${path} never became ready; the process exited:\n${d.log()}`);
		throw error;
	});
}

/** A real Alertmanager on the given configuration file, clustering off, data in `dir`. */
export async function startAlertmanager(binary: string, configFile: string, dir: string): Promise<Daemon> {
	const port = await closedPort();
	mkdirSync(dir, { recursive: true });
	const d = daemon(
		binary,
		[
			`--config.file=${configFile}`,
			`--storage.path=${dir}`,
			`--web.listen-address=127.0.0.1:${port}`,
			'--cluster.listen-address=',
			'--log.level=warn',
		],
		`http://127.0.0.1:${port}`,
	);
	try {
		await ready(d, '/-/ready', 20_000);
	} catch (error) {
		await d.stop();
		throw error;
	}
	return d;
}

/**
 * A real Prometheus evaluating `ruleFiles` every second, scraping the exporter every second
 * (its labels kept: `honor_labels`, as a federating or blackbox setup would), and sending
 * to Alertmanager.
 */
export async function startPrometheus(
	binary: string,
	dir: string,
	ruleFiles: readonly string[],
	exporterPort: number,
	alertmanagerUrl: string,
): Promise<Daemon> {
	const port = await closedPort();
	mkdirSync(dir, { recursive: true });
	const config = join(dir, 'prometheus.yml');
	writeFileSync(
		config,
		JSON.stringify({
			global: { scrape_interval: '1s', evaluation_interval: '1s' },
			rule_files: ruleFiles,
			alerting: { alertmanagers: [{ static_configs: [{ targets: [new URL(alertmanagerUrl).host] }] }] },
			scrape_configs: [
				{
					job_name: 'launchbook-exporter',
					honor_labels: true,
					static_configs: [{ targets: [`127.0.0.1:${exporterPort}`] }],
				},
			],
		}),
	);
	const d = daemon(
		binary,
		[
			`--config.file=${config}`,
			`--storage.tsdb.path=${join(dir, 'data')}`,
			`--web.listen-address=127.0.0.1:${port}`,
			'--rules.alert.resend-delay=1s',
			'--log.level=warn',
		],
		`http://127.0.0.1:${port}`,
	);
	try {
		await ready(d, '/-/ready', 30_000);
	} catch (error) {
		await d.stop();
		throw error;
	}
	return d;
}
