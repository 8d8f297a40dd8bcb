import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { authorize } from '$lib/server/access';
import { mapTiles } from '$lib/server/config';
import { db } from '$lib/server/db';
import { commandAction, refusedUnread, requireActor, runFormCommand } from '$lib/server/guard';
import { listRoutes } from '$lib/server/scenario/store';
import { fleet } from '$lib/server/trucks/live-fleet';
import { paradeStart } from '$lib/server/trucks/store';
import { listCrewAccounts } from '$lib/server/users/store';
import { levelView } from '$lib/server/level-view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.ops');
	const live = fleet();
	const { mine, within } = levelView(actor);
	const trucks = live.trucks().filter((t) => mine(t.unitId));
	// a level's routes: those its trucks drive, and those nobody drives yet
	const driven = new Set(live.trucks().map((t) => t.routeId));
	const ours = new Set(trucks.map((t) => t.routeId));
	const shown = (id: string) => !within || ours.has(id) || !driven.has(id);
	return {
		/** as in the scenario (plannedAt ISO with +07:00): what the editor edits and saves back */
		routes: listRoutes(db()).filter((r) => shown(r.id)),
		/** prepared by the fleet (length, times in ms): for the list and the faint context lines */
		routeViews: live.routeViews().filter((r) => shown(r.id)),
		trucks: trucks.map((t) => ({
			id: t.id,
			name: t.name,
			unitName: t.unitName,
			routeId: t.routeId ?? null
		})),
		crews: listCrewAccounts(db())
			.filter((u) => mine(u.unitId))
			.map((u) => ({
				id: u.id,
				username: u.username,
				displayName: u.displayName,
				truckId: u.truckId
			})),
		paradeStart: paradeStart(db()),
		...mapTiles(),
		canPlan: authorize(actor, 'parade.plan')
	};
};

export const actions: Actions = {
	saveRoute: async (event) => {
		// a route of up to 1 MB is read only from someone who may plan the parade
		const refused = refusedUnread(event, 'route.save');
		if (refused) return refused;
		const form = await event.request.formData();
		// the map editor sends the drawn route as JSON in one field
		const typed = form.get('route');
		let route: unknown;
		try {
			route = JSON.parse(typeof typed === 'string' ? typed : '');
		} catch {
			return fail(400, {
				message: translate(event.locals.lang, 'trucks.routes.unreadable'),
				problems: []
			});
		}
		// the command's schema checks the shape; a wrong one comes back as problems
		return runFormCommand(event, 'route.save', form, { route });
	},
	assignRoute: commandAction('truck.assign_route'),
	assignCrew: commandAction('truck.assign_crew'),
	setStart: commandAction('parade.set_start')
};
