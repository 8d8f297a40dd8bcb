import type { Cookies } from '@sveltejs/kit';
import { overHttps } from '../auth/session';

/** The display link's token, kept by the wall screen's browser. */
export const displayCookie = 'km_display';

export function setDisplayCookie(cookies: Cookies, url: URL, token: string): void {
	// a wall screen never logs out by itself: the longest lifetime browsers keep (400 days)
	cookies.set(displayCookie, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: overHttps(url),
		maxAge: 400 * 24 * 3600,
		path: '/'
	});
}

export function deleteDisplayCookie(cookies: Cookies): void {
	cookies.delete(displayCookie, { path: '/' });
}
