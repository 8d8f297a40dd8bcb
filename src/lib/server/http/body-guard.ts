/**
 * A route's body limit (body-limits.ts), applied by server.js before SvelteKit reads a byte of
 * the body: a declared length over it is answered 413 at once and the connection closed; a
 * chunked body (no declared length) is counted as it streams and cut where it passes the limit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { translate } from '$lib/i18n';
import { langOfHeader } from '../lang';
import { bodyLimitOf, type BodyLimit } from './body-limits';

/**
 * How far past its limit a refused body is still read (and dropped) so that a browser shows the
 * 413: someone who picked a file a few times too large sees why. Beyond it the connection is
 * closed after the answer; reading an 11 MB body sent to a 64 KB form only costs the server.
 */
const drainFactor = 4;
const drainAtLeast = 2 * 1024 * 1024;

/** the code of the error a body cut at its limit ends with (what the route reading it sees) */
export const bodyTooLargeCode = 'KHAIMAC_BODY_TOO_LARGE';

/** Answers 413 if the request declares a body over its route's limit; true when it did. */
export function refuseOversized(req: IncomingMessage, res: ServerResponse): boolean {
	const declared = req.headers['content-length'];
	if (declared === undefined) return false;
	const limit = bodyLimitOf(req.method, req.url);
	if (!(Number(declared) > limit.bytes)) return false;
	answerTooLarge(req, res, limit);
	return true;
}

/**
 * Counts a chunked body as SvelteKit reads it and destroys the request where it passes the
 * limit: the route reading it gets an error (bodyTooLargeCode) instead of the rest.
 */
export function cutAtLimit(req: IncomingMessage): void {
	// with a declared length Node's parser never hands over more than that; no body, nothing to count
	if (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] === undefined) return;
	const { bytes } = bodyLimitOf(req.method, req.url);
	let received = 0;
	const count = (chunk: Buffer) => {
		received += chunk.length;
		if (received <= bytes) return;
		req.off('data', count);
		req.destroy(
			Object.assign(new Error(`body over its limit of ${bytes} bytes`), { code: bodyTooLargeCode })
		);
	};
	req.on('data', count);
	// listening must not start the flow: the body moves only when a route reads it
	req.pause();
}

/**
 * The 413, in the shape the sender reads: a form action's result, a page, or JSON; in the
 * sender's language (SvelteKit has not read the request yet: its cookie is read here).
 */
function answerTooLarge(req: IncomingMessage, res: ServerResponse, limit: BodyLimit): void {
	const { bytes } = limit;
	const lang = langOfHeader(req.headers.cookie);
	const message = translate(lang, limit.message);
	let type = 'application/json; charset=utf-8';
	let body: string;
	if (req.headers['x-sveltekit-action'] === 'true') {
		// what `use:enhance` reads; forms show the message in place
		body = JSON.stringify({ type: 'error', error: { message, code: 'too_large' } });
	} else if (req.headers.accept?.includes('text/html')) {
		type = 'text/html; charset=utf-8';
		const title = translate(lang, 'problems.tooLarge.title');
		body = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>${title}</title><p>${message}</p></html>`;
	} else {
		body = JSON.stringify({ ok: false, code: 'invalid', message });
	}
	// a sender cut off while it still sends sees a network error, not the 413 (see drainFactor)
	const drain = Number(req.headers['content-length']) <= Math.max(drainAtLeast, drainFactor * bytes);
	res.writeHead(413, {
		'content-type': type,
		'content-length': Buffer.byteLength(body),
		...(drain ? {} : { connection: 'close' })
	});
	res.end(body);
}
