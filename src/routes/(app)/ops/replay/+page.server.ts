import { requireActor } from '$lib/server/guard';
import { replayPageData } from '$lib/server/trucks/replay-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireActor(event, 'read.ops');
	return replayPageData();
};
