/**
 * Notices from the ops room through the one command path, on the demo scenario: to every unit
 * or to chosen ones. Read back as each ward's page and the ops room read them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { latestNotices, noticesFor } from '../../../src/lib/server/notices/store';
import { accepted, run, send } from '../support/command';
import { databaseContents } from '../support/database';
import { givenTheDemoScenario, signedIn, type Person } from '../support/given';

const tanKieng = 'phuong-tan-kieng';
const phuMy = 'phuong-phu-my';

let coordinator: Person;

beforeEach(async () => {
	await givenTheDemoScenario();
	coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
});

describe('a notice from the ops room', () => {
	it('to everyone: every ward sees it, marked urgent when it is', async () => {
		await accepted(run(coordinator, 'notice.post', { body: 'Tập trung lúc 6 giờ 30', urgent: true }));

		for (const ward of [tanKieng, phuMy]) {
			const [notice] = noticesFor(db(), 10, ward);
			expect(notice).toMatchObject({ body: 'Tập trung lúc 6 giờ 30', urgent: true, targetUnitIds: null });
			expect(notice.author).toContain(coordinator.username);
		}
	});

	it('to one ward: that ward sees it, another does not, the ops room sees all', async () => {
		await accepted(
			run(coordinator, 'notice.post', { body: 'Tân Kiểng bổ sung băng rôn', targetUnitIds: [tanKieng] })
		);

		expect(noticesFor(db(), 10, tanKieng).map((n) => n.body)).toEqual(['Tân Kiểng bổ sung băng rôn']);
		expect(noticesFor(db(), 10, phuMy)).toEqual([]);
		expect(latestNotices(db(), 10)).toHaveLength(1);
	});

	it('a gate (no unit of its own) sees the notices to everyone, not those to one ward', async () => {
		await accepted(
			run(coordinator, 'notice.post', { body: 'Tân Kiểng bổ sung băng rôn', targetUnitIds: [tanKieng] })
		);
		await accepted(run(coordinator, 'notice.post', { body: 'Cổng mở lúc 7 giờ' }));

		expect(noticesFor(db(), 10, null).map((n) => n.body)).toEqual(['Cổng mở lúc 7 giờ']);
	});

	it('to a ward the scenario does not have is refused, and nothing is posted', async () => {
		const before = databaseContents();

		const result = await run(coordinator, 'notice.post', {
			body: 'Gửi nhầm',
			targetUnitIds: ['phuong-khong-co']
		});

		expect(result).toMatchObject({ ok: false, code: 'invalid' });
		expect(databaseContents()).toEqual(before);
	});

	it('with no words is refused with the field to fix, and nothing is posted', async () => {
		const before = databaseContents();

		const result = await send(coordinator, {
			id: crypto.randomUUID(),
			type: 'notice.post',
			payload: { body: '   ' }
		});

		expect(result).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'body' }] });
		expect(databaseContents()).toEqual(before);
	});

	it('cannot be posted by a ward', async () => {
		const staff = signedIn('ward_staff', { unitId: tanKieng });
		const before = databaseContents();

		const result = await run(staff, 'notice.post', { body: 'Phường tự gửi' });

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(databaseContents()).toEqual(before);
	});
});
