import { redirect } from '@sveltejs/kit';
import { authorize } from '$lib/server/access';
import { db } from '$lib/server/db';
import { displayViewer } from '$lib/server/displays/viewer';
import { recentEvents } from '$lib/server/events/log';
import { liveStart } from '$lib/server/live-start';
import { latestNotices } from '$lib/server/notices/store';
import { currentEvent, listMilestones } from '$lib/server/scenario/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ cookies, locals, url }) => {
	const viewer = displayViewer(cookies);
	if (viewer.kind === 'revoked') redirect(303, '/display/revoked');
	const actor = viewer.kind === 'link' ? viewer.actor : locals.actor;
	if (!actor) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	if (!authorize(actor, 'read.display')) redirect(303, '/');

	const live = liveStart();
	return {
		live,
		as: viewer.kind === 'link' ? ('display' as const) : ('user' as const),
		screenName: viewer.kind === 'link' ? viewer.name : null,
		event: currentEvent(db()) ?? null,
		milestones: listMilestones(db()),
		notices: latestNotices(db(), 20),
		feed: recentEvents(db(), ['display'], 40)
	};
};
