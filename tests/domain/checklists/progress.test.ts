/**
 * A ward's progress on its checklist (progressOf in src/lib/checklists/types.ts): what the ops
 * matrix, the ward's board and the wall display show as "3/5 mục · 60% · 1 trễ".
 */
import { describe, expect, it } from 'vitest';
import { isOverdue, percent, progressOf } from '../../../src/lib/checklists/types';
import { aDoneItem, anItem, deadline } from '../support/factories/checklists';

const hour = 3600_000;
const morning = deadline - 8 * hour;
const evening = deadline + 2 * hour;

describe("a ward's progress", () => {
	it('counts the items done out of all of them', () => {
		const items = [aDoneItem(morning), aDoneItem(morning + hour), anItem(), anItem(), anItem()];

		const progress = progressOf(items, morning + 2 * hour);

		expect(progress).toMatchObject({ total: 5, done: 2, overdue: 0 });
		expect(percent(progress)).toBe(40);
	});

	it('counts an item returned by the ops room as not done', () => {
		const items = [
			aDoneItem(morning),
			anItem({ status: 'returned', returnedReason: 'Ảnh mờ', updatedAt: morning })
		];

		expect(progressOf(items, morning + hour)).toMatchObject({ done: 1 });
	});

	it('counts as overdue every item not done once its deadline has passed, returned ones too', () => {
		const items = [
			aDoneItem(morning),
			anItem(),
			anItem({ status: 'returned', returnedReason: 'Thiếu 1 băng rôn', updatedAt: morning }),
			anItem({ deadline: evening + hour })
		];

		expect(progressOf(items, deadline - 1).overdue).toBe(0);
		expect(progressOf(items, evening).overdue).toBe(2);
	});

	it('does not count an item done late as overdue', () => {
		const late = aDoneItem(evening);

		expect(isOverdue(late, evening + hour)).toBe(false);
		expect(progressOf([late], evening + hour).overdue).toBe(0);
	});

	it("knows the ward's last activity: the latest change of any item, none before anything happened", () => {
		const items = [
			aDoneItem(morning),
			anItem({ status: 'returned', updatedAt: morning + 3 * hour }),
			anItem()
		];

		expect(progressOf(items, evening).lastActivity).toBe(morning + 3 * hour);
		expect(progressOf([anItem(), anItem()], evening).lastActivity).toBeNull();
	});

	it('shows a ward with no items as 0 %, and rounds to whole percents', () => {
		expect(percent(progressOf([], morning))).toBe(0);
		expect(percent(progressOf([aDoneItem(morning), anItem(), anItem()], morning))).toBe(33);
		expect(percent(progressOf([aDoneItem(morning), aDoneItem(morning), anItem()], morning))).toBe(67);
	});
});
