/**
 * Who hears of what a command did: the event it appends, its key data, and its audience (the
 * realtime rooms the event is sent to; a socket is in a room only if roomsFor in access.ts lets
 * it in). A room too many shows a ward another ward's work or a draft; a room too few leaves a
 * screen behind. Each audience is asserted exactly, as the handler states it.
 *
 * Rooms: 'ops' (the ops room), 'display' (wall screens), 'staff' (everyone in the street),
 * 'admin', 'gate', unit:<id> (a unit's screens), truck:<id> (a crew's phone), report:<id> (a
 * unit's own reporting screens), link:<id> (the screens of one display link), under:<id> (the
 * staff of a unit and of every unit beneath it). A level's ops rooms and displays have their own
 * copies: ops@<unit> hears what happens in that unit's subtree, ops@* what concerns every level.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultLayout, type DisplayLayout } from '../../../src/lib/displays/layout';
import { listInvitees } from '../../../src/lib/server/ceremony/store';
import { db } from '../../../src/lib/server/db';
import { listDisplayLinks } from '../../../src/lib/server/displays/store';
import { accepted, run } from '../support/command';
import { recordEmitted, rooms } from '../support/emitted';
import { givenAnUploadedPhoto, givenTheDemoScenario, signedIn, vn, type Person } from '../support/given';

const tanKieng = 'phuong-tan-kieng';
const phuMy = 'phuong-phu-my';
const truckId = 'xe-tan-kieng';
const otherTruck = 'xe-phu-my';

const emitted = recordEmitted();

let coordinator: Person;

beforeEach(async () => {
	// the opening day, before the ceremony; the parade's trucks are ready
	await givenTheDemoScenario(vn('2024-10-03T07:30:00'));
	coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
	emitted.clear();
});

describe('a notice', () => {
	it('to everyone goes to the ops room, the displays and every unit in the street', async () => {
		await accepted(run(coordinator, 'notice.post', { body: 'Tập trung lúc 6 giờ 30', urgent: true }));

		const { event, audience } = emitted.only('notice.posted');
		expect(event.data).toMatchObject({ body: 'Tập trung lúc 6 giờ 30', urgent: true, targetUnitIds: null });
		expect(audience).toEqual(rooms('ops', 'display', 'staff', 'ops@*', 'display@*'));
	});

	it("to chosen units goes to those units' rooms only, not to the whole street", async () => {
		await accepted(
			run(coordinator, 'notice.post', {
				body: 'Bổ sung băng rôn',
				targetUnitIds: [tanKieng, phuMy, tanKieng]
			})
		);

		const { event, audience } = emitted.only('notice.posted');
		expect(event.data.targetUnitIds).toEqual([tanKieng, phuMy]);
		expect(audience).toEqual(
			rooms(
				'ops',
				'display',
				`under:${tanKieng}`,
				`under:${phuMy}`,
				// each ward's own level hears of it, not another ward's
				`ops@${tanKieng}`,
				`display@${tanKieng}`,
				`ops@${phuMy}`,
				`display@${phuMy}`
			)
		);
	});
});

describe("a truck's change", () => {
	it("goes to the ops room, the displays and that truck's crew: not another truck, not the ward's other screens", async () => {
		const crew = signedIn('truck_crew', { unitId: tanKieng, truckId });

		await accepted(run(crew, 'truck.depart', { truckId }));

		const { event, audience } = emitted.only('truck.status_changed');
		expect(event.data).toMatchObject({ truckId, status: 'moving', by: 'crew' });
		expect(audience).toEqual(
			rooms('ops', 'display', `truck:${truckId}`, `ops@${tanKieng}`, `display@${tanKieng}`)
		);
		expect(audience).not.toContain(`truck:${otherTruck}`);
	});
});

describe("a ward's checklist tick", () => {
	it("goes to the ops room, the displays and that ward's room, not another ward's", async () => {
		const staff = signedIn('ward_staff', { unitId: tanKieng });
		const photo = givenAnUploadedPhoto(tanKieng);

		await accepted(
			run(staff, 'checklist.tick', { itemId: 'cl-tan-kieng-3', uploads: [photo.uploadId], quantityDone: 2 })
		);

		const { event, audience } = emitted.only('checklist.ticked');
		expect(event.data).toMatchObject({
			unitName: 'Phường Tân Kiểng',
			item: { id: 'cl-tan-kieng-3', status: 'done', photos: [{ id: photo.photoId }] }
		});
		expect(audience).toEqual(
			rooms('ops', 'display', `unit:${tanKieng}`, `ops@${tanKieng}`, `display@${tanKieng}`)
		);
		expect(audience).not.toContain(`unit:${phuMy}`);
	});
});

describe("a unit's report", () => {
	const body = {
		unitId: tanKieng,
		figures: { 'lop-boi-duong': { count: 3 } },
		narrative: { 'trien-khai': 'Đã ban hành kế hoạch.' }
	};

	it("a draft goes only to that unit's own reporting screens: not the ops room, not the displays", async () => {
		const staff = signedIn('ward_staff', { unitId: tanKieng });

		await accepted(run(staff, 'report.save_draft', body));

		const { event, audience } = emitted.only('report.draft_saved');
		// a mark only: the unit's screens read the draft itself from the page (it may be 40,000 characters)
		expect(event.data).toMatchObject({ unitId: tanKieng });
		expect(audience).toEqual([`report:${tanKieng}`]);
	});

	it('a submission goes to the organizer (ops room, displays) and to the unit’s own reporting screens', async () => {
		const staff = signedIn('ward_staff', { unitId: tanKieng });

		await accepted(run(staff, 'report.submit', body));

		const { event, audience } = emitted.only('report.submitted');
		expect(event.data).toMatchObject({
			unitName: 'Phường Tân Kiểng',
			submission: { unitId: tanKieng, version: 1, late: false, figures: { 'lop-boi-duong': { count: 3 } } }
		});
		expect(audience).toEqual(
			rooms('ops', 'display', `report:${tanKieng}`, `ops@${tanKieng}`, `display@${tanKieng}`)
		);
	});
});

describe('a check-in at a gate', () => {
	it('goes to the ops room, the displays and the gates', async () => {
		const gate = signedIn('gate_staff', { unitId: 'ttvh-tt', username: 'cong-1' });
		await accepted(
			run(coordinator, 'ceremony.import_invitees', {
				mode: 'replace',
				invitees: [{ name: 'Nguyễn Thị Lan', groupId: 'lanh-dao-ubnd' }]
			})
		);
		const lan = listInvitees(db())[0];

		await accepted(run(gate, 'gate.check_in', { code: lan.code }));

		const { event, audience } = emitted.only('ceremony.checked_in');
		expect(event.data.checkin).toMatchObject({
			inviteeId: lan.id,
			inviteeName: 'Nguyễn Thị Lan',
			groupId: 'lanh-dao-ubnd',
			count: 1,
			gate: expect.stringContaining('cong-1')
		});
		// and to the room of its own ceremony's gates, not every gate of every level
		expect(audience).toEqual(rooms('ops', 'display', 'gate', 'ceremony:khai-mac'));
	});
});

describe("a display link's layout", () => {
	it("goes to the ops room and that link's screens only: not every display, not another link", async () => {
		await accepted(run(coordinator, 'display_link.create', { name: 'Hội trường' }));
		await accepted(run(coordinator, 'display_link.create', { name: 'Sảnh' }));
		const [hall, lobby] = ['Hội trường', 'Sảnh'].map((name) =>
			listDisplayLinks(db()).find((l) => l.name === name)!
		);
		const layout: DisplayLayout = {
			...defaultLayout,
			mode: 'rotate',
			panels: ['map', 'ceremony'],
			seconds: 30
		};

		await accepted(run(coordinator, 'display_link.configure', { linkId: hall.id, layout }));

		const { event, audience } = emitted.only('display_link.configured');
		expect(event.data).toMatchObject({ id: hall.id, name: 'Hội trường', layout });
		expect(audience).toEqual(rooms('ops', `link:${hall.id}`));
		expect(audience).not.toContain(`link:${lobby.id}`);
	});
});

describe('a new account', () => {
	it('goes to the admin only, and carries no password', async () => {
		const admin = signedIn('admin', { unitId: 'quan7' });

		await accepted(
			run(admin, 'user.create', {
				username: 'can-bo-moi',
				displayName: 'Cán bộ mới',
				role: 'ward_staff',
				unitId: tanKieng,
				password: 'mat-khau-dai'
			})
		);

		const { event, audience } = emitted.only('user.created');
		expect(event.data).toEqual({
			id: expect.any(Number),
			username: 'can-bo-moi',
			displayName: 'Cán bộ mới',
			role: 'ward_staff',
			unitId: tanKieng,
			truckId: null,
			disabled: false
		});
		expect(audience).toEqual(['admin']);
	});
});
