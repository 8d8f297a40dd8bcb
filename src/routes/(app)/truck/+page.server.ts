import { error } from '@sveltejs/kit';
import { requireActor } from '$lib/server/guard';
import { staffHome } from '$lib/server/staff-home';
import { db } from '$lib/server/db';
import { getTruck } from '$lib/server/scenario/units';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = event.locals.actor;
	const truckId = event.url.searchParams.get('truck') ?? (actor?.kind === 'user' ? actor.truckId : null);
	if (!truckId) {
		requireActor(event, 'read.truck', { truckId: null });
		error(404, { message: 'Tài khoản này chưa được gắn với xe loa nào. Liên hệ quản trị viên.' });
	}
	requireActor(event, 'read.truck', { truckId });
	const truck = getTruck(db(), truckId);
	if (!truck) error(404, { message: 'Không có xe loa này trong kịch bản hiện tại.' });
	return { truck, home: staffHome(truck.unitId) };
};
