/**
 * Size and `promtool check rules` time of the Prometheus export at scale: the shipped content's
 * billing-events surface copied to N surfaces (default 1,000), each with 3 measured SLOs (its
 * two and the Fivetran delivery SLO), every SLO with its recording rules, burn alerts and
 * absence alerts. Prints figures; asserts nothing (a benchmark, not a test).
 *
 * Usage: node scripts/bench-slo.ts [--surfaces N] [--promtool PATH]   (npm run bench:slo)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/adapters/content-loader.ts';
import { promqlTools } from '../src/adapters/promql-tools.ts';
import { buildExportSet } from '../src/core/alerts/export-set.ts';

const { values } = parseArgs({
	options: {
		surfaces: { type: 'string', default: '1000' },
		promtool: { type: 'string', default: '/usr/bin/promtool' },
	},
});
const n = Number(values.surfaces);
const model = loadContent(join(import.meta.dirname, '..'));
const billing = model.surfaces.find((s) => s.data.id === 'billing-events')!;
const fivetran = model.surfaces.find((s) => s.data.id === 'fivetran-webhooks')!;
const surfaces = Array.from({ length: n }, (_, i) => {
	const id = `bench-${String(i).padStart(4, '0')}`;
	const data = structuredClone(billing.data);
	data.id = id;
	data.slos = [...data.slos, structuredClone(fivetran.data.slos[0]!)].map((s) => ({ ...s, id: `${id}-${s.id}` }));
	data.alerts = data.alerts.map((a) => ({ ...a, id: `${id}-${a.id}` }));
	return { ...billing, file: `content/surfaces/${id}.yaml`, data };
});
let started = performance.now();
const set = buildExportSet({ ...model, surfaces }, { promql: promqlTools().parser });
const buildMs = performance.now() - started;
const rules = set.files.filter((f) => f.path.startsWith('prometheus/'));
const bytes = rules.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
const dir = mkdtempSync(join(tmpdir(), 'bench-slo-'));
try {
	const paths = rules.map((f, i) => {
		const p = join(dir, `${i}.rules.yaml`);
		writeFileSync(p, f.text);
		return p;
	});
	const count = rules.reduce((sum, f) => sum + (f.text.match(/^\s+- (record|alert): /gm)?.length ?? 0), 0);
	started = performance.now();
	const r = spawnSync(values.promtool!, ['check', 'rules', ...paths], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	const checkMs = performance.now() - started;
	if (r.status !== 0)
		throw new Error(`promtool check rules failed (${r.status}): ${(r.stderr || r.stdout).slice(0, 2000)}`);
	const slos = surfaces.length * 3;
	process.stdout.write(
		[
			`surfaces: ${surfaces.length}, SLOs: ${slos}, rule files: ${rules.length}, rules: ${count}`,
			`Prometheus export: ${bytes} bytes (${(bytes / 1024 / 1024).toFixed(1)} MiB), ${Math.round(bytes / slos)} bytes per SLO`,
			`buildExportSet: ${buildMs.toFixed(0)} ms`,
			`promtool check rules (all files, one run): ${(checkMs / 1000).toFixed(2)} s`,
			'',
		].join('\n'),
	);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
