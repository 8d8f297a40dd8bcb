import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { areaAround } from '$lib/trucks/geometry';
import { dayNow } from '$lib/server/day-clock';
import { mapTiles } from '$lib/server/config';
import { db } from '$lib/server/db';
import { requireActor, runFormCommand } from '$lib/server/guard';
import { staffHome } from '$lib/server/staff-home';
import { fleet } from '$lib/server/trucks/live-fleet';
import { crewMessages, paradeStart } from '$lib/server/trucks/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = event.locals.actor;
	const truckId = event.url.searchParams.get('truck') ?? (actor?.kind === 'user' ? actor.truckId : null);
	if (!truckId) {
		requireActor(event, 'read.truck', { truckId: null });
		error(404, { message: translate(event.locals.lang, 'trucks.crew.noTruck') });
	}
	const reader = requireActor(event, 'read.truck', { truckId });
	const truck = fleet().view(truckId, dayNow(db()));
	if (!truck) error(404, { message: translate(event.locals.lang, 'trucks.crew.notInScenario') });
	const route = fleet()
		.routeViews()
		.find((r) => r.id === truck.routeId);
	const reached = fleet().state(truckId).reached;
	return {
		truck,
		route: route
			? { ...route, checkpoints: route.checkpoints.map((c) => ({ ...c, reachedAt: reached[c.id] ?? null })) }
			: null,
		paradeStart: paradeStart(db()),
		// the crew's map opens on their own route
		area: route ? areaAround([...route.coordinates, ...route.checkpoints.map((c) => c.position)], 0) : null,
		messages: crewMessages(db(), 20, truckId),
		/** only the truck's own crew shares positions from this page */
		isCrew: reader.kind === 'user' && reader.truckId === truckId,
		home: staffHome(truck.unitId),
		...mapTiles()
	};
};

/**
 * The crew's buttons as plain forms: what a slow phone sends before the page's code has loaded.
 * Each answers with the button it was, for the page to say what was done.
 */
const press =
	(action: 'depart' | 'arrive' | 'finish' | 'resume') => async (event: Parameters<Actions[string]>[0]) => {
		const result = await runFormCommand(event, `truck.${action}`);
		return 'ok' in result ? { ...result, action } : result;
	};

export const actions: Actions = {
	depart: press('depart'),
	arrive: press('arrive'),
	finish: press('finish'),
	resume: press('resume')
};
