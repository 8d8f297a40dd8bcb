import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TruckView } from '../../src/lib/trucks/types';
import { command, connect, login, notice, postLogin } from '../helpers/client';
import { removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
	server = await startServer({
		env: { KHAIMAC_LOGIN_MAX_FAILURES: '3', KHAIMAC_LOGIN_WINDOW_SECONDS: '600' }
	});
});

afterAll(async () => removeServer(server));

async function get(path: string, cookie?: string): Promise<Response> {
	return fetch(`${server.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
}

describe('login', () => {
	it('sends each role to its home', async () => {
		const homes: [string, string][] = [
			['admin', '/admin'],
			['ttvh', '/ops'],
			['lanhdao', '/display'],
			['phuong-tan-hung', '/ward'],
			['xe-tan-hung', '/truck'],
			['cong-1', '/gate']
		];
		for (const [username, home] of homes) {
			const result = await postLogin(server.url, username);
			expect(result.status, username).toBe(303);
			expect(result.location, username).toBe(home);
			const page = await get(home, result.cookie!);
			expect(page.status, `${username} on ${home}`).toBe(200);
		}
	});

	it('says a wrong password clearly, then rate-limits with when to retry', async () => {
		const wrong = await postLogin(server.url, 'phuong-tan-quy', 'sai-mat-khau');
		expect(wrong.status).toBe(400);
		expect(wrong.body).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
		await postLogin(server.url, 'phuong-tan-quy', 'sai-mat-khau');
		await postLogin(server.url, 'phuong-tan-quy', 'sai-mat-khau');
		// slowed now: from this address even the right password waits its turn
		const limited = await postLogin(server.url, 'phuong-tan-quy');
		expect(limited.status).toBe(429);
		expect(limited.body).toMatch(/thử lại sau \d+ giây/);
		expect(limited.cookie).toBeNull();
		// another account from the same IP is not locked yet
		expect((await postLogin(server.url, 'phuong-tan-phu')).status).toBe(303);
	});

	it('does not tell which accounts exist', async () => {
		const unknown = await postLogin(server.url, 'khong-ton-tai', 'abcdefgh');
		expect(unknown.body).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
	});

	it('logs out: the session no longer opens pages or sockets', async () => {
		const cookie = await login(server.url, 'phuong-binh-thuan');
		const socket = await connect(server.url, cookie);
		const ended = new Promise((resolve) => socket.on('session:ended', resolve));
		const out = await fetch(`${server.url}/logout`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				cookie,
				origin: server.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: ''
		});
		expect(out.status).toBe(303);
		expect(await ended).toBe('logged_out');
		expect((await get('/ward', cookie)).headers.get('location')).toMatch(/^\/login/);
		await expect(connect(server.url, cookie)).rejects.toThrow('unauthenticated');
	});
});

describe('where a link may send someone', () => {
	// a browser reads `\` as `/`: "/\evil.example/phish" would be //evil.example/phish
	const offSite = [
		'/%5Cevil.example/phish',
		'//evil.example/phish',
		'/%5C%5Cevil.example',
		'https://evil.example/'
	];

	it('after login, only to a path on this site', async () => {
		const cookie = await login(server.url, 'ttvh');
		for (const next of offSite) {
			const page = await get(`/login?next=${next}`, cookie);
			expect(page.status, next).toBe(303);
			expect(page.headers.get('location'), next).toBe('/ops');
		}
		const own = await get('/login?next=/ops/trucks%3Fx%3D1', cookie);
		expect(own.headers.get('location')).toBe('/ops/trucks?x=1');
	});

	it('after a language change, only back to a path on this site', async () => {
		const change = (back: string) =>
			fetch(`${server.url}/lang`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					origin: server.url,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ lang: 'en', back })
			});
		for (const back of ['/\\evil.example/phish', '//evil.example/phish', 'https://evil.example/']) {
			const answer = await change(back);
			expect(answer.status, back).toBe(303);
			expect(answer.headers.get('location'), back).toBe('/');
		}
		expect((await change('/ward?tab=map')).headers.get('location')).toBe('/ward?tab=map');
	});
});

describe('authorization', () => {
	it('refuses a socket without a session or display token', async () => {
		await expect(connect(server.url, null)).rejects.toThrow('unauthenticated');
		await expect(connect(server.url, 'km_session=forged-token')).rejects.toThrow('unauthenticated');
		await expect(connect(server.url, 'km_display=forged-token', 'display')).rejects.toThrow(
			'unauthenticated'
		);
	});

	it('refuses a socket opened from another site with the user cookie', async () => {
		const { io } = await import('socket.io-client');
		const cookie = await login(server.url, 'ttvh');
		const socket = io(server.url, {
			transports: ['websocket'],
			extraHeaders: { cookie, origin: 'https://trang-la.example' },
			reconnection: false,
			forceNew: true
		});
		const outcome = await new Promise<string>((resolve) => {
			socket.once('connect', () => resolve('connected'));
			socket.once('connect_error', () => resolve('refused'));
		});
		socket.close();
		expect(outcome).toBe('refused');
		const same = await connect(server.url, cookie);
		same.close();
	});

	it("keeps a ward's staff out of another ward's data", async () => {
		const cookie = await login(server.url, 'phuong-tan-thuan-dong');
		expect((await get('/ward', cookie)).status).toBe(200);
		expect((await get('/ward?unit=phuong-tan-thuan-dong', cookie)).status).toBe(200);
		expect((await get('/ward?unit=phuong-phu-my', cookie)).status).toBe(403);
		expect((await get('/ops', cookie)).status).toBe(403);
		expect((await get('/admin', cookie)).status).toBe(403);
		expect((await get('/admin/scenario/export', cookie)).status).toBe(403);
	});

	it('shows a gate the notices to everyone, not a notice meant for one ward', async () => {
		const ops = await connect(server.url, await login(server.url, 'ttvh'));
		expect((await command(ops, 'notice.post', notice('Riêng cho Tân Hưng', ['phuong-tan-hung']))).ok).toBe(
			true
		);
		expect((await command(ops, 'notice.post', notice('Cho mọi đơn vị'))).ok).toBe(true);
		ops.close();

		const gate = await get('/gate/__data.json', await login(server.url, 'cong-1'));
		const body = await gate.text();
		expect(gate.status).toBe(200);
		expect(body).toContain('Cho mọi đơn vị');
		expect(body).not.toContain('Riêng cho Tân Hưng');
		const ward = await (await get('/ward/__data.json', await login(server.url, 'phuong-tan-hung'))).text();
		expect(ward).toContain('Riêng cho Tân Hưng');
	});

	it('lets neither a leader, ward staff nor a display write', async () => {
		const leader = await connect(server.url, await login(server.url, 'lanhdao'));
		const ward = await connect(server.url, await login(server.url, 'phuong-tan-phong'));
		for (const socket of [leader, ward]) {
			expect(await command(socket, 'notice.post', notice('Không được gửi'))).toMatchObject({
				ok: false,
				code: 'forbidden'
			});
			expect(await command(socket, 'display_link.create', { name: 'x' })).toMatchObject({
				ok: false,
				code: 'forbidden'
			});
			socket.close();
		}

		const coordinator = await connect(server.url, await login(server.url, 'ttvh'));
		const linkId = crypto.randomUUID(); // a link is named by the command that made it
		const created = await command(coordinator, 'display_link.create', { name: 'Hội trường' }, linkId);
		expect(created.ok).toBe(true);
		coordinator.close();
		const token = await displayToken(server, 'Hội trường');
		const display = await connect(server.url, `km_display=${token}`, 'display');
		// nor lay itself out
		expect(
			await command(display, 'display_link.configure', { linkId, layout: { mode: 'single', panel: 'map' } })
		).toMatchObject({ ok: false, code: 'forbidden' });
		expect(await command(display, 'notice.post', notice('Màn hình không gửi được'))).toMatchObject({
			ok: false,
			code: 'forbidden'
		});
		display.close();
	});

	it("gives a wall screen what it shows: no crew's name or phone, no list of guests still to come", async () => {
		const coordinator = await connect(server.url, await login(server.url, 'ttvh'));
		const imported = await command(coordinator, 'ceremony.import_invitees', {
			mode: 'append',
			invitees: [{ name: 'Khách Chưa Đến', groupId: 'phong-ban', phone: '0911 222 333' }]
		});
		expect(imported.ok, JSON.stringify(imported)).toBe(true);
		expect((await command(coordinator, 'display_link.create', { name: 'Sảnh chính' })).ok).toBe(true);
		const token = await displayToken(server, 'Sảnh chính');
		const screen = { cookie: `km_display=${token}` };

		const page = await fetch(`${server.url}/display/__data.json`, { headers: screen });
		const body = await page.text();
		expect(page.status).toBe(200);
		expect(body).toContain('Tân Kiểng'); // the screen's picture itself is there
		for (const hidden of ['Nguyễn Văn An', '0900 000 101', 'Khách Chưa Đến', '0911 222 333'])
			expect(body, hidden).not.toContain(hidden);

		const socket = await connect(server.url, screen.cookie, 'display');
		const trucks = await socket.timeout(5000).emitWithAck('fleet');
		expect(trucks.length).toBeGreaterThan(0);
		expect(trucks.every((t: TruckView) => t.crew === null)).toBe(true);
		// the ops room still has the crews to call
		const opsTrucks = await coordinator.timeout(5000).emitWithAck('fleet');
		expect(opsTrucks.some((t: TruckView) => t.crew?.phone === '0900 000 101')).toBe(true);
		socket.close();
		coordinator.close();
	});

	it('ends a revoked display link at once and refuses it afterwards', async () => {
		const coordinator = await connect(server.url, await login(server.url, 'ttvh'));
		const created = await command(coordinator, 'display_link.create', { name: 'Phòng họp' });
		expect(created.ok).toBe(true);
		const token = await displayToken(server, 'Phòng họp');

		const opened = await fetch(`${server.url}/d/${token}`, { redirect: 'manual' });
		expect(opened.headers.get('location')).toBe('/display');
		const display = await connect(server.url, `km_display=${token}`, 'display');
		const ended = new Promise((resolve) => display.on('session:ended', resolve));

		const linkId = await displayLinkId(server, 'Phòng họp');
		expect((await command(coordinator, 'display_link.revoke', { linkId })).ok).toBe(true);
		expect(await ended).toBe('revoked');
		await expect(connect(server.url, `km_display=${token}`, 'display')).rejects.toThrow('revoked');
		const page = await fetch(`${server.url}/display`, {
			redirect: 'manual',
			headers: { cookie: `km_display=${token}` }
		});
		expect(page.headers.get('location')).toBe('/display/revoked');
		expect((await fetch(`${server.url}/d/${token}`, { redirect: 'manual' })).headers.get('location')).toBe(
			'/display/revoked'
		);
		coordinator.close();
	});
});

// last: once the IP is slowed, every login from this test run waits
describe('login throttling by IP', () => {
	it('rate-limits an IP that tries many accounts', async () => {
		// the IP may fail 4 × 3 = 12 times in the window before it waits; 4 are counted above
		for (let i = 0; i < 8; i++) await postLogin(server.url, `doan-mo-${i}`, 'sai-mat-khau');
		const limited = await postLogin(server.url, 'phuong-tan-kieng');
		expect(limited.status).toBe(429);
		expect(limited.body).toMatch(/thử lại sau \d+ giây/);
	});
});

async function displayLinks(server: TestServer) {
	const { default: Database } = await import('better-sqlite3');
	const db = new Database(server.dbPath, { readonly: true });
	const rows = db.prepare('SELECT id, name, token FROM display_links').all() as {
		id: string;
		name: string;
		token: string;
	}[];
	db.close();
	return rows;
}

async function displayToken(server: TestServer, name: string): Promise<string> {
	return (await displayLinks(server)).find((l) => l.name === name)!.token;
}

async function displayLinkId(server: TestServer, name: string): Promise<string> {
	return (await displayLinks(server)).find((l) => l.name === name)!.id;
}
