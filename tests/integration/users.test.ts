import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, connect, login, postLogin, type TestSocket } from '../helpers/client';
import { removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let admin: TestSocket;

async function userId(username: string): Promise<number> {
	const { default: Database } = await import('better-sqlite3');
	const db = new Database(server.dbPath, { readonly: true });
	const row = db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number };
	db.close();
	return row.id;
}

beforeAll(async () => {
	server = await startServer();
	admin = await connect(server.url, await login(server.url, 'admin'));
});

afterAll(async () => {
	admin?.close();
	await removeServer(server);
});

describe('account management', () => {
	it('creates a ward account bound to its ward, which then signs in to that ward', async () => {
		const created = await command(admin, 'user.create', {
			username: 'can-bo-tan-hung-2',
			displayName: 'Nguyễn Thị Hoa',
			role: 'ward_staff',
			unitId: 'phuong-tan-hung',
			password: 'mat-khau-moi-1'
		});
		expect(created.ok).toBe(true);
		const signedIn = await postLogin(server.url, 'can-bo-tan-hung-2', 'mat-khau-moi-1');
		expect(signedIn.location).toBe('/ward');
		const page = await fetch(`${server.url}/ward`, { headers: { cookie: signedIn.cookie! } });
		expect(await page.text()).toContain('Phường Tân Hưng');
	});

	it('refuses bad accounts with a reason per field', async () => {
		const noUnit = await command(admin, 'user.create', {
			username: 'x-ward',
			displayName: 'X',
			role: 'ward_staff',
			password: 'abcdefgh'
		});
		expect(noUnit).toMatchObject({ ok: false, code: 'invalid' });
		const noTruck = await command(admin, 'user.create', {
			username: 'x-crew',
			displayName: 'X',
			role: 'truck_crew',
			password: 'abcdefgh'
		});
		expect(noTruck).toMatchObject({ ok: false, code: 'invalid' });
		const taken = await command(admin, 'user.create', {
			username: 'ttvh',
			displayName: 'X',
			role: 'coordinator',
			password: 'abcdefgh'
		});
		expect(taken).toMatchObject({ ok: false, code: 'conflict' });
		const shortPassword = await command(admin, 'user.create', {
			username: 'x-short',
			displayName: 'X',
			role: 'leader',
			password: '123'
		});
		expect(shortPassword.ok).toBe(false);
		if (!shortPassword.ok) expect(shortPassword.problems?.[0]).toMatchObject({ path: 'password' });
	});

	it('binds a truck crew to its truck and takes the unit from the truck', async () => {
		const created = await command(admin, 'user.create', {
			username: 'lai-xe-phu-my',
			displayName: 'Trần Văn Bình',
			role: 'truck_crew',
			truckId: 'xe-phu-my',
			password: 'mat-khau-xe-1'
		});
		expect(created.ok).toBe(true);
		const signedIn = await postLogin(server.url, 'lai-xe-phu-my', 'mat-khau-xe-1');
		expect(signedIn.location).toBe('/truck');
		expect(
			(await fetch(`${server.url}/truck?truck=xe-tan-quy`, { headers: { cookie: signedIn.cookie! } })).status
		).toBe(403);
	});

	it('disabling an account ends its live sessions and its logins', async () => {
		const cookie = await login(server.url, 'phuong-tan-phu');
		const socket = await connect(server.url, cookie);
		const ended = new Promise((resolve) => socket.on('session:ended', resolve));
		const id = await userId('phuong-tan-phu');
		const disabled = await command(admin, 'user.update', {
			userId: id,
			displayName: 'Cán bộ phường Tân Phú',
			role: 'ward_staff',
			unitId: 'phuong-tan-phu',
			truckId: null,
			disabled: true
		});
		expect(disabled.ok).toBe(true);
		expect(await ended).toBe('disabled');
		expect((await fetch(`${server.url}/ward`, { redirect: 'manual', headers: { cookie } })).status).toBe(303);
		// its owner (who knows the password) is told it is disabled; a wrong password says nothing more
		const owner = await postLogin(server.url, 'phuong-tan-phu');
		expect(owner.status).toBe(403);
		expect(owner.cookie).toBeNull();
		expect(owner.body).toContain('Tài khoản này đã bị khoá');
		const guess = await postLogin(server.url, 'phuong-tan-phu', 'doan-mat-khau');
		expect(guess.status).toBe(400);
		expect(guess.body).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
		expect(guess.body).not.toContain('bị khoá');
	});

	it('resets a password: the old one stops working, the new one works', async () => {
		const id = await userId('cong-2');
		expect(
			(await command(admin, 'user.reset_password', { userId: id, password: 'mat-khau-cong-moi' })).ok
		).toBe(true);
		expect((await postLogin(server.url, 'cong-2')).status).toBe(400);
		expect((await postLogin(server.url, 'cong-2', 'mat-khau-cong-moi')).location).toBe('/gate');
	});

	it('lets only an admin manage accounts', async () => {
		const coordinator = await connect(server.url, await login(server.url, 'ttvh'));
		const result = await command(coordinator, 'user.reset_password', {
			userId: await userId('admin'),
			password: 'chiem-quyen-1'
		});
		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		coordinator.close();
		expect((await postLogin(server.url, 'admin')).location).toBe('/admin');
	});
});
