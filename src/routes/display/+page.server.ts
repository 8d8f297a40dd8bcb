import { planHasOf } from '$lib/scenario/plan-has';
import { ceremonyOnScreen } from '$lib/server/ceremony/store';
import { latestAcceptedPhotos, listItemViews } from '$lib/server/checklists/store';
import { mapTiles } from '$lib/server/config';
import { dayNow } from '$lib/server/day-clock';
import { db } from '$lib/server/db';
import { requireDisplayReader } from '$lib/server/displays/viewer';
import { recentEvents } from '$lib/server/events/log';
import { liveStart } from '$lib/server/live-start';
import { latestNotices } from '$lib/server/notices/store';
import { currentEvent, milestonesOf } from '$lib/server/scenario/store';
import { getUnit, listUnits } from '$lib/server/scenario/units';
import { withoutCrew } from '$lib/server/trucks/truck-view';
import { fleet } from '$lib/server/trucks/live-fleet';
import { planMapArea } from '$lib/server/trucks/plan-area';
import { recentAlerts } from '$lib/server/trucks/store';
import { reportPicture } from '$lib/server/reports/picture';
import { levelView } from '$lib/server/level-view';
import { unitTree } from '$lib/server/scenario/tree';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { actor, as, screenName, linkId, layout } = requireDisplayReader(event);
	const live = liveStart();
	const fleetNow = fleet();
	const level = levelView(actor);
	// the map shows trucks, not who drives them: no crew names or phones on a screen
	const trucks = fleetNow
		.views(dayNow(db()))
		.filter((t) => level.mine(t.unitId))
		.map(withoutCrew);
	const routes = new Set(trucks.map((t) => t.routeId));
	const milestones = milestonesOf(db(), level.within);
	const checklist = listItemViews(db()).filter((i) => level.mine(i.unitId));
	// the ceremony of the screen's level: its own, not the city's nor another district's
	const ceremony = ceremonyOnScreen(db(), level.ceremonyId);
	const reports = reportPicture(db(), level.within);
	return {
		live,
		as,
		screenName,
		linkId,
		layout,
		event: currentEvent(db()) ?? null,
		/** a level's screen (a ward's): the unit it shows */
		level: level.within ? (getUnit(db(), level.within)?.name ?? level.within) : null,
		milestones,
		notices: latestNotices(db(), 20, level.noticeReach),
		feed: recentEvents(db(), level.displayFeed, 40),
		trucks,
		gatherings: fleetNow.gatheringViews(level.mine),
		routes: fleetNow.routeViews().filter((r) => !level.within || routes.has(r.id)),
		alerts: recentAlerts(db(), 50)
			.filter((a) => a.clearedAt === null && level.mine(fleetNow.truck(a.truckId)?.unitId))
			.map((a) => ({ ...a, truckName: fleetNow.truck(a.truckId)?.name ?? a.truckId })),
		ceremony,
		checklist,
		acceptedPhotos: latestAcceptedPhotos(
			db(),
			12,
			level.within ? [...unitTree(db()).subtreeOf(level.within)] : null
		),
		units: listUnits(db())
			.filter((u) => level.mine(u.id))
			.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
		reports,
		// the panels with something to show, from what this screen was given
		has: planHasOf({
			trucks,
			milestones,
			checklistItems: checklist,
			ceremony: ceremony.ceremony,
			reportTable: reports?.template
		}),
		area: planMapArea(db(), level.within ? level.mine : undefined),
		...mapTiles()
	};
};
