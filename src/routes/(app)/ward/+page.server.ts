import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { authorize } from '$lib/server/access';
import { listItemViews } from '$lib/server/checklists/store';
import { checklistUnits } from '$lib/server/checklists/units';
import { mapTiles } from '$lib/server/config';
import { requireActor } from '$lib/server/guard';
import { staffHome } from '$lib/server/staff-home';
import { db } from '$lib/server/db';
import { levelView } from '$lib/server/level-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const own = event.locals.actor?.kind === 'user' ? event.locals.actor.unitId : null;
	const unitId =
		event.url.searchParams.get('unit') ??
		(event.locals.actor?.kind === 'user' && event.locals.actor.role === 'ward_staff' ? own : null);
	if (!unitId) {
		// coordinators and leaders pick a unit of their level to look at
		const level = levelView(requireActor(event, 'read.ops'));
		return { pick: checklistUnits(db(), level).map((u) => ({ id: u.id, name: u.name })), home: null };
	}
	const actor = requireActor(event, 'read.unit', { unitId });
	const home = staffHome(unitId);
	if (!home.unit) error(404, { message: translate(event.locals.lang, 'checklists.ward.noSuchUnit') });
	return {
		pick: null,
		home,
		items: listItemViews(db(), unitId),
		canTick: authorize(actor, 'checklist.tick', { unitId }),
		...mapTiles(),
		/** the tablet's outbox is per account: another account on it never sends these */
		outboxName: actor.kind === 'user' ? `user-${actor.userId}` : 'none'
	};
};
