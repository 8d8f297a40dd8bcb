/** Accounts: data access. */
import type { Role } from '$lib/types';
import type { UserData } from '$lib/users/events';
import type { Db } from '../db';

export interface UserRow {
	id: number;
	username: string;
	display_name: string;
	role: Role;
	unit_id: string | null;
	truck_id: string | null;
	disabled: number;
	demo: number;
}

export type StoredUser = UserData & { demo: boolean };

export function toUser(r: UserRow): StoredUser {
	return {
		id: r.id,
		username: r.username,
		displayName: r.display_name,
		role: r.role,
		unitId: r.unit_id,
		truckId: r.truck_id,
		disabled: r.disabled === 1,
		demo: r.demo === 1
	};
}

export function listUsers(db: Db): StoredUser[] {
	return (db.prepare('SELECT * FROM users ORDER BY role, username').all() as UserRow[]).map(toUser);
}

export function getUser(db: Db, id: number): StoredUser | undefined {
	const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
	return row ? toUser(row) : undefined;
}

export function findLogin(
	db: Db,
	username: string
): { id: number; role: Role; passwordHash: string; disabled: boolean } | undefined {
	const row = db
		.prepare('SELECT id, role, password_hash, disabled FROM users WHERE username = ?')
		.get(username) as { id: number; role: Role; password_hash: string; disabled: number } | undefined;
	return row && { id: row.id, role: row.role, passwordHash: row.password_hash, disabled: row.disabled === 1 };
}

export function usernameTaken(db: Db, username: string): boolean {
	return !!db.prepare('SELECT 1 FROM users WHERE username = ?').get(username);
}

export interface NewUser {
	username: string;
	displayName: string;
	role: Role;
	unitId: string | null;
	truckId: string | null;
	passwordHash: string;
	demo: boolean;
}

export function insertUser(db: Db, u: NewUser, now: number): number {
	const { id } = db
		.prepare(
			`INSERT INTO users (username, display_name, role, unit_id, truck_id, password_hash, demo, created_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`
		)
		.get(u.username, u.displayName, u.role, u.unitId, u.truckId, u.passwordHash, u.demo ? 1 : 0, now) as {
		id: number;
	};
	return id;
}

/** Creates or updates by username (scenario accounts imported again keep their ids). */
export function upsertUser(db: Db, u: NewUser, now: number): number {
	const existing = db.prepare('SELECT id FROM users WHERE username = ?').get(u.username) as
		{ id: number } | undefined;
	if (!existing) return insertUser(db, u, now);
	db.prepare(
		`UPDATE users SET display_name = ?, role = ?, unit_id = ?, truck_id = ?, password_hash = ?, demo = ?, disabled = 0 WHERE id = ?`
	).run(u.displayName, u.role, u.unitId, u.truckId, u.passwordHash, u.demo ? 1 : 0, existing.id);
	return existing.id;
}

export function updateUser(
	db: Db,
	u: {
		id: number;
		displayName: string;
		role: Role;
		unitId: string | null;
		truckId: string | null;
		disabled: boolean;
	}
): void {
	db.prepare(
		'UPDATE users SET display_name = ?, role = ?, unit_id = ?, truck_id = ?, disabled = ? WHERE id = ?'
	).run(u.displayName, u.role, u.unitId, u.truckId, u.disabled ? 1 : 0, u.id);
}

export function setPasswordHash(db: Db, id: number, passwordHash: string): void {
	db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
}

/** Accounts bound to units or trucks that a new scenario would not have: one row a binding. */
export function bindingsOutside(
	db: Db,
	unitIds: Set<string>,
	truckIds: Set<string>
): { username: string; bound: 'unit' | 'truck'; id: string }[] {
	const rows = db.prepare('SELECT username, unit_id, truck_id FROM users').all() as {
		username: string;
		unit_id: string | null;
		truck_id: string | null;
	}[];
	return rows.flatMap((r) => [
		...(r.unit_id && !unitIds.has(r.unit_id)
			? [{ username: r.username, bound: 'unit' as const, id: r.unit_id }]
			: []),
		...(r.truck_id && !truckIds.has(r.truck_id)
			? [{ username: r.username, bound: 'truck' as const, id: r.truck_id }]
			: [])
	]);
}

function firstDemo(db: Db, where: string, value: string): StoredUser | undefined {
	const row = db
		.prepare(`SELECT * FROM users WHERE demo = 1 AND disabled = 0 AND ${where} ORDER BY id LIMIT 1`)
		.get(value) as UserRow | undefined;
	return row && toUser(row);
}

/** The first enabled demo account of a role: the demo simulator acts as it. */
export const firstDemoUser = (db: Db, role: Role) => firstDemo(db, 'role = ?', role);

/** The demo crew account of a truck: the simulator drives the truck as it. */
export const demoCrewOf = (db: Db, truckId: string) =>
	firstDemo(db, "role = 'truck_crew' AND truck_id = ?", truckId);

/** The demo staff account of a unit (a ward's tablet): the simulator ticks its checklist as it. */
export const demoStaffOf = (db: Db, unitId: string) =>
	firstDemo(db, "role = 'ward_staff' AND unit_id = ?", unitId);

export function listCrewAccounts(db: Db): StoredUser[] {
	return (
		db.prepare("SELECT * FROM users WHERE role = 'truck_crew' ORDER BY username").all() as UserRow[]
	).map(toUser);
}

/** Every enabled demo account of a role (the demo's gates). */
export function demoUsers(db: Db, role: Role): StoredUser[] {
	return (
		db
			.prepare('SELECT * FROM users WHERE demo = 1 AND disabled = 0 AND role = ? ORDER BY id')
			.all(role) as UserRow[]
	).map(toUser);
}
