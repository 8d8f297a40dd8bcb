import { redirect } from '@sveltejs/kit';
import { liveStart } from '$lib/server/live-start';
import { loginFor } from '$lib/server/local-path';
import { config } from '$lib/server/config';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, loginFor(url));
	return { live: liveStart(), demo: config.demoSpeed > 0 };
};
