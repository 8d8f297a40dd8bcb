import { dayNow } from '$lib/server/clock';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { requireActor } from '$lib/server/guard';
import { listMilestones } from '$lib/server/scenario/store';
import { fleet } from '$lib/server/trucks/live';
import { defaultReplayRange } from '$lib/ui/replay/range';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireActor(event, 'read.ops');
	const live = fleet();
	const range = defaultReplayRange(listMilestones(db()), dayNow(db()));
	return {
		// the replay shows the past: today's "reached" marks on the checkpoints would mislead
		routes: live
			.routeViews()
			.map((r) => ({ ...r, checkpoints: r.checkpoints.map((c) => ({ ...c, reachedAt: null })) })),
		trucks: live.trucks().map((t) => ({ id: t.id, name: t.name, unitName: t.unitName })),
		defaultFrom: range.from,
		defaultTo: range.to,
		tileUrl: config.tileUrl || null,
		attribution: config.tileAttribution
	};
};
