/** Loudspeaker trucks: data access for live state, positions, alerts and crew messages. */
import type { AlertFacts } from '$lib/trucks/alerts';
import { trackLengthM } from '$lib/trucks/geometry';
import { trackPageLimit, type AlertKind, type Fix, type TruckStatus } from '$lib/trucks/types';
import type { TrackPoint } from '$lib/types';
import type { Db } from '../db';
import { readMeta, writeMeta } from '../db/meta';

export interface TruckState {
	truckId: string;
	status: TruckStatus;
	incidentNote: string | null;
	startedAt: number | null;
	finishedAt: number | null;
	lastFix: Fix | null;
	receivedAt: number | null;
	alongM: number | null;
	offRouteM: number | null;
	offRouteSince: number | null;
	/**
	 * the time of the first fix of the run that stayed within standRadiusM of one place (findings.ts);
	 * null: the run starts afresh at the next fix (column slow_since, from when speed decided it)
	 */
	stillSince: number | null;
	/** checkpoint id → day time it was reached */
	reached: Record<string, number>;
	coverage: string | null;
}

interface StateRow {
	truck_id: string;
	status: TruckStatus;
	incident_note: string | null;
	started_at: number | null;
	finished_at: number | null;
	last_fix: string | null;
	received_at: number | null;
	along_m: number | null;
	off_route_m: number | null;
	off_route_since: number | null;
	slow_since: number | null;
	reached: string;
	coverage: string | null;
}

export function blankState(truckId: string): TruckState {
	return {
		truckId,
		status: 'idle',
		incidentNote: null,
		startedAt: null,
		finishedAt: null,
		lastFix: null,
		receivedAt: null,
		alongM: null,
		offRouteM: null,
		offRouteSince: null,
		stillSince: null,
		reached: {},
		coverage: null
	};
}

function toState(r: StateRow): TruckState {
	return {
		truckId: r.truck_id,
		status: r.status,
		incidentNote: r.incident_note,
		startedAt: r.started_at,
		finishedAt: r.finished_at,
		lastFix: r.last_fix ? JSON.parse(r.last_fix) : null,
		receivedAt: r.received_at,
		alongM: r.along_m,
		offRouteM: r.off_route_m,
		offRouteSince: r.off_route_since,
		stillSince: r.slow_since,
		reached: JSON.parse(r.reached),
		coverage: r.coverage
	};
}

export function loadStates(db: Db): Map<string, TruckState> {
	const rows = db.prepare('SELECT * FROM truck_state').all() as StateRow[];
	return new Map(rows.map((r) => [r.truck_id, toState(r)]));
}

export function saveState(db: Db, s: TruckState): void {
	db.prepare(
		`INSERT INTO truck_state (truck_id, status, incident_note, started_at, finished_at, last_fix, received_at,
		   along_m, off_route_m, off_route_since, slow_since, reached, coverage)
		 VALUES (@truckId, @status, @incidentNote, @startedAt, @finishedAt, @lastFix, @receivedAt,
		   @alongM, @offRouteM, @offRouteSince, @stillSince, @reached, @coverage)
		 ON CONFLICT(truck_id) DO UPDATE SET status = excluded.status, incident_note = excluded.incident_note,
		   started_at = excluded.started_at, finished_at = excluded.finished_at, last_fix = excluded.last_fix,
		   received_at = excluded.received_at, along_m = excluded.along_m, off_route_m = excluded.off_route_m,
		   off_route_since = excluded.off_route_since, slow_since = excluded.slow_since, reached = excluded.reached,
		   coverage = excluded.coverage`
	).run({
		...s,
		lastFix: s.lastFix ? JSON.stringify(s.lastFix) : null,
		reached: JSON.stringify(s.reached)
	});
}

export interface StoredPosition extends Fix {
	truckId: string;
	receivedAt: number;
	late: boolean;
	flag: string | null;
}

/** Inserts a batch; a fix already stored (same truck and device time) is skipped. Returns how many were new. */
function insertPositions(db: Db, positions: StoredPosition[]): number {
	const insert = db.prepare(
		`INSERT OR IGNORE INTO positions (truck_id, device_at, received_at, lat, lng, accuracy, speed, late, flag)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	let added = 0;
	for (const p of positions) {
		added += insert.run(
			p.truckId,
			p.at,
			p.receivedAt,
			p.lat,
			p.lng,
			p.accuracy,
			p.speed,
			p.late ? 1 : 0,
			p.flag
		).changes;
	}
	return added;
}

/** Jumps believed after all (the truck re-anchored there): back in the track. */
function clearJumpFlags(db: Db, positions: { truckId: string; at: number }[]): void {
	const clear = db.prepare(
		"UPDATE positions SET flag = NULL WHERE truck_id = ? AND device_at = ? AND flag = 'jump'"
	);
	for (const p of positions) clear.run(p.truckId, p.at);
}

/** One truck's share of a write: its new positions, its jumps believed after all, its state (null: keep none). */
export interface TruckWrite {
	truckId: string;
	positions: StoredPosition[];
	believed: StoredPosition[];
	state: TruckState | null;
}

/**
 * Writes trucks from the front of `writes` in one transaction until `budgetMs` has passed (at
 * least one truck), and removes them from `writes` once committed. A truck's positions, cleared
 * flags and state go in together, so what is on disk for a truck is always whole. Returns how
 * many positions were new.
 */
export function writeTrucks(db: Db, writes: TruckWrite[], budgetMs = Infinity): number {
	const started = performance.now();
	let added = 0;
	let count = 0;
	db.transaction(() => {
		for (const write of writes) {
			added += insertPositions(db, write.positions);
			clearJumpFlags(db, write.believed);
			if (write.state) saveState(db, write.state);
			count++;
			if (performance.now() - started >= budgetMs) break;
		}
	})();
	writes.splice(0, count);
	return added;
}

/** A track for the trail or a replay: its points (device time, lat, lng, speed), oldest first. */
export function positionsBetween(db: Db, from: number, to: number, truckId?: string): TrackPoint[] {
	const sql = `SELECT truck_id AS truckId, device_at AS at, lat, lng, speed FROM positions
		WHERE device_at BETWEEN ? AND ? AND flag IS NULL ${truckId ? 'AND truck_id = ?' : ''} ORDER BY device_at LIMIT ${trackPageLimit}`;
	return db.prepare(sql).all(...(truckId ? [from, to, truckId] : [from, to])) as TrackPoint[];
}

/**
 * How far the truck drove, by its phone: the length of its whole recorded track, jumps left out,
 * added up point to point as the replay adds it (no page limit: a long day is counted whole).
 */
export function drivenM(db: Db, truckId: string): number {
	const points = db
		.prepare('SELECT lng, lat FROM positions WHERE truck_id = ? AND flag IS NULL ORDER BY device_at')
		.all(truckId) as { lng: number; lat: number }[];
	return trackLengthM(points.map((p) => [p.lng, p.lat]));
}

export interface Alert {
	id: string;
	truckId: string;
	kind: AlertKind;
	checkpointId: string | null;
	message: string;
	/** what was found, worded on each screen in its reader's language; null for older alerts */
	facts: AlertFacts | null;
	raisedAt: number;
	acknowledgedAt: number | null;
	acknowledgedBy: string | null;
	clearedAt: number | null;
}

const alertColumns = `id, truck_id AS truckId, kind, checkpoint_id AS checkpointId, message, facts, raised_at AS raisedAt,
	acknowledged_at AS acknowledgedAt, acknowledged_by AS acknowledgedBy, cleared_at AS clearedAt`;

type AlertRow = Omit<Alert, 'facts'> & { facts: string | null };
const alertOf = (row: AlertRow): Alert => ({
	...row,
	facts: row.facts ? (JSON.parse(row.facts) as AlertFacts) : null
});

export function openAlert(
	db: Db,
	truckId: string,
	kind: Alert['kind'],
	checkpointId: string | null
): Alert | undefined {
	const row = db
		.prepare(
			`SELECT ${alertColumns} FROM alerts WHERE truck_id = ? AND kind = ? AND checkpoint_id IS ? AND cleared_at IS NULL`
		)
		.get(truckId, kind, checkpointId) as AlertRow | undefined;
	return row && alertOf(row);
}

export function getAlert(db: Db, id: string): Alert | undefined {
	const row = db.prepare(`SELECT ${alertColumns} FROM alerts WHERE id = ?`).get(id) as AlertRow | undefined;
	return row && alertOf(row);
}

export function insertAlert(db: Db, a: Alert): void {
	db.prepare(
		`INSERT INTO alerts (id, truck_id, kind, checkpoint_id, message, facts, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
	).run(a.id, a.truckId, a.kind, a.checkpointId, a.message, a.facts && JSON.stringify(a.facts), a.raisedAt);
}

export function acknowledgeAlert(db: Db, id: string, by: string, at: number): void {
	db.prepare('UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ?').run(at, by, id);
}

export function clearAlert(db: Db, id: string, at: number): void {
	db.prepare('UPDATE alerts SET cleared_at = ? WHERE id = ? AND cleared_at IS NULL').run(at, id);
}

/** Alerts still open or raised recently, newest first. */
export function recentAlerts(db: Db, limit = 100): Alert[] {
	const rows = db
		.prepare(`SELECT ${alertColumns} FROM alerts ORDER BY cleared_at IS NOT NULL, raised_at DESC LIMIT ?`)
		.all(limit) as AlertRow[];
	return rows.map(alertOf);
}

export interface CrewMessage {
	id: string;
	truckId: string | null;
	body: string;
	author: string;
	demo: boolean;
	at: number;
}

export function insertCrewMessage(db: Db, m: CrewMessage): void {
	db.prepare(
		'INSERT INTO crew_messages (id, truck_id, body, author, demo, at) VALUES (?, ?, ?, ?, ?, ?)'
	).run(m.id, m.truckId, m.body, m.author, m.demo ? 1 : 0, m.at);
}

/** Messages for one truck (its own and those to all crews), or all of them. */
export function crewMessages(db: Db, limit: number, truckId?: string): CrewMessage[] {
	const rows = (
		truckId
			? db
					.prepare(
						'SELECT * FROM crew_messages WHERE truck_id IS NULL OR truck_id = ? ORDER BY at DESC, rowid DESC LIMIT ?'
					)
					.all(truckId, limit)
			: db.prepare('SELECT * FROM crew_messages ORDER BY at DESC, rowid DESC LIMIT ?').all(limit)
	) as { id: string; truck_id: string | null; body: string; author: string; demo: number; at: number }[];
	return rows.map((r) => ({
		id: r.id,
		truckId: r.truck_id,
		body: r.body,
		author: r.author,
		demo: r.demo === 1,
		at: r.at
	}));
}

export function paradeStart(db: Db): number | null {
	return readMeta<number>(db, 'parade_start') ?? null;
}

export function setParadeStart(db: Db, at: number | null): void {
	writeMeta(db, 'parade_start', at);
}

export function loadState(db: Db, truckId: string): TruckState {
	const row = db.prepare('SELECT * FROM truck_state WHERE truck_id = ?').get(truckId) as StateRow | undefined;
	return row ? toState(row) : blankState(truckId);
}

/** A new demo day: every truck back to the start, none gathered, open alerts closed. Positions stay recorded. */
export function resetFleet(db: Db, at: number): void {
	db.prepare('DELETE FROM truck_state').run();
	db.prepare('DELETE FROM truck_gatherings').run();
	db.prepare('UPDATE alerts SET cleared_at = ? WHERE cleared_at IS NULL').run(at);
}
