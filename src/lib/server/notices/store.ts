/** Notices (thông báo) from the coordinator to units: data access. */
import type { NoticeData } from '$lib/notices/events';
import type { Db } from '../db';
import { unitTree } from '../scenario/tree';

export interface Notice extends NoticeData {
	at: number;
	demo: boolean;
}

interface NoticeRow {
	id: string;
	body: string;
	urgent: number;
	target_unit_ids: string | null;
	author: string;
	demo: number;
	at: number;
}

export function insertNotice(db: Db, n: Notice): void {
	db.prepare(
		`INSERT INTO notices (id, body, urgent, target_unit_ids, author, demo, at) VALUES (?, ?, ?, ?, ?, ?, ?)`
	).run(
		n.id,
		n.body,
		n.urgent ? 1 : 0,
		n.targetUnitIds ? JSON.stringify(n.targetUnitIds) : null,
		n.author,
		n.demo ? 1 : 0,
		n.at
	);
}

function toNotice(row: NoticeRow): Notice {
	return {
		id: row.id,
		body: row.body,
		urgent: row.urgent === 1,
		targetUnitIds: row.target_unit_ids ? JSON.parse(row.target_unit_ids) : null,
		author: row.author,
		demo: row.demo === 1,
		at: row.at
	};
}

/** The latest notices, every one: for those who may read them all (the ops room, displays). */
/**
 * The latest notices, all of them or (`reach`) those to everyone and those to any of the units
 * in reach: for a unit's staff, their unit and the units above it; for a level's readers, the
 * level's units and the units above it.
 */
export function latestNotices(db: Db, limit: number, reach: readonly string[] | null = null): Notice[] {
	const rows = (
		reach
			? db
					.prepare(
						`SELECT * FROM notices WHERE target_unit_ids IS NULL
						 OR EXISTS (SELECT 1 FROM json_each(notices.target_unit_ids) AS t
							WHERE t.value IN (SELECT value FROM json_each(?)))
						 ORDER BY at DESC, rowid DESC LIMIT ?`
					)
					.all(JSON.stringify(reach), limit)
			: db.prepare('SELECT * FROM notices ORDER BY at DESC, rowid DESC LIMIT ?').all(limit)
	) as NoticeRow[];
	return rows.map(toNotice);
}

/**
 * The latest notices one unit's staff may read: to everyone, to their unit and to any unit above
 * it. No unit (a gate): those to everyone only.
 */
export function noticesFor(db: Db, limit: number, unitId: string | null): Notice[] {
	return latestNotices(db, limit, unitId ? unitTree(db).lineOf(unitId) : []);
}
