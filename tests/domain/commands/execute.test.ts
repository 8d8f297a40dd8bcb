/**
 * The one command path itself (src/lib/server/commands/execute.ts), as every tablet and phone
 * meets it: a command resent by an offline outbox takes effect once; malformed or unknown input
 * is refused before anything else; forbidden attempts are kept on record.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { listCheckins } from '../../../src/lib/server/ceremony/store';
import { db } from '../../../src/lib/server/db';
import { latestNotices } from '../../../src/lib/server/notices/store';
import { accepted, run, send } from '../support/command';
import { databaseContents, refusalCount } from '../support/database';
import { givenTheDemoScenario, signedIn, type Person } from '../support/given';

let coordinator: Person;

beforeEach(async () => {
	await givenTheDemoScenario();
	coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
});

describe('a command sent again (an outbox retry after a lost answer)', () => {
	it('takes effect once and gets the same answer', async () => {
		const id = crypto.randomUUID();

		const first = await accepted(run(coordinator, 'notice.post', { body: 'Họp nhanh lúc 7 giờ' }, id));
		const again = await run(coordinator, 'notice.post', { body: 'Họp nhanh lúc 7 giờ' }, id);

		expect(again).toEqual(first);
		expect(latestNotices(db(), 10)).toHaveLength(1);
	});

	it('gets its first answer even when it would be refused now (the person is already in)', async () => {
		const gate = signedIn('gate_staff', { unitId: 'ttvh-tt' });
		const id = crypto.randomUUID();
		const first = await accepted(run(gate, 'gate.count', { groupId: 'bao-chi', count: 3 }, id));

		expect(await run(gate, 'gate.count', { groupId: 'bao-chi', count: 3 }, id)).toEqual(first);
		expect(listCheckins(db())).toHaveLength(1);
	});

	it('that was refused is judged again: a refusal is not kept, so a retry after the cause is gone takes effect', async () => {
		const gate = signedIn('gate_staff', { unitId: 'ttvh-tt' });
		const guest = signedIn('ward_staff', { unitId: 'phuong-tan-kieng' });
		const id = crypto.randomUUID();
		// sent before its sender was allowed (a gate account bound later, say): refused
		expect(await run(guest, 'gate.count', { groupId: 'bao-chi', count: 2 }, id)).toMatchObject({
			ok: false,
			code: 'forbidden'
		});

		// the same id again, now from where it may be sent, is judged as new
		const again = await run(gate, 'gate.count', { groupId: 'bao-chi', count: 2 }, id);

		expect(again).toMatchObject({ ok: true });
		expect(listCheckins(db())).toHaveLength(1);
	});

	it('with the same id for a different change is refused as a conflict, and nothing changes', async () => {
		const id = crypto.randomUUID();
		await accepted(run(coordinator, 'notice.post', { body: 'Bản đầu' }, id));
		const before = databaseContents();

		const other = await run(coordinator, 'notice.post', { body: 'Bản khác' }, id);

		expect(other).toMatchObject({ ok: false, code: 'conflict' });
		expect(databaseContents()).toEqual(before);
	});
});

describe('what is not a command', () => {
	it('is refused as a bad request or an unknown command, and nothing changes', async () => {
		const before = databaseContents();
		let deep: unknown = 'đáy';
		for (let i = 0; i < 40; i++) deep = { deeper: deep };

		expect(await send(coordinator, { type: 'notice.post', payload: { body: 'không có id' } })).toMatchObject({
			ok: false,
			code: 'bad_request',
			problems: [{ path: 'id' }]
		});
		expect(
			await send(coordinator, { id: crypto.randomUUID(), type: 'notice.delete_all', payload: {} })
		).toMatchObject({
			ok: false,
			code: 'unknown_command'
		});
		expect(await send(coordinator, { id: crypto.randomUUID(), type: 'toString', payload: {} })).toMatchObject(
			{
				ok: false,
				code: 'unknown_command'
			}
		);
		expect(
			await send(coordinator, { id: crypto.randomUUID(), type: 'notice.post', payload: deep })
		).toMatchObject({
			ok: false,
			code: 'bad_request'
		});
		expect(databaseContents()).toEqual(before);
	});
});

describe('refusals on record', () => {
	it('a forbidden attempt is kept for the audit; a mistyped form is not', async () => {
		const staff = signedIn('ward_staff', { unitId: 'phuong-tan-kieng' });
		const recorded = refusalCount();

		await run(staff, 'notice.post', { body: 'Phường tự gửi' });
		await send(coordinator, { id: crypto.randomUUID(), type: 'notice.post', payload: { body: '' } });

		expect(refusalCount()).toBe(recorded + 1);
	});
});
