/**
 * Whether the street page on screen is kept on this device, so it opens without a network.
 * The service worker keeps the pages it sees load; a first visit it does not see (the page came
 * before the worker, or by a client-side navigation from the sign-in) is asked for here, once
 * the worker controls the page. The page then says so: staff know the tablet is ready to go out.
 */
import { isStreetPage, type FromWorker, type ToWorker } from '$lib/offline-copy';

/** The app files this page has loaded so far: the worker keeps those it missed. */
function loadedAppFiles(): string[] {
	return performance
		.getEntriesByType('resource')
		.map((entry) => new URL(entry.name))
		.filter((url) => url.origin === location.origin && url.pathname.includes('/_app/'))
		.map((url) => url.pathname);
}

/**
 * Resolves once the service worker controls this page, so that what the page fetches from then on
 * is kept with it; never, where there is no service worker (nothing would be kept anyway).
 */
export function whenControlled(): Promise<void> {
	const container = globalThis.navigator?.serviceWorker;
	if (!container) return new Promise(() => undefined);
	if (container.controller) return Promise.resolve();
	return new Promise((resolve) =>
		container.addEventListener('controllerchange', () => resolve(), { once: true })
	);
}

function ask(worker: ServiceWorker, page: string): Promise<boolean> {
	const channel = new MessageChannel();
	const answered = new Promise<boolean>((resolve) => {
		channel.port1.onmessage = (event: MessageEvent<FromWorker>) => resolve(event.data.kept);
	});
	worker.postMessage({ type: 'keep-page', page, files: loadedAppFiles() } satisfies ToWorker, [
		channel.port2
	]);
	return answered;
}

class OfflineCopy {
	/** the page on screen (path and query) is kept on this device */
	ready = $state(false);
	#page: string | null = null;

	/** Follows the page on screen; again when a new worker (an update) takes over. Returns the cleanup. */
	connect(): () => void {
		const container = globalThis.navigator?.serviceWorker;
		if (!container) return () => undefined;
		const again = () => void this.#keep();
		container.addEventListener('controllerchange', again);
		return () => container.removeEventListener('controllerchange', again);
	}

	/** The page now on screen. */
	show(url: URL): void {
		this.#page = isStreetPage(url.pathname) ? url.pathname + url.search : null;
		this.ready = false;
		void this.#keep();
	}

	async #keep(): Promise<void> {
		const page = this.#page;
		// no controller yet: the first visit; controllerchange calls again once the worker claims the page
		const worker = globalThis.navigator?.serviceWorker?.controller;
		if (!page || !worker) return;
		const kept = await ask(worker, page).catch(() => false);
		if (page === this.#page) this.ready = kept;
	}

	/** The session ended: the worker drops what it was about to keep for it. */
	forget(): void {
		this.ready = false;
		this.#page = null;
		globalThis.navigator?.serviceWorker?.controller?.postMessage({ type: 'forget-pages' } satisfies ToWorker);
	}
}

export const offlineCopy = new OfflineCopy();
