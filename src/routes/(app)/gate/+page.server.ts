import { requireActor } from '$lib/server/guard';
import { staffHome } from '$lib/server/staff-home';
import { db } from '$lib/server/db';
import { currentCeremony } from '$lib/server/scenario/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.gate');
	return {
		ceremony: currentCeremony(db()) ?? null,
		home: staffHome(actor.kind === 'user' ? actor.unitId : null)
	};
};
