/**
 * The doors a stranger or a stolen cookie can reach on the venue Wi-Fi, held: how many live
 * connections one sign-in and one address may open, and the gate keeps working while one
 * display link and one ward tablet flood the server with everything they can send. (Each flood
 * alone, in detail: resync.test.ts, commands.test.ts, http-limits.test.ts, photo-queue.test.ts;
 * the figures under flood: npm run bench:abuse.)
 */
import type { CommandResult } from '../../src/lib/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	collect,
	command,
	connect,
	login as signIn,
	notice,
	sync,
	waitFor,
	type TestSocket
} from '../helpers/client';
import { demoPassword } from '../helpers/server';
import { queryDb, removeServer, startServer, untilQuiet, type TestServer } from '../helpers/server';

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

/** Every request behind the proxy carries the browser's address (each test its own). */
const proxied = { 'x-forwarded-for': '10.0.1.1' };

/** Signs in through the proxy. */
const login = (url: string, username: string) => signIn(url, username, demoPassword, proxied);

/**
 * Opens sockets one after another until one is refused, then the rest at once (each turned away
 * at the door waits a second for its answer); how many connected, and the first refusal's reason.
 */
async function openMany(count: number, cookie: string, from: string) {
	let connected = 0;
	let refusal: string | null = null;
	const one = async () => {
		try {
			open.push(await connect(server.url, cookie, 'user', { 'x-forwarded-for': from }));
			connected++;
		} catch (error) {
			refusal ??= (error as Error).message;
		}
	};
	let left = count;
	for (; left > 0 && !refusal; left--) await one();
	await Promise.all(Array.from({ length: left }, one));
	return { connected, refusal };
}

/**
 * engine.io's first request, as a browser's socket opens with it: 200 and a session id, or turned
 * away before any socket exists (403 and why).
 */
async function handshake(cookie: string, from: string) {
	const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, {
		headers: { cookie, 'x-forwarded-for': from }
	});
	const body = await response.text();
	return {
		status: response.status,
		said: response.ok ? 'open' : (JSON.parse(body) as { message: string }).message
	};
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
		// told once, it is turned away at the door while full: before the upgrade, no socket, no
		// lookup, and a second late (a loop that comes straight back comes back once a second)
		const asked = performance.now();
		expect(await handshake(cookie, '10.0.0.1')).toEqual({ status: 403, said: 'too_many_connections' });
		expect(performance.now() - asked).toBeGreaterThanOrEqual(900);
		await expect(connect(server.url, cookie, 'user', { 'x-forwarded-for': '10.0.0.1' })).rejects.toThrow(
			'websocket error'
		);
		// another sign-in from the same address is not
		expect((await handshake(await login(server.url, 'ttvh'), '10.0.0.1')).status).toBe(200);

		open.pop()?.close();
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect((await openMany(1, cookie, '10.0.0.1')).connected).toBe(1);
	});

	it('a connection opened and closed in one request takes no place: 25 of them leave the sign-in its 20', async () => {
		const cookie = await login(server.url, 'phuong-tan-hung');
		const headers = { cookie, ...proxied, 'content-type': 'text/plain;charset=UTF-8' };
		for (let i = 0; i < 25; i++) {
			// engine.io's polling handshake, then one POST that signs the socket in and closes it
			const handshake = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers });
			const { sid } = JSON.parse((await handshake.text()).slice(1)) as { sid: string };
			await fetch(`${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
				method: 'POST',
				headers,
				body: '40{"as":"user"}\x1e1'
			});
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect((await openMany(20, cookie, '10.0.0.4')).connected).toBe(20);
	});

	it('one address holds at most its limit across sign-ins; another address is not affected', async () => {
		// 20 are open from 10.0.0.2's neighbour above; these come from 10.0.0.2
		const first = await openMany(20, await login(server.url, 'ttvh'), '10.0.0.2');
		const second = await openMany(20, await login(server.url, 'ttvh'), '10.0.0.2');
		expect(first.connected + second.connected).toBe(30);
		expect(second.refusal).toBe('too_many_connections');
		expect(await handshake(await login(server.url, 'lanhdao'), '10.0.0.2')).toEqual({
			status: 403,
			said: 'too_many_connections'
		});
		// a gate elsewhere, through the same proxy, still connects
		const elsewhere = await openMany(1, await login(server.url, 'ttvh'), '10.0.0.3');
		expect(elsewhere.connected).toBe(1);
		expect(await liveSockets()).toBeGreaterThanOrEqual(51);
	});
});

describe('the gate under a flood', () => {
	it('counts every guest in, in order, while a display link and a ward tablet send all they can', async () => {
		await untilQuiet(server.url);
		const coordinator = await connect(server.url, await login(server.url, 'ttvh'), 'user', proxied);
		expect((await command(coordinator, 'display_link.create', { name: 'Sảnh ngập' })).ok).toBe(true);
		const [{ token }] = queryDb<{ token: string }>(
			server.dbPath,
			"SELECT token FROM display_links WHERE name = 'Sảnh ngập'"
		);
		const screen = await connect(server.url, `km_display=${token}`, 'display', proxied);
		const ward = await connect(server.url, await login(server.url, 'phuong-tan-kieng'), 'user', proxied);
		const gate = await connect(server.url, await login(server.url, 'cong-1'), 'user', proxied);
		const leader = await connect(server.url, await login(server.url, 'lanhdao'), 'user', proxied);
		const seen = collect(leader);

		const text = 'Đã treo băng rôn, khẩu hiệu. '.repeat(700); // 20,000 characters
		// an answer, or 'let go' when the server closed the connection before answering
		const answered = <T>(asked: Promise<T>) => asked.catch(() => 'let go' as const);
		const floods = Promise.all([
			Promise.all(
				Array.from({ length: 1000 }, () =>
					answered(command(screen, 'notice.post', notice('Mời mọi người ra về')))
				)
			),
			Promise.all(Array.from({ length: 100 }, () => answered(sync(screen, 0)))),
			Promise.all(
				Array.from({ length: 400 }, () =>
					answered(
						command(ward, 'report.save_draft', {
							unitId: 'phuong-tan-kieng',
							figures: {},
							narrative: { 'trien-khai': text }
						})
					)
				)
			)
		]);
		const counted: CommandResult[] = [];
		for (let i = 0; i < 20; i++)
			counted.push(await command(gate, 'gate.count', { groupId: 'phong-ban', count: 1 }));
		const [notices, syncs, drafts] = await floods;

		// the gate: every count taken, none told to slow down, each seen on the leader's screen in order
		expect(counted.every((r) => r.ok)).toBe(true);
		const seqs = counted.map((r) => (r.ok ? r.seq : 0));
		expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
		await waitFor(() => seqs.every((seq) => seen.some((e) => e.seq === seq)), 15_000);

		// the floods: held back, not served in full
		const code = (a: CommandResult | 'let go') => (a === 'let go' ? a : a.ok ? 'ok' : a.code);
		expect(notices.map(code)).not.toContain('ok');
		expect(syncs.filter((a) => a !== 'let go' && a.kind !== 'busy').length).toBeLessThanOrEqual(10);
		expect(drafts.map(code).filter((c) => c === 'rate_limited' || c === 'let go').length).toBeGreaterThan(0);
		expect([...notices, ...drafts].map(code)).not.toContain('internal');
		// the display link asked on past every "not now": let go, and it may not come straight back
		expect(notices).toContain('let go');
		expect(screen.connected).toBe(false);
		await expect(connect(server.url, `km_display=${token}`, 'display', proxied)).rejects.toThrow(
			'too_many_requests'
		);
		// told once, coming straight back again is turned away at the door
		expect(await handshake(`km_display=${token}`, '10.0.1.1')).toEqual({
			status: 403,
			said: 'too_many_requests'
		});
		// the gate, on its own sign-in, is not affected
		expect(gate.connected).toBe(true);
		// nothing the display link sent was logged; the ward's drafts are small marks in the log
		const [{ size }] = queryDb<{ size: number }>(
			server.dbPath,
			'SELECT COALESCE(SUM(LENGTH(data)), 0) AS size FROM events WHERE seq >= ?',
			seqs[0]
		);
		expect(size).toBeLessThan(400 * 1000); // 400 drafts of 20,000 characters would be 8 MB
		for (const socket of [coordinator, screen, ward, gate, leader]) socket.close();
	}, 60_000);
});
