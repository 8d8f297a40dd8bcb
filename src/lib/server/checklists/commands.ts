/**
 * Checklist commands: the ward tablet's ticks, the coordinator's review of photos and edits
 * of the items, all on the one command path.
 */
import { checklistKindLabel, notStarted } from '$lib/checklists/types';
import { actorLabel } from '../access';
import { dayNow, pressTime } from '../day-clock';
import { CommandError, defineCommand, type Emit } from '../commands/define';
import type { Db } from '../db';
import { getUpload } from '../photos/store';
import { getUnit, listUnits, missingUnits } from '../scenario/units';
import {
	addItemPhoto,
	clearItemProgress,
	dropItemPhotos,
	dropRejectedPhotos,
	rejectedReason,
	getItemSpec,
	itemUnitId,
	itemView,
	listItemSpecs,
	loadItemState,
	removeItemSpec,
	reviewItemPhoto,
	saveItemSpec,
	saveItemState,
	type ChecklistItemSpec,
	type ItemState
} from './store';

/** Who sees a ward's checklist changes: the ops room, displays and the ward itself. */
export function checklistAudience(unitIds: string[]): string[] {
	return ['ops', 'display', ...unitIds.map((id) => `unit:${id}`)];
}

const itemGone =
	'Mục này không còn trong bảng việc (Trung tâm vừa xoá hoặc đổi mục). Tải lại trang để xem bảng việc mới.';

function specOrRefuse(db: Db, itemId: string): ChecklistItemSpec {
	const spec = getItemSpec(db, itemId);
	if (!spec) throw new CommandError('not_found', itemGone);
	return spec;
}

function blank(itemId: string, now: number): ItemState {
	return { ...notStarted, itemId, updatedAt: now };
}

const unitName = (db: Db, unitId: string) => getUnit(db, unitId)?.name ?? unitId;
/** the unit the item belongs to */
function ofItem(p: { itemId: string }, db: Db) {
	const unitId = itemUnitId(db, p.itemId);
	if (!unitId) throw new CommandError('not_found', itemGone);
	return { unitId };
}

export const tick = defineCommand({
	type: 'checklist.tick',
	emits: ['checklist.ticked'],
	action: 'checklist.tick',
	target: ofItem,
	apply(db, p, { actor }) {
		const spec = specOrRefuse(db, p.itemId);
		const photoIds = p.uploads.map((uploadId, i) => {
			const upload = getUpload(db, uploadId);
			if (!upload?.photoId || upload.unitId !== spec.unitId)
				throw new CommandError(
					'invalid',
					'Ảnh của lần đánh dấu này không có trên máy chủ (có thể đã quá hạn lưu tạm). Hãy đánh dấu lại với ảnh mới.',
					[{ path: `uploads[${i}]`, message: 'Ảnh chưa có trên máy chủ' }]
				);
			return upload.photoId;
		});
		const now = dayNow(db);
		const by = actorLabel(actor);
		saveItemState(db, {
			...(loadItemState(db, p.itemId) ?? blank(p.itemId, now)),
			status: 'done',
			quantityDone: p.quantityDone,
			note: p.note || null,
			doneAt: pressTime(now, p.at),
			doneBy: by,
			returnedReason: null,
			updatedAt: now
		});
		// photos returned earlier are superseded by this tick (they stay in the log)
		dropRejectedPhotos(db, p.itemId);
		for (const photoId of new Set(photoIds))
			addItemPhoto(db, { itemId: p.itemId, photoId, unitId: spec.unitId, addedBy: by, addedAt: now });
		return {
			type: 'checklist.ticked',
			data: { item: itemView(db, p.itemId)!, unitName: unitName(db, spec.unitId) },
			audience: checklistAudience([spec.unitId])
		};
	}
});

export const untick = defineCommand({
	type: 'checklist.untick',
	emits: ['checklist.unticked'],
	action: 'checklist.tick',
	target: ofItem,
	apply(db, p) {
		const spec = specOrRefuse(db, p.itemId);
		const state = loadItemState(db, p.itemId);
		if (!state || state.status === 'todo')
			throw new CommandError('conflict', 'Mục này chưa được đánh dấu xong.');
		saveItemState(db, blank(p.itemId, dayNow(db)));
		// its photos are withdrawn with it: not on the display, not reviewable
		dropItemPhotos(db, p.itemId);
		return {
			type: 'checklist.unticked',
			data: { item: itemView(db, p.itemId)!, unitName: unitName(db, spec.unitId), reason: p.reason },
			audience: checklistAudience([spec.unitId])
		};
	}
});

export const reviewPhoto = defineCommand({
	type: 'checklist.review_photo',
	emits: ['checklist.photo_reviewed'],
	action: 'checklist.review',
	apply(db, p, { actor }) {
		const spec = specOrRefuse(db, p.itemId);
		const now = dayNow(db);
		const by = actorLabel(actor);
		const reason = p.verdict === 'rejected' ? p.reason : null;
		if (!reviewItemPhoto(db, { ...p, status: p.verdict, reason, by, at: now }))
			throw new CommandError('not_found', 'Ảnh này không thuộc mục đã chọn.');
		// a ticked item is returned while any of its photos is rejected, done again when none is
		const state = loadItemState(db, p.itemId);
		if (state && state.status !== 'todo') {
			const rejected = rejectedReason(db, p.itemId);
			saveItemState(db, {
				...state,
				status: rejected === null ? 'done' : 'returned',
				returnedReason: rejected,
				updatedAt: now
			});
		}
		return {
			type: 'checklist.photo_reviewed',
			data: {
				item: itemView(db, p.itemId)!,
				unitName: unitName(db, spec.unitId),
				photoId: p.photoId,
				verdict: p.verdict,
				reason: p.reason
			},
			audience: checklistAudience([spec.unitId])
		};
	}
});

function itemsChanged(unitIds: string[], count: number, summary: string): Emit<'checklist.items_changed'> {
	const units = [...new Set(unitIds)];
	return {
		type: 'checklist.items_changed',
		data: { unitIds: units, count, summary },
		audience: checklistAudience(units)
	};
}

function refuseUnknown(db: Db, spec: ChecklistItemSpec): void {
	if (missingUnits(db, [spec.unitId]).length)
		throw new CommandError('invalid', `Không có đơn vị "${spec.unitId}".`, [
			{ path: 'item.unitId', message: 'Đơn vị không có trong kịch bản' }
		]);
	if (spec.sloganId && !db.prepare('SELECT 1 FROM slogans WHERE id = ?').get(spec.sloganId))
		throw new CommandError('invalid', `Không có khẩu hiệu "${spec.sloganId}".`, [
			{ path: 'item.sloganId', message: 'Khẩu hiệu không có trong kịch bản' }
		]);
}

export const saveItem = defineCommand({
	type: 'checklist.save_item',
	emits: ['checklist.items_changed'],
	action: 'checklist.edit',
	apply(db, p) {
		refuseUnknown(db, p.item);
		const before = itemUnitId(db, p.item.id);
		// an item moved to another ward starts afresh there: the old ward's tick and photos are not its
		if (before && before !== p.item.unitId) clearItemProgress(db, p.item.id);
		saveItemSpec(db, p.item);
		const label = `${checklistKindLabel[p.item.kind]} — ${p.item.place}`;
		return itemsChanged(
			[p.item.unitId, ...(before ? [before] : [])],
			1,
			`${before ? 'Sửa' : 'Thêm'} mục: ${label}`
		);
	}
});

export const addToWards = defineCommand({
	type: 'checklist.add_to_wards',
	emits: ['checklist.items_changed'],
	action: 'checklist.edit',
	apply(db, p) {
		const wards = listUnits(db).filter((u) => u.kind === 'ward');
		if (wards.length === 0) throw new CommandError('invalid', 'Kịch bản hiện tại chưa có phường nào.');
		const items = wards.map((ward) => ({ ...p.item, id: `${p.idPrefix}-${ward.id}`, unitId: ward.id }));
		const tooLong = items.find((item) => item.id.length > 64);
		if (tooLong)
			throw new CommandError('invalid', `Mã "${tooLong.id}" dài quá 64 ký tự; hãy chọn tiền tố ngắn hơn.`, [
				{ path: 'idPrefix', message: 'Tiền tố quá dài' }
			]);
		const taken = items.filter((item) => getItemSpec(db, item.id));
		if (taken.length)
			throw new CommandError('conflict', `Đã có mục mang mã "${taken[0].id}"; hãy chọn tiền tố khác.`, [
				{ path: 'idPrefix', message: 'Mã đã có' }
			]);
		for (const item of items) {
			refuseUnknown(db, item);
			saveItemSpec(db, item);
		}
		return itemsChanged(
			items.map((i) => i.unitId),
			items.length,
			`Thêm cho ${items.length} phường: ${checklistKindLabel[p.item.kind]} — ${p.item.place}`
		);
	}
});

export const removeItem = defineCommand({
	type: 'checklist.remove_item',
	emits: ['checklist.items_changed'],
	action: 'checklist.edit',
	apply(db, p) {
		const spec = specOrRefuse(db, p.itemId);
		removeItemSpec(db, p.itemId);
		return itemsChanged([spec.unitId], 1, `Xoá mục: ${checklistKindLabel[spec.kind]} — ${spec.place}`);
	}
});

export const setDeadline = defineCommand({
	type: 'checklist.set_deadline',
	emits: ['checklist.items_changed'],
	action: 'checklist.edit',
	apply(db, p) {
		if (p.unitId && missingUnits(db, [p.unitId]).length)
			throw new CommandError('not_found', `Không có đơn vị "${p.unitId}".`);
		const items = listItemSpecs(db, p.unitId ?? undefined);
		if (items.length === 0) throw new CommandError('invalid', 'Không có mục nào để đổi hạn.');
		for (const item of items) saveItemSpec(db, { ...item, deadline: p.deadline });
		const where = p.unitId ? unitName(db, p.unitId) : 'mọi đơn vị';
		return itemsChanged(
			items.map((i) => i.unitId),
			items.length,
			`Đổi hạn chót ${items.length} mục của ${where}`
		);
	}
});

/** Every command of this domain; registry.ts lists the domains. */
export const checklistHandlers = [tick, untick, reviewPhoto, saveItem, addToWards, removeItem, setDeadline];
