// The server process: an HTTP server that SvelteKit's handler serves and socket.io shares
// (photos alone are decoded in a child process, see src/lib/server/photos/photo-process.ts).
// hooks.server.ts init() finds the server under this key and attaches socket.io to it.
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const serverKey = Symbol.for('khai-mac.httpServer');
let kit = (_req, res) => {
	res.statusCode = 503;
	res.end('starting');
};
// adapter-node assumes https unless told otherwise; served directly (no TLS proxy setting
// ORIGIN or PROTOCOL_HEADER), tell it the protocol of the actual connection.
const ownProtocolHeader = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER ? 'x-khai-mac-protocol' : null;
if (ownProtocolHeader) process.env.PROTOCOL_HEADER = ownProtocolHeader;

const server = http.createServer((req, res) => {
	if (ownProtocolHeader) req.headers[ownProtocolHeader] = 'http';
	kit(req, res);
});
globalThis[serverKey] = server;
// the photo process's built entry, where photo-process.ts looks for it
globalThis[Symbol.for('khai-mac.photoProcessEntry')] = fileURLToPath(
	new URL('./build/photo-process.js', import.meta.url)
);

// scenario files and photos are larger than adapter-node's 512 KB default
process.env.BODY_SIZE_LIMIT ??= '12M';
const { handler } = await import('./build/handler.js');
kit = handler;

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => {
	const address = server.address();
	const shown = typeof address === 'object' && address ? address.port : port;
	console.log(`Khai Mạc đang chạy: http://${host === '0.0.0.0' ? 'localhost' : host}:${shown}`);
});

function shutdown() {
	server.close(() => process.exit(0));
	setTimeout(() => process.exit(0), 3000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
