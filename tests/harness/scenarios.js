// Scenarios made from the default one for a load: shared by the benches and the tests.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { shiftPlan } from '../../src/lib/scenario/shift.js';
import { root } from './server.js';

/**
 * The default scenario with its routes shared by `count` trucks, each with a crew login; written
 * to `dir`. With `keepPlanTrucks` the plan's own trucks stay too, after the bench's.
 * @param {string} dir
 * @param {number} count
 * @param {{ keepPlanTrucks?: boolean, liveAt?: string }} [options] `liveAt`: see liveAt()
 */
export function fleetScenario(dir, count, { keepPlanTrucks = false, liveAt: instant } = {}) {
	/** @type {any} the scenario file's JSON, checked by the import that follows */
	const s = JSON.parse(fs.readFileSync(path.join(root, 'data/scenarios/quan7-2024.json'), 'utf8'));
	const wards = s.units.filter((/** @type {any} */ u) => u.kind === 'ward');
	const planTrucks = s.trucks;
	const planCrews = s.accounts.filter((/** @type {any} */ a) => a.role === 'truck_crew');
	s.trucks = Array.from({ length: count }, (_, i) => ({
		id: `xe-${i}`,
		name: `Xe ${i}`,
		unitId: wards[i % wards.length].id,
		routeId: s.routes[i % s.routes.length].id,
		sloganIds: []
	}));
	s.accounts = [
		...s.accounts.filter((/** @type {any} */ a) => a.role !== 'truck_crew'),
		...s.trucks.map((/** @type {any} */ t) => ({
			username: t.id,
			displayName: t.name,
			role: 'truck_crew',
			truckId: t.id,
			password: 'khaimac-demo'
		})),
		...(keepPlanTrucks ? planCrews : [])
	];
	if (keepPlanTrucks) s.trucks.push(...planTrucks);
	const file = path.join(dir, 'fleet.json');
	const written = instant ? liveAt(s, instant) : s;
	fs.writeFileSync(file, JSON.stringify(written));
	return { ...written, file };
}

/**
 * A plan file moved in time so that its moment `instant` (an ISO time in the plan) is now, written
 * to `dir`: a test sees the day under way, as on the morning itself.
 * @param {string} file
 * @param {string} dir
 * @param {string} instant
 */
export function planLiveAt(file, dir, instant) {
	const moved = path.join(dir, path.basename(file));
	fs.writeFileSync(moved, JSON.stringify(liveAt(JSON.parse(fs.readFileSync(file, 'utf8')), instant)));
	return moved;
}

/**
 * Every time of a plan shifted by how far `instant` is from now (each keeps its UTC offset); dates
 * without a time by the whole days nearest. The product's own shift (a rehearsal uses it too).
 * @template T
 * @param {T} plan
 * @param {string} instant
 * @returns {T}
 */
export function liveAt(plan, instant, now = Date.now()) {
	return shiftPlan(plan, now - Date.parse(instant));
}

/**
 * Every truck of a plan on its way, as the server finds them after a restart mid-parade: each one
 * at a point of its route (spread along it), its last fix just received. Written into the
 * database an import made, before the server starts; for tests that need a full map.
 * @param {string} dbPath
 * @param {{ trucks: { id: string, routeId: string }[], routes: { id: string, line: { coordinates: [number, number][] } }[] }} plan
 */
export function fleetUnderWay(dbPath, plan) {
	const db = new Database(dbPath);
	const now = Date.now();
	const write = db.prepare(
		`INSERT OR REPLACE INTO truck_state (truck_id, status, started_at, last_fix, received_at)
		 VALUES (?, 'moving', ?, ?, ?)`
	);
	db.transaction(() =>
		plan.trucks.forEach((truck, i) => {
			const line = plan.routes.find((r) => r.id === truck.routeId)?.line.coordinates ?? [];
			if (!line.length) return;
			const [lng, lat] = line[(i * 7) % line.length];
			const fix = { at: now, lat: lat + (i % 5) * 2e-4, lng, accuracy: 8, speed: 12 };
			write.run(truck.id, now - 20 * 60_000, JSON.stringify(fix), now);
		})
	)();
	db.close();
}
