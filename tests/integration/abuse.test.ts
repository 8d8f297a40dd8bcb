/**
 * The doors a stranger or a stolen cookie can reach on the venue Wi-Fi, held: how many live
 * connections one sign-in and one address may open. (Floods of catch-ups: resync.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, login as signIn, type TestSocket } from '../helpers/client';
import { demoPassword } from '../helpers/server';
import { removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
const open: TestSocket[] = [];

beforeAll(async () => {
	server = await startServer({
		env: { KHAIMAC_SOCKETS_PER_ADDRESS: '30', ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' }
	});
});

afterAll(async () => {
	for (const socket of open) socket.close();
	await removeServer(server);
});

/** Signs in through the proxy (every request behind it carries X-Forwarded-For). */
const login = (url: string, username: string) =>
	signIn(url, username, demoPassword, { 'x-forwarded-for': '10.0.0.9' });

/** Opens sockets one after another; how many connected, and the first refusal's reason. */
async function openMany(count: number, cookie: string, from: string) {
	let connected = 0;
	let refusal: string | null = null;
	for (let i = 0; i < count; i++) {
		try {
			open.push(await connect(server.url, cookie, 'user', { 'x-forwarded-for': from }));
			connected++;
		} catch (error) {
			refusal ??= (error as Error).message;
		}
	}
	return { connected, refusal };
}

async function liveSockets(): Promise<number> {
	return ((await (await fetch(`${server.url}/healthz`)).json()) as { sockets: number }).sockets;
}

describe('live connections', () => {
	it('one sign-in holds at most 20; the 21st is refused, and a closed one frees its place', async () => {
		const cookie = await login(server.url, 'lanhdao');
		const { connected, refusal } = await openMany(25, cookie, '10.0.0.1');
		expect(connected).toBe(20);
		expect(refusal).toBe('too_many_connections');

		open.pop()?.close();
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect((await openMany(1, cookie, '10.0.0.1')).connected).toBe(1);
	});

	it('one address holds at most its limit across sign-ins; another address is not affected', async () => {
		// 20 are open from 10.0.0.2's neighbour above; these come from 10.0.0.2
		const first = await openMany(20, await login(server.url, 'ttvh'), '10.0.0.2');
		const second = await openMany(20, await login(server.url, 'ttvh'), '10.0.0.2');
		expect(first.connected + second.connected).toBe(30);
		expect(second.refusal).toBe('too_many_connections');
		// a gate elsewhere, through the same proxy, still connects
		const elsewhere = await openMany(1, await login(server.url, 'ttvh'), '10.0.0.3');
		expect(elsewhere.connected).toBe(1);
		expect(await liveSockets()).toBeGreaterThanOrEqual(51);
	});
});
