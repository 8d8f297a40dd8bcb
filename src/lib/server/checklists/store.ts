/** Ward banner checklists: data access for items (from the scenario), their state and photos. */
import {
	notStarted,
	type ChecklistItemView,
	type ChecklistStatus,
	type ItemPhoto,
	type ItemProgress,
	type AcceptedPhoto,
	type PhotoStatus
} from '$lib/checklists/types';
import type { Scenario } from '$lib/scenario/schema';
import type { Db } from '../db';

export type ChecklistItemSpec = Scenario['checklistItems'][number];

/** An item's progress as stored: it exists once something happened to the item. */
export interface ItemState extends ItemProgress {
	itemId: string;
	updatedAt: number;
}

interface StateRow {
	item_id: string;
	status: ChecklistStatus;
	quantity_done: number | null;
	note: string | null;
	done_at: number | null;
	done_by: string | null;
	returned_reason: string | null;
	updated_at: number;
}

interface PhotoRow {
	item_id: string;
	photo_id: string;
	status: PhotoStatus;
	reason: string | null;
	added_by: string;
	added_at: number;
	reviewed_by: string | null;
	reviewed_at: number | null;
}

const toState = (r: StateRow): ItemState => ({
	itemId: r.item_id,
	status: r.status,
	quantityDone: r.quantity_done,
	note: r.note,
	doneAt: r.done_at,
	doneBy: r.done_by,
	returnedReason: r.returned_reason,
	updatedAt: r.updated_at
});

const toPhoto = (r: PhotoRow): ItemPhoto => ({
	id: r.photo_id,
	status: r.status,
	reason: r.reason,
	addedBy: r.added_by,
	addedAt: r.added_at,
	reviewedBy: r.reviewed_by,
	reviewedAt: r.reviewed_at
});

export function getItemSpec(db: Db, itemId: string): ChecklistItemSpec | undefined {
	const row = db.prepare('SELECT spec FROM checklist_items WHERE id = ?').get(itemId) as
		{ spec: string } | undefined;
	return row ? JSON.parse(row.spec) : undefined;
}

export function itemUnitId(db: Db, itemId: string): string | undefined {
	return (
		db.prepare('SELECT unit_id FROM checklist_items WHERE id = ?').get(itemId) as
			{ unit_id: string } | undefined
	)?.unit_id;
}

export function listItemSpecs(db: Db, unitId?: string): ChecklistItemSpec[] {
	const rows = (
		unitId
			? db.prepare('SELECT spec FROM checklist_items WHERE unit_id = ? ORDER BY sort').all(unitId)
			: db.prepare('SELECT spec FROM checklist_items ORDER BY sort').all()
	) as { spec: string }[];
	return rows.map((r) => JSON.parse(r.spec));
}

/** Adds or replaces an item; a new one goes to the end of the list. */
export function saveItemSpec(db: Db, item: ChecklistItemSpec): void {
	const existing = db.prepare('SELECT sort FROM checklist_items WHERE id = ?').get(item.id) as
		{ sort: number } | undefined;
	const sort =
		existing?.sort ??
		((db.prepare('SELECT MAX(sort) AS m FROM checklist_items').get() as { m: number | null }).m ?? -1) + 1;
	db.prepare(
		`INSERT INTO checklist_items (id, unit_id, sort, spec) VALUES (?, ?, ?, ?)
		 ON CONFLICT(id) DO UPDATE SET unit_id = excluded.unit_id, spec = excluded.spec`
	).run(item.id, item.unitId, sort, JSON.stringify(item));
}

export function removeItemSpec(db: Db, itemId: string): void {
	db.prepare('DELETE FROM checklist_items WHERE id = ?').run(itemId);
	clearItemProgress(db, itemId);
}

/** The item's state and photos go; the item stays (moved to another ward). */
export function clearItemProgress(db: Db, itemId: string): void {
	db.prepare('DELETE FROM checklist_state WHERE item_id = ?').run(itemId);
	dropItemPhotos(db, itemId);
}

export function dropItemPhotos(db: Db, itemId: string): void {
	db.prepare('DELETE FROM checklist_photos WHERE item_id = ?').run(itemId);
}

export function dropRejectedPhotos(db: Db, itemId: string): void {
	db.prepare("DELETE FROM checklist_photos WHERE item_id = ? AND status = 'rejected'").run(itemId);
}

/** The reason of the latest rejected photo of the item, null when none is rejected. */
export function rejectedReason(db: Db, itemId: string): string | null {
	const row = db
		.prepare(
			"SELECT reason FROM checklist_photos WHERE item_id = ? AND status = 'rejected' ORDER BY reviewed_at DESC LIMIT 1"
		)
		.get(itemId) as { reason: string | null } | undefined;
	return row ? (row.reason ?? '') : null;
}

export function loadItemState(db: Db, itemId: string): ItemState | undefined {
	const row = db.prepare('SELECT * FROM checklist_state WHERE item_id = ?').get(itemId) as
		StateRow | undefined;
	return row && toState(row);
}

export function saveItemState(db: Db, s: ItemState): void {
	db.prepare(
		`INSERT INTO checklist_state (item_id, status, quantity_done, note, done_at, done_by, returned_reason, updated_at)
		 VALUES (@itemId, @status, @quantityDone, @note, @doneAt, @doneBy, @returnedReason, @updatedAt)
		 ON CONFLICT(item_id) DO UPDATE SET status = excluded.status, quantity_done = excluded.quantity_done,
		   note = excluded.note, done_at = excluded.done_at, done_by = excluded.done_by,
		   returned_reason = excluded.returned_reason, updated_at = excluded.updated_at`
	).run(s);
}

export function addItemPhoto(
	db: Db,
	p: { itemId: string; photoId: string; unitId: string; addedBy: string; addedAt: number }
): void {
	// the same photo sent again for the item goes back to waiting for review
	db.prepare(
		`INSERT INTO checklist_photos (item_id, photo_id, unit_id, status, added_by, added_at)
		 VALUES (?, ?, ?, 'pending', ?, ?)
		 ON CONFLICT(item_id, photo_id) DO UPDATE SET status = 'pending', reason = NULL, reviewed_by = NULL,
		   reviewed_at = NULL, added_by = excluded.added_by, added_at = excluded.added_at`
	).run(p.itemId, p.photoId, p.unitId, p.addedBy, p.addedAt);
}

export function reviewItemPhoto(
	db: Db,
	p: { itemId: string; photoId: string; status: PhotoStatus; reason: string | null; by: string; at: number }
): boolean {
	return (
		db
			.prepare(
				'UPDATE checklist_photos SET status = ?, reason = ?, reviewed_by = ?, reviewed_at = ? WHERE item_id = ? AND photo_id = ?'
			)
			.run(p.status, p.reason, p.by, p.at, p.itemId, p.photoId).changes === 1
	);
}

function photosByItem(db: Db, unitId?: string): Map<string, ItemPhoto[]> {
	const rows = (
		unitId
			? db.prepare('SELECT * FROM checklist_photos WHERE unit_id = ? ORDER BY added_at').all(unitId)
			: db.prepare('SELECT * FROM checklist_photos ORDER BY added_at').all()
	) as PhotoRow[];
	const map = new Map<string, ItemPhoto[]>();
	for (const row of rows) {
		const list = map.get(row.item_id) ?? [];
		list.push(toPhoto(row));
		map.set(row.item_id, list);
	}
	return map;
}

function statesById(db: Db): Map<string, ItemState> {
	const rows = db.prepare('SELECT * FROM checklist_state').all() as StateRow[];
	return new Map(rows.map((r) => [r.item_id, toState(r)]));
}

function sloganTexts(db: Db): Map<string, string> {
	const rows = db.prepare('SELECT id, spec FROM slogans').all() as { id: string; spec: string }[];
	return new Map(rows.map((r) => [r.id, (JSON.parse(r.spec) as { text: string }).text]));
}

/** The progress part of a stored state (not the item id). */
function stateProgress(state: ItemState | undefined): ItemProgress {
	if (!state) return notStarted;
	const { status, quantityDone, note, doneAt, doneBy, returnedReason, updatedAt } = state;
	return { status, quantityDone, note, doneAt, doneBy, returnedReason, updatedAt };
}

function toView(
	spec: ChecklistItemSpec,
	state: ItemState | undefined,
	photos: ItemPhoto[],
	slogans: Map<string, string>
): ChecklistItemView {
	return {
		id: spec.id,
		unitId: spec.unitId,
		kind: spec.kind,
		place: spec.place,
		position: spec.position ?? null,
		quantity: spec.quantity,
		sloganText: spec.sloganId ? (slogans.get(spec.sloganId) ?? null) : null,
		deadline: Date.parse(spec.deadline),
		...stateProgress(state),
		photos
	};
}

/** Every item with its state and photos: one unit's, or all of them. */
export function listItemViews(db: Db, unitId?: string): ChecklistItemView[] {
	const states = statesById(db);
	const photos = photosByItem(db, unitId);
	const slogans = sloganTexts(db);
	return listItemSpecs(db, unitId).map((spec) =>
		toView(spec, states.get(spec.id), photos.get(spec.id) ?? [], slogans)
	);
}

export function itemView(db: Db, itemId: string): ChecklistItemView | undefined {
	const spec = getItemSpec(db, itemId);
	if (!spec) return undefined;
	const photos = (
		db.prepare('SELECT * FROM checklist_photos WHERE item_id = ? ORDER BY added_at').all(itemId) as PhotoRow[]
	).map(toPhoto);
	return toView(spec, loadItemState(db, itemId), photos, sloganTexts(db));
}

/** The latest photos the coordinator accepted, newest first. */
/** The latest accepted photos, of every unit or (`units`) of those units only. */
export function latestAcceptedPhotos(
	db: Db,
	limit: number,
	units: readonly string[] | null = null
): AcceptedPhoto[] {
	const rows = db
		.prepare(
			`SELECT p.photo_id, p.item_id, p.unit_id, p.reviewed_at, i.spec AS item, u.name AS unit_name
			 FROM checklist_photos p
			 JOIN checklist_items i ON i.id = p.item_id
			 JOIN units u ON u.id = p.unit_id
			 WHERE p.status = 'accepted'
			 AND (? IS NULL OR p.unit_id IN (SELECT value FROM json_each(?)))
			 ORDER BY p.reviewed_at DESC LIMIT ?`
		)
		.all(units && JSON.stringify(units), units && JSON.stringify(units), limit) as {
		photo_id: string;
		item_id: string;
		unit_id: string;
		reviewed_at: number;
		item: string;
		unit_name: string;
	}[];
	return rows.map((r) => {
		const spec = JSON.parse(r.item) as ChecklistItemSpec;
		return {
			id: r.photo_id,
			itemId: r.item_id,
			unitId: r.unit_id,
			unitName: r.unit_name,
			kind: spec.kind,
			place: spec.place,
			reviewedAt: r.reviewed_at
		};
	});
}

/** Demo: a new simulated day starts every checklist again. */
export function resetChecklists(db: Db): void {
	db.prepare('DELETE FROM checklist_state').run();
	db.prepare('DELETE FROM checklist_photos').run();
}
