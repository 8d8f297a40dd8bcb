import { authorize } from '$lib/server/access';
import { ceremonyPicture } from '$lib/server/ceremony/store';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { requireActor } from '$lib/server/guard';
import { unitTree } from '$lib/server/scenario/tree';
import { staffHome } from '$lib/server/staff-home';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const theCeremony = { unitId: unitTree(db()).root };
	const actor = requireActor(event, 'read.gate', theCeremony);
	return {
		home: staffHome(null),
		...ceremonyPicture(db(), false),
		canCheckIn: authorize(actor, 'gate.check_in', theCeremony),
		/** how this gate is named on its check-ins (the gate account) */
		gate: actor.kind === 'user' ? `${actor.displayName} (${actor.username})` : '',
		undoMinutes: config.undoMinutes,
		outboxName: actor.kind === 'user' ? `user-${actor.userId}` : 'none'
	};
};
