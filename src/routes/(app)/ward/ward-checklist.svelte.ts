/**
 * A ward's checklist as the tablet shows it: the server's items with what waits in this
 * tablet's outbox laid over them (a tick made offline shows as done, waiting to be sent).
 */
import { outbox, type QueuedCommand } from '$lib/client/outbox.svelte';
import { isOverdue, type ChecklistItemView, type ChecklistStatus } from '$lib/checklists/types';

export type Filter = 'all' | 'todo' | 'done' | 'returned' | 'overdue';

export const filterLabel: Record<Filter, string> = {
	all: 'Tất cả',
	todo: 'Chưa làm',
	done: 'Đã xong',
	returned: 'Bị trả lại',
	overdue: 'Quá hạn'
};

export interface WardItem extends ChecklistItemView {
	/** a change made on this tablet that the server has not confirmed yet */
	waiting: { commandId: string; photos: string[] } | null;
}

function overlay(item: ChecklistItemView, queued: QueuedCommand[]): WardItem {
	let shown: WardItem = { ...item, waiting: null };
	for (const command of queued) {
		const payload = command.payload as { itemId?: string; note?: string; quantityDone?: number | null };
		if (payload?.itemId !== item.id) continue;
		const status: ChecklistStatus | null =
			command.type === 'checklist.tick' ? 'done' : command.type === 'checklist.untick' ? 'todo' : null;
		if (!status) continue;
		shown = {
			...shown,
			status,
			note: status === 'done' ? (payload.note ?? null) : null,
			quantityDone: status === 'done' ? (payload.quantityDone ?? null) : null,
			waiting: { commandId: command.id, photos: command.photos ?? [] }
		};
	}
	return shown;
}

export function wardItems(items: ChecklistItemView[]): WardItem[] {
	const queued = outbox.queued.filter((c) => c.type.startsWith('checklist.'));
	return items.map((item) => overlay(item, queued));
}

export function matches(item: WardItem, filter: Filter, dayNow: number): boolean {
	if (filter === 'all') return true;
	if (filter === 'overdue') return isOverdue(item, dayNow);
	return item.status === filter;
}
