/**
 * A ward's checklist as the tablet shows it: the server's items with what waits in this
 * tablet's outbox laid over them (a tick made offline shows as done, waiting to be sent; a
 * photo the server refused, to be taken again).
 */
import { isQueued, outbox, type QueuedCommand, type RefusedPhoto } from '$lib/client/outbox.svelte';
import { checklistStatusKey, isOverdue, type ChecklistItemView } from '$lib/checklists/types';
import type { MessageKey } from '$lib/i18n';

export type Filter = 'all' | 'todo' | 'done' | 'returned' | 'overdue';

export const filterKey: Record<Filter, MessageKey> = {
	...checklistStatusKey,
	all: 'checklists.filter.all',
	overdue: 'checklists.status.overdue'
};

export interface WardItem extends ChecklistItemView {
	/** a change made on this tablet that the server has not confirmed yet */
	waiting: { commandId: string; photos: string[] } | null;
	/** photos of a tick from this tablet that the server refused: to be taken or chosen again */
	redo: RefusedPhoto[];
}

function overlay(item: ChecklistItemView, queued: QueuedCommand[], refused: RefusedPhoto[]): WardItem {
	const redo = refused.filter(
		(photo) => photo.type === 'checklist.tick' && (photo.payload as { itemId?: string }).itemId === item.id
	);
	let shown: WardItem = { ...item, waiting: null, redo };
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
	return items.map((item) => overlay(item, queued, outbox.refusedPhotos));
}

export function matches(item: WardItem, filter: Filter, dayNow: number): boolean {
	if (filter === 'all') return true;
	if (filter === 'overdue') return isOverdue(item, dayNow);
	return item.status === filter;
}
