/**
 * Planning the parade through the one command path, on the demo scenario: the ops room draws or
 * edits a route, gives a truck its route, sets the common start. Read back through the scenario
 * and trucks stores and the process's live fleet (what the crews' buttons and the map go by).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { listRoutes, listTruckSpecs } from '../../../src/lib/server/scenario/store';
import { fleet } from '../../../src/lib/server/trucks/live-fleet';
import { loadState, paradeStart } from '../../../src/lib/server/trucks/store';
import { accepted, run, send } from '../support/command';
import { databaseContents } from '../support/database';
import { aRoute } from '../support/factories/scenario';
import { givenTheDemoScenario, signedIn, vn, type Person } from '../support/given';

/** Phường Tân Kiểng's truck, on route r-tan-kieng (tan-kieng-cp1 … cp5) */
const truckId = 'xe-tan-kieng';

let coordinator: Person;
let crew: Person;

beforeEach(async () => {
	// the evening before the parade
	await givenTheDemoScenario(vn('2024-10-03T18:00:00'));
	coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
	crew = signedIn('truck_crew', { unitId: 'phuong-tan-kieng', truckId });
});

const route = (id: string) => listRoutes(db()).find((r) => r.id === id);
const truckSpec = (id = truckId) => listTruckSpecs(db()).find((t) => t.id === id)!;

describe('saving a route (drawn on the map)', () => {
	it('a new one is kept with its checkpoints, after the others, and the live fleet knows it', async () => {
		const drawn = aRoute({ id: 'r-moi', name: 'Lộ trình mới', lengthM: 2000 });
		const before = listRoutes(db()).map((r) => r.id);

		await accepted(run(coordinator, 'route.save', { route: drawn }));

		expect(listRoutes(db()).map((r) => r.id)).toEqual([...before, 'r-moi']);
		expect(route('r-moi')).toMatchObject({ name: 'Lộ trình mới', line: drawn.line });
		expect(route('r-moi')!.checkpoints.map((c) => c.id)).toEqual(['cp-0', 'cp-1000', 'cp-2000']);
		expect(
			fleet()
				.route('r-moi')!
				.checkpoints.map((c) => c.id)
		).toEqual(['cp-0', 'cp-1000', 'cp-2000']);
	});

	it('an existing one is replaced in its place, under its own name', async () => {
		const positions = listRoutes(db()).map((r) => r.id);
		const redrawn = aRoute({
			id: 'r-tan-kieng',
			name: route('r-tan-kieng')!.name,
			checkpoints: [{ id: 'tan-kieng-cp1', atM: 0 }, { atM: 1500 }]
		});

		await accepted(run(coordinator, 'route.save', { route: redrawn }));

		expect(listRoutes(db()).map((r) => r.id)).toEqual(positions);
		expect(route('r-tan-kieng')!.checkpoints.map((c) => c.id)).toEqual(['tan-kieng-cp1', 'cp-1500']);
		expect(
			fleet()
				.routeOf(truckId)!
				.checkpoints.map((c) => c.id)
		).toEqual(['tan-kieng-cp1', 'cp-1500']);
	});

	it("with another route's name is refused as a conflict on the name, and nothing changes", async () => {
		const taken = route('r-phu-my')!.name;
		const before = databaseContents();

		const result = await run(coordinator, 'route.save', { route: aRoute({ id: 'r-moi', name: taken }) });

		expect(result).toMatchObject({ ok: false, code: 'conflict', problems: [{ path: 'route.name' }] });
		expect(databaseContents()).toEqual(before);
	});

	it('with two checkpoints under one id is refused, naming the second, and nothing changes', async () => {
		const before = databaseContents();

		const result = await run(coordinator, 'route.save', {
			route: aRoute({
				id: 'r-moi',
				checkpoints: [
					{ id: 'diem-a', atM: 0 },
					{ id: 'diem-b', atM: 1000 },
					{ id: 'diem-a', atM: 2000 }
				]
			})
		});

		expect(result).toMatchObject({
			ok: false,
			code: 'invalid',
			problems: [{ path: 'route.checkpoints[2].id' }]
		});
		expect(databaseContents()).toEqual(before);
	});

	it('is for the ops room: a crew cannot redraw its route, and nothing changes', async () => {
		const before = databaseContents();

		const result = await run(crew, 'route.save', { route: aRoute({ id: 'r-tan-kieng' }) });

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(databaseContents()).toEqual(before);
	});
});

describe('giving a truck its route', () => {
	it('another route: the truck goes by its checkpoints ("arrived" marks the new route’s first)', async () => {
		await accepted(run(coordinator, 'truck.assign_route', { truckId, routeId: 'r-phu-my' }));

		expect(truckSpec().routeId).toBe('r-phu-my');
		expect(truckSpec('xe-phu-my').routeId).toBe('r-phu-my');

		await accepted(run(crew, 'truck.depart', { truckId }));
		await accepted(run(crew, 'truck.arrive', { truckId }));
		expect(Object.keys(loadState(db(), truckId).reached)).toEqual(['phu-my-cp1']);
	});

	it('no route: the truck has none any more', async () => {
		await accepted(run(coordinator, 'truck.assign_route', { truckId, routeId: null }));

		expect(truckSpec().routeId).toBeUndefined();
		expect(fleet().routeOf(truckId)).toBeUndefined();
	});

	it('a route that does not exist is refused as not found, and nothing changes', async () => {
		const before = databaseContents();

		const result = await run(coordinator, 'truck.assign_route', { truckId, routeId: 'r-khong-co' });

		expect(result).toMatchObject({ ok: false, code: 'not_found' });
		expect(databaseContents()).toEqual(before);
		expect(fleet().routeOf(truckId)!.id).toBe('r-tan-kieng');
	});

	it('is for the ops room: a crew cannot change its own route, and nothing changes', async () => {
		const before = databaseContents();

		const result = await run(crew, 'truck.assign_route', { truckId, routeId: 'r-phu-my' });

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(databaseContents()).toEqual(before);
	});
});

describe('the common start time', () => {
	it('is set, and taken away again', async () => {
		await accepted(run(coordinator, 'parade.set_start', { startAt: '2024-10-04T07:45:00+07:00' }));
		expect(paradeStart(db())).toBe(vn('2024-10-04T07:45:00'));

		await accepted(run(coordinator, 'parade.set_start', { startAt: null }));
		expect(paradeStart(db())).toBeNull();
	});

	it('that is not a time is refused with the field, and nothing changes', async () => {
		const before = databaseContents();

		const result = await send(coordinator, {
			id: crypto.randomUUID(),
			type: 'parade.set_start',
			payload: { startAt: '7g45' }
		});

		expect(result).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'startAt' }] });
		expect(databaseContents()).toEqual(before);
	});

	it('is for the ops room: a ward cannot set it, and nothing changes', async () => {
		const staff = signedIn('ward_staff', { unitId: 'phuong-tan-kieng' });
		const before = databaseContents();

		const result = await run(staff, 'parade.set_start', { startAt: '2024-10-04T07:00:00+07:00' });

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(databaseContents()).toEqual(before);
	});
});
