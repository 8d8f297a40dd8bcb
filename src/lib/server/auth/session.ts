/**
 * Sessions as the Lucia guide teaches: a random token in an httpOnly cookie, only its
 * SHA-256 stored, sliding expiry (extended when less than half the lifetime is left).
 */
import type { Cookies } from '@sveltejs/kit';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db';
import { toUser, type StoredUser, type UserRow } from '../users/store';
import { config } from '../config';

export const sessionCookie = 'km_session';
const day = 24 * 60 * 60 * 1000;

/** The signed-in user; `disabled` is always false here (disabled users have no session). */
export type SessionUser = StoredUser;

export interface Session {
	id: string;
	userId: number;
	expiresAt: number;
}

export type SessionValidation = { session: Session; user: SessionUser } | { session: null; user: null };

export function generateToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function createSession(db: Db, token: string, userId: number): Session {
	const session = { id: hashToken(token), userId, expiresAt: Date.now() + config.sessionDays * day };
	db.prepare('INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)').run(
		session.id,
		userId,
		session.expiresAt
	);
	return session;
}

export function validateSessionToken(db: Db, token: string): SessionValidation {
	const id = hashToken(token);
	const row = db
		.prepare('SELECT s.expires_at, u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?')
		.get(id) as (UserRow & { expires_at: number }) | undefined;
	if (!row) return { session: null, user: null };
	const now = Date.now();
	if (now >= row.expires_at || row.disabled) {
		db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
		return { session: null, user: null };
	}
	const session: Session = { id, userId: row.id, expiresAt: row.expires_at };
	const lifetime = config.sessionDays * day;
	if (now >= session.expiresAt - lifetime / 2) {
		session.expiresAt = now + lifetime;
		db.prepare('UPDATE sessions SET expires_at = ? WHERE id = ?').run(session.expiresAt, id);
	}
	return { session, user: toUser(row) };
}

export function invalidateSession(db: Db, sessionId: string): void {
	db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
}

export function invalidateUserSessions(db: Db, userId: number): void {
	db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
}

/**
 * Cookies are `Secure` when the page was reached over https: the request's URL says so, from
 * ORIGIN or from the proxy's PROTOCOL_HEADER (adapter-node builds it).
 */
export const overHttps = (url: URL) => url.protocol === 'https:';

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: number): void {
	cookies.set(sessionCookie, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: overHttps(url),
		expires: new Date(expiresAt),
		path: '/'
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(sessionCookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: overHttps(url) });
}
