/**
 * The demo simulator's new day, through the one command path: every truck back at the start,
 * every checklist blank, the gates' check-ins and the units' reports gone, so the demo day can
 * run again. The setup (routes, items, invitees) stays. Only the simulator (the system) sends it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { listCheckins, listInvitees } from '../../../src/lib/server/ceremony/store';
import { itemView, listItemSpecs } from '../../../src/lib/server/checklists/store';
import { db } from '../../../src/lib/server/db';
import { getDraft, getSignoff, listSubmissions } from '../../../src/lib/server/reports/store';
import { fleet } from '../../../src/lib/server/trucks/live-fleet';
import { getAlert, loadState, openAlert } from '../../../src/lib/server/trucks/store';
import { accepted, run, type Actor } from '../support/command';
import { databaseContents } from '../support/database';
import { givenAnUploadedPhoto, givenTheDemoScenario, signedIn, vn, type Person } from '../support/given';

const simulator: Actor = { kind: 'system', label: 'Bộ mô phỏng (demo)' };
const tanKieng = 'phuong-tan-kieng';
const truckId = 'xe-tan-kieng';
const banner = 'cl-tan-kieng-3';

let coordinator: Person;
let crew: Person;
let staff: Person;
let gate: Person;

beforeEach(async () => {
	// the parade's morning, well into the demo day
	await givenTheDemoScenario(vn('2024-10-04T07:40:00'));
	coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
	crew = signedIn('truck_crew', { unitId: tanKieng, truckId });
	staff = signedIn('ward_staff', { unitId: tanKieng });
	gate = signedIn('gate_staff', { unitId: 'ttvh-tt' });
});

/** A day under way: a truck out on its route with an open alert, a banner ticked, guests in, a report in. */
async function givenADayUnderWay(): Promise<{ alertId: string }> {
	await accepted(run(crew, 'truck.depart', { truckId, at: vn('2024-10-04T07:30:00') }));
	await accepted(run(crew, 'truck.arrive', { truckId }));
	await accepted(
		run({ kind: 'system', label: 'Hệ thống theo dõi xe' }, 'alert.raise', {
			truckId,
			kind: 'stale',
			checkpointId: null,
			message: 'Mất tín hiệu'
		})
	);
	await accepted(
		run(staff, 'checklist.tick', { itemId: banner, uploads: [givenAnUploadedPhoto(tanKieng).uploadId] })
	);
	await accepted(
		run(coordinator, 'ceremony.import_invitees', {
			mode: 'replace',
			invitees: [{ name: 'Nguyễn Thị Lan', groupId: 'lanh-dao-ubnd' }]
		})
	);
	await accepted(run(gate, 'gate.check_in', { code: listInvitees(db())[0].code }));
	await accepted(run(gate, 'gate.count', { groupId: 'hoc-sinh', count: 40 }));
	const report = { unitId: tanKieng, figures: { 'lop-boi-duong': { count: 3 } }, narrative: {} };
	await accepted(run(staff, 'report.submit', report));
	await accepted(run(coordinator, 'report.sign_off', { note: 'Chốt' }));
	return { alertId: openAlert(db(), truckId, 'stale', null)!.id };
}

describe('a new demo day', () => {
	it('puts every truck back at the start, blank, and closes its alerts', async () => {
		const { alertId } = await givenADayUnderWay();
		expect(loadState(db(), truckId)).toMatchObject({ status: 'moving' });

		await accepted(run(simulator, 'demo.new_day', { anchorReal: Date.now() }));

		expect(loadState(db(), truckId)).toMatchObject({ status: 'idle', startedAt: null, reached: {} });
		expect(fleet().state(truckId)).toMatchObject({ status: 'idle', reached: {} });
		expect(getAlert(db(), alertId)!.clearedAt).toBe(vn('2024-10-04T07:40:00'));
		// the crew can start the day again
		await accepted(run(crew, 'truck.depart', { truckId }));
	});

	it('blanks the checklists, the check-ins and the reports; the setup stays', async () => {
		await givenADayUnderWay();
		const items = listItemSpecs(db()).length;

		await accepted(run(simulator, 'demo.new_day', { anchorReal: Date.now() }));

		expect(itemView(db(), banner)).toMatchObject({ status: 'todo', doneAt: null, photos: [] });
		expect(listCheckins(db())).toEqual([]);
		expect(listSubmissions(db())).toEqual([]);
		expect(getDraft(db(), tanKieng, () => [])).toBeNull();
		expect(getSignoff(db(), null)).toBeNull();
		expect(listItemSpecs(db())).toHaveLength(items);
		expect(listInvitees(db()).map((p) => p.name)).toEqual(['Nguyễn Thị Lan']);
		expect(fleet().routeOf(truckId)!.id).toBe('r-tan-kieng');
	});

	it('is the simulator’s alone: neither the admin nor the ops room can send it, and nothing changes', async () => {
		await givenADayUnderWay();
		const admin = signedIn('admin', { unitId: 'quan7' });
		const before = databaseContents();

		for (const person of [admin, coordinator])
			expect(await run(person, 'demo.new_day', { anchorReal: Date.now() })).toMatchObject({
				ok: false,
				code: 'forbidden'
			});

		expect(databaseContents()).toEqual(before);
		expect(loadState(db(), truckId).status).toBe('moving');
	});
});
