/**
 * Setting up the opening ceremony through the one command path (the ops room): its title, place
 * and time, and the groups of invitees (thành phần) the gates count against. Read back as the
 * gates, the ops room and the wall display read it: the ceremony picture.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { topCeremonyId } from '../../../src/lib/scenario/schema';
import { ceremonyPicture, ceremonySetup, listGroups } from '../../../src/lib/server/ceremony/store';
import { db } from '../../../src/lib/server/db';
import { accepted, run, send } from '../support/command';
import { databaseContents } from '../support/database';
import { aScenario } from '../support/factories/scenario';
import { givenTheDemoScenario, signedIn, vn, type Person } from '../support/given';

let coordinator: Person;
let gate: Person;

const setup = {
	title: 'Lễ khai mạc Tuần lễ (dời giờ)',
	place: 'Hội trường UBND Quận 7',
	startsAt: '2024-10-03T08:30:00+07:00'
};

describe('with the demo scenario', () => {
	beforeEach(async () => {
		await givenTheDemoScenario(vn('2024-10-02T15:00:00'));
		coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
		gate = signedIn('gate_staff', { unitId: 'ttvh-tt' });
	});

	const group = (id: string) => listGroups(db()).find((g) => g.id === id);

	describe("the ceremony's setup", () => {
		it('takes the new title, place and time; the rest (its place on the map) stays', async () => {
			const position = ceremonySetup(db())!.position;

			await accepted(run(coordinator, 'ceremony.save_setup', setup));

			expect(ceremonySetup(db())).toEqual({ ...setup, position });
			expect(ceremonyPicture(db(), topCeremonyId, false).ceremony).toEqual({
				title: setup.title,
				place: setup.place,
				startsAt: vn('2024-10-03T08:30:00')
			});
		});

		it('without a place, or with a time that is not one, is refused with the fields, and nothing changes', async () => {
			const before = databaseContents();

			const result = await send(coordinator, {
				id: crypto.randomUUID(),
				type: 'ceremony.save_setup',
				payload: { ...setup, place: '  ', startsAt: '8g30' }
			});

			expect(result).toMatchObject({ ok: false, code: 'invalid' });
			expect(result.ok ? [] : result.problems!.map((p) => p.path).sort()).toEqual(['place', 'startsAt']);
			expect(databaseContents()).toEqual(before);
		});

		it('is for the ops room: a gate cannot change it, and nothing changes', async () => {
			const before = databaseContents();

			const result = await run(gate, 'ceremony.save_setup', setup);

			expect(result).toMatchObject({ ok: false, code: 'forbidden' });
			expect(databaseContents()).toEqual(before);
		});
	});

	describe('a group of invitees', () => {
		it('a new one is added after the others, with the number expected', async () => {
			const before = listGroups(db()).map((g) => g.id);

			await accepted(
				run(coordinator, 'ceremony.save_group', {
					group: { id: 'cuu-chien-binh', name: 'Cựu chiến binh', expected: 15 }
				})
			);

			expect(listGroups(db()).map((g) => g.id)).toEqual([...before, 'cuu-chien-binh']);
			expect(group('cuu-chien-binh')).toEqual({ id: 'cuu-chien-binh', name: 'Cựu chiến binh', expected: 15 });
		});

		it('an existing one is changed in its place', async () => {
			const order = listGroups(db()).map((g) => g.id);

			await accepted(
				run(coordinator, 'ceremony.save_group', {
					group: { id: 'hoc-sinh', name: 'Học sinh, sinh viên', expected: 150 }
				})
			);

			expect(listGroups(db()).map((g) => g.id)).toEqual(order);
			expect(group('hoc-sinh')).toEqual({ id: 'hoc-sinh', name: 'Học sinh, sinh viên', expected: 150 });
		});

		it('expecting fewer than no one is refused with the field, and nothing changes', async () => {
			const before = databaseContents();

			const result = await send(coordinator, {
				id: crypto.randomUUID(),
				type: 'ceremony.save_group',
				payload: { group: { id: 'hoc-sinh', name: 'Học sinh', expected: -1 } }
			});

			expect(result).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'group.expected' }] });
			expect(databaseContents()).toEqual(before);
		});

		it('is set up by the ops room: a gate cannot add one, and nothing changes', async () => {
			const before = databaseContents();

			const result = await run(gate, 'ceremony.save_group', {
				group: { id: 'khach-le', name: 'Khách lẻ', expected: 5 }
			});

			expect(result).toMatchObject({ ok: false, code: 'forbidden' });
			expect(databaseContents()).toEqual(before);
		});
	});

	describe('removing a group', () => {
		it('no one is in or invited under is gone', async () => {
			await accepted(run(coordinator, 'ceremony.remove_group', { groupId: 'bao-chi' }));

			expect(group('bao-chi')).toBeUndefined();
			expect(listGroups(db())).toHaveLength(6);
		});

		it('with invitees, or with people counted in at a gate, is refused (its count can be changed), and nothing changes', async () => {
			await accepted(
				run(coordinator, 'ceremony.import_invitees', {
					mode: 'append',
					invitees: [{ name: 'Lê Thu Hà', groupId: 'bao-chi' }]
				})
			);
			await accepted(run(gate, 'gate.count', { groupId: 'hoc-sinh', count: 40 }));
			const before = databaseContents();

			for (const groupId of ['bao-chi', 'hoc-sinh'])
				expect(await run(coordinator, 'ceremony.remove_group', { groupId })).toMatchObject({
					ok: false,
					code: 'conflict'
				});
			expect(databaseContents()).toEqual(before);
		});

		it('that does not exist is refused as not found', async () => {
			const before = databaseContents();

			expect(await run(coordinator, 'ceremony.remove_group', { groupId: 'khong-co' })).toMatchObject({
				ok: false,
				code: 'not_found'
			});
			expect(databaseContents()).toEqual(before);
		});

		it('is for the ops room: a gate cannot, and nothing changes', async () => {
			const before = databaseContents();

			const result = await run(gate, 'ceremony.remove_group', { groupId: 'bao-chi' });

			expect(result).toMatchObject({ ok: false, code: 'forbidden' });
			expect(databaseContents()).toEqual(before);
		});
	});
});

describe('before any scenario is imported', () => {
	beforeEach(() => {
		coordinator = signedIn('coordinator');
	});

	it('the setup is refused as not found: there is no event to hold it', async () => {
		const result = await run(coordinator, 'ceremony.save_setup', setup);

		expect(result).toMatchObject({ ok: false, code: 'not_found' });
		expect(ceremonySetup(db())).toBeNull();
	});

	it('a scenario without a ceremony gets one from its setup', async () => {
		await givenTheDemoScenario(vn('2024-10-02T15:00:00'), aScenario());

		await accepted(run(coordinator, 'ceremony.save_setup', setup));

		expect(ceremonySetup(db())).toEqual(setup);
	});
});
