import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fix, PositionFrame, TruckView } from '../../src/lib/trucks/types';
import { unpackFrame } from '../../src/lib/trucks/position-frame.js';
import type { EventDataMap, LiveEvent, PositionsAck } from '../../src/lib/types';
import { collect, command, connect, login, waitFor, type TestSocket } from '../helpers/client';
import { scenarioMovedToNow } from '../helpers/scenario';
import { defaultScenario, queryDb, removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let ops: TestSocket;
let opsEvents: LiveEvent[];

// the parade's first checkpoint was 3 minutes ago; thresholds short so tests are quick
beforeAll(async () => {
	server = await startServer({
		scenario: scenarioMovedToNow(-3),
		env: {
			KHAIMAC_STALE_SECONDS: '3',
			KHAIMAC_OFF_ROUTE_SECONDS: '2',
			KHAIMAC_LATE_MINUTES: '1',
			KHAIMAC_OFF_ROUTE_METERS: '100'
		}
	});
	ops = await connect(server.url, await login(server.url, 'ttvh'));
	opsEvents = collect(ops);
});

afterAll(async () => {
	ops?.close();
	await removeServer(server);
});

async function crew(truckId: string): Promise<TestSocket> {
	return connect(server.url, await login(server.url, truckId));
}

function send(socket: TestSocket, truckId: string, fixes: Fix[]): Promise<PositionsAck> {
	return socket.timeout(10_000).emitWithAck('positions', { truckId, fixes });
}

async function view(truckId: string): Promise<TruckView> {
	const all: TruckView[] = await ops.timeout(10_000).emitWithAck('fleet');
	return all.find((t) => t.id === truckId)!;
}

const routes = JSON.parse(fs.readFileSync(defaultScenario, 'utf8')).routes as {
	id: string;
	line: { coordinates: [number, number][] };
}[];
const routeLine = (id: string) => routes.find((r) => r.id === id)!.line.coordinates;

const fix = (lng: number, lat: number, at: number, speed = 12): Fix => ({ at, lat, lng, accuracy: 5, speed });

/** points along a polyline, evenly in time, ending now */
function drive(coordinates: [number, number][], seconds: number): Fix[] {
	const now = Date.now();
	return coordinates.map(([lng, lat], i) =>
		fix(lng, lat, now - ((coordinates.length - 1 - i) * (seconds * 1000)) / coordinates.length)
	);
}

function eventsOf<T extends keyof EventDataMap>(type: T, truckId: string): EventDataMap[T][] {
	return opsEvents
		.filter((e) => e.type === type && (e.data as { truckId?: string }).truckId === truckId)
		.map((e) => e.data as EventDataMap[T]);
}

describe('a truck on parade', () => {
	it('departs, reports positions, reaches checkpoints, and shows progress and ETA', async () => {
		const phone = await crew('xe-tan-kieng');
		expect(await command(phone, 'truck.depart', { truckId: 'xe-tan-kieng' })).toMatchObject({ ok: true });
		await waitFor(() => eventsOf('truck.status_changed', 'xe-tan-kieng').find((d) => d.status === 'moving'));

		// the first two checkpoints of r-tan-kieng, then a little further along the street
		const ack = await send(
			phone,
			'xe-tan-kieng',
			drive(
				[
					[106.7125, 10.7511],
					[106.7148, 10.7514],
					[106.717, 10.7517],
					[106.7169, 10.7505]
				],
				60
			)
		);
		expect(ack).toMatchObject({ ok: true, accepted: 4, refused: [] });

		const reached = await waitFor(() => {
			const list = eventsOf('truck.checkpoint_reached', 'xe-tan-kieng');
			return list.length >= 2 && list;
		});
		expect(reached.map((r) => r.checkpointId)).toEqual(['tan-kieng-cp1', 'tan-kieng-cp2']);
		expect(reached[0].manual).toBe(false);

		const truck = await view('xe-tan-kieng');
		expect(truck.status).toBe('moving');
		expect(truck.progress).toBeGreaterThan(0.05);
		expect(truck.progress).toBeLessThan(0.3);
		expect(truck.nextCheckpointId).toBe('tan-kieng-cp3');
		expect(truck.offRouteM).toBeLessThan(50);
		// ETA at 12 km/h for the distance left to cp3 (~1.2 km away): several minutes from now
		expect(truck.eta! - Date.now()).toBeGreaterThan(2 * 60_000);
		expect(truck.eta! - Date.now()).toBeLessThan(30 * 60_000);
		phone.close();
	});

	it('shows the ops room a moving truck in a packed frame a second: where it is, its speed and status', async () => {
		const frames: PositionFrame[] = [];
		ops.on('positions', (packed) => {
			const frame = unpackFrame(packed);
			if (frame) frames.push(frame);
		});
		const phone = await crew('xe-tan-thuan-dong');
		const index = (await ops.timeout(10_000).emitWithAck('fleet')).findIndex(
			(t: TruckView) => t.id === 'xe-tan-thuan-dong'
		);
		const [lng, lat] = routeLine('r-tan-thuan-dong')[1];
		expect(await send(phone, 'xe-tan-thuan-dong', [fix(lng, lat, Date.now(), 14)])).toMatchObject({
			ok: true
		});
		const entry = await waitFor(() => frames.flatMap((f) => f.p).find((p) => p[0] === index), 10_000);
		expect(entry.slice(0, 4)).toEqual([index, Math.round(lat * 1e5), Math.round(lng * 1e5), 14]);
		ops.off('positions');
		phone.close();
	});

	it('raises an alert when a truck stays off its route, and clears it when back', async () => {
		const phone = await crew('xe-tan-hung');
		await command(phone, 'truck.depart', { truckId: 'xe-tan-hung' });
		const view0 = await view('xe-tan-hung');
		expect(view0.status).toBe('moving');
		const route = ((await ops.timeout(5000).emitWithAck('fleet')) as TruckView[]).find(
			(t) => t.id === 'xe-tan-hung'
		)!.routeId!;
		expect(route).toBe('r-tan-hung');
		// 150 m to the side of the route's start, for longer than the threshold (2 s)
		const [[x0, y0], [x1, y1]] = routeLine('r-tan-hung');
		const norm = Math.hypot(x1 - x0, y1 - y0);
		const aside: [number, number] = [x0 - ((y1 - y0) / norm) * 0.00135, y0 + ((x1 - x0) / norm) * 0.00135];
		const start = Date.now();
		for (let i = 0; i < 4; i++) {
			await send(phone, 'xe-tan-hung', [fix(aside[0], aside[1], start + i * 1000)]);
			await new Promise((r) => setTimeout(r, 1000));
		}
		const alert = await waitFor(
			() =>
				opsEvents.find(
					(e) =>
						e.type === 'alert.raised' &&
						(e.data as EventDataMap['alert.raised']).truckId === 'xe-tan-hung' &&
						(e.data as EventDataMap['alert.raised']).kind === 'off_route'
				),
			6000
		);
		expect((alert.data as EventDataMap['alert.raised']).message).toMatch(/lệch lộ trình/);

		// back on the route (a few seconds later, at a believable speed): the alert is cleared
		await new Promise((r) => setTimeout(r, 2000));
		await send(phone, 'xe-tan-hung', [fix(x0, y0, Date.now())]);
		const cleared = await waitFor(
			() =>
				opsEvents.find(
					(e) =>
						e.type === 'alert.cleared' &&
						(e.data as EventDataMap['alert.cleared']).id === (alert.data as EventDataMap['alert.raised']).id
				),
			4000
		);
		expect(cleared).toBeTruthy();
		expect((await view('xe-tan-hung')).offRouteM).toBeLessThan(30);
		phone.close();
	});

	it('marks a truck that stops sending as lost, with an alert', async () => {
		const phone = await crew('xe-binh-thuan');
		await command(phone, 'truck.depart', { truckId: 'xe-binh-thuan' });
		await send(phone, 'xe-binh-thuan', [fix(106.7, 10.745, Date.now())]);
		phone.close();
		const lost = await waitFor(
			() => eventsOf('truck.status_changed', 'xe-binh-thuan').find((d) => d.status === 'lost'),
			8000
		);
		expect(lost.by).toBe('auto');
		await waitFor(() => eventsOf('alert.raised', 'xe-binh-thuan').find((a) => a.kind === 'stale'), 3000);
	});

	it('raises a late alert for a truck that has not reached a checkpoint past its time', async () => {
		// nobody drove xe-phu-my: its first checkpoint was 3 minutes ago, the threshold is 1 minute.
		// Raised at the server's first heartbeat, maybe before the ops socket above had joined (on a
		// busy machine): read from the log, where every screen's catch-up reads it too
		const late = await waitFor(
			() =>
				queryDb<{ data: string }>(server.dbPath, "SELECT data FROM events WHERE type = 'alert.raised'")
					.map((row) => JSON.parse(row.data) as EventDataMap['alert.raised'])
					.find((a) => a.truckId === 'xe-phu-my' && a.kind === 'late'),
			5000
		);
		expect(late.message).toMatch(/trễ \d+ phút/);
	});

	it('takes an incident, lets the coordinator acknowledge it, and clears it on resume', async () => {
		const phone = await crew('xe-tan-quy');
		await command(phone, 'truck.depart', { truckId: 'xe-tan-quy' });
		expect(await command(phone, 'truck.incident', { truckId: 'xe-tan-quy', note: 'Hỏng loa' })).toMatchObject(
			{ ok: true }
		);
		const status = await waitFor(() =>
			eventsOf('truck.status_changed', 'xe-tan-quy').find((d) => d.status === 'incident')
		);
		expect(status.incidentNote).toBe('Hỏng loa');
		// the alert comes from the watcher's own command, after the status change is out
		const alert = await waitFor(() =>
			eventsOf('alert.raised', 'xe-tan-quy').find((a) => a.kind === 'incident')
		);
		expect(await command(ops, 'alert.acknowledge', { alertId: alert.id })).toMatchObject({ ok: true });
		expect(await command(ops, 'alert.acknowledge', { alertId: alert.id })).toMatchObject({
			ok: false,
			code: 'conflict'
		});
		expect(await command(phone, 'truck.resume', { truckId: 'xe-tan-quy' })).toMatchObject({ ok: true });
		expect((await view('xe-tan-quy')).status).toBe('moving');
		phone.close();
	});
});

describe('what a crew may send', () => {
	it('refuses positions and presses for another truck', async () => {
		const phone = await crew('xe-tan-phu');
		expect(await send(phone, 'xe-tan-phong', [fix(106.7, 10.74, Date.now())])).toMatchObject({
			ok: false,
			code: 'forbidden'
		});
		expect(await command(phone, 'truck.depart', { truckId: 'xe-tan-phong' })).toMatchObject({
			ok: false,
			code: 'forbidden'
		});
		const coordinatorPositions = await send(ops, 'xe-tan-phong', [fix(106.7, 10.74, Date.now())]);
		expect(coordinatorPositions).toMatchObject({ ok: false, code: 'forbidden' });
		phone.close();
	});

	it('refuses bad positions with a reason and keeps running', async () => {
		const phone = await crew('xe-tan-thuan-tay');
		const bad: unknown[] = [
			{
				truckId: 'xe-tan-thuan-tay',
				fixes: [{ at: Date.now(), lat: 200, lng: 106.7, accuracy: 5, speed: 10 }]
			},
			{
				truckId: 'xe-tan-thuan-tay',
				fixes: [{ at: Date.now(), lat: null, lng: 106.7, accuracy: 5, speed: 10 }]
			},
			{ truckId: 'xe-tan-thuan-tay', fixes: [] },
			{ truckId: 'xe-tan-thuan-tay', fixes: 'nhiều' },
			'not an object'
		];
		for (const batch of bad) {
			const ack = await phone.timeout(5000).emitWithAck('positions', batch as never);
			expect(ack, JSON.stringify(batch)).toMatchObject({ ok: false, code: 'invalid' });
		}
		// a batch with one future and one far-past fix: those two refused, the good one taken
		const mixed = await send(phone, 'xe-tan-thuan-tay', [
			fix(106.7, 10.74, Date.now() + 86400_000),
			fix(106.7, 10.74, Date.now() - 3 * 86400_000),
			fix(106.7, 10.74, Date.now())
		]);
		expect(mixed).toMatchObject({ ok: true, accepted: 1 });
		if (mixed.ok) expect(mixed.refused.map((r) => r.index).sort()).toEqual([0, 1]);
		// one broken fix costs only itself
		const glitch = await send(phone, 'xe-tan-thuan-tay', [
			{ ...fix(106.7, 10.74, Date.now() + 500), speed: 900 },
			fix(106.7, 10.7401, Date.now() + 600)
		]);
		expect(glitch).toMatchObject({ ok: true, accepted: 1 });
		if (glitch.ok) expect(glitch.refused.map((r) => r.index)).toEqual([0]);
		// an impossible jump (20 km in a second) is kept for the record but does not move the truck
		await send(phone, 'xe-tan-thuan-tay', [fix(106.9, 10.8, Date.now() + 1000)]);
		// a phone without a GPS lock sends (0,0): far outside the plan's area, refused with a reason
		const nowhere = await send(phone, 'xe-tan-thuan-tay', [fix(0, 0, Date.now() + 1100)]);
		expect(nowhere).toMatchObject({ ok: true, accepted: 0 });
		if (nowhere.ok) expect(nowhere.refused[0].reason).toContain('ngoài khu vực');
		const truck = await view('xe-tan-thuan-tay');
		expect(truck.position!.lng).toBeCloseTo(106.7, 3);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		phone.close();
	});

	it('takes the same positions sent twice (an outbox retry) once', async () => {
		const phone = await crew('xe-phu-thuan');
		const at = Date.now();
		const batch = [fix(106.72, 10.73, at - 2000), fix(106.7201, 10.7301, at - 1000)];
		expect(await send(phone, 'xe-phu-thuan', batch)).toMatchObject({ ok: true, accepted: 2 });
		expect(await send(phone, 'xe-phu-thuan', batch)).toMatchObject({ ok: true });
		const { default: Database } = await import('better-sqlite3');
		const db = new Database(server.dbPath, { readonly: true });
		const { n } = db.prepare("SELECT COUNT(*) AS n FROM positions WHERE truck_id = 'xe-phu-thuan'").get() as {
			n: number;
		};
		db.close();
		expect(n).toBe(2);
		phone.close();
	});
});

describe('presses sent late', () => {
	it('keep the time they were pressed, when believable', async () => {
		const phone = await crew('xe-tan-phu');
		const pressed = Date.now() - 4 * 60_000; // pressed offline four minutes ago
		expect(await command(phone, 'truck.depart', { truckId: 'xe-tan-phu', at: pressed })).toMatchObject({
			ok: true
		});
		expect((await view('xe-tan-phu')).startedAt).toBe(pressed);
		const future = await command(phone, 'truck.finish', {
			truckId: 'xe-tan-phu',
			at: Date.now() + 86400_000
		});
		expect(future.ok).toBe(true);
		expect(Math.abs((await view('xe-tan-phu')).finishedAt! - Date.now())).toBeLessThan(5000);
		phone.close();
	});
});

describe('crews and trucks', () => {
	it('lets the coordinator give a crew account another truck, ending its old session', async () => {
		const { default: Database } = await import('better-sqlite3');
		const db = new Database(server.dbPath, { readonly: true });
		const ids = Object.fromEntries(
			(
				db.prepare("SELECT id, username FROM users WHERE username IN ('xe-quan7', 'lanhdao')").all() as {
					id: number;
					username: string;
				}[]
			).map((u) => [u.username, u.id])
		);
		db.close();
		const oldPhone = await crew('xe-quan7');
		const ended = new Promise((resolve) => oldPhone.on('session:ended', resolve));

		const ward = await connect(server.url, await login(server.url, 'phuong-tan-phong'));
		expect(
			await command(ward, 'truck.assign_crew', { truckId: 'xe-tan-phong', userId: ids['xe-quan7'] })
		).toMatchObject({ ok: false, code: 'forbidden' });
		ward.close();
		expect(
			await command(ops, 'truck.assign_crew', { truckId: 'xe-tan-phong', userId: ids['lanhdao'] })
		).toMatchObject({ ok: false, code: 'invalid' });

		expect(
			await command(ops, 'truck.assign_crew', { truckId: 'xe-tan-phong', userId: ids['xe-quan7'] })
		).toMatchObject({ ok: true });
		expect(await ended).toBe('disabled');
		const phone = await crew('xe-quan7');
		expect(await send(phone, 'xe-tan-phong', [fix(106.72, 10.73, Date.now())])).toMatchObject({
			ok: true,
			accepted: 1
		});
		expect(await send(phone, 'xe-quan7', [fix(106.72, 10.73, Date.now())])).toMatchObject({
			ok: false,
			code: 'forbidden'
		});
		phone.close();
	});
});

describe('messages to crews', () => {
	it('reaches the crew it is for, and not another', async () => {
		const mine = await crew('xe-tan-thuan-dong');
		const other = await crew('xe-binh-thuan');
		const mineEvents = collect(mine);
		const otherEvents = collect(other);
		const one = await command(ops, 'crew.message', {
			truckId: 'xe-tan-thuan-dong',
			body: 'Rẽ vào Bùi Văn Ba'
		});
		expect(one.ok).toBe(true);
		await waitFor(() => mineEvents.find((e) => e.type === 'crew.message_sent'));
		const all = await command(ops, 'crew.message', { truckId: null, body: 'Mọi xe giảm âm lượng' });
		expect(all.ok).toBe(true);
		await waitFor(() => otherEvents.find((e) => e.type === 'crew.message_sent'));
		expect(
			otherEvents.filter((e) => e.type === 'crew.message_sent').map((e) => (e.data as { body: string }).body)
		).toEqual(['Mọi xe giảm âm lượng']);
		expect(await command(mine, 'crew.message', { truckId: null, body: 'x' })).toMatchObject({
			ok: false,
			code: 'forbidden'
		});
		mine.close();
		other.close();
	});
});
