/**
 * Login throttling, per account and per IP, kept in the database so a restart does not
 * reset it: after N failures within the window, wait until the oldest one leaves it.
 */
import type { Db } from '../db';
import { config } from '../config';

export interface Limit {
	key: string;
	max: number;
}

/** The keys of one login attempt: the account, and the IP with more room (a school shares one IP). */
export function loginLimits(username: string, ip: string): Limit[] {
	return [
		{ key: `account:${username}`, max: config.loginMaxFailures },
		{ key: `ip:${ip}`, max: config.loginMaxFailures * 4 }
	];
}

export function retryAfterSeconds(db: Db, limits: Limit[], now = Date.now()): number {
	const windowStart = now - config.loginWindowSeconds * 1000;
	let wait = 0;
	for (const { key, max } of limits) {
		const times = (
			db
				.prepare('SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at DESC LIMIT ?')
				.all(key, windowStart, max) as { at: number }[]
		).map((r) => r.at);
		if (times.length >= max) {
			const oldest = times[times.length - 1];
			wait = Math.max(wait, Math.ceil((oldest + config.loginWindowSeconds * 1000 - now) / 1000));
		}
	}
	return wait;
}

export function recordFailure(db: Db, limits: Limit[], now = Date.now()): void {
	const insert = db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)');
	db.transaction(() => {
		for (const { key } of limits) insert.run(key, now);
		db.prepare('DELETE FROM login_failures WHERE at < ?').run(now - config.loginWindowSeconds * 1000);
	})();
}

export function clearFailures(db: Db, key: string): void {
	db.prepare('DELETE FROM login_failures WHERE key = ?').run(key);
}
