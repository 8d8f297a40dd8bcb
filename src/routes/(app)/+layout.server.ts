import { redirect } from '@sveltejs/kit';
import { liveStart } from '$lib/server/live-start';
import { loginFor } from '$lib/server/local-path';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { currentEvent } from '$lib/server/scenario/store';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, loginFor(url));
	return {
		live: liveStart(),
		demo: config.demoSpeed > 0,
		// every signed-in page says a rehearsal is one (its header)
		rehearsal: currentEvent(db())?.rehearsal ?? null
	};
};
