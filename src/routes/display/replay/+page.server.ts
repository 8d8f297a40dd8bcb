import { db } from '$lib/server/db';
import { dayReplayData } from '$lib/server/displays/day-replay';
import { requireDisplayReader } from '$lib/server/displays/viewer';
import { liveStart } from '$lib/server/live-start';
import { listRunOfShow } from '$lib/server/scenario/store';
import { replayPageData } from '$lib/server/trucks/replay-data';
import { levelView } from '$lib/server/level-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { actor, as } = requireDisplayReader(event);
	const level = levelView(actor);
	return {
		live: liveStart(),
		as,
		...replayPageData(level),
		day: dayReplayData(db(), level),
		milestones: listRunOfShow(db())
	};
};
