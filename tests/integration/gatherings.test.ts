/**
 * The trucks gathering in Quận 1 before 6g30 (data/scenarios/hcm-quan7-2024.json: Quận 7's and
 * Quận 1's trucks expected at the city's point), on the built server with real sockets: the
 * crews' phones send positions, the ops rooms hear who has gathered and load the count, each
 * level its own trucks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unflatten } from 'devalue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatheredCount, type GatheringView } from '../../src/lib/trucks/gatherings';
import type { Fix, TruckView } from '../../src/lib/trucks/types';
import type { LiveEvent } from '../../src/lib/types';
import { planLiveAt } from '../harness/scenarios.js';
import { collect, connect, login, waitFor, type TestSocket } from '../helpers/client';
import { removeServer, startServer, type TestServer } from '../helpers/server';

const plan = 'data/scenarios/hcm-quan7-2024.json';
/** the gathering point the plan gives m-tap-trung-xe-loa-tp */
const point: [number, number] = [106.7004, 10.7757];

let server: TestServer;
const ops: Record<'quan7' | 'quan1' | 'city', { socket: TestSocket; heard: LiveEvent[]; cookie: string }> =
	{} as never;

beforeAll(async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khai-mac-gatherings-'));
	// half an hour before the trucks are due in Quận 1
	server = await startServer({ scenario: planLiveAt(plan, dir, '2024-10-03T06:00:00+07:00'), dir });
	for (const [level, username] of [
		['quan7', 'ttvh'],
		['quan1', 'ttvh-quan1'],
		['city', 'sogddt']
	] as const) {
		const cookie = await login(server.url, username);
		const socket = await connect(server.url, cookie);
		ops[level] = { socket, heard: collect(socket), cookie };
	}
});

afterAll(async () => {
	for (const { socket } of Object.values(ops)) socket?.close();
	await removeServer(server);
});

const fix = ([lng, lat]: [number, number], at: number): Fix => ({ at, lat, lng, accuracy: 6, speed: 0 });

/** A crew's phone sends where its truck is (`ago` ms before now: a truck needs time to drive over). */
async function sendFrom(truckId: string, place: [number, number], ago = 0): Promise<void> {
	const phone = await connect(server.url, await login(server.url, truckId));
	const fixes = [fix(place, Date.now() - ago)];
	const ack = await phone.timeout(10_000).emitWithAck('positions', { truckId, fixes });
	phone.close();
	expect(ack).toMatchObject({ ok: true, accepted: 1 });
}

const gatheredIn = (events: LiveEvent[]) =>
	events.flatMap((e) => (e.type === 'truck.gathered' ? [e.data.truckId] : []));

/** The gatherings the ops trucks page loads for this level (its data, as the browser gets it). */
async function loaded(cookie: string): Promise<GatheringView[]> {
	const response = await fetch(`${server.url}/ops/trucks/__data.json`, { headers: { cookie } });
	const body = (await response.json()) as { nodes: ({ type: string; data: unknown[] } | null)[] };
	for (const node of body.nodes) {
		if (node?.type !== 'data') continue;
		const data = unflatten(node.data) as { gatherings?: GatheringView[] };
		if (data.gatherings) return data.gatherings;
	}
	throw new Error('no gatherings in the page data');
}

describe('trucks gathering at the city point', () => {
	it('count nothing while the trucks are elsewhere', async () => {
		await sendFrom('xe-quan7', [106.7215, 10.7375], 20 * 60_000); // still in Quận 7, 20 minutes ago

		expect(gatheredCount((await loaded(ops.city.cookie))[0])).toEqual({ n: 0, of: 2 });
		expect(gatheredCount((await loaded(ops.quan7.cookie))[0])).toEqual({ n: 0, of: 1 });
	});

	it("are heard and counted by their own level and the city's, not by the other district", async () => {
		await sendFrom('xe-quan7', point, 10 * 60_000);

		await waitFor(() => gatheredIn(ops.quan7.heard).includes('xe-quan7'), 10_000);
		await waitFor(() => gatheredIn(ops.city.heard).includes('xe-quan7'), 10_000);
		expect(gatheredCount((await loaded(ops.quan7.cookie))[0])).toEqual({ n: 1, of: 1 });
		expect(gatheredCount((await loaded(ops.city.cookie))[0])).toEqual({ n: 1, of: 2 });
		expect(gatheredCount((await loaded(ops.quan1.cookie))[0])).toEqual({ n: 0, of: 1 });

		await sendFrom('xe-quan1', [point[0] + 0.0005, point[1]]); // 55 m east of it

		await waitFor(() => gatheredIn(ops.quan1.heard).includes('xe-quan1'), 10_000);
		await waitFor(() => gatheredIn(ops.city.heard).includes('xe-quan1'), 10_000);
		expect(gatheredCount((await loaded(ops.city.cookie))[0])).toEqual({ n: 2, of: 2 });
		expect(gatheredIn(ops.quan1.heard)).toEqual(['xe-quan1']);
		expect(gatheredIn(ops.quan7.heard)).toEqual(['xe-quan7']);
	});

	it('stay gathered when they drive on to the ceremony, heard once', async () => {
		await sendFrom('xe-quan7', [106.7003, 10.7826]); // at Nhà hát Bến Thành

		const trucks: TruckView[] = await ops.city.socket.timeout(10_000).emitWithAck('fleet');
		expect(trucks.find((t) => t.id === 'xe-quan7')?.position?.lat).toBe(10.7826); // moved on
		await new Promise((r) => setTimeout(r, 1500));
		expect(gatheredCount((await loaded(ops.city.cookie))[0])).toEqual({ n: 2, of: 2 });
		expect(gatheredIn(ops.city.heard).filter((id) => id === 'xe-quan7')).toHaveLength(1);
	});
});
