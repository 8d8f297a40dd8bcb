/** The append-only event log: data access only. */
import type { EventType, LiveEvent } from '$lib/types';
import type { Db } from '../db';

export interface NewEvent {
	commandId: string;
	commandHash: string;
	type: EventType;
	data: unknown;
	audience: string[];
	actorUserId: number | null;
	actorLabel: string;
	actorRole: string;
	clientId: string | null;
	ip: string | null;
	demo: boolean;
	at: number;
	/** the day's time then (the same as `at` unless a demo compresses the day) */
	dayAt: number;
}

interface EventRow {
	seq: number;
	type: EventType;
	at: number;
	actor_label: string;
	demo: number;
	data: string;
}

const columns = 'seq, type, at, actor_label, demo, data';

function toLive(row: EventRow): LiveEvent {
	return {
		seq: row.seq,
		type: row.type,
		at: row.at,
		actor: row.actor_label,
		demo: row.demo === 1,
		data: JSON.parse(row.data)
	} as LiveEvent;
}

export function appendEvent(db: Db, e: NewEvent): LiveEvent {
	const { seq } = db
		.prepare(
			`INSERT INTO events (command_id, command_hash, type, data, audience, actor_user_id, actor_label,
			  actor_role, client_id, ip, demo, at, day_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`
		)
		.get(
			e.commandId,
			e.commandHash,
			e.type,
			JSON.stringify(e.data),
			JSON.stringify(e.audience),
			e.actorUserId,
			e.actorLabel,
			e.actorRole,
			e.clientId,
			e.ip,
			e.demo ? 1 : 0,
			e.at,
			e.dayAt
		) as { seq: number };
	const room = db.prepare('INSERT OR IGNORE INTO event_rooms (room, seq) VALUES (?, ?)');
	for (const r of e.audience) room.run(r, seq);
	return { seq, type: e.type, at: e.at, actor: e.actorLabel, demo: e.demo, data: e.data } as LiveEvent;
}

export function findCommand(db: Db, commandId: string): { seq: number; hash: string } | undefined {
	return db.prepare('SELECT seq, command_hash AS hash FROM events WHERE command_id = ?').get(commandId) as
		{ seq: number; hash: string } | undefined;
}

/** The event a command was answered with (its `seq`): what it did, to tell whoever sent it. */
export function eventAt(db: Db, seq: number): LiveEvent | undefined {
	const row = db.prepare(`SELECT ${columns} FROM events WHERE seq = ?`).get(seq) as EventRow | undefined;
	return row && toLive(row);
}

export function lastSeq(db: Db): number {
	return (db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM events').get() as { seq: number }).seq;
}

/**
 * The seqs `rooms` may see on one side of `from`, nearest first, at most `limit`: each room's
 * stretch of the room index is read on its own (a few rows each, never a scan of the log) and
 * the stretches merged.
 */
function seqsFor(
	db: Db,
	rooms: string[],
	from: number,
	direction: 'after' | 'before',
	limit: number
): number[] {
	const read = db.prepare(
		direction === 'after'
			? 'SELECT seq FROM event_rooms WHERE room = ? AND seq > ? ORDER BY seq LIMIT ?'
			: 'SELECT seq FROM event_rooms WHERE room = ? AND seq < ? ORDER BY seq DESC LIMIT ?'
	);
	const seqs = new Set<number>();
	for (const room of new Set(rooms))
		for (const { seq } of read.all(room, from, limit) as { seq: number }[]) seqs.add(seq);
	const sorted = [...seqs].sort((a, b) => (direction === 'after' ? a - b : b - a));
	return sorted.slice(0, limit);
}

function eventsAt(db: Db, seqs: number[]): LiveEvent[] {
	if (!seqs.length) return [];
	const rows = db
		.prepare(`SELECT ${columns} FROM events WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq`)
		.all(JSON.stringify(seqs)) as EventRow[];
	return rows.map(toLive);
}

/**
 * How many seqs `rooms` may see after `from`, counted no further than `upTo`. Counted in SQLite
 * from each room's first `upTo` (the first `upTo` of the merged rooms are all among them): a
 * catch-up asking from 5,000 events back no longer builds and sorts 20,000 numbers in JavaScript
 * only to learn there are too many (44 ms of a flood's catch-up, profiled).
 */
function countAfter(db: Db, rooms: string[], from: number, upTo: number): number {
	const distinct = [...new Set(rooms)];
	if (!distinct.length) return 0;
	const stretch =
		'SELECT seq FROM (SELECT seq FROM event_rooms WHERE room = ? AND seq > ? ORDER BY seq LIMIT ?)';
	const { count } = db
		.prepare(`SELECT COUNT(DISTINCT seq) AS count FROM (${distinct.map(() => stretch).join(' UNION ALL ')})`)
		.get(...distinct.flatMap((room) => [room, from, upTo])) as { count: number };
	return count;
}

/**
 * What `rooms` missed after `afterSeq`, oldest first, a page at a time: at most `page` events and
 * whether more follow; null when more than `most` were missed (the client reloads instead).
 */
export function missedEvents(
	db: Db,
	afterSeq: number,
	rooms: string[],
	page: number,
	most: number
): { events: LiveEvent[]; more: boolean } | null {
	// no more than `most` events at all since then (the usual screen back from a drop): no more
	// for any rooms, and nothing to count
	if (lastSeq(db) - afterSeq > most && countAfter(db, rooms, afterSeq, most + 1) > most) return null;
	const seqs = seqsFor(db, rooms, afterSeq, 'after', page + 1);
	return { events: eventsAt(db, seqs.slice(0, page)), more: seqs.length > page };
}

/** The latest events `rooms` may see, oldest first: the feed a page starts with. */
export function recentEvents(db: Db, rooms: string[], limit: number): LiveEvent[] {
	return eventsAt(db, seqsFor(db, rooms, Number.MAX_SAFE_INTEGER, 'before', limit));
}

/** A refused attempt, or (`times` > 1) the count of the same attempts past the first few a minute. */
export function recordRefusal(
	db: Db,
	r: {
		commandId: string | null;
		type: string | null;
		code: string;
		actorLabel: string;
		ip: string | null;
		times: number;
	}
): void {
	db.prepare(
		'INSERT INTO refusals (command_id, type, code, actor_label, ip, at, times) VALUES (?, ?, ?, ?, ?, ?, ?)'
	).run(r.commandId, r.type, r.code, r.actorLabel, r.ip, Date.now(), r.times);
}

/** An event with the day's time it happened at, for a replay of the day. */
export type ReplayEvent = LiveEvent & { dayAt: number };

/**
 * The events of the given types since the day last started over (a scenario import, a new demo
 * day), in order, with their day time (older events: their time).
 */
/** The day's events of `types` that reached any of `rooms`, since the plan was imported. */
export function eventsForReplay(db: Db, types: EventType[], rooms: string[]): ReplayEvent[] {
	const rows = db
		.prepare(
			`SELECT ${columns}, COALESCE(day_at, at) AS day_at FROM events
			 WHERE type IN (${types.map(() => '?').join(', ')})
			   AND seq > (SELECT COALESCE(MAX(seq), 0) FROM events
			              WHERE type IN ('scenario.imported', 'demo.day_restarted'))
			   AND EXISTS (SELECT 1 FROM event_rooms r WHERE r.seq = events.seq
			               AND r.room IN (SELECT value FROM json_each(?)))
			 ORDER BY seq`
		)
		.all(...types, JSON.stringify(rooms)) as (EventRow & { day_at: number })[];
	return rows.map((row) => ({ ...toLive(row), dayAt: row.day_at }));
}
