/**
 * The ceremony's words in English: the feed lines, a refusal of the invitee file, and the facts
 * a setup change logs. (Vietnamese is checked where each is tested: feed-lines, invitee-file.)
 */
import { describe, expect, it } from 'vitest';
import type { CheckinView } from '../../src/lib/ceremony/types';
import { describeEvent } from '../../src/lib/feed';
import { readInviteeFile } from '../../src/lib/server/ceremony/invitee-file';
import type { LiveEvent } from '../../src/lib/types';

const vn = (isoLocal: string) => Date.parse(`${isoLocal}+07:00`);
const gate = 'Cổng 1 (cong-1)';
const pupils: CheckinView = {
	id: 'b8f0c1de-0000-4000-8000-000000000003',
	inviteeId: null,
	inviteeName: null,
	groupId: 'hoc-sinh',
	count: 45,
	gate,
	at: vn('2024-10-03T07:50:00'),
	undone: false
};
const event = (type: string, data: unknown) =>
	({ seq: 1, type, at: 0, actor: 'Điều phối', demo: false, data }) as LiveEvent;

describe('the ceremony in English', () => {
	it('says its feed lines, plurals and times in English', () => {
		expect(describeEvent(event('ceremony.checked_in', { checkin: pupils }), 'en')).toBe(
			'45 people counted in (Cổng 1 (cong-1))'
		);
		expect(
			describeEvent(
				event('ceremony.checkin_undone', { checkin: { ...pupils, count: 1, undone: true } }),
				'en'
			)
		).toBe('Check-in undone: 1 person (Cổng 1 (cong-1))');
		expect(
			describeEvent(
				event('ceremony.changed', {
					change: { what: 'setup', title: 'Lễ khai mạc', startsAt: vn('2024-10-03T07:30:00') }
				}),
				'en'
			)
		).toBe('Ceremony updated: Lễ khai mạc, 7:30');
		// words stored before the facts stay as they were
		expect(describeEvent(event('ceremony.changed', { summary: 'Xoá thành phần “Báo chí”' }), 'en')).toBe(
			'Xoá thành phần “Báo chí”'
		);
	});

	it('reports the invitee file’s problems in English, numbers as English writes them', async () => {
		const groups = [{ id: 'bao-chi', name: 'Báo chí', expected: 20 }];
		const csv = (text: string) => Buffer.from(text, 'utf-8');
		const list = await readInviteeFile(
			'ds.csv',
			csv('Name,Group,Phone\n,Báo chí,\nLê B,Khách lạ,12ab\n'),
			groups,
			'en'
		);
		expect(list.problems).toEqual([
			{ row: 2, column: 'Name', message: 'The name is missing' },
			{ row: 3, column: 'Group', message: 'There is no group “Khách lạ”. Use one of: Báo chí.' },
			{ row: 3, column: 'Phone', message: 'A phone number has only digits (6–20 characters)' }
		]);
		const long = `Name,Group\n${'A,Báo chí\n'.repeat(5001)}`;
		const tooMany = await readInviteeFile('ds.csv', csv(long), groups, 'en');
		expect(tooMany.problems[0].message).toMatch(/^The file has more than 5,000 guest rows/);
	});
});
