/**
 * The ceremonies (one per level at most): data access for each one's setup, groups, invitees and
 * check-ins. Every list is of one ceremony; a ceremony's unit null is the top level's.
 */
import type { CheckinView, InvitedGroupView, InviteeView } from '$lib/ceremony/types';
import type { Scenario } from '$lib/scenario/schema';
import type { Db } from '../db';

export type CeremonySetup = Omit<NonNullable<Scenario['ceremony']>, 'groups'>;

/** A ceremony as stored: its id, the unit whose level runs it (null: the top's) and its setup. */
export interface StoredCeremony {
	id: string;
	unitId: string | null;
	setup: CeremonySetup;
}

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
	ceremony_id: string;
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
	ceremonyId: r.ceremony_id,
	inviteeId: r.invitee_id,
	inviteeName: r.invitee_name,
	groupId: r.group_id,
	count: r.count,
	gate: r.gate,
	at: r.at,
	undone: r.undone_at !== null
});

interface CeremonyRow {
	id: string;
	unit_id: string | null;
	spec: string;
}

const toCeremony = (r: CeremonyRow): StoredCeremony => ({
	id: r.id,
	unitId: r.unit_id,
	setup: JSON.parse(r.spec)
});

export function listCeremonies(db: Db): StoredCeremony[] {
	return (db.prepare('SELECT * FROM ceremonies ORDER BY sort').all() as CeremonyRow[]).map(toCeremony);
}

export function getCeremony(db: Db, id: string): StoredCeremony | undefined {
	const row = db.prepare('SELECT * FROM ceremonies WHERE id = ?').get(id) as CeremonyRow | undefined;
	return row && toCeremony(row);
}

/** One ceremony's setup; without an id, the top level's (the demo's, a single-level plan's). */
export function ceremonySetup(db: Db, id?: string): CeremonySetup | null {
	const row = id
		? (db.prepare('SELECT * FROM ceremonies WHERE id = ?').get(id) as CeremonyRow | undefined)
		: (db
				.prepare(
					`SELECT * FROM ceremonies WHERE unit_id IS NULL
					 OR unit_id = (SELECT id FROM units WHERE parent_id IS NULL) ORDER BY sort LIMIT 1`
				)
				.get() as CeremonyRow | undefined);
	return row ? JSON.parse(row.spec) : null;
}

/** A ceremony's setup, the ceremony added (with its unit) when it is new. */
export function saveCeremonySetup(db: Db, id: string, unitId: string | null, setup: CeremonySetup): void {
	const sort =
		((db.prepare('SELECT MAX(sort) AS m FROM ceremonies').get() as { m: number | null }).m ?? -1) + 1;
	db.prepare(
		'INSERT INTO ceremonies (id, unit_id, sort, spec) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET spec = excluded.spec'
	).run(id, unitId, sort, JSON.stringify(setup));
}

/** A ceremony's groups; without an id, every ceremony's. */
export function listGroups(db: Db, ceremonyId?: string): InvitedGroupView[] {
	const rows = (
		ceremonyId
			? db.prepare('SELECT spec FROM invited_groups WHERE ceremony_id = ? ORDER BY sort').all(ceremonyId)
			: db.prepare('SELECT spec FROM invited_groups ORDER BY sort').all()
	) as { spec: string }[];
	return rows.map((r) => JSON.parse(r.spec));
}

export function getGroup(db: Db, id: string): (InvitedGroupView & { ceremonyId: string }) | undefined {
	const row = db.prepare('SELECT spec, ceremony_id FROM invited_groups WHERE id = ?').get(id) as
		{ spec: string; ceremony_id: string } | undefined;
	return row ? { ...JSON.parse(row.spec), ceremonyId: row.ceremony_id } : undefined;
}

export function saveGroup(db: Db, ceremonyId: string, group: InvitedGroupView): void {
	const existing = db.prepare('SELECT sort FROM invited_groups WHERE id = ?').get(group.id) as
		{ sort: number } | undefined;
	const sort =
		existing?.sort ??
		((db.prepare('SELECT MAX(sort) AS m FROM invited_groups').get() as { m: number | null }).m ?? -1) + 1;
	db.prepare(
		`INSERT INTO invited_groups (id, sort, spec, ceremony_id) VALUES (?, ?, ?, ?)
		 ON CONFLICT(id) DO UPDATE SET spec = excluded.spec`
	).run(group.id, sort, JSON.stringify(group), ceremonyId);
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

/** A ceremony's invitees; without an id, every ceremony's. */
export function listInvitees(db: Db, ceremonyId?: string): InviteeView[] {
	const rows = (
		ceremonyId
			? db.prepare('SELECT * FROM invitees WHERE ceremony_id = ? ORDER BY sort').all(ceremonyId)
			: db.prepare('SELECT * FROM invitees ORDER BY sort').all()
	) as InviteeRow[];
	return rows.map(toInvitee);
}

/** An invitee of any ceremony, with the ceremony they are invited to (a gate refuses another's). */
export type InviteeOf = InviteeView & { ceremonyId: string };

const toInviteeOf = (r: InviteeRow & { ceremony_id: string }): InviteeOf => ({
	...toInvitee(r),
	ceremonyId: r.ceremony_id
});

export function getInvitee(db: Db, id: string): InviteeOf | undefined {
	const row = db.prepare('SELECT * FROM invitees WHERE id = ?').get(id) as
		(InviteeRow & { ceremony_id: string }) | undefined;
	return row && toInviteeOf(row);
}

export function inviteeByCode(db: Db, code: string): InviteeOf | undefined {
	const row = db.prepare('SELECT * FROM invitees WHERE code = ?').get(code) as
		(InviteeRow & { ceremony_id: string }) | undefined;
	return row && toInviteeOf(row);
}

export function namedCheckinCount(db: Db, ceremonyId: string): number {
	return (
		db
			.prepare(
				'SELECT COUNT(*) AS n FROM checkins WHERE ceremony_id = ? AND invitee_id IS NOT NULL AND undone_at IS NULL'
			)
			.get(ceremonyId) as { n: number }
	).n;
}

export function appendInvitees(db: Db, ceremonyId: string, invitees: InviteeView[]): void {
	const start =
		((db.prepare('SELECT MAX(sort) AS m FROM invitees').get() as { m: number | null }).m ?? -1) + 1;
	const insert = db.prepare(
		`INSERT INTO invitees (id, code, name, title, unit, group_id, phone, sort, demo, ceremony_id)
		 VALUES (@id, @code, @name, @title, @unit, @groupId, @phone, @sort, @demo, @ceremonyId)`
	);
	invitees.forEach((p, i) => insert.run({ ...p, sort: start + i, demo: p.demo ? 1 : 0, ceremonyId }));
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

/** A ceremony's check-ins; without an id, every ceremony's. */
export function listCheckins(db: Db, ceremonyId?: string): CheckinView[] {
	const rows = (
		ceremonyId
			? db.prepare(`${checkinSelect} WHERE c.ceremony_id = ? ORDER BY c.at`).all(ceremonyId)
			: db.prepare(`${checkinSelect} ORDER BY c.at`).all()
	) as CheckinRow[];
	return rows.map(toCheckin);
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
	c: Omit<CheckinView, 'undone' | 'inviteeName'> & { ceremonyId: string; realAt: number; demo: boolean }
): void {
	db.prepare(
		`INSERT INTO checkins (id, ceremony_id, invitee_id, group_id, count, gate, at, real_at, demo)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	).run(c.id, c.ceremonyId, c.inviteeId, c.groupId, c.count, c.gate, c.at, c.realAt, c.demo ? 1 : 0);
}

export function undoCheckin(db: Db, id: string, at: number): void {
	db.prepare('UPDATE checkins SET undone_at = ? WHERE id = ?').run(at, id);
}

/**
 * After a scenario import: invitees and check-ins of groups the new scenario does not have go (a
 * group kept moves with its ceremony, as the scenario says).
 */
export function dropOutsideGroups(db: Db): void {
	for (const table of ['checkins', 'invitees'])
		db.prepare(`DELETE FROM ${table} WHERE group_id NOT IN (SELECT id FROM invited_groups)`).run();
	for (const table of ['checkins', 'invitees'])
		db.prepare(
			`UPDATE ${table} SET ceremony_id = (SELECT ceremony_id FROM invited_groups g WHERE g.id = group_id)`
		).run();
}

/** Demo: a new cycle starts the ceremony again. */
export function resetCheckins(db: Db): void {
	db.prepare('DELETE FROM checkins').run();
}

/**
 * What a wall screen shows of a ceremony (none: the reader's level has none): the setup, the
 * groups and the check-ins (attendance and the arrival curve), not the named guest list with those
 * still to come.
 */
export function ceremonyOnScreen(db: Db, id: string | undefined) {
	return { ...ceremonyAttendance(db, id), invitees: [] as InviteeView[] };
}

/** The setup, the groups and who came: what every ceremony page shows. */
function ceremonyAttendance(db: Db, id: string | undefined) {
	const setup = id ? ceremonySetup(db, id) : null;
	if (!id || !setup) return { id: null, ceremony: null, groups: [], checkins: [] };
	return {
		/** the ceremony's id: a screen applies only its own ceremony's check-ins */
		id,
		ceremony: { title: setup.title, place: setup.place, startsAt: Date.parse(setup.startsAt) },
		groups: listGroups(db, id),
		checkins: listCheckins(db, id)
	};
}

/** What every ceremony page starts from; phone numbers only for those who manage the list. */
export function ceremonyPicture(db: Db, id: string | undefined, withPhones: boolean) {
	return {
		...ceremonyAttendance(db, id),
		invitees: id ? listInvitees(db, id).map((p) => (withPhones ? p : { ...p, phone: null })) : []
	};
}

/** Each ceremony's arrivals and expected: the top level's overview of the levels' ceremonies. */
export function ceremonyCounts(db: Db): Map<string, { arrived: number; expected: number }> {
	const arrived = db
		.prepare(
			'SELECT ceremony_id AS id, SUM(count) AS n FROM checkins WHERE undone_at IS NULL GROUP BY ceremony_id'
		)
		.all() as { id: string; n: number }[];
	const counts = new Map<string, { arrived: number; expected: number }>();
	for (const c of listCeremonies(db)) {
		const expected = listGroups(db, c.id).reduce((n, g) => n + g.expected, 0);
		counts.set(c.id, { arrived: arrived.find((a) => a.id === c.id)?.n ?? 0, expected });
	}
	return counts;
}
