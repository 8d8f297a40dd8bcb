/**
 * The live picture of the banner checklists: items replaced by the state each event carries,
 * photos accepted for the display strip. Edits of the items reload the page data.
 */
import { invalidateAll } from '$app/navigation';
import type { AcceptedPhoto, ChecklistItemView } from '$lib/checklists/types';
import type { EventDataMap, LiveEvent } from '$lib/types';

export class ChecklistBoard {
	items = $state<ChecklistItemView[]>([]);
	accepted = $state<AcceptedPhoto[]>([]);
	#acceptedLimit: number;

	constructor(items: ChecklistItemView[], accepted: AcceptedPhoto[] = [], acceptedLimit = 12) {
		this.items = items;
		this.accepted = accepted;
		this.#acceptedLimit = acceptedLimit;
	}

	/** Items of a unit, in plan order. */
	ofUnit(unitId: string): ChecklistItemView[] {
		return this.items.filter((item) => item.unitId === unitId);
	}

	apply(event: LiveEvent): void {
		if (event.type === 'checklist.items_changed') {
			void invalidateAll();
			return;
		}
		if (
			event.type !== 'checklist.ticked' &&
			event.type !== 'checklist.unticked' &&
			event.type !== 'checklist.photo_reviewed'
		)
			return;
		const { item } = event.data;
		const index = this.items.findIndex((i) => i.id === item.id);
		// a ward's page holds only its own items; others' never reach it
		if (index >= 0) this.items[index] = item;
		if (event.type === 'checklist.photo_reviewed') this.#review(event.data);
		else this.#withdraw(item);
	}

	/** An untick or a photo sent again takes the item's photos off the strip unless still accepted. */
	#withdraw(item: ChecklistItemView): void {
		const still = (id: string) => item.photos.some((p) => p.id === id && p.status === 'accepted');
		if (this.accepted.some((p) => p.itemId === item.id && !still(p.id)))
			this.accepted = this.accepted.filter((p) => p.itemId !== item.id || still(p.id));
	}

	#review(data: EventDataMap['checklist.photo_reviewed']): void {
		this.accepted = this.accepted.filter((p) => !(p.id === data.photoId && p.itemId === data.item.id));
		if (data.verdict !== 'accepted') return;
		const photo = data.item.photos.find((p) => p.id === data.photoId);
		this.accepted.unshift({
			id: data.photoId,
			itemId: data.item.id,
			unitId: data.item.unitId,
			unitName: data.unitName,
			kind: data.item.kind,
			place: data.item.place,
			reviewedAt: photo?.reviewedAt ?? 0
		});
		if (this.accepted.length > this.#acceptedLimit) this.accepted.length = this.#acceptedLimit;
	}
}
