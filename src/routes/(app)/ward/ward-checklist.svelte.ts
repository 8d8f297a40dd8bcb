/**
 * A ward's checklist as the tablet shows it: the server's items with what waits in this
 * tablet's outbox laid over them (a tick made offline shows as done, waiting to be sent).
 */
import { isQueued, outbox, type QueuedCommand } from '$lib/client/outbox.svelte';
import { isOverdue, type ChecklistItemView } from '$lib/checklists/types';

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
		const change: Pick<WardItem, 'status' | 'note' | 'quantityDone'> | null =
			isQueued(command, 'checklist.tick') && command.payload.itemId === item.id
				? {
						status: 'done',
						note: command.payload.note ?? null,
						quantityDone: command.payload.quantityDone ?? null
					}
				: isQueued(command, 'checklist.untick') && command.payload.itemId === item.id
					? { status: 'todo', note: null, quantityDone: null }
					: null;
		if (!change) continue;
		shown = { ...shown, ...change, waiting: { commandId: command.id, photos: command.photos ?? [] } };
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
