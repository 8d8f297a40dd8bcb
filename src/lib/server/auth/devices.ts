/**
 * Known devices, OWASP's device cookies: a browser that signs in to an account gets a random
 * token in a long-lived httpOnly cookie, and the account keeps the token's SHA-256. A login to
 * that account from that browser skips its address's throttle, so strangers' typos behind a
 * venue's NAT do not slow the staff who signed in there before; the (account, address)
 * throttle still applies. The token is new at each sign-in and sent only to the login page.
 */
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db';
import { generateToken, hashToken, overHttps } from './session';

export const deviceCookie = 'km_device';

// the longest a browser keeps a cookie (400 days): a known device stays known across the years' events
const lifetimeSeconds = 400 * 24 * 3600;
// the newest per account: a ward's phones sharing its account fit, endless sign-ins do not grow the table
const devicesPerAccount = 50;

export function isKnownDevice(db: Db, token: string | undefined, userId: number, now = Date.now()): boolean {
	if (!token) return false;
	return !!db
		.prepare('SELECT 1 FROM login_devices WHERE id = ? AND user_id = ? AND at > ?')
		.get(hashToken(token), userId, now - lifetimeSeconds * 1000);
}

/** After a sign-in: a new token for this browser (the one it showed, whoever's, is dropped). */
export function rememberDevice(
	db: Db,
	userId: number,
	previous: string | undefined,
	now = Date.now()
): string {
	const token = generateToken();
	db.transaction(() => {
		if (previous) db.prepare('DELETE FROM login_devices WHERE id = ?').run(hashToken(previous));
		db.prepare('INSERT INTO login_devices (id, user_id, at) VALUES (?, ?, ?)').run(
			hashToken(token),
			userId,
			now
		);
		db.prepare(
			`DELETE FROM login_devices WHERE user_id = ? AND id NOT IN
				(SELECT id FROM login_devices WHERE user_id = ? ORDER BY at DESC, rowid DESC LIMIT ?)`
		).run(userId, userId, devicesPerAccount);
		db.prepare('DELETE FROM login_devices WHERE at <= ?').run(now - lifetimeSeconds * 1000);
	})();
	return token;
}

export function setDeviceCookie(cookies: Cookies, url: URL, token: string): void {
	cookies.set(deviceCookie, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: overHttps(url),
		maxAge: lifetimeSeconds,
		// only the login form needs it
		path: '/login'
	});
}
