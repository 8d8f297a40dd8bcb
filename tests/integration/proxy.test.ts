/**
 * Behind a TLS proxy configured as the README shows (PROTOCOL_HEADER / HOST_HEADER, no ORIGIN):
 * the cookies a browser gets over https are Secure; over plain http they are not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
	server = await startServer({
		env: { PROTOCOL_HEADER: 'x-forwarded-proto', HOST_HEADER: 'x-forwarded-host' }
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
