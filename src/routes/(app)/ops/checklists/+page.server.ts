import { authorize } from '$lib/server/access';
import { listItemViews } from '$lib/server/checklists/store';
import { db } from '$lib/server/db';
import { integer, optionalText, text } from '$lib/server/forms/fields';
import { requireActor, runFormCommand } from '$lib/server/guard';
import { listSlogans } from '$lib/server/scenario/store';
import { listUnits } from '$lib/server/scenario/units';
import { inputToIso } from '$lib/vn-time';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.ops');
	const items = listItemViews(db());
	const withItems = new Set(items.map((i) => i.unitId));
	return {
		items,
		// wards first, then any other unit that has items of its own (the district's center)
		units: listUnits(db())
			.filter((u) => u.kind === 'ward' || withItems.has(u.id))
			.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
		slogans: listSlogans(db()),
		canReview: authorize(actor, 'checklist.review'),
		canEdit: authorize(actor, 'checklist.edit')
	};
};

/** A position typed as "kinh độ, vĩ độ" (or empty) */
function position(form: FormData): [number, number] | undefined {
	const raw = optionalText(form, 'position');
	if (!raw) return undefined;
	const parts = raw
		.split(/[\s,;]+/)
		.filter(Boolean)
		.map(Number);
	return parts as [number, number];
}

function itemFields(form: FormData) {
	return {
		kind: text(form, 'kind') as never,
		place: text(form, 'place'),
		quantity: integer(form, 'quantity'),
		sloganId: optionalText(form, 'sloganId') ?? undefined,
		deadline: inputToIso(text(form, 'deadline')) ?? ''
	};
}

export const actions: Actions = {
	review: async (event) => {
		const form = await event.request.formData();
		return runFormCommand(event, form.get('commandId'), 'checklist.review_photo', {
			itemId: text(form, 'itemId'),
			photoId: text(form, 'photoId'),
			verdict: text(form, 'verdict') as never,
			reason: text(form, 'reason')
		});
	},
	saveItem: async (event) => {
		const form = await event.request.formData();
		return runFormCommand(event, form.get('commandId'), 'checklist.save_item', {
			item: {
				id: text(form, 'id'),
				unitId: text(form, 'unitId'),
				position: position(form),
				...itemFields(form)
			}
		});
	},
	addToWards: async (event) => {
		const form = await event.request.formData();
		return runFormCommand(event, form.get('commandId'), 'checklist.add_to_wards', {
			idPrefix: text(form, 'idPrefix'),
			item: itemFields(form)
		});
	},
	removeItem: async (event) => {
		const form = await event.request.formData();
		return runFormCommand(event, form.get('commandId'), 'checklist.remove_item', {
			itemId: text(form, 'itemId')
		});
	},
	setDeadline: async (event) => {
		const form = await event.request.formData();
		return runFormCommand(event, form.get('commandId'), 'checklist.set_deadline', {
			unitId: optionalText(form, 'unitId'),
			deadline: inputToIso(text(form, 'deadline')) ?? ''
		});
	}
};
