import { ceremonyOnScreen } from '$lib/server/ceremony/store';
import { latestAcceptedPhotos, listItemViews } from '$lib/server/checklists/store';
import { mapTiles } from '$lib/server/config';
import { dayNow } from '$lib/server/day-clock';
import { db } from '$lib/server/db';
import { requireDisplayReader } from '$lib/server/displays/viewer';
import { recentEvents } from '$lib/server/events/log';
import { liveStart } from '$lib/server/live-start';
import { latestNotices } from '$lib/server/notices/store';
import { currentEvent, listMilestones } from '$lib/server/scenario/store';
import { listUnits } from '$lib/server/scenario/units';
import { withoutCrew } from '$lib/server/trucks/truck-view';
import { fleet } from '$lib/server/trucks/live-fleet';
import { recentAlerts } from '$lib/server/trucks/store';
import { reportPicture } from '$lib/server/reports/picture';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { as, screenName, linkId, layout } = requireDisplayReader(event);
	const live = liveStart();
	const trucks = fleet();
	return {
		live,
		as,
		screenName,
		linkId,
		layout,
		event: currentEvent(db()) ?? null,
		milestones: listMilestones(db()),
		notices: latestNotices(db(), 20),
		feed: recentEvents(db(), ['display'], 40),
		// the map shows trucks, not who drives them: no crew names or phones on a screen
		trucks: trucks.views(dayNow(db())).map(withoutCrew),
		routes: trucks.routeViews(),
		alerts: recentAlerts(db(), 50)
			.filter((a) => a.clearedAt === null)
			.map((a) => ({ ...a, truckName: trucks.truck(a.truckId)?.name ?? a.truckId })),
		ceremony: ceremonyOnScreen(db()),
		checklist: listItemViews(db()),
		acceptedPhotos: latestAcceptedPhotos(db(), 12),
		units: listUnits(db()).map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
		reports: reportPicture(db()),
		...mapTiles()
	};
};
