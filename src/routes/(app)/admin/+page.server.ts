import { db } from '$lib/server/db';
import { requireActor } from '$lib/server/guard';
import { currentEvent, exportScenario, scenarioCounts } from '$lib/server/scenario/store';
import { listUnits } from '$lib/server/scenario/units';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireActor(event, 'read.admin');
	const scenario = exportScenario(db());
	return {
		event: currentEvent(db()) ?? null,
		counts: scenario ? scenarioCounts(scenario) : null,
		units: listUnits(db())
	};
};
