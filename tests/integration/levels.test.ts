/**
 * The city and Quận 7 in one deployment (data/scenarios/hcm-quan7-2024.json), on the built
 * server with real sockets: Quận 7's ops room hears Quận 7's day and nothing of Quận 1's, live,
 * on catching up and in the page it loads; the city's hears both.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackFrame } from '../../src/lib/trucks/position-frame.js';
import type { Fix, PositionFrame, TruckView } from '../../src/lib/trucks/types';
import type { LiveEvent, SyncResult } from '../../src/lib/types';
import { planLiveAt } from '../harness/scenarios.js';
import { collect, command, connect, login, sync, waitFor, type TestSocket } from '../helpers/client';
import { removeServer, startServer, type TestServer } from '../helpers/server';

const plan = 'data/scenarios/hcm-quan7-2024.json';

let server: TestServer;
let quan7: TestSocket;
let city: TestSocket;
let quan7Heard: LiveEvent[];
let cityHeard: LiveEvent[];
const quan7Frames: PositionFrame[] = [];
const cityFrames: PositionFrame[] = [];

beforeAll(async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khai-mac-levels-'));
	// the morning of the parade, under way
	server = await startServer({ scenario: planLiveAt(plan, dir, '2024-10-04T07:40:00+07:00'), dir });
	quan7 = await connect(server.url, await login(server.url, 'ttvh'));
	city = await connect(server.url, await login(server.url, 'sogddt'));
	quan7Heard = collect(quan7);
	cityHeard = collect(city);
	for (const [socket, frames] of [
		[quan7, quan7Frames],
		[city, cityFrames]
	] as const)
		socket.on('positions', (packed) => {
			const frame = unpackFrame(packed);
			if (frame) frames.push(frame);
		});
});

afterAll(async () => {
	quan7?.close();
	city?.close();
	await removeServer(server);
});

const crew = async (truckId: string) => connect(server.url, await login(server.url, truckId));
const fleet = (socket: TestSocket): Promise<TruckView[]> => socket.timeout(10_000).emitWithAck('fleet');
const truckIdsIn = (events: LiveEvent[]) =>
	events.map((e) => (e.data as { truckId?: string }).truckId).filter(Boolean);

describe("Quận 7's ops room in the city's deployment", () => {
	it("hears its own trucks depart, and not Quận 1's; the city hears both", async () => {
		const tanKieng = await crew('xe-tan-kieng');
		const quan1 = await crew('xe-quan1');

		expect(await command(quan1, 'truck.depart', { truckId: 'xe-quan1' })).toMatchObject({ ok: true });
		expect(await command(tanKieng, 'truck.depart', { truckId: 'xe-tan-kieng' })).toMatchObject({ ok: true });

		await waitFor(() => truckIdsIn(quan7Heard).includes('xe-tan-kieng'));
		await waitFor(() => truckIdsIn(cityHeard).includes('xe-tan-kieng'));
		expect(truckIdsIn(cityHeard)).toContain('xe-quan1');
		expect(truckIdsIn(quan7Heard)).not.toContain('xe-quan1');
		tanKieng.close();
		quan1.close();
	});

	it("gets the positions of its own trucks, numbered as its own list; never Quận 1's", async () => {
		const ours = await fleet(quan7);
		const all = await fleet(city);
		expect(ours.map((t) => t.id)).not.toContain('xe-quan1');
		expect(all.map((t) => t.id)).toContain('xe-quan1');
		const tanKieng = await crew('xe-tan-kieng');
		const quan1 = await crew('xe-quan1');
		const fix = (lng: number, lat: number): Fix => ({ at: Date.now(), lat, lng, accuracy: 5, speed: 14 });

		await quan1
			.timeout(10_000)
			.emitWithAck('positions', { truckId: 'xe-quan1', fixes: [fix(106.7, 10.776)] });
		await tanKieng
			.timeout(10_000)
			.emitWithAck('positions', { truckId: 'xe-tan-kieng', fixes: [fix(106.716, 10.75)] });

		const ourIndex = ours.findIndex((t) => t.id === 'xe-tan-kieng');
		const cityIndex = all.findIndex((t) => t.id === 'xe-quan1');
		await waitFor(() => cityFrames.flatMap((f) => f.p).some((p) => p[0] === cityIndex), 10_000);
		const seen = await waitFor(() => quan7Frames.flatMap((f) => f.p).find((p) => p[0] === ourIndex), 10_000);
		expect(seen.slice(1, 3)).toEqual([Math.round(10.75 * 1e5), Math.round(106.716 * 1e5)]);
		// every entry Quận 7 was sent is one of its own trucks, where that truck is
		for (const [index, lat] of quan7Frames.flatMap((f) => f.p)) {
			expect(index).toBeLessThan(ours.length);
			expect(lat).not.toBe(Math.round(10.776 * 1e5));
		}
		tanKieng.close();
		quan1.close();
	});

	it("catches up on its own level's events only", async () => {
		const missed: SyncResult = await sync(quan7, 0);
		expect(missed.kind).toBe('events');
		if (missed.kind !== 'events') return;
		expect(truckIdsIn(missed.events)).toContain('xe-tan-kieng');
		expect(truckIdsIn(missed.events)).not.toContain('xe-quan1');
	});

	it("loads pages that carry nothing of Quận 1's", async () => {
		const cookie = await login(server.url, 'ttvh');
		for (const page of ['/ops', '/ops/trucks', '/display', '/ops/routes']) {
			const html = await (await fetch(server.url + page, { headers: { cookie } })).text();
			expect(html, page).toContain('Tân Kiểng');
			expect(html, page).not.toContain('Xe loa Quận 1');
			expect(html, page).not.toContain('xe-quan1');
		}
		const cityHtml = await (
			await fetch(server.url + '/ops/trucks', { headers: { cookie: await login(server.url, 'sogddt') } })
		).text();
		expect(cityHtml).toContain('Xe loa Quận 1');
	});

	it('is refused what belongs to Quận 1 or to the city', async () => {
		for (const [type, payload] of [
			['truck.finish', { truckId: 'xe-quan1' }],
			['crew.message', { truckId: 'xe-quan1', body: 'Về sớm' }],
			['parade.set_start', { startAt: null }]
		] as const)
			expect(await command(quan7, type, payload), type).toMatchObject({ ok: false, code: 'forbidden' });
	});
});
