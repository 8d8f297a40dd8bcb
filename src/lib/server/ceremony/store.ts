/** The ceremony: data access for its setup, invitees and check-ins. */
import type { CheckinView, InvitedGroupView, InviteeView } from '$lib/ceremony/types';
import type { Scenario } from '$lib/scenario/schema';
import type { Db } from '../db';

export type CeremonySetup = Omit<NonNullable<Scenario['ceremony']>, 'groups'>;

interface InviteeRow {
	id: string;
	code: string;
	name: string;
	title: string | null;
	unit: string | null;
	group_id: string;
	phone: string | null;
	demo: number;
}

interface CheckinRow {
	id: string;
	invitee_id: string | null;
	invitee_name: string | null;
	group_id: string;
	count: number;
	gate: string;
	at: number;
	real_at: number;
	undone_at: number | null;
}

const toInvitee = (r: InviteeRow): InviteeView => ({
	id: r.id,
	code: r.code,
	name: r.name,
	title: r.title,
	unit: r.unit,
	groupId: r.group_id,
	phone: r.phone,
	demo: r.demo === 1
});

const toCheckin = (r: CheckinRow): CheckinView => ({
	id: r.id,
	inviteeId: r.invitee_id,
	inviteeName: r.invitee_name,
	groupId: r.group_id,
	count: r.count,
	gate: r.gate,
	at: r.at,
	undone: r.undone_at !== null
});

export function ceremonySetup(db: Db): CeremonySetup | null {
	const row = db.prepare('SELECT ceremony FROM event_info').get() as { ceremony: string | null } | undefined;
	return row?.ceremony ? JSON.parse(row.ceremony) : null;
}

export function saveCeremonySetup(db: Db, setup: CeremonySetup): boolean {
	return db.prepare('UPDATE event_info SET ceremony = ?').run(JSON.stringify(setup)).changes === 1;
}

export function listGroups(db: Db): InvitedGroupView[] {
	return (db.prepare('SELECT spec FROM invited_groups ORDER BY sort').all() as { spec: string }[]).map((r) =>
		JSON.parse(r.spec)
	);
}

export function getGroup(db: Db, id: string): InvitedGroupView | undefined {
	const row = db.prepare('SELECT spec FROM invited_groups WHERE id = ?').get(id) as
		{ spec: string } | undefined;
	return row ? JSON.parse(row.spec) : undefined;
}

export function saveGroup(db: Db, group: InvitedGroupView): void {
	const existing = db.prepare('SELECT sort FROM invited_groups WHERE id = ?').get(group.id) as
		{ sort: number } | undefined;
	const sort =
		existing?.sort ??
		((db.prepare('SELECT MAX(sort) AS m FROM invited_groups').get() as { m: number | null }).m ?? -1) + 1;
	db.prepare(
		'INSERT INTO invited_groups (id, sort, spec) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET spec = excluded.spec'
	).run(group.id, sort, JSON.stringify(group));
}

export function removeGroup(db: Db, id: string): void {
	db.prepare('DELETE FROM invited_groups WHERE id = ?').run(id);
}

/** How many invitees and check-ins refer to a group (a group in use is not removed). */
export function groupUse(db: Db, id: string): number {
	const invitees = db.prepare('SELECT COUNT(*) AS n FROM invitees WHERE group_id = ?').get(id) as {
		n: number;
	};
	const checkins = db.prepare('SELECT COUNT(*) AS n FROM checkins WHERE group_id = ?').get(id) as {
		n: number;
	};
	return invitees.n + checkins.n;
}

export function listInvitees(db: Db): InviteeView[] {
	return (db.prepare('SELECT * FROM invitees ORDER BY sort').all() as InviteeRow[]).map(toInvitee);
}

export function getInvitee(db: Db, id: string): InviteeView | undefined {
	const row = db.prepare('SELECT * FROM invitees WHERE id = ?').get(id) as InviteeRow | undefined;
	return row && toInvitee(row);
}

export function inviteeByCode(db: Db, code: string): InviteeView | undefined {
	const row = db.prepare('SELECT * FROM invitees WHERE code = ?').get(code) as InviteeRow | undefined;
	return row && toInvitee(row);
}

export function namedCheckinCount(db: Db): number {
	return (
		db
			.prepare('SELECT COUNT(*) AS n FROM checkins WHERE invitee_id IS NOT NULL AND undone_at IS NULL')
			.get() as {
			n: number;
		}
	).n;
}

export function appendInvitees(db: Db, invitees: InviteeView[]): void {
	const start =
		((db.prepare('SELECT MAX(sort) AS m FROM invitees').get() as { m: number | null }).m ?? -1) + 1;
	const insert = db.prepare(
		`INSERT INTO invitees (id, code, name, title, unit, group_id, phone, sort, demo)
		 VALUES (@id, @code, @name, @title, @unit, @groupId, @phone, @sort, @demo)`
	);
	invitees.forEach((p, i) => insert.run({ ...p, sort: start + i, demo: p.demo ? 1 : 0 }));
}

/** A listed person imported again: what the list says now; their id and code stay. */
export function updateInvitee(db: Db, p: InviteeView): void {
	db.prepare(
		`UPDATE invitees SET name = @name, title = @title, unit = @unit, group_id = @groupId, phone = @phone,
		 demo = @demo WHERE id = @id`
	).run({ ...p, demo: p.demo ? 1 : 0 });
}

export function removeInvitees(db: Db, ids: string[]): void {
	const remove = db.prepare('DELETE FROM invitees WHERE id = ?');
	for (const id of ids) remove.run(id);
}

/** The invitees in this order (a list that replaced the one before: its order). */
export function orderInvitees(db: Db, ids: string[]): void {
	const place = db.prepare('UPDATE invitees SET sort = ? WHERE id = ?');
	ids.forEach((id, i) => place.run(i, id));
}

const checkinSelect = `SELECT c.*, i.name AS invitee_name FROM checkins c LEFT JOIN invitees i ON i.id = c.invitee_id`;

export function listCheckins(db: Db): CheckinView[] {
	return (db.prepare(`${checkinSelect} ORDER BY c.at`).all() as CheckinRow[]).map(toCheckin);
}

export function getCheckin(db: Db, id: string): (CheckinView & { realAt: number }) | undefined {
	const row = db.prepare(`${checkinSelect} WHERE c.id = ?`).get(id) as CheckinRow | undefined;
	return row && { ...toCheckin(row), realAt: row.real_at };
}

/** The check-in that stands for a person, if they are in. */
export function standingCheckin(db: Db, inviteeId: string): CheckinView | undefined {
	const row = db.prepare(`${checkinSelect} WHERE c.invitee_id = ? AND c.undone_at IS NULL`).get(inviteeId) as
		CheckinRow | undefined;
	return row && toCheckin(row);
}

export function insertCheckin(
	db: Db,
	c: Omit<CheckinView, 'undone' | 'inviteeName'> & { realAt: number; demo: boolean }
): void {
	db.prepare(
		`INSERT INTO checkins (id, invitee_id, group_id, count, gate, at, real_at, demo)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	).run(c.id, c.inviteeId, c.groupId, c.count, c.gate, c.at, c.realAt, c.demo ? 1 : 0);
}

export function undoCheckin(db: Db, id: string, at: number): void {
	db.prepare('UPDATE checkins SET undone_at = ? WHERE id = ?').run(at, id);
}

/** After a scenario import: invitees and check-ins of groups the new scenario does not have go. */
export function dropOutsideGroups(db: Db): void {
	for (const table of ['checkins', 'invitees'])
		db.prepare(`DELETE FROM ${table} WHERE group_id NOT IN (SELECT id FROM invited_groups)`).run();
}

/** Demo: a new cycle starts the ceremony again. */
export function resetCheckins(db: Db): void {
	db.prepare('DELETE FROM checkins').run();
}

/** What every ceremony page starts from; phone numbers only for those who manage the list. */
/**
 * What a wall screen shows of the ceremony: the setup, the groups and the check-ins (attendance
 * and the arrival curve), not the named guest list with those still to come.
 */
export function ceremonyOnScreen(db: Db) {
	return { ...ceremonyAttendance(db), invitees: [] as InviteeView[] };
}

/** A screen of a level that has no ceremony of its own (the ceremony is the whole event's). */
export function noCeremonyOnScreen(): ReturnType<typeof ceremonyOnScreen> {
	return { ceremony: null, groups: [], checkins: [], invitees: [] };
}

/** The setup, the groups and who came: what every ceremony page shows. */
function ceremonyAttendance(db: Db) {
	const setup = ceremonySetup(db);
	return {
		ceremony: setup && { title: setup.title, place: setup.place, startsAt: Date.parse(setup.startsAt) },
		groups: listGroups(db),
		checkins: listCheckins(db)
	};
}

export function ceremonyPicture(db: Db, withPhones: boolean) {
	return {
		...ceremonyAttendance(db),
		invitees: listInvitees(db).map((p) => (withPhones ? p : { ...p, phone: null }))
	};
}
