/**
 * The fleet's writes (fleet.ts takeWrites, store.ts writeTrucks): the heartbeat writes what the
 * crew phones sent a few milliseconds per turn, so a gate command never waits behind all 330
 * trucks at once. What the day relies on: each truck is on disk whole (its positions with the
 * state they led to), every position is written once, and a failed write loses nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { replaceScenario } from '../../../src/lib/server/scenario/store';
import { Fleet } from '../../../src/lib/server/trucks/fleet';
import { blankState, loadStates, writeTrucks } from '../../../src/lib/server/trucks/store';
import {
	aRoute,
	aScenario,
	aTruck,
	aWard,
	paradeStart,
	parsed,
	seconds
} from '../support/factories/scenario';
import { fixAt, onStreet } from '../support/factories/street';

const ward = aWard({ id: 'phuong-thu' });
const route = aRoute({ id: 'lo-trinh-thu', lengthM: 3000 });
const trucks = ['xe-mot', 'xe-hai', 'xe-ba'].map((id) => aTruck({ id, unitId: ward.id, routeId: route.id }));
const t = paradeStart + seconds(60);

let fleet: Fleet;

beforeEach(() => {
	replaceScenario(db(), parsed(aScenario({ wards: [ward], routes: [route], trucks })), paradeStart);
	fleet = new Fleet();
	fleet.load(db());
	for (const [i, truck] of trucks.entries()) {
		fleet.setState({ ...blankState(truck.id), status: 'moving', startedAt: paradeStart });
		// two fixes each, 100 m apart per truck
		const fixes = [fixAt(onStreet(100 * i), t), fixAt(onStreet(100 * i + 20), t + seconds(2))];
		fleet.ingest(truck.id, fixes, t + seconds(2), t + seconds(2), 'vi');
	}
});

/** Positions on disk, per truck. */
function stored(): Record<string, number> {
	const rows = db()
		.prepare('SELECT truck_id AS truckId, COUNT(*) AS n FROM positions GROUP BY truck_id')
		.all() as { truckId: string; n: number }[];
	return Object.fromEntries(rows.map((r) => [r.truckId, r.n]));
}

const lastFixOnDisk = (truckId: string) => loadStates(db()).get(truckId)?.lastFix?.at ?? null;

describe("the heartbeat's writes", () => {
	it('writes a truck at a time when its turn is up, each truck with its positions and its state', () => {
		const writes = fleet.takeWrites();
		expect(writes.map((w) => w.truckId)).toEqual(['xe-mot', 'xe-hai', 'xe-ba']);

		// no time left in the turn: one truck, whole
		expect(writeTrucks(db(), writes, 0)).toBe(2);
		expect(stored()).toEqual({ 'xe-mot': 2 });
		expect(lastFixOnDisk('xe-mot')).toBe(t + seconds(2));
		expect(lastFixOnDisk('xe-hai')).toBeNull();
		expect(writes.map((w) => w.truckId)).toEqual(['xe-hai', 'xe-ba']);

		expect(writeTrucks(db(), writes)).toBe(4);
		expect(stored()).toEqual({ 'xe-mot': 2, 'xe-hai': 2, 'xe-ba': 2 });
		expect(lastFixOnDisk('xe-ba')).toBe(t + seconds(2));
		expect(writes).toEqual([]);
	});

	it('writes the state as the taken positions left it, not a later one that came between turns', () => {
		const writes = fleet.takeWrites();
		fleet.ingest('xe-ba', [fixAt(onStreet(230), t + seconds(4))], t + seconds(4), t + seconds(4), 'vi');

		writeTrucks(db(), writes);

		expect(lastFixOnDisk('xe-ba')).toBe(t + seconds(2));
		// the later fix goes with the next write
		expect(fleet.flush(db())).toBe(1);
		expect(lastFixOnDisk('xe-ba')).toBe(t + seconds(4));
	});

	it('keeps everything when the disk refuses a write, and writes each position once later', () => {
		const writes = fleet.takeWrites();
		writeTrucks(db(), writes, 0); // xe-mot is on disk
		db().exec(
			"CREATE TEMP TRIGGER disk_full BEFORE INSERT ON positions BEGIN SELECT RAISE(ABORT, 'disk full'); END"
		);
		expect(() => writeTrucks(db(), writes)).toThrow('disk full');
		expect(stored()).toEqual({ 'xe-mot': 2 });

		fleet.untake(writes);
		fleet.ingest('xe-hai', [fixAt(onStreet(150), t + seconds(4))], t + seconds(4), t + seconds(4), 'vi');
		db().exec('DROP TRIGGER disk_full');

		expect(fleet.flush(db())).toBe(5);
		expect(stored()).toEqual({ 'xe-mot': 2, 'xe-hai': 3, 'xe-ba': 2 });
		expect(lastFixOnDisk('xe-hai')).toBe(t + seconds(4));
		expect(fleet.takeWrites()).toEqual([]);
	});
});
