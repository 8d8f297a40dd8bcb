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

/**
 * A province after the 2025 reform, for a load: the province and its Sở at the top, `wards`
 * wards and communes beneath (no districts any more), each with a learning center, schools and
 * residential groups, its own route, `trucksOf(i)` trucks and checklist items, and the level
 * accounts a ward runs its day with: a coordinator and a leader bound to the ward, its staff, a
 * unit_staff per school and learning center. The province's own coordinator, leader, gates and
 * `provinceTrucks` trucks (the Sở's) are its level's. Each ward's route is one of the default
 * plan's, moved to the ward's place; the event, ceremony, slogans and report table are the
 * default plan's. Written to `dir`.
 * @param {string} dir
 * @param {{ wards?: number, trucksOf?: (i: number) => number, provinceTrucks?: number, gates?: number }} [options]
 */
export function provinceScenario(
	dir,
	{ wards: count = 100, trucksOf = (i) => 2 + (i % 3), provinceTrucks = 30, gates = 4 } = {}
) {
	/** @type {any} the scenario file's JSON, checked by the import that follows */
	const base = JSON.parse(fs.readFileSync(path.join(root, 'data/scenarios/quan7-2024.json'), 'utf8'));
	const password = 'khaimac-demo';
	const center = [106.7, 10.9];
	/** @type {any[]} */ const units = [
		{ id: 'tinh', name: 'UBND tỉnh Thử Tải', kind: 'province', parentId: null, position: center },
		{ id: 'so-gddt', name: 'Sở Giáo dục và Đào tạo tỉnh Thử Tải', kind: 'agency', parentId: 'tinh' }
	];
	/** @type {any[]} */ const routes = [];
	/** @type {any[]} */ const trucks = [];
	/** @type {any[]} */ const checklistItems = [];
	/** @type {any[]} */ const accounts = [
		{ username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', unitId: 'tinh', password },
		{
			username: 'sogddt',
			displayName: 'Điều phối Sở GD&ĐT',
			role: 'coordinator',
			unitId: 'so-gddt',
			password
		},
		{ username: 'lanhdao-tinh', displayName: 'Lãnh đạo UBND tỉnh', role: 'leader', unitId: 'tinh', password },
		...Array.from({ length: gates }, (_, g) => ({
			username: `cong-${g + 1}`,
			displayName: `Cổng ${g + 1}`,
			role: 'gate_staff',
			unitId: 'so-gddt',
			password
		}))
	];
	/** @param {number[]} at @param {number[]} from @param {number[]} to */
	const moved = (at, from, to) => [
		+(at[0] - from[0] + to[0]).toFixed(5),
		+(at[1] - from[1] + to[1]).toFixed(5)
	];
	const side = Math.ceil(Math.sqrt(count));
	const wards = Array.from({ length: count }, (_, i) => {
		const n = String(i + 1).padStart(3, '0');
		const commune = i % 3 === 2; // a third are rural communes, with hamlets
		const id = `${commune ? 'xa' : 'phuong'}-${n}`;
		const name = `${commune ? 'Xã' : 'Phường'} Số ${i + 1}`;
		const position = [
			+(center[0] - 0.5 + (i % side) * 0.05).toFixed(4),
			+(center[1] - 0.5 + Math.floor(i / side) * 0.05).toFixed(4)
		];
		units.push(
			{ id, name, kind: commune ? 'commune' : 'ward', parentId: 'tinh', position },
			{
				id: `tthtcd-${n}`,
				name: `Trung tâm học tập cộng đồng ${name.toLowerCase()}`,
				kind: 'learning_center',
				parentId: id
			},
			{ id: `mn-${n}`, name: `Trường Mầm non ${name}`, kind: 'preschool', parentId: id },
			{ id: `th-${n}`, name: `Trường Tiểu học ${name}`, kind: 'primary_school', parentId: id },
			{ id: `thcs-${n}`, name: `Trường THCS ${name}`, kind: 'lower_secondary_school', parentId: id },
			...[1, 2].map((k) => ({
				id: `${commune ? 'ap' : 'to'}-${n}-${k}`,
				name: `${commune ? 'Ấp' : 'Tổ dân phố'} ${k}, ${name}`,
				kind: commune ? 'hamlet' : 'residential_group',
				parentId: id
			}))
		);
		const template = base.routes[i % base.routes.length];
		const from = template.line.coordinates[0];
		routes.push({
			id: `r-${n}`,
			name: `Lộ trình xe loa ${name}`,
			line: {
				type: 'LineString',
				coordinates: template.line.coordinates.map((/** @type {number[]} */ p) => moved(p, from, position))
			},
			checkpoints: template.checkpoints.map((/** @type {any} */ c, /** @type {number} */ k) => ({
				...c,
				id: `cp-${n}-${k + 1}`,
				position: moved(c.position, from, position)
			}))
		});
		for (let k = 1; k <= trucksOf(i); k++)
			trucks.push({
				id: `xe-${n}-${k}`,
				name: `Xe loa ${name} số ${k}`,
				unitId: id,
				routeId: `r-${n}`,
				sloganIds: []
			});
		base.checklistItems.slice(0, 5).forEach((/** @type {any} */ item, /** @type {number} */ k) =>
			checklistItems.push({
				...item,
				id: `cl-${n}-${k + 1}`,
				unitId: id,
				position: moved(item.position, from, position)
			})
		);
		accounts.push(
			{
				username: `dieuphoi-${id}`,
				displayName: `Điều phối ${name}`,
				role: 'coordinator',
				unitId: id,
				password
			},
			{
				username: `lanhdao-${id}`,
				displayName: `Lãnh đạo UBND ${name.toLowerCase()}`,
				role: 'leader',
				unitId: id,
				password
			},
			{ username: id, displayName: `Cán bộ ${name.toLowerCase()}`, role: 'ward_staff', unitId: id, password },
			...[`tthtcd-${n}`, `th-${n}`, `thcs-${n}`].map((unitId) => ({
				username: unitId,
				displayName: `Cán bộ ${unitId}`,
				role: 'unit_staff',
				unitId,
				password
			}))
		);
		return { id, routeId: `r-${n}` };
	});
	for (let k = 0; k < provinceTrucks; k++)
		trucks.push({
			id: `xe-so-${k + 1}`,
			name: `Xe loa của Sở số ${k + 1}`,
			unitId: 'so-gddt',
			routeId: wards[(k * 7) % wards.length].routeId,
			sloganIds: []
		});
	accounts.push(
		...trucks.map((t) => ({
			username: t.id,
			displayName: `Tổ ${t.name.toLowerCase()}`,
			role: 'truck_crew',
			truckId: t.id,
			password
		}))
	);
	const s = {
		...base,
		event: {
			...base.event,
			id: 'tinh-thu-tai-2024',
			name: 'Tuần lễ hưởng ứng học tập suốt đời năm 2024 — tỉnh Thử Tải (bench)',
			organizerUnitId: 'so-gddt'
		},
		units,
		routes,
		trucks,
		checklistItems,
		accounts
	};
	const file = path.join(dir, 'province.json');
	fs.writeFileSync(file, JSON.stringify(s));
	return { ...s, file };
}
