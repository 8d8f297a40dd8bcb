import { authorize } from '$lib/server/access';
import { config, mapTiles } from '$lib/server/config';
import { dayNow } from '$lib/server/day-clock';
import { db } from '$lib/server/db';
import { recentEvents } from '$lib/server/events/log';
import { commandAction, requireActor } from '$lib/server/guard';
import { fleet } from '$lib/server/trucks/live-fleet';
import { planMapArea } from '$lib/server/trucks/plan-area';
import { isFleetEventType } from '$lib/trucks/events';
import { crewMessages, paradeStart, recentAlerts } from '$lib/server/trucks/store';
import { levelView } from '$lib/server/level-view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.ops');
	const now = dayNow(db());
	const live = fleet();
	const level = levelView(actor);
	const trucks = live.trucks().filter((t) => level.mine(t.unitId));
	const mineTruck = new Set(trucks.map((t) => t.id));
	const routes = new Set(trucks.map((t) => t.routeId));
	const routeOfTruck = Object.fromEntries(trucks.map((t) => [t.id, t.routeId ?? null]));
	const covered = live.coverageLines();
	return {
		trucks: live.views(now).filter((t) => mineTruck.has(t.id)),
		routes: live.routeViews().filter((r) => !level.within || routes.has(r.id)),
		covered: Object.fromEntries(Object.entries(covered).filter(([id]) => mineTruck.has(id))),
		missed: Object.fromEntries(trucks.map((t) => [t.id, live.missed(t.id)])),
		routeOfTruck,
		alerts: recentAlerts(db(), 100)
			.filter((a) => mineTruck.has(a.truckId))
			.map((a) => ({
				...a,
				truckName: live.truck(a.truckId)?.name ?? a.truckId
			})),
		// to one crew: the level's; to every crew: the whole event's readers only
		messages: crewMessages(db(), 20).filter((m) => (m.truckId ? mineTruck.has(m.truckId) : !level.within)),
		feed: recentEvents(db(), level.opsFeed, 200).filter((e) => isFleetEventType(e.type)),
		paradeStart: paradeStart(db()),
		gatherings: live.gatheringViews(level.mine),
		area: planMapArea(db(), level.within ? level.mine : undefined),
		...mapTiles(),
		canAct: authorize(actor, 'alert.acknowledge'),
		thresholds: {
			lateMinutes: config.lateMinutes,
			offRouteMeters: config.offRouteMeters,
			offRouteSeconds: config.offRouteSeconds,
			staleSeconds: config.staleSeconds
		}
	};
};

export const actions: Actions = {
	message: commandAction('crew.message'),
	acknowledge: commandAction('alert.acknowledge')
};
