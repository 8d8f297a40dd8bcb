import { redirect } from '@sveltejs/kit';
import { authorize } from '$lib/server/access';
import { db } from '$lib/server/db';
import { liveStart } from '$lib/server/live-start';
import { loginFor } from '$lib/server/local-path';
import { config } from '$lib/server/config';
import { currentEvent } from '$lib/server/scenario/store';
import { menuFor } from '$lib/server/menu';
import { planHas } from '$lib/server/plan-has';
import { levelView } from '$lib/server/level-view';
import { getUnit, organizerUnit } from '$lib/server/scenario/units';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user || locals.actor?.kind !== 'user') redirect(303, loginFor(url));
	// decided once here: the menu and every page below offer the same (page.data.has)
	const has = planHas(db(), levelView(locals.actor), locals.actor);
	const unit = locals.user.unitId ? getUnit(db(), locals.user.unitId) : undefined;
	return {
		live: liveStart(),
		demo: config.demoSpeed > 0,
		has,
		menu: menuFor(locals.actor, has),
		/** a page the plan has nothing for points an admin to the import */
		canImport: authorize(locals.actor, 'scenario.import'),
		// every signed-in page says a rehearsal is one (its header)
		rehearsal: currentEvent(db())?.rehearsal ?? null,
		// who the header says the person is: by their unit and its kind, or the plan's organizer
		who: {
			unit: unit ? { name: unit.name, kind: unit.kind } : null,
			organizer: organizerUnit(db())?.name ?? null
		}
	};
};
