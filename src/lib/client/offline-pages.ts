import { offlineCopy } from './offline-copy.svelte';

/**
 * The street pages the service worker keeps for offline use hold one account's data: they are
 * forgotten whenever that account's session ends (sign-out, expiry, a new sign-in).
 */
export async function forgetOfflinePages(): Promise<void> {
	// first the worker: a page it is fetching for the account must not land after the delete below
	offlineCopy.forget();
	try {
		const keys = (await globalThis.caches?.keys()) ?? [];
		await Promise.all(keys.filter((k) => k.startsWith('pages-')).map((k) => caches.delete(k)));
	} catch {
		// no Cache Storage (private mode): nothing was kept
	}
}
