import { authorize } from '$lib/server/access';
import { db } from '$lib/server/db';
import { listDisplayLinks } from '$lib/server/displays/store';
import { recentEvents } from '$lib/server/events/log';
import { commandAction, requireActor } from '$lib/server/guard';
import { latestNotices } from '$lib/server/notices/store';
import { currentEvent, listRunOfShow } from '$lib/server/scenario/store';
import { getUnit, listUnits } from '$lib/server/scenario/units';
import { levelView } from '$lib/server/level-view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.ops');
	const canManage = authorize(actor, 'display_link.manage');
	const level = levelView(actor);
	return {
		event: currentEvent(db()) ?? null,
		milestones: listRunOfShow(db()),
		units: listUnits(db())
			.filter((u) => level.mine(u.id))
			.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
		notices: latestNotices(db(), 30, level.noticeReach),
		feed: recentEvents(db(), level.opsFeed, 40),
		/** the reader's level (a coordinator of Quận 7's); null: the whole event */
		level: level.within
			? { id: level.within, name: getUnit(db(), level.within)?.name ?? level.within }
			: null,
		canPost: authorize(actor, 'notice.post'),
		canManage,
		displayLinks: canManage
			? listDisplayLinks(db())
					.filter((l) => (l.unitId ? level.mine(l.unitId) : !level.within))
					.map((l) => ({ ...l, url: `${event.url.origin}/d/${l.token}` }))
			: []
	};
};

export const actions: Actions = {
	postNotice: commandAction('notice.post'),
	createDisplayLink: commandAction('display_link.create'),
	configureDisplayLink: commandAction('display_link.configure'),
	revokeDisplayLink: commandAction('display_link.revoke')
};
