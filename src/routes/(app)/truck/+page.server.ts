import { error } from '@sveltejs/kit';
import { dayNow } from '$lib/server/day-clock';
import { mapTiles } from '$lib/server/config';
import { db } from '$lib/server/db';
import { requireActor } from '$lib/server/guard';
import { staffHome } from '$lib/server/staff-home';
import { fleet } from '$lib/server/trucks/live-fleet';
import { crewMessages, paradeStart } from '$lib/server/trucks/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = event.locals.actor;
	const truckId = event.url.searchParams.get('truck') ?? (actor?.kind === 'user' ? actor.truckId : null);
	if (!truckId) {
		requireActor(event, 'read.truck', { truckId: null });
		error(404, { message: 'Tài khoản này chưa được gắn với xe loa nào. Liên hệ quản trị viên.' });
	}
	const reader = requireActor(event, 'read.truck', { truckId });
	const truck = fleet().view(truckId, dayNow(db()));
	if (!truck) error(404, { message: 'Không có xe loa này trong kịch bản hiện tại.' });
	const route = fleet()
		.routeViews()
		.find((r) => r.id === truck.routeId);
	const reached = fleet().state(truckId).reached;
	return {
		truck,
		route: route
			? { ...route, checkpoints: route.checkpoints.map((c) => ({ ...c, reachedAt: reached[c.id] ?? null })) }
			: null,
		paradeStart: paradeStart(db()),
		messages: crewMessages(db(), 20, truckId),
		/** only the truck's own crew shares positions from this page */
		isCrew: reader.kind === 'user' && reader.truckId === truckId,
		home: staffHome(truck.unitId),
		...mapTiles()
	};
};
