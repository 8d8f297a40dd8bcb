/** Settings from the environment, read once. Defaults run the embedded demo on one machine. */
import path from 'node:path';

function int(name: string, fallback: number): number {
	const raw = process.env[name];
	const value = raw === undefined || raw === '' ? fallback : Number(raw);
	if (!Number.isInteger(value) || value < 0)
		throw new Error(`${name} phải là số nguyên không âm (đang là "${raw}")`);
	return value;
}

const dataDir = path.resolve(process.env.KHAIMAC_DATA_DIR ?? 'data/var');

export const config = {
	dataDir,
	databasePath: path.resolve(process.env.KHAIMAC_DB ?? path.join(dataDir, 'khai-mac.sqlite')),
	production: process.env.NODE_ENV === 'production',
	/** cookies get Secure when the public origin is https (behind a TLS proxy) */
	secureCookies: (process.env.ORIGIN ?? '').startsWith('https://'),
	sessionDays: int('KHAIMAC_SESSION_DAYS', 30),
	/** events a reconnecting client may be sent one by one; past this it reloads a snapshot */
	resyncLimit: int('KHAIMAC_RESYNC_LIMIT', 5000),
	/** demo: simulated minutes per real minute; 0 = no simulator (the real thing) */
	demoSpeed: int('KHAIMAC_DEMO_SPEED', 0),
	loginMaxFailures: int('KHAIMAC_LOGIN_MAX_FAILURES', 5),
	loginWindowSeconds: int('KHAIMAC_LOGIN_WINDOW_SECONDS', 900)
} as const;
