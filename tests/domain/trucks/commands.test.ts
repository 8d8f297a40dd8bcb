/**
 * The trucks' commands through the one command path, on the demo scenario: the crew's buttons
 * (xuất phát, đến điểm, sự cố, tiếp tục, hoàn thành), the alerts they raise and clear, the
 * coordinator's messages and crew assignments. Read back through the trucks' store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { createSession, generateToken, validateSessionToken } from '../../../src/lib/server/auth/session';
import { crewMessages, getAlert, loadState, openAlert } from '../../../src/lib/server/trucks/store';
import { startFleetWatcher, stopFleetWatcher } from '../../../src/lib/server/trucks/watcher';
import { getUser } from '../../../src/lib/server/users/store';
import { accepted, run, send, type Actor } from '../support/command';
import { databaseContents } from '../support/database';
import { eventually } from '../support/eventually';
import { givenTheDemoScenario, signedIn, vn, type Person } from '../support/given';

/** Phường Tân Kiểng's truck, on route r-tan-kieng (tan-kieng-cp1 … cp5, from 07:30) */
const truckId = 'xe-tan-kieng';
const otherTruck = 'xe-phu-my';
const system: Actor = { kind: 'system', label: 'Hệ thống theo dõi xe' };

let crew: Person;
let coordinator: Person;
const now = vn('2024-10-04T07:20:00');

beforeEach(async () => {
	// the parade's morning, ten minutes before the first checkpoint
	await givenTheDemoScenario(now);
	crew = signedIn('truck_crew', { unitId: 'phuong-tan-kieng', truckId });
	coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
});

const state = (id = truckId) => loadState(db(), id);

describe("the crew's buttons", () => {
	it('departing sets the truck moving from when the button was pressed', async () => {
		const pressed = now - 60_000; // pressed offline a minute ago, sent now

		const result = await run(crew, 'truck.depart', { truckId, at: pressed });

		expect(result).toMatchObject({ ok: true, seq: expect.any(Number) });
		expect(state()).toMatchObject({ status: 'moving', startedAt: pressed });
	});

	it('"arrived" marks the next checkpoint not reached yet, then the one after', async () => {
		await accepted(run(crew, 'truck.depart', { truckId }));

		await accepted(run(crew, 'truck.arrive', { truckId }));
		await accepted(run(crew, 'truck.arrive', { truckId }));

		expect(Object.keys(state().reached)).toEqual(['tan-kieng-cp1', 'tan-kieng-cp2']);
	});

	it('refuses a checkpoint already marked, changing nothing', async () => {
		await accepted(run(crew, 'truck.depart', { truckId }));
		await accepted(run(crew, 'truck.arrive', { truckId, checkpointId: 'tan-kieng-cp1' }));
		const before = databaseContents();

		const again = await run(crew, 'truck.arrive', { truckId, checkpointId: 'tan-kieng-cp1' });

		expect(again).toMatchObject({ ok: false, code: 'conflict' });
		expect(databaseContents()).toEqual(before);
	});

	it('refuses "finished" for a truck that has not left, changing nothing', async () => {
		const before = databaseContents();

		const result = await run(crew, 'truck.finish', { truckId });

		expect(result).toMatchObject({ ok: false, code: 'conflict', message: 'Xe chưa xuất phát.' });
		expect(databaseContents()).toEqual(before);
	});

	it('lets the coordinator press them for a crew on the phone', async () => {
		await accepted(run(coordinator, 'truck.depart', { truckId }));
		await accepted(run(coordinator, 'truck.finish', { truckId }));

		expect(state().status).toBe('finished');
	});
});

describe('an incident', () => {
	// the fleet watcher turns a crew's incident into an alert (its heartbeat stays still: setInterval is faked)
	beforeEach(startFleetWatcher);
	afterEach(stopFleetWatcher);

	it('raises an alert for the ops room; resuming clears it', async () => {
		await accepted(run(crew, 'truck.depart', { truckId }));

		await accepted(run(crew, 'truck.incident', { truckId, note: 'Hỏng loa' }));

		expect(state()).toMatchObject({ status: 'incident', incidentNote: 'Hỏng loa' });
		const alert = await eventually(() => openAlert(db(), truckId, 'incident', null)!.id);
		expect(getAlert(db(), alert)!.message).toContain('Hỏng loa');

		await accepted(run(coordinator, 'alert.acknowledge', { alertId: alert }));
		expect(getAlert(db(), alert)!.acknowledgedBy).toContain('coordinator');

		await accepted(run(crew, 'truck.resume', { truckId }));
		expect(state()).toMatchObject({ status: 'moving', incidentNote: null });
		await eventually(() => expect(getAlert(db(), alert)!.clearedAt).not.toBeNull());
	});

	it('without saying what happened is refused with the field to fill, changing nothing', async () => {
		await accepted(run(crew, 'truck.depart', { truckId }));
		const before = databaseContents();

		const result = await send(crew, {
			id: crypto.randomUUID(),
			type: 'truck.incident',
			payload: { truckId, note: ' ' }
		});

		expect(result).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'note' }] });
		expect(databaseContents()).toEqual(before);
	});
});

describe('alerts the server raises', () => {
	it('a late alert at a checkpoint is cleared when the truck gets there', async () => {
		await accepted(run(crew, 'truck.depart', { truckId }));
		await accepted(
			run(system, 'alert.raise', {
				truckId,
				kind: 'late',
				checkpointId: 'tan-kieng-cp1',
				message: 'Xe loa phường Tân Kiểng: trễ 6 phút'
			})
		);
		const alert = openAlert(db(), truckId, 'late', 'tan-kieng-cp1')!;

		await accepted(run(crew, 'truck.arrive', { truckId }));

		expect(openAlert(db(), truckId, 'late', 'tan-kieng-cp1')).toBeUndefined();
		expect(getAlert(db(), alert.id)!.clearedAt).not.toBeNull();
	});

	it('only the server raises them: a coordinator cannot, and nothing changes', async () => {
		const before = databaseContents();

		const result = await run(coordinator, 'alert.raise', {
			truckId,
			kind: 'stale',
			checkpointId: null,
			message: 'giả'
		});

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(databaseContents()).toEqual(before);
	});
});

describe('what a crew may do', () => {
	it("cannot press another truck's buttons: refused, nothing changes", async () => {
		const before = databaseContents();

		const result = await run(crew, 'truck.depart', { truckId: otherTruck });

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(databaseContents()).toEqual(before);
	});

	it('cannot message crews (the ops room does)', async () => {
		expect(await run(crew, 'crew.message', { truckId: otherTruck, body: 'Chạy chậm lại' })).toMatchObject({
			ok: false,
			code: 'forbidden'
		});
	});
});

describe('the ops room and the crews', () => {
	it('a message to one crew reaches that truck, not another; one to all reaches both', async () => {
		await accepted(run(coordinator, 'crew.message', { truckId, body: 'Rẽ phải ở Lâm Văn Bền' }));
		await accepted(run(coordinator, 'crew.message', { body: 'Mọi xe giảm âm lượng' }));

		expect(crewMessages(db(), 10, truckId).map((m) => m.body)).toEqual([
			'Mọi xe giảm âm lượng',
			'Rẽ phải ở Lâm Văn Bền'
		]);
		expect(crewMessages(db(), 10, otherTruck).map((m) => m.body)).toEqual(['Mọi xe giảm âm lượng']);
	});

	it("giving a crew account another truck binds it there and ends the phone's old session", async () => {
		const phone = generateToken();
		const account = crew.userId;
		createSession(db(), phone, account);

		await accepted(run(coordinator, 'truck.assign_crew', { truckId: otherTruck, userId: account }));

		expect(getUser(db(), account)).toMatchObject({ truckId: otherTruck, unitId: 'phuong-phu-my' });
		expect(validateSessionToken(db(), phone).session).toBeNull();
	});
});
