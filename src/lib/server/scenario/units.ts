/** Units (đơn vị) of the current event: data access. */
import type { Scenario, Unit } from '$lib/scenario/schema';
import type { Db } from '../db';
import { currentEvent } from './store';

export function listUnits(db: Db): Unit[] {
	return (db.prepare('SELECT spec FROM units ORDER BY sort').all() as { spec: string }[]).map((r) =>
		JSON.parse(r.spec)
	);
}

export function getUnit(db: Db, id: string): Unit | undefined {
	const row = db.prepare('SELECT spec FROM units WHERE id = ?').get(id) as { spec: string } | undefined;
	return row ? JSON.parse(row.spec) : undefined;
}

/** The unit that runs the event (event.organizerUnitId). */
export function organizerUnit(db: Db): Unit | undefined {
	const event = currentEvent(db);
	return event && getUnit(db, event.organizerUnitId);
}

export function missingUnits(db: Db, ids: string[]): string[] {
	const known = new Set((db.prepare('SELECT id FROM units').all() as { id: string }[]).map((r) => r.id));
	return ids.filter((id) => !known.has(id));
}

export function truckUnit(db: Db, truckId: string): string | undefined {
	return (
		db.prepare('SELECT unit_id FROM trucks WHERE id = ?').get(truckId) as { unit_id: string } | undefined
	)?.unit_id;
}

export function listTrucks(db: Db): { id: string; name: string; unitId: string }[] {
	return (
		db.prepare('SELECT id, unit_id, spec FROM trucks ORDER BY sort').all() as {
			id: string;
			unit_id: string;
			spec: string;
		}[]
	).map((r) => ({ id: r.id, unitId: r.unit_id, name: (JSON.parse(r.spec) as { name: string }).name }));
}

export function getTruck(db: Db, id: string): Scenario['trucks'][number] | undefined {
	const row = db.prepare('SELECT spec FROM trucks WHERE id = ?').get(id) as { spec: string } | undefined;
	return row ? JSON.parse(row.spec) : undefined;
}
