import { authorize } from '$lib/server/access';
import { listItemViews } from '$lib/server/checklists/store';
import { checklistUnits } from '$lib/server/checklists/units';
import { db } from '$lib/server/db';
import { commandAction, requireActor } from '$lib/server/guard';
import { listSlogans } from '$lib/server/scenario/store';
import { listUnits } from '$lib/server/scenario/units';
import { levelView } from '$lib/server/level-view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.ops');
	const level = levelView(actor);
	return {
		items: listItemViews(db()).filter((i) => level.mine(i.unitId)),
		// the areas below the level's unit (its wards, its districts), and any other unit with items
		units: checklistUnits(db(), level).map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
		// the level's tree, to choose many units by kind or by the unit they come under
		tree: listUnits(db())
			.filter((u) => level.mine(u.id))
			.map((u) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId })),
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
