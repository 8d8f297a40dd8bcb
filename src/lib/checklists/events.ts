/** What the banner-checklists domain tells the screens, and its feed lines. */
import type { FeedLines } from '../feed-line';
import { checklistKindLabel, type ChecklistItemView, type PhotoStatus } from './types';

export interface ChecklistEvents {
	/** an item's new state travels with each change, so a client just replaces it */
	'checklist.ticked': { item: ChecklistItemView; unitName: string };
	'checklist.unticked': { item: ChecklistItemView; unitName: string; reason: string };
	'checklist.photo_reviewed': {
		item: ChecklistItemView;
		unitName: string;
		photoId: string;
		verdict: Exclude<PhotoStatus, 'pending'>;
		reason: string;
	};
	/** items edited: clients reload them (a bulk edit would carry other wards' items) */
	'checklist.items_changed': { unitIds: string[]; count: number; summary: string };
}

const kindOf = (item: ChecklistItemView) => checklistKindLabel[item.kind].toLowerCase();

export const checklistFeed: FeedLines<ChecklistEvents> = {
	'checklist.ticked': (d) => `${d.unitName}: xong ${kindOf(d.item)} — ${d.item.place}`,
	'checklist.unticked': (d) => `${d.unitName}: bỏ đánh dấu ${kindOf(d.item)} — ${d.reason}`,
	'checklist.photo_reviewed': (d) => {
		const what = `${kindOf(d.item)} của ${d.unitName}`;
		return d.verdict === 'accepted' ? `Duyệt ảnh ${what}` : `Trả lại ${what}: ${d.reason}`;
	},
	'checklist.items_changed': (d) => d.summary
};
