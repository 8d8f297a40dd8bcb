/**
 * The opening ceremony through the one command path, on the demo scenario: the ops room loads
 * the invitee list, the gates check people in by QR code or count a group at once, and a gate
 * may take back its own mistake. What the gates, the ops room and the wall display rely on is
 * read back as they read it: the ceremony picture and the arrivals per group.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { arrivalsByGroup } from '../../../src/lib/ceremony/types';
import { topCeremonyId } from '../../../src/lib/scenario/schema';
import { ceremonyPicture, listCheckins, listInvitees } from '../../../src/lib/server/ceremony/store';
import { config } from '../../../src/lib/server/config';
import { db } from '../../../src/lib/server/db';
import { accepted, run, send, type Actor } from '../support/command';
import { databaseContents } from '../support/database';
import { givenTheDemoScenario, signedIn, vn, type Person } from '../support/given';

let coordinator: Person;
let gate1: Person;
let gate2: Person;

/** half an hour before the ceremony (08:00 on 3 October) */
const now = vn('2024-10-03T07:30:00');

beforeEach(async () => {
	await givenTheDemoScenario(now);
	coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
	gate1 = signedIn('gate_staff', { unitId: 'ttvh-tt', username: 'cong-1' });
	gate2 = signedIn('gate_staff', { unitId: 'ttvh-tt', username: 'cong-2' });
	await accepted(
		run(coordinator, 'ceremony.import_invitees', {
			mode: 'replace',
			invitees: [
				{ name: 'Nguyễn Thị Lan', title: 'Phó Chủ tịch UBND quận', groupId: 'lanh-dao-ubnd' },
				{ name: 'Trần Văn Bình', title: 'Hiệu trưởng', unit: 'THCS Tân Kiểng', groupId: 'hieu-truong' }
			]
		})
	);
});

const invitee = (name: string) => listInvitees(db()).find((p) => p.name === name)!;
const arrivals = () => arrivalsByGroup(listCheckins(db()));

describe('checking in at a gate', () => {
	it('by QR code: the person is in, once, in their group', async () => {
		const lan = invitee('Nguyễn Thị Lan');

		await accepted(run(gate1, 'gate.check_in', { code: lan.code }));

		expect(listCheckins(db())).toMatchObject([
			{
				inviteeId: lan.id,
				inviteeName: 'Nguyễn Thị Lan',
				groupId: 'lanh-dao-ubnd',
				count: 1,
				at: now,
				undone: false
			}
		]);
		expect(arrivals().get('lanh-dao-ubnd')).toBe(1);
	});

	it('a second time, at any gate, is refused with when and where the first was, and nothing changes', async () => {
		const lan = invitee('Nguyễn Thị Lan');
		await accepted(run(gate1, 'gate.check_in', { code: lan.code }));
		const before = databaseContents();

		const again = await run(gate2, 'gate.check_in', { inviteeId: lan.id });

		expect(again).toMatchObject({ ok: false, code: 'conflict' });
		expect(again.ok || again.message).toContain('cong-1');
		expect(again.ok || again.message).toContain('7g30');
		expect(databaseContents()).toEqual(before);
	});

	it('with a code not on the list is refused', async () => {
		expect(await run(gate1, 'gate.check_in', { code: 'ABCDEFGHJK' })).toMatchObject({
			ok: false,
			code: 'not_found'
		});
		expect(listCheckins(db())).toEqual([]);
	});

	it('with neither a person nor a code, or a QR not of this ceremony, is refused as invalid, and nothing changes', async () => {
		const before = databaseContents();

		for (const payload of [{}, { code: 'https://example.com' }]) {
			const result = await send(gate1, { id: crypto.randomUUID(), type: 'gate.check_in', payload });
			expect(result).toMatchObject({ ok: false, code: 'invalid' });
		}
		expect(databaseContents()).toEqual(before);
	});

	it('is for the gates (and the ops room): a ward cannot check people in', async () => {
		const staff = signedIn('ward_staff', { unitId: 'phuong-tan-kieng' });

		const result = await run(staff, 'gate.check_in', { code: invitee('Nguyễn Thị Lan').code });

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(listCheckins(db())).toEqual([]);
	});
});

describe('a headcount', () => {
	it('adds a whole group at once to its arrivals, against the number expected', async () => {
		await accepted(run(gate1, 'gate.count', { groupId: 'hoc-sinh', count: 45 }));
		await accepted(run(gate2, 'gate.count', { groupId: 'hoc-sinh', count: 30 }));

		const picture = ceremonyPicture(db(), topCeremonyId, false);
		expect(arrivalsByGroup(picture.checkins).get('hoc-sinh')).toBe(75);
		expect(picture.groups.find((g) => g.id === 'hoc-sinh')!.expected).toBe(100);
	});

	it('of no one, or of a group the ceremony does not have, is refused', async () => {
		const before = databaseContents();

		expect(
			await send(gate1, {
				id: crypto.randomUUID(),
				type: 'gate.count',
				payload: { groupId: 'hoc-sinh', count: 0 }
			})
		).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'count' }] });
		expect(await run(gate1, 'gate.count', { groupId: 'khong-co', count: 5 })).toMatchObject({
			ok: false,
			code: 'not_found'
		});
		expect(databaseContents()).toEqual(before);
	});
});

describe('undoing a check-in', () => {
	async function checkedIn(gate: Actor, count = 12) {
		await accepted(run(gate, 'gate.count', { groupId: 'giao-vien', count }));
		return listCheckins(db()).at(-1)!;
	}

	it('by the gate that made it takes it off the arrivals', async () => {
		const mistake = await checkedIn(gate1);

		await accepted(run(gate1, 'gate.undo', { checkinId: mistake.id }));

		expect(listCheckins(db())).toMatchObject([{ id: mistake.id, undone: true }]);
		expect(arrivals().get('giao-vien') ?? 0).toBe(0);
	});

	it('lets a person who was undone be checked in again', async () => {
		const lan = invitee('Nguyễn Thị Lan');
		await accepted(run(gate1, 'gate.check_in', { code: lan.code }));
		await accepted(run(gate1, 'gate.undo', { checkinId: listCheckins(db())[0].id }));

		await accepted(run(gate2, 'gate.check_in', { code: lan.code }));

		expect(arrivals().get('lanh-dao-ubnd')).toBe(1);
	});

	it('by another gate is refused, and nothing changes', async () => {
		const theirs = await checkedIn(gate1);
		const before = databaseContents();

		const result = await run(gate2, 'gate.undo', { checkinId: theirs.id });

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(databaseContents()).toEqual(before);
	});

	it(`is only possible for ${config.undoMinutes} minutes at the gate; the ops room may always`, async () => {
		const mistake = await checkedIn(gate1);
		vi.setSystemTime(Date.now() + (config.undoMinutes * 60 + 1) * 1000);

		expect(await run(gate1, 'gate.undo', { checkinId: mistake.id })).toMatchObject({
			ok: false,
			code: 'conflict'
		});
		await accepted(run(coordinator, 'gate.undo', { checkinId: mistake.id }));

		expect(arrivals().get('giao-vien') ?? 0).toBe(0);
	});

	it('twice is refused', async () => {
		const mistake = await checkedIn(gate1);
		await accepted(run(gate1, 'gate.undo', { checkinId: mistake.id }));

		expect(await run(gate1, 'gate.undo', { checkinId: mistake.id })).toMatchObject({
			ok: false,
			code: 'conflict'
		});
	});
});

describe('the invitee list (ops room)', () => {
	it('cannot be replaced once named guests are in: it can only be added to', async () => {
		await accepted(run(gate1, 'gate.check_in', { code: invitee('Trần Văn Bình').code }));
		const newcomer = { name: 'Lê Thu Hà', groupId: 'bao-chi' };

		expect(
			await run(coordinator, 'ceremony.import_invitees', { mode: 'replace', invitees: [newcomer] })
		).toMatchObject({
			ok: false,
			code: 'conflict'
		});
		await accepted(run(coordinator, 'ceremony.import_invitees', { mode: 'append', invitees: [newcomer] }));

		expect(listInvitees(db()).map((p) => p.name)).toEqual(['Nguyễn Thị Lan', 'Trần Văn Bình', 'Lê Thu Hà']);
	});

	it('refuses rows for a group the ceremony does not have, naming each row, and adds none of them', async () => {
		const before = databaseContents();

		const result = await run(coordinator, 'ceremony.import_invitees', {
			mode: 'append',
			invitees: [
				{ name: 'Đúng nhóm', groupId: 'bao-chi' },
				{ name: 'Sai nhóm', groupId: 'khach-vip' }
			]
		});

		expect(result).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'invitees[1].groupId' }] });
		expect(databaseContents()).toEqual(before);
	});
});
