import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { liveStart } from '$lib/server/live-start';
import { loginFor } from '$lib/server/local-path';
import { config } from '$lib/server/config';
import { currentEvent } from '$lib/server/scenario/store';
import { getUnit, organizerUnit } from '$lib/server/scenario/units';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, loginFor(url));
	const unit = locals.user.unitId ? getUnit(db(), locals.user.unitId) : undefined;
	return {
		live: liveStart(),
		demo: config.demoSpeed > 0,
		// every signed-in page says a rehearsal is one (its header)
		rehearsal: currentEvent(db())?.rehearsal ?? null,
		// who the header says the person is: by their unit and its kind, or the plan's organizer
		who: {
			unit: unit ? { name: unit.name, kind: unit.kind } : null,
			organizer: organizerUnit(db())?.name ?? null
		}
	};
};
