/**
 * A level of the Week inside a bigger one: Quận 7's whole day under a city, beside another
 * district. Quận 7's coordinator runs Quận 7 through the one command path and nothing beyond it;
 * what the city keeps for itself (the parade's start, the ceremony, the sign-off) stays the city's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { listDisplayLinks } from '../../../src/lib/server/displays/store';
import { latestNotices, noticesFor } from '../../../src/lib/server/notices/store';
import { accepted, run } from '../support/command';
import { recordEmitted, rooms } from '../support/emitted';
import { givenTheDemoScenario, nestedInACity, signedIn, vn, type Person } from '../support/given';

const emitted = recordEmitted();

let quan7: Person;
let city: Person;

beforeEach(async () => {
	await givenTheDemoScenario(vn('2024-10-03T07:30:00'), nestedInACity());
	// bound to the TTVH-TT, an office of Quận 7: Quận 7's coordinator
	quan7 = signedIn('coordinator', { unitId: 'ttvh-tt' });
	city = signedIn('coordinator', { unitId: 'thanh-pho' });
	emitted.clear();
});

describe("a level's coordinator", () => {
	it("drives its own trucks, not another district's", async () => {
		await accepted(run(quan7, 'truck.depart', { truckId: 'xe-tan-kieng' }));
		expect(await run(quan7, 'truck.depart', { truckId: 'xe-khac' })).toMatchObject({
			ok: false,
			code: 'forbidden'
		});
		await accepted(run(city, 'truck.depart', { truckId: 'xe-khac' }));
	});

	it("tells its own level's screens, and the city's, of what it did; not the other district's", async () => {
		await accepted(run(quan7, 'truck.depart', { truckId: 'xe-tan-kieng' }));

		const { audience } = emitted.only('truck.status_changed');
		expect(audience).toEqual(
			rooms(
				'ops',
				'display',
				'truck:xe-tan-kieng',
				'ops@phuong-tan-kieng',
				'display@phuong-tan-kieng',
				'ops@quan7',
				'display@quan7'
			)
		);
	});

	it("posts a notice to all: all of Quận 7's units hear it, the other district's do not", async () => {
		await accepted(run(quan7, 'notice.post', { body: 'Tập trung lúc 6 giờ 30' }));

		expect(latestNotices(db(), 10)[0].targetUnitIds).toEqual(['quan7']);
		expect(noticesFor(db(), 10, 'phuong-tan-kieng').map((n) => n.body)).toEqual(['Tập trung lúc 6 giờ 30']);
		expect(noticesFor(db(), 10, 'phuong-khac')).toEqual([]);
		expect(await run(quan7, 'notice.post', { body: 'Nhầm', targetUnitIds: ['phuong-khac'] })).toMatchObject({
			ok: false,
			code: 'forbidden'
		});
	});

	it('makes wall-screen links of its own level, and cannot revoke the city’s', async () => {
		await accepted(run(quan7, 'display_link.create', { name: 'Hội trường Quận 7' }));
		await accepted(run(city, 'display_link.create', { name: 'Sở' }));
		const [ours, theirs] = ['Hội trường Quận 7', 'Sở'].map((name) =>
			listDisplayLinks(db()).find((l) => l.name === name)!
		);

		expect(ours.unitId).toBe('quan7');
		expect(theirs.unitId).toBeNull();
		expect(await run(quan7, 'display_link.revoke', { linkId: theirs.id })).toMatchObject({
			code: 'forbidden'
		});
		await accepted(run(quan7, 'display_link.revoke', { linkId: ours.id }));
	});

	it("ticks its own units' checklists, not the other district's", async () => {
		await accepted(
			run(quan7, 'checklist.set_deadline', {
				unitId: 'phuong-tan-kieng',
				deadline: '2024-10-03T18:00:00+07:00'
			})
		);
		expect(
			await run(quan7, 'checklist.set_deadline', {
				unitId: 'phuong-khac',
				deadline: '2024-10-03T18:00:00+07:00'
			})
		).toMatchObject({ code: 'forbidden' });
	});

	it("leaves the city's own things to the city: the parade's start, the ceremony, the table's targets", async () => {
		for (const [type, payload] of [
			['parade.set_start', { startAt: null }],
			[
				'ceremony.save_group',
				{ ceremonyId: 'khai-mac', group: { id: 'khach', name: 'Khách mời', expected: 10 } }
			],
			['report.set_target', { rowId: 'lop-boi-duong', target: { count: 40 } }]
		] as const)
			expect(await run(quan7, type, payload as never), type).toMatchObject({ ok: false, code: 'forbidden' });
		await accepted(run(city, 'parade.set_start', { startAt: null }));
	});
});
