/**
 * The server's error hook. A request whose body never arrived in full (the client left, was cut
 * for being too slow, or sent more than its route takes) fails where the route reads the body;
 * that is not the server's fault, so it gets one line, without a stack or a 500.
 */
import type { HandleServerError } from '@sveltejs/kit';
import { bodyTooLargeCode } from './body-guard';

/** the error's code, or its cause's (a body read may wrap the stream's error) */
function codes(error: unknown): unknown[] {
	const found: unknown[] = [];
	for (let e = error, depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
		found.push((e as { code?: unknown }).code, (e as { name?: unknown }).name);
		e = (e as { cause?: unknown }).cause;
	}
	return found;
}

export const handleError: HandleServerError = ({ error, event, status }) => {
	const where = `${event.request.method} ${event.url.pathname}`;
	const seen = codes(error);
	if (seen.includes(bodyTooLargeCode)) {
		console.info(`[http] ${where}: cut before its body arrived in full (over the route's limit)`);
		return;
	}
	if (event.request.signal.aborted && (seen.includes('ECONNRESET') || seen.includes('AbortError'))) {
		console.info(`[http] ${where}: cut before its body arrived in full (the client left or was too slow)`);
		return;
	}
	// as SvelteKit logs it without this hook
	const stack = status === 404 ? '' : `\n${error instanceof Error ? error.stack : String(error)}`;
	console.error(`[${status}] ${where}${stack}`);
};
