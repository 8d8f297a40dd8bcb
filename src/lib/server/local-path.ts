/**
 * Where a link may send someone after a login or a language change: a path on this site only.
 * The path is resolved as the browser will resolve it, so `/\evil.example` (a browser reads the
 * backslash as a slash) or `//evil.example` cannot lead off the site.
 */
export function localPath(target: string | null, origin: URL): string | null {
	if (!target || !target.startsWith('/')) return null;
	try {
		const url = new URL(target, origin);
		return url.origin === origin.origin ? url.pathname + url.search + url.hash : null;
	} catch {
		return null;
	}
}

/** The login page, coming back to `url` (path and query) after it. */
export function loginFor(url: URL): string {
	return `/login?next=${encodeURIComponent(url.pathname + url.search)}`;
}
