/** Ward banner checklists: the shapes (and their words' keys) shared by server, tablets, ops room and display. */
import type { MessageKey } from '$lib/i18n';
import type { checklistKinds } from '$lib/scenario/schema';

export type ChecklistKind = (typeof checklistKinds)[number];

/** hạng mục, as the plans name them: the words' keys (translate or t) */
export const checklistKindKey: Record<ChecklistKind, MessageKey> = {
	co: 'checklists.kind.flag',
	phuon: 'checklists.kind.pennant',
	bang_ron: 'checklists.kind.banner',
	pano: 'checklists.kind.billboard',
	ap_phich: 'checklists.kind.poster',
	khau_hieu: 'checklists.kind.slogan'
};

export const checklistStatuses = ['todo', 'done', 'returned'] as const;
export type ChecklistStatus = (typeof checklistStatuses)[number];

export const checklistStatusKey: Record<ChecklistStatus, MessageKey> = {
	todo: 'checklists.status.todo',
	done: 'checklists.status.done',
	returned: 'checklists.status.returned'
};

export type PhotoStatus = 'pending' | 'accepted' | 'rejected';

export const photoStatusKey: Record<PhotoStatus, MessageKey> = {
	pending: 'checklists.photoStatus.pending',
	accepted: 'checklists.photoStatus.accepted',
	rejected: 'checklists.photoStatus.rejected'
};

export interface ItemPhoto {
	/** content hash; the image is at /photos/{id} */
	id: string;
	status: PhotoStatus;
	reason: string | null;
	addedBy: string;
	/** day time */
	addedAt: number;
	reviewedBy: string | null;
	/** day time */
	reviewedAt: number | null;
}

/** What changes on the day for an item; the rest of it comes from the plan. */
export interface ItemProgress {
	status: ChecklistStatus;
	quantityDone: number | null;
	note: string | null;
	doneAt: number | null;
	doneBy: string | null;
	returnedReason: string | null;
	/** day time of the last change */
	updatedAt: number | null;
}

/** How every item starts the day: nothing done yet. */
export const notStarted: ItemProgress = {
	status: 'todo',
	quantityDone: null,
	note: null,
	doneAt: null,
	doneBy: null,
	returnedReason: null,
	updatedAt: null
};

export interface ChecklistItemView extends ItemProgress {
	id: string;
	unitId: string;
	kind: ChecklistKind;
	place: string;
	/** [lng, lat] */
	position: [number, number] | null;
	quantity: number;
	sloganText: string | null;
	/** day time */
	deadline: number;
	photos: ItemPhoto[];
}

/** A photo accepted by the coordinator, for the display strip. */
export interface AcceptedPhoto {
	id: string;
	itemId: string;
	unitId: string;
	unitName: string;
	kind: ChecklistKind;
	place: string;
	reviewedAt: number;
}

export function isOverdue(item: Pick<ChecklistItemView, 'status' | 'deadline'>, dayNow: number): boolean {
	return item.status !== 'done' && item.deadline < dayNow;
}

export interface Progress {
	total: number;
	done: number;
	overdue: number;
	/** day time of the last change, null when nothing was done yet */
	lastActivity: number | null;
}

export function progressOf(items: ChecklistItemView[], dayNow: number): Progress {
	let done = 0;
	let overdue = 0;
	let lastActivity: number | null = null;
	for (const item of items) {
		if (item.status === 'done') done++;
		if (isOverdue(item, dayNow)) overdue++;
		if (item.updatedAt !== null && (lastActivity === null || item.updatedAt > lastActivity))
			lastActivity = item.updatedAt;
	}
	return { total: items.length, done, overdue, lastActivity };
}

export function percent(p: Progress): number {
	return p.total === 0 ? 0 : Math.round((100 * p.done) / p.total);
}

/** Units in the order they need attention: the most overdue items first, then the furthest behind. */
export function mostBehindFirst<T extends { progress: Progress }>(rows: T[]): T[] {
	return [...rows].sort(
		(a, b) => b.progress.overdue - a.progress.overdue || percent(a.progress) - percent(b.progress)
	);
}
