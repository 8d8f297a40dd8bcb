import { authorize } from '$lib/server/access';
import { listItemViews } from '$lib/server/checklists/store';
import { db } from '$lib/server/db';
import { commandAction, requireActor } from '$lib/server/guard';
import { listSlogans } from '$lib/server/scenario/store';
import { listUnits } from '$lib/server/scenario/units';
import { levelView } from '$lib/server/level-view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.ops');
	const { mine } = levelView(actor);
	const items = listItemViews(db()).filter((i) => mine(i.unitId));
	const withItems = new Set(items.map((i) => i.unitId));
	return {
		items,
		// wards first, then any other unit that has items of its own (the district's center)
		units: listUnits(db())
			.filter((u) => mine(u.id) && (u.kind === 'ward' || withItems.has(u.id)))
			.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
		slogans: listSlogans(db()),
		canReview: authorize(actor, 'checklist.review'),
		canEdit: authorize(actor, 'checklist.edit')
	};
};

export const actions: Actions = {
	review: commandAction('checklist.review_photo'),
	saveItem: commandAction('checklist.save_item'),
	addToWards: commandAction('checklist.add_to_wards'),
	removeItem: commandAction('checklist.remove_item'),
	setDeadline: commandAction('checklist.set_deadline')
};
