// @ts-check
/**
 * Request bodies as a stranger sends them, shared by the tests and the benches (plain ESM
 * JavaScript, see server.js).
 */

/**
 * A body of `bytes` zeros sent chunked (no Content-Length), as a stream.
 * @param {number} bytes
 * @returns {ReadableStream<Uint8Array>}
 */
export function chunkedBody(bytes) {
	const piece = new Uint8Array(64 * 1024);
	let sent = 0;
	return new ReadableStream({
		pull(controller) {
			if (sent >= bytes) return controller.close();
			controller.enqueue(piece);
			sent += piece.length;
		}
	});
}
