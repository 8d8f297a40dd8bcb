import { error } from '@sveltejs/kit';
import { requireActor } from '$lib/server/guard';
import { staffHome } from '$lib/server/staff-home';
import { db } from '$lib/server/db';
import { listUnits } from '$lib/server/scenario/units';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const own = event.locals.actor?.kind === 'user' ? event.locals.actor.unitId : null;
	const unitId =
		event.url.searchParams.get('unit') ??
		(event.locals.actor?.kind === 'user' && event.locals.actor.role === 'ward_staff' ? own : null);
	if (!unitId) {
		// coordinators and leaders pick a ward to look at
		requireActor(event, 'read.ops');
		return {
			pick: listUnits(db())
				.filter((u) => u.kind === 'ward')
				.map((u) => ({ id: u.id, name: u.name })),
			home: null
		};
	}
	requireActor(event, 'read.unit', { unitId });
	const home = staffHome(unitId);
	if (!home.unit) error(404, { message: 'Không có đơn vị này trong kịch bản hiện tại.' });
	return { pick: null, home };
};
