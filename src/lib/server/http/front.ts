/**
 * What server.js puts in front of SvelteKit, bundled on its own (build/http-front.js, see
 * scripts/build-entries.js) since server.js creates the HTTP server before SvelteKit loads:
 * the body limits, how long a request may take to arrive, and how far the heap may grow.
 */
import { config } from '../config';

export { cutAtLimit, refuseOversized } from './body-guard';
export { largestBodyBytes } from './body-limits';
export { setHeapGrowth } from '../heap-growth';

/**
 * The HTTP server's timeouts: a request (headers and body) must arrive in full within
 * KHAIMAC_REQUEST_TIMEOUT_S, or it is answered 408 and closed (a body trickled in to hold the
 * server is cut); its headers sooner. Checked every second.
 */
export function serverTimeouts() {
	const request = config.requestTimeoutSeconds * 1000;
	return {
		requestTimeout: request,
		headersTimeout: request > 0 ? Math.min(request, 20_000) : 20_000,
		connectionsCheckingInterval: 1000
	};
}
