import { db } from '$lib/server/db';
import { dayReplayData } from '$lib/server/displays/day-replay';
import { requireDisplayReader } from '$lib/server/displays/viewer';
import { liveStart } from '$lib/server/live-start';
import { listMilestones } from '$lib/server/scenario/store';
import { replayPageData } from '$lib/server/trucks/replay-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { as } = requireDisplayReader(event);
	return {
		live: liveStart(),
		as,
		...replayPageData(),
		day: dayReplayData(db()),
		milestones: listMilestones(db())
	};
};
