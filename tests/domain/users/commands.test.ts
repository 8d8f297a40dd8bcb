/**
 * Accounts through the one command path (admin): creating one bound to its unit or truck,
 * changing a role or binding (which ends the person's open sessions), resetting a password.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/lib/server/auth/password';
import { createSession, generateToken, validateSessionToken } from '../../../src/lib/server/auth/session';
import { db } from '../../../src/lib/server/db';
import { findLogin, listUsers } from '../../../src/lib/server/users/store';
import { accepted, run, send } from '../support/command';
import { databaseContents } from '../support/database';
import { givenTheDemoScenario, signedIn, type Person } from '../support/given';

let admin: Person;

beforeEach(async () => {
	await givenTheDemoScenario();
	admin = signedIn('admin', { unitId: 'quan7' });
});

const user = (username: string) => listUsers(db()).find((u) => u.username === username)!;

describe('a new account', () => {
	it("for a ward's staff: bound to its ward, and the password works", async () => {
		await accepted(
			run(admin, 'user.create', {
				username: 'tan-kieng-2',
				displayName: 'Cán bộ Tân Kiểng',
				role: 'ward_staff',
				unitId: 'phuong-tan-kieng',
				password: 'mat-khau-dai'
			})
		);

		expect(user('tan-kieng-2')).toMatchObject({
			role: 'ward_staff',
			unitId: 'phuong-tan-kieng',
			truckId: null,
			disabled: false
		});
		expect(await verifyPassword(findLogin(db(), 'tan-kieng-2')!.passwordHash, 'mat-khau-dai')).toBe(true);
	});

	it("for a truck's crew: its unit is the truck's", async () => {
		await accepted(
			run(admin, 'user.create', {
				username: 'to-xe-2',
				displayName: 'Tổ xe 2',
				role: 'truck_crew',
				truckId: 'xe-phu-my',
				password: 'mat-khau-dai'
			})
		);

		expect(user('to-xe-2')).toMatchObject({ truckId: 'xe-phu-my', unitId: 'phuong-phu-my' });
	});

	it('for ward staff without a ward is refused with the field, and nothing changes', async () => {
		const before = databaseContents();

		const result = await run(admin, 'user.create', {
			username: 'khong-phuong',
			displayName: 'Không phường',
			role: 'ward_staff',
			password: 'mat-khau-dai'
		});

		expect(result).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'unitId' }] });
		expect(databaseContents()).toEqual(before);
	});

	it('with a short password or a space in the name is refused before anything is hashed, and nothing changes', async () => {
		const before = databaseContents();

		const result = await send(admin, {
			id: crypto.randomUUID(),
			type: 'user.create',
			payload: { username: 'tan kieng', displayName: 'X', role: 'leader', password: 'ngan' }
		});

		expect(result).toMatchObject({ ok: false, code: 'invalid' });
		expect(result.ok ? [] : result.problems!.map((p) => p.path).sort()).toEqual(['password', 'username']);
		expect(databaseContents()).toEqual(before);
	});

	it('with capitals in the name is stored in lower case', async () => {
		await accepted(
			run(admin, 'user.create', {
				username: 'TanKieng',
				displayName: 'Cán bộ Tân Kiểng',
				role: 'ward_staff',
				unitId: 'phuong-tan-kieng',
				password: 'mat-khau-dai'
			})
		);

		expect(
			listUsers(db())
				.filter((u) => u.username.toLowerCase() === 'tankieng')
				.map((u) => u.username)
		).toEqual(['tankieng']);
		expect(findLogin(db(), 'tankieng')).toBeDefined();
	});

	it('with a name already taken, in other capitals, is refused', async () => {
		signedIn('leader', { username: 'lanhdao' });

		const result = await run(admin, 'user.create', {
			username: 'LanhDao',
			displayName: 'Trùng tên',
			role: 'leader',
			password: 'mat-khau-dai'
		});

		expect(result).toMatchObject({ ok: false, code: 'conflict', problems: [{ path: 'username' }] });
		expect(listUsers(db()).filter((u) => u.username.toLowerCase() === 'lanhdao')).toHaveLength(1);
	});

	it('with a name already taken is refused', async () => {
		signedIn('leader', { username: 'lanhdao' });

		const result = await run(admin, 'user.create', {
			username: 'lanhdao',
			displayName: 'Trùng tên',
			role: 'leader',
			password: 'mat-khau-dai'
		});

		expect(result).toMatchObject({ ok: false, code: 'conflict', problems: [{ path: 'username' }] });
		expect(listUsers(db()).filter((u) => u.username === 'lanhdao')).toHaveLength(1);
	});

	it('is for the admin only: the ops room cannot create one, and nothing changes', async () => {
		const coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
		const before = databaseContents();

		const result = await run(coordinator, 'user.create', {
			username: 'tu-tao',
			displayName: 'Tự tạo',
			role: 'admin',
			password: 'mat-khau-dai'
		});

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(databaseContents()).toEqual(before);
	});
});

describe('changing an account', () => {
	it("to another ward ends the person's open sessions (no old rights kept)", async () => {
		const staff = signedIn('ward_staff', { unitId: 'phuong-tan-kieng', username: 'can-bo' });
		const id = staff.userId;
		const token = generateToken();
		createSession(db(), token, id);

		await accepted(
			run(admin, 'user.update', {
				userId: id,
				displayName: 'Cán bộ',
				role: 'ward_staff',
				unitId: 'phuong-phu-my',
				truckId: null,
				disabled: false
			})
		);

		expect(user('can-bo').unitId).toBe('phuong-phu-my');
		expect(validateSessionToken(db(), token).session).toBeNull();
	});

	it('cannot lock the admin out of their own account', async () => {
		const id = admin.userId;

		const result = await run(admin, 'user.update', {
			userId: id,
			displayName: 'Quản trị',
			role: 'admin',
			unitId: 'quan7',
			truckId: null,
			disabled: true
		});

		expect(result).toMatchObject({ ok: false, code: 'invalid' });
		expect(listUsers(db()).find((u) => u.id === id)!.disabled).toBe(false);
	});

	it('a new password replaces the old one and ends open sessions', async () => {
		const staff = signedIn('gate_staff', { username: 'cong-3' });
		const id = staff.userId;
		const token = generateToken();
		createSession(db(), token, id);

		await accepted(run(admin, 'user.reset_password', { userId: id, password: 'mat-khau-moi-1' }));

		expect(await verifyPassword(findLogin(db(), 'cong-3')!.passwordHash, 'mat-khau-moi-1')).toBe(true);
		expect(validateSessionToken(db(), token).session).toBeNull();
	});
});
