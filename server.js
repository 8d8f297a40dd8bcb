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

// body limits per route, request timeouts and the heap's growth: src/lib/server/http/front.ts
const front = await import('./build/http-front.js');
front.setHeapGrowth();
const server = http.createServer(front.serverTimeouts(), (req, res) => {
	if (ownProtocolHeader) req.headers[ownProtocolHeader] = 'http';
	if (front.refuseOversized(req, res)) return;
	front.cutAtLimit(req);
	kit(req, res);
});
// a client that asks before sending a large body is refused before it sends it
server.on('checkContinue', (req, res) => {
	if (front.refuseOversized(req, res)) return;
	res.writeContinue();
	server.emit('request', req, res);
});
globalThis[serverKey] = server;
// the photo process's built entry, where photo-process.ts looks for it
globalThis[Symbol.for('khai-mac.photoProcessEntry')] = fileURLToPath(
	new URL('./build/photo-process.js', import.meta.url)
);
// the WAL checkpointer's thread (src/lib/server/db/checkpointer.ts)
globalThis[Symbol.for('khai-mac.checkpointerEntry')] = fileURLToPath(
	new URL('./build/checkpointer.js', import.meta.url)
);

// SvelteKit's own limit, behind the table's: the largest body any route takes
process.env.BODY_SIZE_LIMIT ??= String(front.largestBodyBytes);
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
