/**
 * Every page's code loaded at start, before the first request is let in. SvelteKit loads a
 * route's modules the first time someone asks for it, and some pull in large libraries: the
 * first invitee import loaded the spreadsheet library in one 330 ms stretch, during which no
 * socket of the day was answered. At start nobody waits for it.
 */
const pageModules = import.meta.glob([
	'/src/routes/**/+page.server.ts',
	'/src/routes/**/+layout.server.ts',
	'/src/routes/**/+page.ts',
	'/src/routes/**/+layout.ts',
	'/src/routes/**/+server.ts',
	'/src/routes/**/*.svelte'
]);

/** Loads them all; how many and how long it took, for the start's log line. */
export async function loadEveryPage(): Promise<{ modules: number; ms: number }> {
	const t0 = performance.now();
	const loads = Object.values(pageModules);
	await Promise.all(loads.map((load) => load()));
	return { modules: loads.length, ms: performance.now() - t0 };
}
