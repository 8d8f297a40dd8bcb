import { requireDisplayReader } from '$lib/server/displays/viewer';
import { liveStart } from '$lib/server/live-start';
import { replayPageData } from '$lib/server/trucks/replay-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { as } = requireDisplayReader(event);
	return { live: liveStart(), as, ...replayPageData() };
};
