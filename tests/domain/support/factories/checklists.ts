/** Checklist items as the pages hold them (ChecklistItemView), for the pure progress functions. */
import { notStarted, type ChecklistItemView } from '../../../../src/lib/checklists/types';

let sequence = 0;

export const deadline = Date.parse('2024-10-03T17:00:00+07:00');

export function anItem(overrides: Partial<ChecklistItemView> = {}): ChecklistItemView {
	return {
		id: `muc-${++sequence}`,
		unitId: 'phuong-thu',
		kind: 'co',
		place: 'Đường Trần Xuân Soạn',
		position: null,
		quantity: 20,
		sloganText: null,
		deadline,
		...notStarted,
		photos: [],
		...overrides
	};
}

/** An item the ward ticked at `at` (with its photo waiting for review). */
export function aDoneItem(at: number, overrides: Partial<ChecklistItemView> = {}): ChecklistItemView {
	return anItem({
		status: 'done',
		doneAt: at,
		updatedAt: at,
		quantityDone: 20,
		doneBy: 'Phường thử',
		...overrides
	});
}
