/**
 * A ward's banner checklist through the one command path, on the demo scenario: the ward
 * tablet ticks an item with photos taken on the spot, the ops room reviews the photos and edits
 * the items. What the ward and the ops room see is read back as the pages read it: the item
 * views and the ward's progress (progressOf, as the ops matrix and the wall display compute it).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { percent, progressOf } from '../../../src/lib/checklists/types';
import { dayNow } from '../../../src/lib/server/day-clock';
import { db } from '../../../src/lib/server/db';
import {
	itemView,
	latestAcceptedPhotos,
	listItemSpecs,
	listItemViews
} from '../../../src/lib/server/checklists/store';
import { ingestPhoto } from '../../../src/lib/server/photos/uploads';
import { listUnits } from '../../../src/lib/server/scenario/units';
import { cameraJpeg } from '../../helpers/photos';
import { accepted, run, send, type Actor } from '../support/command';
import { databaseContents } from '../support/database';
import {
	givenAnUploadedPhoto,
	givenDayTime,
	givenTheDemoScenario,
	signedIn,
	vn,
	type Person
} from '../support/given';

const tanKieng = 'phuong-tan-kieng';
const phuMy = 'phuong-phu-my';
/** Tân Kiểng's banner at the ward's gate: 2 băng rôn, due 17:00 on the opening day */
const banner = 'cl-tan-kieng-3';

let staff: Person;
let coordinator: Person;

beforeEach(async () => {
	await givenTheDemoScenario(vn('2024-10-03T09:00:00'));
	staff = signedIn('ward_staff', { unitId: tanKieng });
	coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
});

const progress = (unitId = tanKieng) => progressOf(listItemViews(db(), unitId), dayNow(db()));

function tick(actor: Actor, itemId: string, uploads: string[], quantityDone: number | null = 2) {
	return run(actor, 'checklist.tick', { itemId, uploads, quantityDone, note: 'Đã treo' });
}

describe("ticking a ward's item", () => {
	it("with a photo from the spot: done, the photo waits for review, and the ward's progress counts it", async () => {
		const before = progress();
		const photo = givenAnUploadedPhoto(tanKieng);

		await accepted(tick(staff, banner, [photo.uploadId]));

		expect(itemView(db(), banner)).toMatchObject({
			status: 'done',
			quantityDone: 2,
			note: 'Đã treo',
			photos: [{ id: photo.photoId, status: 'pending' }]
		});
		expect(before).toMatchObject({ total: 5, done: 0 });
		expect(progress()).toMatchObject({ total: 5, done: 1, overdue: 0 });
		expect(percent(progress())).toBe(20);
		expect(progress(phuMy).done).toBe(0);
	});

	it('with a photo as the tablet sends it: a real JPEG, checked and stored in process', async () => {
		const uploadId = crypto.randomUUID();
		const stored = await ingestPhoto(
			db(),
			{ uploadId, unitId: tanKieng, userId: null },
			await cameraJpeg(320, 240),
			false
		);
		expect(stored).toMatchObject({ ok: true, photoId: expect.stringMatching(/^[0-9a-f]{64}$/) });

		await accepted(tick(staff, banner, [uploadId]));

		expect(itemView(db(), banner)!.photos.map((p) => p.id)).toEqual([stored.ok && stored.photoId]);
	});

	it('without a photo is refused with the field to fix, and nothing changes', async () => {
		const before = databaseContents();

		const result = await send(staff, {
			id: crypto.randomUUID(),
			type: 'checklist.tick',
			payload: { itemId: banner, uploads: [] }
		});

		expect(result).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'uploads' }] });
		expect(databaseContents()).toEqual(before);
	});

	it('with a photo uploaded for another ward, or one the server no longer has, is refused and nothing changes', async () => {
		const theirs = givenAnUploadedPhoto(phuMy);
		const before = databaseContents();

		const borrowed = await tick(staff, banner, [theirs.uploadId]);
		const expired = await tick(staff, banner, [crypto.randomUUID()]);

		for (const result of [borrowed, expired])
			expect(result).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'uploads[0]' }] });
		expect(databaseContents()).toEqual(before);
	});

	it("for another ward's item is forbidden, and nothing changes", async () => {
		const photo = givenAnUploadedPhoto(tanKieng);
		const before = databaseContents();

		const result = await tick(staff, 'cl-phu-my-3', [photo.uploadId]);

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(databaseContents()).toEqual(before);
	});

	it('may be done by the ops room for a ward', async () => {
		await accepted(tick(coordinator, 'cl-phu-my-3', [givenAnUploadedPhoto(phuMy).uploadId]));

		expect(progress(phuMy).done).toBe(1);
	});
});

describe("the ops room's review of the photos", () => {
	it('a rejected photo returns the item with the reason; a new tick with a new photo makes it done again', async () => {
		const first = givenAnUploadedPhoto(tanKieng);
		await accepted(tick(staff, banner, [first.uploadId]));

		await accepted(
			run(coordinator, 'checklist.review_photo', {
				itemId: banner,
				photoId: first.photoId,
				verdict: 'rejected',
				reason: 'Ảnh mờ, chụp lại'
			})
		);

		expect(itemView(db(), banner)).toMatchObject({ status: 'returned', returnedReason: 'Ảnh mờ, chụp lại' });
		expect(progress().done).toBe(0);

		const second = givenAnUploadedPhoto(tanKieng);
		await accepted(tick(staff, banner, [second.uploadId]));

		expect(itemView(db(), banner)).toMatchObject({
			status: 'done',
			returnedReason: null,
			photos: [{ id: second.photoId, status: 'pending' }]
		});
		expect(progress().done).toBe(1);
	});

	it('an accepted photo goes to the display strip', async () => {
		const photo = givenAnUploadedPhoto(tanKieng);
		await accepted(tick(staff, banner, [photo.uploadId]));

		await accepted(
			run(coordinator, 'checklist.review_photo', {
				itemId: banner,
				photoId: photo.photoId,
				verdict: 'accepted'
			})
		);

		expect(latestAcceptedPhotos(db(), 5)).toMatchObject([
			{ id: photo.photoId, itemId: banner, unitId: tanKieng }
		]);
	});

	it('a rejection without a reason is refused: the ward must know what to redo', async () => {
		const photo = givenAnUploadedPhoto(tanKieng);
		await accepted(tick(staff, banner, [photo.uploadId]));
		const before = databaseContents();

		const result = await run(coordinator, 'checklist.review_photo', {
			itemId: banner,
			photoId: photo.photoId,
			verdict: 'rejected'
		});

		expect(result).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'reason' }] });
		expect(databaseContents()).toEqual(before);
	});

	it('a ward cannot review its own photos', async () => {
		const photo = givenAnUploadedPhoto(tanKieng);
		await accepted(tick(staff, banner, [photo.uploadId]));

		const result = await run(staff, 'checklist.review_photo', {
			itemId: banner,
			photoId: photo.photoId,
			verdict: 'accepted'
		});

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(itemView(db(), banner)!.photos[0].status).toBe('pending');
	});
});

describe('taking a tick back', () => {
	it('withdraws the tick and its photos', async () => {
		await accepted(tick(staff, banner, [givenAnUploadedPhoto(tanKieng).uploadId]));

		await accepted(run(staff, 'checklist.untick', { itemId: banner, reason: 'Treo nhầm chỗ' }));

		expect(itemView(db(), banner)).toMatchObject({ status: 'todo', photos: [] });
		expect(progress().done).toBe(0);
	});
});

describe("editing the wards' lists (ops room)", () => {
	it('an item added for every ward appears on each ward’s list', async () => {
		const wards = listUnits(db()).filter((u) => u.kind === 'ward').length;

		await accepted(
			run(coordinator, 'checklist.add_to_units', {
				idPrefix: 'co-bo-sung',
				unitKind: 'ward',
				under: null,
				item: {
					kind: 'co',
					place: 'Trước nhà văn hoá khu phố',
					quantity: 10,
					deadline: '2024-10-03T17:00:00+07:00'
				}
			})
		);

		expect(progress().total).toBe(6);
		expect(listItemSpecs(db()).filter((i) => i.id.startsWith('co-bo-sung-'))).toHaveLength(wards);
	});

	it('past a new deadline, the items not done count as overdue', async () => {
		await accepted(tick(staff, banner, [givenAnUploadedPhoto(tanKieng).uploadId]));

		await accepted(
			run(coordinator, 'checklist.set_deadline', { unitId: tanKieng, deadline: '2024-10-03T10:00:00+07:00' })
		);
		givenDayTime(vn('2024-10-03T10:30:00'));

		expect(progress()).toMatchObject({ total: 5, done: 1, overdue: 4 });
		expect(progress(phuMy).overdue).toBe(0);
	});

	it('a ward cannot edit the lists', async () => {
		const result = await run(staff, 'checklist.remove_item', { itemId: banner });

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(itemView(db(), banner)).toBeDefined();
	});
});

describe("one item of a ward's list, added or edited (ops room)", () => {
	const newItem = {
		id: 'pano-cong-truong',
		unitId: tanKieng,
		kind: 'pano' as const,
		place: 'Cổng trường THCS Tân Kiểng',
		quantity: 1,
		sloganId: 's01',
		deadline: '2024-10-03T17:00:00+07:00'
	};

	it("a new one goes to the end of that ward's list, not yet done", async () => {
		await accepted(run(coordinator, 'checklist.save_item', { item: newItem }));

		expect(listItemSpecs(db(), tanKieng).at(-1)).toEqual(newItem);
		expect(itemView(db(), newItem.id)).toMatchObject({ unitId: tanKieng, status: 'todo', quantity: 1 });
		expect(progress()).toMatchObject({ total: 6, done: 0 });
		expect(progress(phuMy).total).toBe(5);
	});

	it('edited in the same ward, it keeps its tick and photos', async () => {
		const photo = givenAnUploadedPhoto(tanKieng);
		await accepted(tick(staff, banner, [photo.uploadId]));
		const spec = listItemSpecs(db(), tanKieng).find((i) => i.id === banner)!;

		await accepted(run(coordinator, 'checklist.save_item', { item: { ...spec, quantity: 3 } }));

		expect(itemView(db(), banner)).toMatchObject({
			quantity: 3,
			status: 'done',
			photos: [{ id: photo.photoId }]
		});
		expect(
			listItemSpecs(db(), tanKieng)
				.map((i) => i.id)
				.indexOf(banner)
		).toBe(2);
	});

	it("moved to another ward, it starts afresh there: the old ward's tick and photos are not its", async () => {
		await accepted(tick(staff, banner, [givenAnUploadedPhoto(tanKieng).uploadId]));
		const spec = listItemSpecs(db(), tanKieng).find((i) => i.id === banner)!;

		await accepted(run(coordinator, 'checklist.save_item', { item: { ...spec, unitId: phuMy } }));

		expect(itemView(db(), banner)).toMatchObject({ unitId: phuMy, status: 'todo', photos: [] });
		expect(progress()).toMatchObject({ total: 4, done: 0 });
		expect(progress(phuMy)).toMatchObject({ total: 6, done: 0 });
	});

	it('for a ward or a slogan the scenario does not have is refused with the field, and nothing changes', async () => {
		const before = databaseContents();

		const noWard = await run(coordinator, 'checklist.save_item', {
			item: { ...newItem, unitId: 'phuong-khong-co' }
		});
		const noSlogan = await run(coordinator, 'checklist.save_item', { item: { ...newItem, sloganId: 's99' } });

		expect(noWard).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'item.unitId' }] });
		expect(noSlogan).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'item.sloganId' }] });
		expect(databaseContents()).toEqual(before);
	});

	it('a ward cannot add to its own list, and nothing changes', async () => {
		const before = databaseContents();

		const result = await run(staff, 'checklist.save_item', { item: newItem });

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(databaseContents()).toEqual(before);
	});
});
