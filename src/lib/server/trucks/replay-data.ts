import { defaultReplayRange } from '$lib/ui/replay/range';
import { dayNow } from '../day-clock';
import { planMapArea } from './plan-area';
import { mapTiles } from '../config';
import { db } from '../db';
import { listMilestones } from '../scenario/store';
import { fleet } from './live-fleet';

/** What a replay page starts with, on /ops/replay and on the wall display alike. */
export function replayPageData() {
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
		area: planMapArea(db()),
		...mapTiles()
	};
}
