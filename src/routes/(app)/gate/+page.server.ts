import { authorize } from '$lib/server/access';
import { ownCeremony } from '$lib/server/ceremony/own';
import { ceremonyPicture } from '$lib/server/ceremony/store';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { requireActor } from '$lib/server/guard';
import { staffHome } from '$lib/server/staff-home';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const reader = requireActor(event, 'read.gate');
	// the gate's own ceremony: its level's, or (gate staff) the nearest its unit attends
	const place = ownCeremony(db(), reader);
	const theCeremony = { unitId: place.unitId };
	const actor = requireActor(event, 'read.gate', theCeremony);
	return {
		home: staffHome(null),
		...ceremonyPicture(db(), place.id, false),
		canCheckIn: authorize(actor, 'gate.check_in', theCeremony),
		/** how this gate is named on its check-ins (the gate account) */
		gate: actor.kind === 'user' ? `${actor.displayName} (${actor.username})` : '',
		undoMinutes: config.undoMinutes,
		outboxName: actor.kind === 'user' ? `user-${actor.userId}` : 'none'
	};
};
