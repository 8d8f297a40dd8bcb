import { authorize } from '$lib/server/access';
import { ceremonyPicture } from '$lib/server/ceremony/store';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { requireActor } from '$lib/server/guard';
import { staffHome } from '$lib/server/staff-home';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.gate');
	return {
		home: staffHome(null),
		...ceremonyPicture(db(), false),
		canCheckIn: authorize(actor, 'gate.check_in'),
		/** how this gate is named on its check-ins (the gate account) */
		gate: actor.kind === 'user' ? `${actor.displayName} (${actor.username})` : '',
		undoMinutes: config.undoMinutes,
		outboxName: actor.kind === 'user' ? `user-${actor.userId}` : 'none'
	};
};
