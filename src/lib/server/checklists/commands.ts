/**
 * Checklist commands: the ward tablet's ticks, the coordinator's review of photos and edits
 * of the items (one at a time, or one for many units), all on the one command path.
 */
import type { ItemsChange } from '$lib/checklists/events';
import { notStarted } from '$lib/checklists/types';
import { say, type Lang } from '$lib/i18n';
import type { Unit } from '$lib/scenario/schema';
import { chosenUnits, type UnitChoice } from '$lib/units/choice';
import { unitsNoun } from '$lib/units/kinds';
import { actorLabel, inScope, scopeOf, type Actor } from '../access';
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

/** Who sees a unit's checklist changes: the ops rooms and displays of its levels, and the unit itself. */
export function checklistAudience(unitIds: string[]): { audience: string[]; about: string[] } {
	return { audience: ['ops', 'display', ...unitIds.map((id) => `unit:${id}`)], about: unitIds };
}

const itemGone = say('checklists.refusal.itemGone');

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
				throw new CommandError('invalid', say('checklists.refusal.photosGone'), [
					{ path: `uploads[${i}]`, message: say('checklists.refusal.photoGone') }
				]);
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
			...checklistAudience([spec.unitId])
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
			throw new CommandError('conflict', say('checklists.refusal.notDone'));
		saveItemState(db, blank(p.itemId, dayNow(db)));
		// its photos are withdrawn with it: not on the display, not reviewable
		dropItemPhotos(db, p.itemId);
		return {
			type: 'checklist.unticked',
			data: { item: itemView(db, p.itemId)!, unitName: unitName(db, spec.unitId), reason: p.reason },
			...checklistAudience([spec.unitId])
		};
	}
});

export const reviewPhoto = defineCommand({
	type: 'checklist.review_photo',
	emits: ['checklist.photo_reviewed'],
	action: 'checklist.review',
	target: ofItem,
	apply(db, p, { actor }) {
		const spec = specOrRefuse(db, p.itemId);
		const now = dayNow(db);
		const by = actorLabel(actor);
		const reason = p.verdict === 'rejected' ? p.reason : null;
		if (!reviewItemPhoto(db, { ...p, status: p.verdict, reason, by, at: now }))
			throw new CommandError('not_found', say('checklists.refusal.photoNotOfItem'));
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
			...checklistAudience([spec.unitId])
		};
	}
});

function itemsChanged(
	unitIds: string[],
	count: number,
	change: ItemsChange
): Emit<'checklist.items_changed'> {
	const units = [...new Set(unitIds)];
	return {
		type: 'checklist.items_changed',
		data: { unitIds: units, count, change },
		...checklistAudience(units)
	};
}

function refuseUnknown(db: Db, spec: ChecklistItemSpec): void {
	if (missingUnits(db, [spec.unitId]).length)
		throw new CommandError('invalid', say('checklists.refusal.noUnit', { unit: spec.unitId }), [
			{ path: 'item.unitId', message: say('checklists.refusal.unitNotInScenario') }
		]);
	if (spec.sloganId && !db.prepare('SELECT 1 FROM slogans WHERE id = ?').get(spec.sloganId))
		throw new CommandError('invalid', say('checklists.refusal.noSlogan', { slogan: spec.sloganId }), [
			{ path: 'item.sloganId', message: say('checklists.refusal.sloganNotInScenario') }
		]);
}

export const saveItem = defineCommand({
	type: 'checklist.save_item',
	emits: ['checklist.items_changed'],
	action: 'checklist.edit',
	// moved from one unit to another: both must be the editor's
	target: (p, db) => ({ unitIds: [p.item.unitId, itemUnitId(db, p.item.id) ?? p.item.unitId] }),
	apply(db, p) {
		refuseUnknown(db, p.item);
		const before = itemUnitId(db, p.item.id);
		// an item moved to another ward starts afresh there: the old ward's tick and photos are not its
		if (before && before !== p.item.unitId) clearItemProgress(db, p.item.id);
		saveItemSpec(db, p.item);
		return itemsChanged([p.item.unitId, ...(before ? [before] : [])], 1, {
			what: before ? 'edited' : 'added',
			kind: p.item.kind,
			place: p.item.place
		});
	}
});

/**
 * The units of the actor's level a choice names; refuses a choice that names none, saying what
 * is lacking: "no ward", "nothing under …".
 */
function chosenOrRefuse(db: Db, choice: UnitChoice, actor: Actor, lang: Lang): Unit[] {
	const mine = inScope(actor);
	const units = listUnits(db).filter((u) => mine(u.id));
	const under = choice.under === null ? null : units.find((u) => u.id === choice.under);
	if (under === undefined)
		throw new CommandError('not_found', say('checklists.refusal.noUnit', { unit: choice.under! }), [
			{ path: 'under', message: say('checklists.refusal.unitNotInScenario') }
		]);
	const chosen = chosenUnits(units, choice);
	if (chosen.length) return chosen;
	// the kind's word is said now, in the sender's language ("phường"; "đơn vị" for any kind);
	// "anywhere" is the actor's level, when they have one
	const noun = unitsNoun(lang, choice.unitKind ? [choice.unitKind] : [], 2);
	const within = under ?? units.find((u) => u.id === scopeOf(actor));
	const refusal = within
		? say('checklists.refusal.noneUnder', { units: noun, unit: within.name })
		: say('checklists.refusal.noneOfKind', { units: noun });
	throw new CommandError('invalid', refusal, [
		{ path: choice.unitKind ? 'unitKind' : 'under', message: refusal }
	]);
}

export const addToUnits = defineCommand({
	type: 'checklist.add_to_units',
	emits: ['checklist.items_changed'],
	action: 'checklist.edit',
	apply(db, p, { actor, lang }) {
		const units = chosenOrRefuse(db, p, actor, lang);
		const items = units.map((unit) => ({ ...p.item, id: `${p.idPrefix}-${unit.id}`, unitId: unit.id }));
		const tooLong = items.find((item) => item.id.length > 64);
		if (tooLong)
			throw new CommandError('invalid', say('checklists.refusal.idTooLong', { id: tooLong.id }), [
				{ path: 'idPrefix', message: say('checklists.refusal.prefixTooLong') }
			]);
		const taken = items.filter((item) => getItemSpec(db, item.id));
		if (taken.length)
			throw new CommandError('conflict', say('checklists.refusal.idTaken', { id: taken[0].id }), [
				{ path: 'idPrefix', message: say('checklists.refusal.idTakenShort') }
			]);
		for (const item of items) {
			refuseUnknown(db, item);
			saveItemSpec(db, item);
		}
		return itemsChanged(
			items.map((i) => i.unitId),
			items.length,
			{
				what: 'added_to_units',
				kind: p.item.kind,
				place: p.item.place,
				unitKinds: [...new Set(units.map((u) => u.kind))]
			}
		);
	}
});

export const removeItem = defineCommand({
	type: 'checklist.remove_item',
	emits: ['checklist.items_changed'],
	action: 'checklist.edit',
	target: ofItem,
	apply(db, p) {
		const spec = specOrRefuse(db, p.itemId);
		removeItemSpec(db, p.itemId);
		return itemsChanged([spec.unitId], 1, { what: 'removed', kind: spec.kind, place: spec.place });
	}
});

export const setDeadline = defineCommand({
	type: 'checklist.set_deadline',
	emits: ['checklist.items_changed'],
	action: 'checklist.edit',
	target: (p) => (p.unitId ? { unitId: p.unitId } : {}),
	apply(db, p, { actor }) {
		if (p.unitId && missingUnits(db, [p.unitId]).length)
			throw new CommandError('not_found', say('checklists.refusal.noUnit', { unit: p.unitId }));
		// every unit's: every unit of the mover's level
		const mine = inScope(actor);
		const items = listItemSpecs(db, p.unitId ?? undefined).filter((item) => mine(item.unitId));
		if (items.length === 0) throw new CommandError('invalid', say('checklists.refusal.nothingToMove'));
		for (const item of items) saveItemSpec(db, { ...item, deadline: p.deadline });
		return itemsChanged(
			items.map((i) => i.unitId),
			items.length,
			{ what: 'deadline', unitName: p.unitId ? unitName(db, p.unitId) : null }
		);
	}
});

/** Every command of this domain; registry.ts lists the domains. */
export const checklistHandlers = [tick, untick, reviewPhoto, saveItem, addToUnits, removeItem, setDeadline];
