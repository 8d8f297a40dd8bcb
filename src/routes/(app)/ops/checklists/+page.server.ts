import { authorize } from '$lib/server/access';
import { listItemViews } from '$lib/server/checklists/store';
import { checklistUnits } from '$lib/server/checklists/units';
import { db } from '$lib/server/db';
import { commandAction, requireActor } from '$lib/server/guard';
import { listSlogans } from '$lib/server/scenario/store';
import { listUnits } from '$lib/server/scenario/units';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.ops');
	return {
		items: listItemViews(db()),
		// the areas below the organizer (its wards, its districts), and any other unit with items
		units: checklistUnits(db()).map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
		// the whole tree, to choose many units by kind or by the unit they come under
		tree: listUnits(db()).map((u) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId })),
		slogans: listSlogans(db()),
		canReview: authorize(actor, 'checklist.review'),
		canEdit: authorize(actor, 'checklist.edit')
	};
};

export const actions: Actions = {
	review: commandAction('checklist.review_photo'),
	saveItem: commandAction('checklist.save_item'),
	addToUnits: commandAction('checklist.add_to_units'),
	removeItem: commandAction('checklist.remove_item'),
	setDeadline: commandAction('checklist.set_deadline')
};
