/**
 * What the server finds in the trucks' positions, sent on the one command path as the system
 * (the fleet watcher does, trucks/watcher.ts): a status seen from the movement (stopped, lost,
 * moving again), a checkpoint reached, an alert no longer true. People cannot send these; and
 * what a crew has said (an incident, finished, not started) the positions do not overrule.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { fleet } from '../../../src/lib/server/trucks/live-fleet';
import { getAlert, loadState, openAlert } from '../../../src/lib/server/trucks/store';
import { accepted, run, type Actor } from '../support/command';
import { databaseContents } from '../support/database';
import { recordEmitted } from '../support/emitted';
import { givenTheDemoScenario, signedIn, vn, type Person } from '../support/given';

/** Phường Tân Kiểng's truck, on route r-tan-kieng (tan-kieng-cp1 at 07:30, cp2 at 07:35, …) */
const truckId = 'xe-tan-kieng';
const watcher: Actor = { kind: 'system', label: 'Hệ thống theo dõi xe' };
const now = vn('2024-10-04T07:40:00');

const emitted = recordEmitted();

let crew: Person;
let coordinator: Person;

beforeEach(async () => {
	await givenTheDemoScenario(now);
	crew = signedIn('truck_crew', { unitId: 'phuong-tan-kieng', truckId });
	coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
});

const state = () => loadState(db(), truckId);

describe('a status seen in the positions', () => {
	it("changes a moving truck's status, marked as found by the server", async () => {
		await accepted(run(crew, 'truck.depart', { truckId }));

		await accepted(run(watcher, 'truck.auto_status', { truckId, status: 'stopped' }));
		expect(state().status).toBe('stopped');
		await accepted(run(watcher, 'truck.auto_status', { truckId, status: 'lost' }));
		expect(state().status).toBe('lost');
		await accepted(run(watcher, 'truck.auto_status', { truckId, status: 'moving' }));

		expect(state().status).toBe('moving');
		expect(fleet().state(truckId).status).toBe('moving');
		expect(emitted.of('truck.status_changed').map((e) => [e.event.data.status, e.event.data.by])).toEqual([
			['moving', 'crew'],
			['stopped', 'auto'],
			['lost', 'auto'],
			['moving', 'auto']
		]);
	});

	it('does not overrule what the crew said (not started, an incident, finished): refused, nothing changes', async () => {
		const overruled = async (status: 'moving' | 'stopped' | 'lost') => {
			const before = databaseContents();
			const result = await run(watcher, 'truck.auto_status', { truckId, status });
			expect(result).toMatchObject({ ok: false, code: 'conflict' });
			expect(databaseContents()).toEqual(before);
		};

		await overruled('moving'); // not started yet
		await accepted(run(crew, 'truck.depart', { truckId }));
		await accepted(run(crew, 'truck.incident', { truckId, note: 'Thủng lốp' }));
		await overruled('moving');
		expect(state()).toMatchObject({ status: 'incident', incidentNote: 'Thủng lốp' });
		await accepted(run(crew, 'truck.finish', { truckId }));
		await overruled('lost');
		expect(state().status).toBe('finished');
	});

	it('that the truck already has is refused as a conflict', async () => {
		await accepted(run(crew, 'truck.depart', { truckId }));

		expect(await run(watcher, 'truck.auto_status', { truckId, status: 'moving' })).toMatchObject({
			ok: false,
			code: 'conflict'
		});
	});

	it('is the server’s to send: the ops room cannot, and nothing changes', async () => {
		await accepted(run(crew, 'truck.depart', { truckId }));
		const before = databaseContents();

		const result = await run(coordinator, 'truck.auto_status', { truckId, status: 'lost' });

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(databaseContents()).toEqual(before);
	});
});

describe('a checkpoint reached, seen in the positions', () => {
	it('is marked at the time the truck was there, not by hand, with its delay; the late alert there is cleared', async () => {
		await accepted(run(crew, 'truck.depart', { truckId, at: vn('2024-10-04T07:30:00') }));
		await accepted(
			run(watcher, 'alert.raise', {
				truckId,
				kind: 'late',
				checkpointId: 'tan-kieng-cp2',
				message: 'Xe loa phường Tân Kiểng: trễ 3 phút'
			})
		);
		const late = openAlert(db(), truckId, 'late', 'tan-kieng-cp2')!;
		const at = vn('2024-10-04T07:37:00'); // planned 07:35

		await accepted(run(watcher, 'truck.reached', { truckId, checkpointId: 'tan-kieng-cp2', at }));

		expect(state().reached).toEqual({ 'tan-kieng-cp2': at });
		expect(getAlert(db(), late.id)!.clearedAt).not.toBeNull();
		expect(emitted.only('truck.checkpoint_reached').event.data).toMatchObject({
			checkpointId: 'tan-kieng-cp2',
			at,
			delaySeconds: 120,
			manual: false
		});
	});

	it("of another truck's route is refused as not found, and nothing changes", async () => {
		const before = databaseContents();

		const result = await run(watcher, 'truck.reached', { truckId, checkpointId: 'phu-my-cp1', at: now });

		expect(result).toMatchObject({ ok: false, code: 'not_found' });
		expect(databaseContents()).toEqual(before);
	});

	it('is the server’s to send: a crew marks arrivals with its own button, not this one', async () => {
		const before = databaseContents();

		const result = await run(crew, 'truck.reached', { truckId, checkpointId: 'tan-kieng-cp1', at: now });

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(databaseContents()).toEqual(before);
	});
});

describe('an alert no longer true', () => {
	const stale = { truckId, kind: 'stale', checkpointId: null } as const;

	it('is cleared: closed at the day’s time, no longer open', async () => {
		await accepted(
			run(watcher, 'alert.raise', { ...stale, message: 'Xe loa phường Tân Kiểng: mất tín hiệu' })
		);
		const alert = openAlert(db(), truckId, 'stale', null)!;

		await accepted(run(watcher, 'alert.clear', stale));

		expect(getAlert(db(), alert.id)!.clearedAt).toBe(now);
		expect(openAlert(db(), truckId, 'stale', null)).toBeUndefined();
		expect(emitted.only('alert.cleared').event.data).toEqual({ id: alert.id });
	});

	it('when none is open is refused as not found, and nothing changes', async () => {
		await accepted(run(watcher, 'alert.raise', { ...stale, message: 'Mất tín hiệu' }));
		await accepted(run(watcher, 'alert.clear', stale));
		const before = databaseContents();

		const again = await run(watcher, 'alert.clear', stale);
		const other = await run(watcher, 'alert.clear', { truckId, kind: 'off_route', checkpointId: null });

		expect(again).toMatchObject({ ok: false, code: 'not_found' });
		expect(other).toMatchObject({ ok: false, code: 'not_found' });
		expect(databaseContents()).toEqual(before);
	});

	it('is the server’s to clear: the ops room acknowledges alerts, it cannot clear them', async () => {
		await accepted(run(watcher, 'alert.raise', { ...stale, message: 'Mất tín hiệu' }));
		const before = databaseContents();

		const result = await run(coordinator, 'alert.clear', stale);

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(databaseContents()).toEqual(before);
		expect(openAlert(db(), truckId, 'stale', null)).toBeDefined();
	});
});
