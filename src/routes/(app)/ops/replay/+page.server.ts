import { requireActor } from '$lib/server/guard';
import { replayPageData } from '$lib/server/trucks/replay-data';
import { levelView } from '$lib/server/level-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.ops');
	return replayPageData(levelView(actor).mine);
};
