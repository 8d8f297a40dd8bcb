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
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.ops');
	const now = dayNow(db());
	const live = fleet();
	const routeOfTruck = Object.fromEntries(live.trucks().map((t) => [t.id, t.routeId ?? null]));
	return {
		trucks: live.views(now),
		routes: live.routeViews(),
		covered: live.coverageLines(),
		missed: Object.fromEntries(live.trucks().map((t) => [t.id, live.missed(t.id)])),
		routeOfTruck,
		alerts: recentAlerts(db(), 100).map((a) => ({
			...a,
			truckName: live.truck(a.truckId)?.name ?? a.truckId
		})),
		messages: crewMessages(db(), 20),
		feed: recentEvents(db(), ['ops'], 200).filter((e) => isFleetEventType(e.type)),
		paradeStart: paradeStart(db()),
		area: planMapArea(db()),
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
