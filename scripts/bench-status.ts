/**
 * Benchmark of `npm run status`'s engine (a script that prints figures, not a test):
 * N checks against loopback servers, H of which hang (the server accepts and never
 * answers) and R of which match a catastrophic pattern (`/(a+)+$/`) against a 200 KB body
 * of "a" (RE2 runs it in linear time; JavaScript's RegExp would never return), run with the
 * production runner, merged and written with badges.
 * Target: total wall time <= per-check timeout + 2 s. Reports peak memory too.
 *
 *   node scripts/bench-status.ts [--checks 200] [--hanging 20] [--redos 10] [--timeout 5000] [--concurrency 50]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { collectStatus } from '../src/adapters/status/collect-status.ts';
import { writeStatusOutput } from '../src/adapters/status/status-store.ts';
import { StatusCheckSchema, type StatusCheck } from '../src/core/schemas/status-check.ts';
import { StatusConfigSchema } from '../src/core/schemas/status-config.ts';

const { values } = parseArgs({
	options: {
		checks: { type: 'string', default: '200' },
		hanging: { type: 'string', default: '20' },
		redos: { type: 'string', default: '10' },
		timeout: { type: 'string', default: '5000' },
		concurrency: { type: 'string', default: '50' },
	},
});
const total = Number(values.checks);
const hangingCount = Number(values.hanging);
const redosCount = Number(values.redos);
const timeoutMs = Number(values.timeout);
const concurrency = Number(values.concurrency);

function listen(server: net.Server): Promise<number> {
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
	);
}

const held = new Set<net.Socket>();
const hangServer = net.createServer((socket) => {
	held.add(socket); // accepts, reads, never answers
	socket.on('close', () => held.delete(socket));
	socket.on('error', () => {});
});
const POISON = `${'a'.repeat(200_000)}!`;
const okServer = http.createServer((req, res) => {
	if (req.url === '/poison') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(POISON);
	const delay = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('delay') ?? 0);
	setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('status: ok\n'), delay);
});
const hangPort = await listen(hangServer);
const okPort = await listen(okServer);

const checks: StatusCheck[] = [];
for (let i = 0; i < total; i++) {
	const hang = i < hangingCount;
	const redos = !hang && i < hangingCount + redosCount;
	const url = hang
		? `http://127.0.0.1:${hangPort}/healthz`
		: redos
			? `http://127.0.0.1:${okPort}/poison`
			: `http://127.0.0.1:${okPort}/healthz?delay=${i % 50}`;
	const bodyMatch = redos ? '/(a+)+$/' : 'ok';
	checks.push(StatusCheckSchema.parse({ id: `check-${i}`, name: `Check ${i}`, kind: 'http', url, bodyMatch }));
}
const surfaces = Array.from({ length: 10 }, (_, s) => ({
	id: `surface-${s}`,
	name: `Surface ${s}`,
	regions: [],
	checks: checks.filter((_, i) => i % 10 === s),
}));
const config = StatusConfigSchema.parse({ defaultTimeoutMs: timeoutMs, concurrency });
const out = mkdtempSync(join(tmpdir(), 'launchbook-bench-status-'));

const rssBefore = process.memoryUsage().rss;
let peakHeap = 0;
const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
const started = performance.now();
const report = await collectStatus({ surfaces, config, warn: (m) => process.stderr.write(`${m}\n`) });
const probed = performance.now();
const result = writeStatusOutput(join(out, 'status'), report, new Date(report.generatedAt));
if (!result.ok) throw new Error(result.message);
const files = result.written;
const wall = performance.now() - started;
clearInterval(sampler);
peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);

const all = report.surfaces.flatMap((s) => s.checks);
const count = (state: string) => all.filter((c) => c.state === state).length;
const target = timeoutMs + 2000;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
process.stdout.write(
	[
		`checks: ${total} (${hangingCount} hang, ${redosCount} with /(a+)+$/ on a 200 KB body), per-check timeout ${timeoutMs} ms, concurrency ${concurrency}`,
		`states: ${count('ok')} ok, ${count('degraded')} degraded, ${count('down')} down, ${count('unknown')} unknown`,
		`probing: ${(probed - started).toFixed(0)} ms; writing ${files.length} files: ${(wall - (probed - started)).toFixed(0)} ms`,
		`total wall time: ${(wall / 1000).toFixed(2)} s (target <= ${(target / 1000).toFixed(1)} s: ${wall <= target ? 'met' : 'MISSED'})`,
		`peak memory: max RSS ${mb(process.resourceUsage().maxRSS * 1024)} (RSS before run ${mb(rssBefore)}), peak JS heap ${mb(peakHeap)}`,
		'',
	].join('\n'),
);

for (const s of held) s.destroy();
hangServer.close();
okServer.closeAllConnections();
okServer.close();
rmSync(out, { recursive: true, force: true });
process.exit(wall <= target ? 0 : 1);
