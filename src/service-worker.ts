/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline first for the street: the app's files are kept, and the pages used in the street
 * (ward tablet, truck phone, gate) are kept as last loaded, so they open without a network,
 * with the photo thumbnails they showed.
 * Everything else goes to the network as usual. Changes made offline wait in the page's
 * IndexedDB outbox, not here.
 */
import { build, files, version as appVersion } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

/** build files are named by content: their list names this version of the app */
function hash(text: string): string {
	let h = 5381;
	for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
	return (h >>> 0).toString(36);
}
const version = hash([appVersion, ...build, ...files].join('|'));
const assetCache = `assets-${version}`;
const pageCache = `pages-${version}`;
const appFiles = new Set([...build, ...files]);
const streetPages = ['/ward', '/truck', '/gate'];
/** past this a weak link loses to the copy already on the tablet */
const networkPatienceMs = 6000;

const isStreetPage = (path: string) =>
	streetPages.some((p) => path === p || path === `${p}/__data.json` || path.startsWith(`${p}/`));

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(assetCache)
			.then((cache) => cache.addAll([...appFiles]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(keys.filter((k) => k !== assetCache && k !== pageCache).map((k) => caches.delete(k)))
			)
			.then(() => sw.clients.claim())
	);
});

async function fromAppFiles(request: Request): Promise<Response> {
	const cached = await caches.match(request, { cacheName: assetCache });
	return cached ?? fetch(request);
}

function offlinePage(): Response {
	return new Response(
		'<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Mất mạng</title>' +
			'<p style="font:1.2rem system-ui;padding:1rem">Chưa có mạng và trang này chưa được lưu trên máy. ' +
			'Hãy mở trang khi có mạng một lần; sau đó trang dùng được cả khi mất mạng.</p>',
		{ status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } }
	);
}

/** Network first (a fresh page when the link allows), the kept copy when it does not. */
async function streetPage(request: Request): Promise<Response> {
	const cache = await caches.open(pageCache);
	const network = fetch(request).then(async (response) => {
		if (response.ok && response.type === 'basic' && !response.redirected)
			await cache.put(request, response.clone());
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

/**
 * A photo thumbnail is named by its content: once fetched it never changes, so the kept copy is
 * served first. It sits with the pages, so signing out forgets it with them.
 */
async function photoThumb(request: Request): Promise<Response> {
	const cache = await caches.open(pageCache);
	const kept = await cache.match(request);
	if (kept) return kept;
	const response = await fetch(request);
	if (response.ok) await cache.put(request, response.clone());
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
