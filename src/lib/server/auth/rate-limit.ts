/**
 * Login throttling that slows a guesser down and locks nobody out. Failures are counted per
 * account and address together, and more loosely per address (a school shares one); past the
 * free ones each try waits twice as long as the last (2, 4, 8 … s, up to a short cap). The
 * owner signing in from elsewhere is never held up by a stranger's failures, nor at the same
 * address from a browser that signed in to the account before (a known device: see devices.ts).
 * Kept in the database so a restart does not reset it; failures older than the window are
 * forgotten. Tries in flight are counted by login-turn.ts.
 */
import type { Db } from '../db';
import { config } from '../config';

export interface Limit {
	key: string;
	/** failures before tries wait */
	free: number;
}

/**
 * The keys of one login attempt: this account from this address, and this address, unless the
 * browser is a known device of the account (a venue's NAT full of strangers' typos then slows
 * only browsers new to the account there).
 */
export function loginLimits(username: string, ip: string, knownDevice = false): Limit[] {
	const pair = { key: `account-ip:${username} ${ip}`, free: config.loginMaxFailures };
	return knownDevice ? [pair] : [pair, { key: `ip:${ip}`, free: config.loginMaxFailures * 4 }];
}

/** Seconds to wait after the latest of `failures` failures. */
export function delayAfter(failures: number, free: number): number {
	if (failures < free) return 0;
	return Math.min(config.loginMaxDelaySeconds, 2 ** (failures - free + 1));
}

const windowStart = (now: number) => now - config.loginWindowSeconds * 1000;

/** Failures of `key` within the window, and when the latest was. */
function failuresOf(db: Db, key: string, now: number): { failures: number; latest: number | null } {
	return db
		.prepare('SELECT COUNT(*) AS failures, MAX(at) AS latest FROM login_failures WHERE key = ? AND at > ?')
		.get(key, windowStart(now)) as { failures: number; latest: number | null };
}

export function failureCount(db: Db, key: string, now = Date.now()): number {
	return failuresOf(db, key, now).failures;
}

export function retryAfterSeconds(db: Db, limits: Limit[], now = Date.now()): number {
	let wait = 0;
	for (const { key, free } of limits) {
		const { failures, latest } = failuresOf(db, key, now);
		const delay = delayAfter(failures, free);
		if (delay > 0 && latest !== null) wait = Math.max(wait, Math.ceil((latest + delay * 1000 - now) / 1000));
	}
	return wait;
}

export function recordFailure(db: Db, limits: Limit[], now = Date.now()): void {
	const insert = db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)');
	db.transaction(() => {
		for (const { key } of limits) insert.run(key, now);
		db.prepare('DELETE FROM login_failures WHERE at < ?').run(windowStart(now));
	})();
}

/** After a right password: this account from this address starts afresh (the address does not). */
export function clearFailures(db: Db, limit: Limit): void {
	db.prepare('DELETE FROM login_failures WHERE key = ?').run(limit.key);
}
