/**
 * Login throttling that slows a guesser down and locks nobody out. Failures are counted per
 * account and address together, and more loosely per address (a school shares one); past the
 * free ones each try waits twice as long as the last (2, 4, 8 … s, up to a short cap). The
 * owner signing in from elsewhere is never held up by a stranger's failures. Kept in the
 * database so a restart does not reset it; failures older than the window are forgotten.
 */
import type { Db } from '../db';
import { config } from '../config';

export interface Limit {
	key: string;
	/** failures before tries wait */
	free: number;
}

/** The keys of one login attempt: this account from this address, and this address. */
export function loginLimits(username: string, ip: string): Limit[] {
	return [
		{ key: `account-ip:${username} ${ip}`, free: config.loginMaxFailures },
		{ key: `ip:${ip}`, free: config.loginMaxFailures * 4 }
	];
}

/** Seconds to wait after the latest of `failures` failures. */
export function delayAfter(failures: number, free: number): number {
	if (failures < free) return 0;
	return Math.min(config.loginMaxDelaySeconds, 2 ** (failures - free + 1));
}

export function retryAfterSeconds(db: Db, limits: Limit[], now = Date.now()): number {
	const windowStart = now - config.loginWindowSeconds * 1000;
	let wait = 0;
	for (const { key, free } of limits) {
		const { failures, latest } = db
			.prepare('SELECT COUNT(*) AS failures, MAX(at) AS latest FROM login_failures WHERE key = ? AND at > ?')
			.get(key, windowStart) as { failures: number; latest: number | null };
		const delay = delayAfter(failures, free);
		if (delay > 0 && latest !== null) wait = Math.max(wait, Math.ceil((latest + delay * 1000 - now) / 1000));
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

/** After a right password: this account from this address starts afresh (the address does not). */
export function clearFailures(db: Db, limit: Limit): void {
	db.prepare('DELETE FROM login_failures WHERE key = ?').run(limit.key);
}
