/**
 * A ceremony per level, through the one command path: the demo's Quận 7 under a city, the city's
 * ceremony (the plan's single `ceremony`) beside Quận 7's own. Each level's coordinator runs its
 * own ceremony and its gates check in its own guests only; a guest of one ceremony is refused at
 * another's gate with where they are invited. Events reach the rooms of the ceremony's level.
 */
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { arrivalsByGroup } from '../../../src/lib/ceremony/types';
import { validateScenario } from '../../../src/lib/scenario/validate';
import { listCheckins, listGroups, listInvitees } from '../../../src/lib/server/ceremony/store';
import { db, type Db } from '../../../src/lib/server/db';
import { migrate } from '../../../src/lib/server/db/migrations';
import { exportScenario, milestonesOf } from '../../../src/lib/server/scenario/store';
import { accepted, run } from '../support/command';
import { recordEmitted, rooms } from '../support/emitted';
import {
	demoScenario,
	givenTheDemoScenario,
	nestedInACity,
	signedIn,
	vn,
	withQuan7Ceremony,
	type Person
} from '../support/given';

const emitted = recordEmitted();

let city: Person;
let quan7: Person;
let quan7Gate: Person;
let cityGate: Person;

const guest = (name: string) => listInvitees(db()).find((p) => p.name === name)!;

describe('a ceremony per level', () => {
	beforeEach(async () => {
		await givenTheDemoScenario(vn('2024-10-03T07:30:00'), withQuan7Ceremony(nestedInACity()));
		city = signedIn('coordinator', { unitId: 'thanh-pho' });
		quan7 = signedIn('coordinator', { unitId: 'ttvh-tt' });
		quan7Gate = signedIn('gate_staff', { unitId: 'ttvh-tt', username: 'cong-1' });
		cityGate = signedIn('gate_staff', { username: 'cong-tp' });
		await accepted(
			run(city, 'ceremony.import_invitees', {
				mode: 'replace',
				invitees: [{ name: 'Lê Văn Thành', title: 'Phó Chủ tịch UBND Thành phố', groupId: 'lanh-dao-ubnd' }]
			})
		);
		await accepted(
			run(quan7, 'ceremony.import_invitees', {
				mode: 'replace',
				invitees: [{ name: 'Nguyễn Thị Lan', title: 'Phó Chủ tịch UBND quận', groupId: 'q7-lanh-dao' }]
			})
		);
		emitted.clear();
	});

	it("puts each level's list in its own ceremony", () => {
		expect(listInvitees(db(), 'le-quan7').map((p) => p.name)).toEqual(['Nguyễn Thị Lan']);
		expect(listInvitees(db(), 'khai-mac').map((p) => p.name)).toEqual(['Lê Văn Thành']);
		expect(listGroups(db(), 'le-quan7').map((g) => g.id)).toEqual(['q7-lanh-dao', 'q7-hoc-sinh']);
	});

	it("checks Quận 7's guest in at Quận 7's gate, heard by Quận 7's rooms and the city's", async () => {
		await accepted(run(quan7Gate, 'gate.check_in', { code: guest('Nguyễn Thị Lan').code }));

		expect(arrivalsByGroup(listCheckins(db(), 'le-quan7')).get('q7-lanh-dao')).toBe(1);
		expect(listCheckins(db(), 'khai-mac')).toEqual([]);
		const { event, audience } = emitted.only('ceremony.checked_in');
		expect(event.data.checkin.ceremonyId).toBe('le-quan7');
		expect(audience).toEqual(
			rooms('ops', 'display', 'gate', 'ceremony:le-quan7', 'ops@quan7', 'display@quan7', 'gate@quan7')
		);
	});

	it("refuses a city guest at Quận 7's gate, saying where they are invited", async () => {
		const answer = await run(quan7Gate, 'gate.check_in', { code: guest('Lê Văn Thành').code });

		expect(answer).toMatchObject({ ok: false, code: 'conflict' });
		expect(!answer.ok && answer.message).toContain('Nhà hát Bến Thành');
		expect(listCheckins(db())).toEqual([]);
	});

	it("refuses Quận 7's guest at the city's gate, and the city's check-ins stay out of Quận 7's rooms", async () => {
		expect(await run(cityGate, 'gate.check_in', { code: guest('Nguyễn Thị Lan').code })).toMatchObject({
			ok: false,
			code: 'conflict'
		});
		await accepted(run(cityGate, 'gate.check_in', { code: guest('Lê Văn Thành').code }));
		expect(emitted.only('ceremony.checked_in').audience).toEqual(
			rooms('ops', 'display', 'gate', 'ceremony:khai-mac')
		);
	});

	it("does not let Quận 7's gate or coordinator act on the city's ceremony by naming it", async () => {
		expect(
			await run(quan7Gate, 'gate.count', { ceremonyId: 'khai-mac', groupId: 'hoc-sinh', count: 5 })
		).toMatchObject({ code: 'forbidden' });
		expect(
			await run(quan7, 'ceremony.save_setup', {
				ceremonyId: 'khai-mac',
				title: 'X',
				place: 'Y',
				startsAt: '2024-10-03T08:00:00+07:00'
			})
		).toMatchObject({ code: 'forbidden' });
		// a group of another ceremony is not counted at this one
		expect(await run(quan7Gate, 'gate.count', { groupId: 'hoc-sinh', count: 5 })).toMatchObject({
			code: 'not_found'
		});
		await accepted(run(quan7Gate, 'gate.count', { groupId: 'q7-hoc-sinh', count: 5 }));
		// the city's coordinator, whose scope is everything, may stand in at Quận 7's gate
		await accepted(run(city, 'gate.count', { ceremonyId: 'le-quan7', groupId: 'q7-hoc-sinh', count: 3 }));
		expect(arrivalsByGroup(listCheckins(db(), 'le-quan7')).get('q7-hoc-sinh')).toBe(8);
	});

	it('lets a level without a ceremony set one up: its coordinator saves it, its gates stand at it', async () => {
		await givenTheDemoScenario(vn('2024-10-03T07:30:00'), nestedInACity());
		const coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
		const gate = signedIn('gate_staff', { unitId: 'phuong-tan-kieng' });
		// before: Quận 7's gate stands at the city's ceremony, the nearest above it
		await accepted(run(gate, 'gate.count', { groupId: 'hoc-sinh', count: 2 }));
		expect(listCheckins(db(), 'khai-mac')).toHaveLength(1);

		await accepted(
			run(coordinator, 'ceremony.save_setup', {
				title: 'Lễ khai mạc cấp quận',
				place: 'Trung tâm Văn hóa - Thể thao Quận 7',
				startsAt: '2024-10-03T09:00:00+07:00'
			})
		);
		await accepted(
			run(coordinator, 'ceremony.save_group', { group: { id: 'q7-khach', name: 'Khách mời', expected: 9 } })
		);
		await accepted(run(gate, 'gate.count', { groupId: 'q7-khach', count: 4 }));

		expect(listCheckins(db(), 'quan7').map((c) => c.count)).toEqual([4]);
		expect(exportScenario(db())!.ceremonies).toMatchObject([{ id: 'quan7', unitId: 'quan7' }]);
	});

	it('exports the top level\'s ceremony as "ceremony" and the levels\' as "ceremonies", importing again the same', async () => {
		const exported = exportScenario(db())!;
		expect(exported.ceremony?.place).toContain('Nhà hát Bến Thành');
		expect(exported.ceremonies).toMatchObject([{ id: 'le-quan7', unitId: 'ttvh-tt' }]);
		await givenTheDemoScenario(vn('2024-10-03T07:30:00'), exported);
		expect(exportScenario(db())).toEqual(exported);
	});
});

describe('the run of show of a level', () => {
	it("shows a level its own milestones and the levels' above it, never another level's", async () => {
		const plan = nestedInACity();
		plan.milestones = [
			{ id: 'tp', title: 'Lễ khai mạc cấp Thành phố', at: '2024-10-03T08:00:00+07:00', kind: 'ceremony' },
			{ id: 'q7', title: 'Xe loa Quận 7 xuất phát', at: '2024-10-04T07:30:00+07:00', unitId: 'quan7' },
			{ id: 'khac', title: 'Quận Khác khai mạc', at: '2024-10-03T09:00:00+07:00', unitId: 'quan-khac' }
		];
		await givenTheDemoScenario(vn('2024-10-03T07:30:00'), plan);
		expect(milestonesOf(db(), 'quan7').map((m) => m.id)).toEqual(['tp', 'q7']);
		expect(milestonesOf(db(), 'phuong-tan-kieng').map((m) => m.id)).toEqual(['tp', 'q7']);
		expect(milestonesOf(db(), null).map((m) => m.id)).toEqual(['tp']);
	});
});

describe('a plan with ceremonies per level', () => {
	it('refuses two ceremonies for one level, and a group id used by two ceremonies', () => {
		const plan = withQuan7Ceremony(nestedInACity());
		plan.ceremonies!.push({
			id: 'le-quan7-2',
			unitId: 'quan7',
			title: 'Lễ thứ hai',
			place: 'Quận 7',
			startsAt: '2024-10-03T10:00:00+07:00',
			groups: [{ id: 'lanh-dao-ubnd', name: 'Lãnh đạo', expected: 1 }]
		});
		const check = validateScenario(plan, 'vi');
		expect(check.ok).toBe(false);
		expect(!check.ok && check.problems.map((p) => p.path)).toEqual(
			expect.arrayContaining(['ceremonies[1].unitId', 'ceremonies[1].groups[0].id'])
		);
	});

	it("keeps a single-level plan as it was: its one ceremony is the top level's", async () => {
		await givenTheDemoScenario(vn('2024-10-03T07:30:00'), demoScenario());
		const exported = exportScenario(db())!;
		expect(exported.ceremony).toEqual(demoScenario().ceremony);
		expect(exported.ceremonies).toBeUndefined();
	});
});

describe('a database from before each level had its ceremony', () => {
	it("makes its one ceremony the top level's, and its groups, invitees and check-ins that ceremony's", () => {
		const old = new Database(':memory:') as Db;
		migrate(old, 15); // as the release before levels had ceremonies left it
		old.exec(`
			INSERT INTO event_info (id, spec, ceremony, imported_at)
				VALUES ('e', '{}', '{"title":"Lễ khai mạc","place":"Nhà hát","startsAt":"2024-10-03T08:00:00+07:00"}', 0);
			INSERT INTO units (id, parent_id, kind, name, sort, spec) VALUES ('quan7', NULL, 'district', 'Quận 7', 0, '{}');
			INSERT INTO invited_groups (id, sort, spec) VALUES ('khach', 0, '{"id":"khach","name":"Khách","expected":3}');
			INSERT INTO invitees (id, code, name, group_id, sort) VALUES ('i', 'ABCDEFGHJK', 'Lan', 'khach', 0);
			INSERT INTO checkins (id, invitee_id, group_id, count, gate, at, real_at) VALUES ('c', 'i', 'khach', 1, 'Cổng 1', 1, 1);
		`);
		migrate(old);
		expect(old.prepare('SELECT id, unit_id FROM ceremonies').all()).toEqual([
			{ id: 'khai-mac', unit_id: null }
		]);
		expect(listCheckins(old, 'khai-mac').map((c) => c.id)).toEqual(['c']);
		expect(listInvitees(old, 'khai-mac').map((p) => p.name)).toEqual(['Lan']);
		expect(listGroups(old, 'khai-mac').map((g) => g.id)).toEqual(['khach']);
		old.close();
	});
});
