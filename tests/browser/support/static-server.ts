/**
 * A small static file server on 127.0.0.1 for the built site: correct MIME types, directory
 * `index.html`, the site's own 404 page, and no path escapes outside the root. Records every
 * path it served so tests can see what a page requested.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
	'.pagefind': 'application/octet-stream',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
};

export interface StaticServer {
	readonly url: string;
	readonly requests: string[];
	close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
	const requests: string[] = [];
	const server: Server = createServer((req, res) => {
		const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
		requests.push(pathname);
		const rel = normalize(pathname).replace(/^([/\\])+/, '');
		let file = join(root, rel);
		if (file !== root && !file.startsWith(root + sep)) {
			res.writeHead(403).end('forbidden');
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) {
			if (!pathname.endsWith('/')) {
				res.writeHead(301, { location: `${pathname}/` }).end();
				return;
			}
			file = join(file, 'index.html');
		}
		if (!existsSync(file) || !statSync(file).isFile()) {
			const notFound = join(root, '404.html');
			res.writeHead(404, { 'content-type': MIME['.html']! });
			if (existsSync(notFound)) createReadStream(notFound).pipe(res);
			else res.end('not found');
			return;
		}
		res.writeHead(200, {
			'content-type': MIME[extname(file)] ?? 'application/octet-stream',
			'cache-control': 'no-store',
		});
		createReadStream(file).pipe(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
