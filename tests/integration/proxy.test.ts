/**
 * Behind a TLS proxy configured as the README shows (PROTOCOL_HEADER / HOST_HEADER, no ORIGIN;
 * ADDRESS_HEADER / XFF_DEPTH): the cookies a browser gets over https are Secure, over plain http
 * they are not; login throttling sees each browser's own address, not the proxy's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
	server = await startServer({
		env: {
			PROTOCOL_HEADER: 'x-forwarded-proto',
			HOST_HEADER: 'x-forwarded-host',
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '1'
		}
	});
});
afterAll(async () => removeServer(server));

/** The login form posted through the proxy: `proto` is what the proxy says the browser used. */
async function loginThrough(proto: 'https' | 'http'): Promise<string> {
	const host = 'khaimac.example.vn';
	const response = await fetch(`${server.url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'x-forwarded-proto': proto,
			'x-forwarded-host': host,
			'x-forwarded-for': '198.51.100.7',
			origin: `${proto}://${host}`,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ username: 'ttvh', password: demoPassword })
	});
	expect(response.status).toBe(303);
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('km_session='));
	if (!cookie) throw new Error('no session cookie');
	return cookie;
}

describe('behind a TLS proxy', () => {
	it('marks the session cookie Secure when the browser came over https', async () => {
		expect(await loginThrough('https')).toMatch(/;\s*Secure/i);
	});

	it('does not when it came over plain http (a phone on the venue network by address)', async () => {
		expect(await loginThrough('http')).not.toMatch(/;\s*Secure/i);
	});
});

/**
 * A login through the proxy from the browser at `ip` (what Caddy puts in X-Forwarded-For),
 * carrying `cookie` (a device cookie from an earlier sign-in) when given.
 */
async function loginFrom(ip: string, username: string, password = demoPassword, cookie?: string) {
	const response = await fetch(`${server.url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'x-forwarded-proto': 'https',
			'x-forwarded-host': 'khaimac.example.vn',
			// a forged address first: the proxy adds the real one last, and only that one counts
			'x-forwarded-for': `10.9.9.9, ${ip}`,
			origin: 'https://khaimac.example.vn',
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams({ username, password })
	});
	const body = await response.text();
	const seconds = /thử lại sau (\d+) giây/.exec(body)?.[1];
	const device = response.headers.getSetCookie().find((c) => c.startsWith('km_device='));
	return {
		status: response.status,
		retryAfter: response.headers.get('retry-after'),
		wait: seconds === undefined ? null : Number(seconds),
		/** the Set-Cookie of the device cookie, if this answer set one */
		device: device ?? null
	};
}

describe('login throttling behind the proxy', () => {
	it("slows a stranger's guesses down, and never keeps the owner out from elsewhere", async () => {
		const stranger = '203.0.113.5';
		const tries = [];
		for (let i = 0; i < 25; i++) tries.push(await loginFrom(stranger, 'phuong-tan-quy', `sai-${i}`));
		const slowed = tries.filter((t) => t.status === 429);
		expect(slowed.length).toBeGreaterThan(0);
		for (const t of slowed) {
			// a short wait, said in the answer and in Retry-After: not a 15-minute lockout
			expect(t.wait).toBeGreaterThan(0);
			expect(t.wait).toBeLessThanOrEqual(60);
			expect(t.retryAfter).toBe(String(t.wait));
		}
		expect((await loginFrom('198.51.100.20', 'phuong-tan-quy')).status).toBe(303);
	});

	it('slows an address that tries many accounts, not the accounts from elsewhere', async () => {
		const stranger = '203.0.113.77';
		const tries = [];
		for (let i = 0; i < 25; i++) tries.push(await loginFrom(stranger, `khong-co-${i}`, 'sai-mat-khau'));
		expect(tries.some((t) => t.status === 429)).toBe(true);
		expect((await loginFrom(stranger, 'phuong-tan-phu')).status).toBe(429);
		expect((await loginFrom('198.51.100.21', 'phuong-tan-phu')).status).toBe(303);
	});

	it('lets a browser that signed in to an account before skip its busy address: strangers only slow new devices there', async () => {
		const venue = '203.0.113.90';
		const first = await loginFrom(venue, 'cong-2');
		expect(first.status).toBe(303);
		// long-lived, unreadable by scripts, only over https here, and only sent with a login
		expect(first.device).toMatch(/;\s*HttpOnly/i);
		expect(first.device).toMatch(/;\s*Secure/i);
		expect(first.device).toMatch(/;\s*Max-Age=\d{7,}|;\s*Expires=/i);
		const device = first.device!.split(';')[0];
		const other = await loginFrom('198.51.100.30', 'cong-1');
		const otherDevice = other.device!.split(';')[0];

		// someone at the venue mistypes (or guesses) 25 times, over many accounts
		for (let i = 0; i < 25; i++) await loginFrom(venue, `khach-${i}`, 'sai-mat-khau');
		// a browser new to cong-2 there is only slowed, not locked out
		const fresh = await loginFrom(venue, 'cong-2');
		expect(fresh.status).toBe(429);
		expect(fresh.wait).toBeLessThanOrEqual(60);
		// another account's device cookie does not count for cong-2
		expect((await loginFrom(venue, 'cong-2', demoPassword, otherDevice)).status).toBe(429);

		// the browser that signed in to cong-2 before signs in at once, and gets a new token
		const known = await loginFrom(venue, 'cong-2', demoPassword, device);
		expect(known.status).toBe(303);
		expect(known.device).not.toBeNull();
		expect(known.device!.split(';')[0]).not.toBe(device);
	});

	it('judges parallel tries in turn: 50 wrong passwords at once get the free number of answers, the rest wait', async () => {
		const tries = await Promise.all(
			Array.from({ length: 50 }, (_, i) => loginFrom('203.0.113.120', 'admin', `sai-${i}`))
		);
		const judged = tries.filter((t) => t.status === 400).length;
		// KHAIMAC_LOGIN_MAX_FAILURES (5) free failures for one account from one address
		expect(judged).toBeLessThanOrEqual(5);
		expect(tries.filter((t) => t.status === 429).length).toBe(50 - judged);
	});
});
