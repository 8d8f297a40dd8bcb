import type { ReplaySetup } from '$lib/trucks/types';
import { defaultReplayRange } from '$lib/ui/replay/range';
import { dayNow } from '../day-clock';
import { planMapArea } from './plan-area';
import { mapTiles } from '../config';
import { db } from '../db';
import { listMilestones } from '../scenario/store';
import type { LevelView } from '../level-view';
import { fleet } from './live-fleet';

/**
 * What a replay page starts with, on /ops/replay and on the wall display alike: the trucks and
 * routes of the reader's level.
 */
export function replayPageData({ within, mine }: Pick<LevelView, 'within' | 'mine'>): {
	replay: ReplaySetup;
} {
	const live = fleet();
	const range = defaultReplayRange(listMilestones(db()), dayNow(db()));
	const trucks = live.trucks().filter((t) => mine(t.unitId));
	const routes = new Set(trucks.map((t) => t.routeId));
	const everyTruck = trucks.length === live.trucks().length;
	const replay: ReplaySetup = {
		// the replay shows the past: today's "reached" marks on the checkpoints would mislead
		routes: live
			.routeViews()
			.filter((r) => everyTruck || routes.has(r.id))
			.map((r) => ({ ...r, checkpoints: r.checkpoints.map((c) => ({ ...c, reachedAt: null })) })),
		trucks: trucks.map((t) => ({ id: t.id, name: t.name, unitName: t.unitName })),
		defaultFrom: range.from,
		defaultTo: range.to,
		area: planMapArea(db(), within ? mine : undefined),
		...mapTiles()
	};
	return { replay };
}
