/**
 * What a page and the service worker say to each other about the copy kept for offline use.
 * Shared by both sides so that a renamed field breaks the build, not the street.
 */

/** the pages used in the street: kept on the device, they open without a network */
export const streetPages = ['/ward', '/truck', '/gate'];

export const isStreetPage = (path: string) =>
	streetPages.some((p) => path === p || path === `${p}/__data.json` || path.startsWith(`${p}/`));

export type ToWorker =
	/** keep this page (path and query) and the app files it loaded before the worker controlled it */
	| { type: 'keep-page'; page: string; files: string[] }
	/** an account's session ended: whatever is on its way into the kept pages must not land */
	| { type: 'forget-pages' };

/** the answer to keep-page, on the port sent with it */
export type FromWorker = { type: 'page-kept'; page: string; kept: boolean };
