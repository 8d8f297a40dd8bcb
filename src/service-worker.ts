/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline first for the street: the pages used in the street (ward tablet, truck phone, gate)
 * are kept as last loaded, with the app files they use and the photo thumbnails they showed,
 * so they open without a network.
 * Only what a device's own pages use is kept (a ward tablet never downloads the gate's QR
 * reader): app files as the page loads them, and, for what it loaded before this worker
 * controlled it (a first visit), when the page asks (`keep-page`).
 * Everything else goes to the network as usual. Changes made offline wait in the page's
 * IndexedDB outbox, not here.
 */
import { base, build, files, version as appVersion } from '$service-worker';
import en from '$lib/i18n/en/common';
import vi from '$lib/i18n/vi/common';
import { isStreetPage, type FromWorker, type ToWorker } from '$lib/offline-copy';

const sw = self as unknown as ServiceWorkerGlobalScope;

/** build files are named by content: their list names this version of the app */
function hash(text: string): string {
	let h = 5381;
	for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
	return (h >>> 0).toString(36);
}
const version = hash([appVersion, ...build, ...files].join('|'));
/** not per version: a file named by its content is still good after an update that kept it */
const assetCache = 'assets';
/** per version: a kept page names the app files of the version that made it */
const pageCache = `pages-${version}`;
const appFiles = new Set([...build, ...files]);
/** past this a weak link loses to the copy already on the tablet */
const networkPatienceMs = 6000;

/**
 * Bumped when an account's session ends: a page or file fetched for the account before that must
 * not be kept after it (the next account on this tablet would be shown it).
 */
let session = 0;

sw.addEventListener('install', (event) => {
	// the static files only (icons, a few KB): the build's files come as the device's pages need them
	event.waitUntil(
		caches
			.open(assetCache)
			.then((cache) => cache.addAll(files))
			.then(() => sw.skipWaiting())
	);
});

/** The files of earlier versions go; the ones this version still has stay. */
async function pruneAssets(): Promise<void> {
	const cache = await caches.open(assetCache);
	const kept = await cache.keys();
	await Promise.all(kept.filter((r) => !appFiles.has(new URL(r.url).pathname)).map((r) => cache.delete(r)));
}

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(keys.filter((k) => k !== assetCache && k !== pageCache).map((k) => caches.delete(k)))
			)
			.then(pruneAssets)
			.then(() => sw.clients.claim())
	);
});

/** Kept first; else the network, kept for next time (the page that asked will ask again offline). */
async function fromAppFiles(request: Request): Promise<Response> {
	const cache = await caches.open(assetCache);
	const cached = await cache.match(request);
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
	return response;
}

/**
 * Said in both languages, Vietnamese first: the worker does not know the reader's (a request
 * shows it no cookie, and not every browser lets a worker read them). Only the shared words'
 * area of the catalogue comes into the worker.
 */
function offlinePage(): Response {
	return new Response(
		'<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
			`<title>${vi['live.offline']} · ${en['live.offline']}</title>` +
			`<p style="font:1.2rem system-ui;padding:1rem">${vi['offline.page']}</p>` +
			`<p lang="en" style="font:1.2rem system-ui;padding:0 1rem">${en['offline.page']}</p>`,
		{ status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } }
	);
}

/** A page is kept only as its account saw it: not a redirect (to /login), not an error. */
const keepable = (response: Response) => response.ok && response.type === 'basic' && !response.redirected;

/** Network first (a fresh page when the link allows), the kept copy when it does not. */
async function streetPage(request: Request): Promise<Response> {
	const cache = await caches.open(pageCache);
	const asked = session;
	const network = fetch(request).then(async (response) => {
		if (keepable(response) && asked === session) await cache.put(request, response.clone());
		return response;
	});
	network.catch(() => undefined); // when the kept copy wins, a late network failure is nobody's business
	const patience = new Promise<null>((resolve) => setTimeout(() => resolve(null), networkPatienceMs));
	try {
		const first = await Promise.race([network, patience]);
		if (first) return first;
		return (await cache.match(request)) ?? (await network);
	} catch {
		return (await cache.match(request)) ?? offlinePage();
	}
}

/** The app files a kept page names (its scripts, preloads and styles), as paths. */
function filesNamedIn(html: string): string[] {
	const named = html.match(/_app\/immutable\/[^"'\s)]+/g) ?? [];
	return named.map((path) => `${base}/${path}`);
}

/**
 * Keeps a page the worker did not see load (the first visit: the page came before the worker, or
 * by a client-side navigation that fetched only its data), and the app files it needs.
 * A page already kept is left as it is: each navigation through the worker refreshes it.
 */
async function keepPage(page: string, loaded: string[]): Promise<boolean> {
	const asked = session;
	const pages = await caches.open(pageCache);
	const url = new URL(page, sw.location.origin);
	if (url.origin !== sw.location.origin || !isStreetPage(url.pathname)) return false;
	let html = await pages.match(url);
	if (!html) {
		const response = await fetch(url, { headers: { accept: 'text/html' } });
		if (!keepable(response) || asked !== session) return false;
		await pages.put(url, response.clone());
		html = response;
	}
	const needed = new Set([...filesNamedIn(await html.text()), ...loaded].filter((p) => appFiles.has(p)));
	const assets = await caches.open(assetCache);
	const missing = [];
	for (const path of needed) if (!(await assets.match(path))) missing.push(path);
	// these were just loaded by the page: the browser's HTTP cache answers most of them
	await assets.addAll(missing);
	return asked === session;
}

/**
 * A photo thumbnail is named by its content: once fetched it never changes, so the kept copy is
 * served first. It sits with the pages, so signing out forgets it with them.
 */
async function photoThumb(request: Request): Promise<Response> {
	const cache = await caches.open(pageCache);
	const kept = await cache.match(request);
	if (kept) return kept;
	const asked = session;
	const response = await fetch(request);
	if (response.ok && asked === session) await cache.put(request, response.clone());
	return response;
}

const isPhotoThumb = (url: URL) =>
	url.pathname.startsWith('/photos/') && url.searchParams.get('size') === 'thumb';

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (appFiles.has(url.pathname)) event.respondWith(fromAppFiles(request));
	else if (isStreetPage(url.pathname)) event.respondWith(streetPage(request));
	else if (isPhotoThumb(url)) event.respondWith(photoThumb(request));
});

sw.addEventListener('message', (event) => {
	const message = event.data as ToWorker;
	if (message?.type === 'forget-pages') {
		session++;
		event.waitUntil(caches.delete(pageCache));
	} else if (message?.type === 'keep-page') {
		const port = event.ports[0];
		const answer = (kept: boolean) =>
			port?.postMessage({ type: 'page-kept', page: message.page, kept } satisfies FromWorker);
		event.waitUntil(keepPage(message.page, message.files).then(answer, () => answer(false)));
	}
});
