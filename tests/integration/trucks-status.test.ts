/**
 * A truck's status says what its fixes say (issue 17, point 9): a phone whose fixes keep
 * arriving is never lost, whatever its own clock reads; a truck whose progress advances is
 * moving, however slowly a parade crawls; one that stands still is stopped. A real server, its
 * SQLite file, crews and the ops room on real sockets.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointAlong, prepareRoute, type RouteInput } from '../../src/lib/trucks/geometry';
import type { Fix, TruckView } from '../../src/lib/trucks/types';
import type { EventDataMap, LiveEvent, PositionsAck } from '../../src/lib/types';
import { collect, command, connect, login, waitFor, type TestSocket } from '../helpers/client';
import { scenarioMovedToNow } from '../helpers/scenario';
import { defaultScenario, removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let ops: TestSocket;
let opsEvents: LiveEvent[];

// short thresholds so that a test sees a truck go quiet in seconds
beforeAll(async () => {
	server = await startServer({ scenario: scenarioMovedToNow(-3), env: { KHAIMAC_STALE_SECONDS: '3' } });
	ops = await connect(server.url, await login(server.url, 'ttvh'));
	opsEvents = collect(ops);
});

afterAll(async () => {
	ops?.close();
	await removeServer(server);
});

const routes = (JSON.parse(fs.readFileSync(defaultScenario, 'utf8')).routes as RouteInput[]).map(
	prepareRoute
);
/** [lng, lat] `metres` along the route from its start */
const along = (routeId: string, metres: number) =>
	pointAlong(
		routes.find((r) => r.id === routeId)!,
		metres
	);
const fixAt = ([lng, lat]: [number, number], at: number, speed: number | null): Fix => ({
	at,
	lat,
	lng,
	accuracy: 8,
	speed
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function send(socket: TestSocket, truckId: string, fixes: Fix[]): Promise<PositionsAck> {
	return socket.timeout(10_000).emitWithAck('positions', { truckId, fixes });
}

async function view(truckId: string): Promise<TruckView> {
	const all: TruckView[] = await ops.timeout(10_000).emitWithAck('fleet');
	return all.find((t) => t.id === truckId)!;
}

function eventsOf<T extends keyof EventDataMap>(
	events: LiveEvent[],
	type: T,
	truckId: string
): EventDataMap[T][] {
	return events
		.filter((e) => e.type === type && (e.data as { truckId?: string }).truckId === truckId)
		.map((e) => e.data as EventDataMap[T]);
}

/** stale alerts raised for the truck (alert.cleared carries only the alert's id) */
const staleAlerts = (truckId: string) =>
	eventsOf(opsEvents, 'alert.raised', truckId).filter((a) => a.kind === 'stale');

async function departed(truckId: string): Promise<TestSocket> {
	const phone = await connect(server.url, await login(server.url, truckId));
	expect(await command(phone, 'truck.depart', { truckId })).toMatchObject({ ok: true });
	return phone;
}

describe('a phone that sends regularly', () => {
	it('is never lost, with its clock 90 s behind the server, through an incident and its end', async () => {
		const truckId = 'xe-tan-kieng';
		const phone = await departed(truckId);
		const crewEvents = collect(phone);
		// the phone's clock is 90 s slow: its fixes' own times say nothing about when they came
		const skew = -90_000;
		let metres = 20;
		const sendOne = async () => {
			metres += 3; // about 11 km/h, a believable step a second
			expect(
				await send(phone, truckId, [fixAt(along('r-tan-kieng', metres), Date.now() + skew, 11)])
			).toMatchObject({ ok: true, accepted: 1 });
			await sleep(1000);
		};
		// a fix a second, for longer than the 3 s without one after which a truck is lost
		for (let i = 0; i < 6; i++) await sendOne();
		expect(await command(phone, 'truck.incident', { truckId, note: 'Loa rè' })).toMatchObject({ ok: true });
		for (let i = 0; i < 3; i++) await sendOne();
		expect(await command(phone, 'truck.resume', { truckId })).toMatchObject({ ok: true });
		for (let i = 0; i < 5; i++) await sendOne();

		const statuses = eventsOf(opsEvents, 'truck.status_changed', truckId).map((d) => d.status);
		expect(statuses).not.toContain('lost');
		expect(staleAlerts(truckId)).toEqual([]);
		expect((await view(truckId)).status).toBe('moving');
		// the crew page shows the last status its phone was told: moving, right after "Đã khắc phục"
		expect(eventsOf(crewEvents, 'truck.status_changed', truckId).map((d) => d.status)).toEqual([
			'incident',
			'moving'
		]);
		phone.close();
	}, 40_000);

	it('is lost once nothing more comes, and back with its next fix, each once', async () => {
		const truckId = 'xe-binh-thuan';
		const phone = await departed(truckId);
		expect(await send(phone, truckId, [fixAt(along('r-binh-thuan', 20), Date.now(), 11)])).toMatchObject({
			ok: true
		});
		await waitFor(
			() => eventsOf(opsEvents, 'truck.status_changed', truckId).find((d) => d.status === 'lost'),
			8000
		);
		await waitFor(() => staleAlerts(truckId).length > 0, 3000);
		expect(await send(phone, truckId, [fixAt(along('r-binh-thuan', 30), Date.now(), 11)])).toMatchObject({
			ok: true
		});
		await waitFor(
			() => eventsOf(opsEvents, 'truck.status_changed', truckId).at(-1)?.status === 'moving',
			5000
		);
		// a few more heartbeats: nothing flaps back
		await sleep(2000);
		expect(eventsOf(opsEvents, 'truck.status_changed', truckId).map((d) => d.status)).toEqual([
			'moving',
			'lost',
			'moving'
		]);
		expect(staleAlerts(truckId)).toHaveLength(1);
		phone.close();
	}, 30_000);
});

describe('moving or stopped', () => {
	/** a phone back in coverage: three minutes of fixes, one every 10 s, ending now */
	const threeMinutes = (place: (i: number) => [number, number], speed: number | null) => {
		const now = Date.now();
		return Array.from({ length: 19 }, (_, i) => fixAt(place(i), now - (18 - i) * 10_000, speed));
	};

	it('takes a truck crawling along its route at 2 km/h, as a parade does, as moving', async () => {
		const truckId = 'xe-tan-hung';
		const phone = await departed(truckId);
		// 2 km/h: about 5.5 m every 10 s, 100 m in three minutes; the phone says 2 km/h
		const ack = await send(
			phone,
			truckId,
			threeMinutes((i) => along('r-tan-hung', 20 + i * 5.5), 2)
		);
		expect(ack).toMatchObject({ ok: true, accepted: 19 });
		await sleep(2500); // two heartbeats
		expect(eventsOf(opsEvents, 'truck.status_changed', truckId).map((d) => d.status)).toEqual(['moving']);
		const truck = await view(truckId);
		expect(truck.status).toBe('moving');
		expect(truck.progress).toBeGreaterThan(0);
		phone.close();
	}, 20_000);

	it('takes a truck standing in one place for three minutes as stopped, whatever speed its phone says', async () => {
		const truckId = 'xe-tan-quy';
		const phone = await departed(truckId);
		// GPS noise of a few metres around one spot; this phone gives no speed (null)
		const jitter = (i: number) => 3 * Math.sin(i);
		const ack = await send(
			phone,
			truckId,
			threeMinutes((i) => along('r-tan-quy', 200 + jitter(i)), null)
		);
		expect(ack).toMatchObject({ ok: true, accepted: 19 });
		await waitFor(
			() => eventsOf(opsEvents, 'truck.status_changed', truckId).at(-1)?.status === 'stopped',
			5000
		);
		expect((await view(truckId)).status).toBe('stopped');

		// it drives on (fixes after the ones above): moving again once it is 40 m from where it stood
		await sleep(3000);
		const now = Date.now();
		expect(
			await send(phone, truckId, [
				fixAt(along('r-tan-quy', 225), now - 1000, null),
				fixAt(along('r-tan-quy', 250), now, null)
			])
		).toMatchObject({ ok: true, accepted: 2 });
		await waitFor(
			() => eventsOf(opsEvents, 'truck.status_changed', truckId).at(-1)?.status === 'moving',
			5000
		);
		phone.close();
	}, 20_000);
});
