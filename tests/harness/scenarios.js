// Scenarios made from the default one for a load: shared by the benches and the tests.
import fs from 'node:fs';
import path from 'node:path';
import { root } from './server.js';

/**
 * The default scenario with its routes shared by `count` trucks, each with a crew login; written
 * to `dir`. With `keepPlanTrucks` the plan's own trucks stay too, after the bench's.
 * @param {string} dir
 * @param {number} count
 * @param {{ keepPlanTrucks?: boolean }} [options]
 */
export function fleetScenario(dir, count, { keepPlanTrucks = false } = {}) {
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
	fs.writeFileSync(file, JSON.stringify(s));
	return { ...s, file };
}
