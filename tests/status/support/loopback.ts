/** Real HTTP servers on 127.0.0.1 for probe tests, closed (with every socket) after use. */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Loopback {
	readonly url: string;
	readonly port: number;
	readonly server: http.Server;
	close(): Promise<void>;
}

export async function startServer(handler: http.RequestListener): Promise<Loopback> {
	const server = http.createServer(handler);
	const sockets = new Set<Socket>();
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		server,
		close: () =>
			new Promise<void>((resolve) => {
				for (const s of sockets) s.destroy();
				server.close(() => resolve());
			}),
	};
}

/** A port that nothing listens on: bound, read, then released. */
export async function closedPort(): Promise<number> {
	const s = await startServer(() => {});
	const port = s.port;
	await s.close();
	return port;
}
