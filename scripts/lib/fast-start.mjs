/**
 * Fast start for the CLIs people run often (`npm run check`, `npm run alerts:verify`): the
 * command module and everything it imports are bundled once by esbuild into a single file under
 * `node_modules/.cache/launchbook/`, and later runs import that one file instead of resolving,
 * reading and type-stripping some 400 modules. Most of a short run's time was that loading.
 *
 * The bundle is used only while it is fresh: a manifest lists every input file esbuild read with
 * its size and modification time, and any change (an edit, a checkout, `npm ci`) rebuilds it
 * before use. If esbuild is missing or the build fails, or `LAUNCHBOOK_NO_BUNDLE=1` is set, the
 * command runs from its sources as before, so the result never depends on the cache.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** Where bundles are kept; LAUNCHBOOK_BUNDLE_CACHE moves it (tests use a folder of their own). */
const CACHE = process.env.LAUNCHBOOK_BUNDLE_CACHE || join(ROOT, 'node_modules', '.cache', 'launchbook');
/** Bump when the way bundles are built changes, so older ones are rebuilt. */
const FORMAT = 1;

/**
 * @typedef {object} Manifest
 * @property {number} format
 * @property {string} node
 * @property {string} entry
 * @property {[string, number, number][]} inputs [path relative to the repository root, size, mtimeMs] of every file in the bundle
 */

/** @param {string} message */
const debug = (message) => {
	if (process.env.LAUNCHBOOK_DEBUG) process.stderr.write(`fast-start: ${message}\n`);
};

/**
 * @param {string} manifestPath
 * @param {string} entry
 * @returns {boolean}
 */
function fresh(manifestPath, entry) {
	/** @type {Manifest} */
	let manifest;
	try {
		manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	} catch {
		return false;
	}
	if (manifest.format !== FORMAT || manifest.node !== process.version || manifest.entry !== entry) return false;
	for (const [path, size, mtimeMs] of manifest.inputs) {
		try {
			const st = statSync(join(ROOT, path));
			if (st.size !== size || st.mtimeMs !== mtimeMs) return false;
		} catch {
			return false;
		}
	}
	return true;
}

/**
 * Bundle `entry` into `bundlePath` and write its manifest; both atomically (temp file, rename).
 * @param {string} entry
 * @param {string} bundlePath
 * @param {string} manifestPath
 */
function build(entry, bundlePath, manifestPath) {
	const esbuild = createRequire(join(ROOT, 'package.json'))('esbuild');
	const result = esbuild.buildSync({
		entryPoints: [join(ROOT, entry)],
		absWorkingDir: ROOT,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node22',
		write: false,
		metafile: true,
		logLevel: 'silent',
		// CommonJS dependencies (picomatch) call require(): give the ESM bundle one.
		banner: {
			js: "import { createRequire as __lbRequire } from 'node:module'; const require = __lbRequire(import.meta.url);",
		},
	});
	const text = result.outputFiles?.[0]?.text;
	if (text === undefined || !result.metafile) throw new Error('esbuild returned no output');
	const inputs = Object.keys(result.metafile.inputs).map((p) => {
		const rel = relative(ROOT, resolve(ROOT, p));
		const st = statSync(join(ROOT, rel));
		return [rel, st.size, st.mtimeMs];
	});
	/** @type {Manifest} */
	const manifest = { format: FORMAT, node: process.version, entry, inputs };
	mkdirSync(CACHE, { recursive: true });
	const tag = `${process.pid}.${Date.now()}.tmp`;
	writeFileSync(`${bundlePath}.${tag}`, text);
	writeFileSync(`${manifestPath}.${tag}`, JSON.stringify(manifest));
	// The bundle first: a manifest never describes a bundle that is not there yet.
	renameSync(`${bundlePath}.${tag}`, bundlePath);
	renameSync(`${manifestPath}.${tag}`, manifestPath);
}

/**
 * Import the module at `entry` (a path relative to the repository root), from its fresh bundle
 * when there is one or can be made, else from its sources.
 * @param {string} entry
 * @returns {Promise<any>}
 */
export async function importFast(entry) {
	const source = pathToFileURL(join(ROOT, entry)).href;
	if (process.env.LAUNCHBOOK_NO_BUNDLE === '1') return import(source);
	const name = entry.replace(/[^A-Za-z0-9]+/g, '-');
	const bundlePath = join(CACHE, `${name}.mjs`);
	const manifestPath = join(CACHE, `${name}.json`);
	try {
		if (!fresh(manifestPath, entry)) {
			debug(`bundling ${entry}`);
			build(entry, bundlePath, manifestPath);
		}
		return await import(pathToFileURL(bundlePath).href);
	} catch (error) {
		debug(`running ${entry} from sources: ${/** @type {Error} */ (error).message}`);
		rmSync(manifestPath, { force: true });
		return import(source);
	}
}
