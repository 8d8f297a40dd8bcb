/**
 * Gatherings (tập kết): which gathering milestones name a point, when a fix there counts, and
 * their record in the database. A truck has gathered once one of its fixes falls within the
 * point's radius between the start of the gathering's day (Việt Nam time) and an hour after
 * its time: a truck still coming an hour late has missed the convoy, and a fix there on another
 * day (a parade passing by) is not a gathering. Recorded once: moving off again (to the
 * ceremony) does not take it back.
 */
import { dueAt } from '$lib/scenario/milestone-time';
import { defaultGatheringRadiusM, type Milestone } from '$lib/scenario/schema';
import type { GatheringView } from '$lib/trucks/gatherings';
import type { Db } from '../db';

/** how long after its time a gathering still counts arrivals */
export const gatheringGraceMs = 60 * 60_000;
const dayMs = 86_400_000;
const vnOffsetMs = 7 * 3_600_000;

/** A gathering as the plan sets it: what a view shows of it, and whom and when it counts. */
export interface GatheringSpec extends Omit<GatheringView, 'expected' | 'gathered'> {
	/** the trucks expected; null: every truck of the event */
	truckIds: string[] | null;
	/** the window a fix must fall in (day time, ms) */
	opensAt: number;
	closesAt: number;
}

/** The run of show's gatherings that name a point (the others are only times). */
export function gatheringSpecs(milestones: readonly Milestone[]): GatheringSpec[] {
	return milestones.flatMap((m) => {
		if (m.kind !== 'gathering' || !m.position) return [];
		const at = dueAt(m.at);
		// the start of the Vietnam day it falls on (a whole day's due time is its next midnight)
		const day = at - 1;
		const opensAt = day - ((day + vnOffsetMs) % dayMs);
		return [
			{
				id: m.id,
				title: m.title,
				place: m.place ?? null,
				at,
				position: m.position,
				radiusM: m.radiusM ?? defaultGatheringRadiusM,
				truckIds: m.truckIds ?? null,
				opensAt,
				closesAt: at + gatheringGraceMs
			}
		];
	});
}

export const expects = (g: GatheringSpec, truckId: string): boolean =>
	g.truckIds === null || g.truckIds.includes(truckId);

/** milestone id → truck id → day time it gathered */
export type Gathered = Map<string, Map<string, number>>;

export function loadGathered(db: Db): Gathered {
	const rows = db.prepare('SELECT milestone_id, truck_id, at FROM truck_gatherings').all() as {
		milestone_id: string;
		truck_id: string;
		at: number;
	}[];
	const gathered: Gathered = new Map();
	for (const r of rows) {
		if (!gathered.has(r.milestone_id)) gathered.set(r.milestone_id, new Map());
		gathered.get(r.milestone_id)!.set(r.truck_id, r.at);
	}
	return gathered;
}

/** Records a truck's gathering; false when it was recorded already. */
export function recordGathered(db: Db, milestoneId: string, truckId: string, at: number): boolean {
	return (
		db
			.prepare('INSERT OR IGNORE INTO truck_gatherings (milestone_id, truck_id, at) VALUES (?, ?, ?)')
			.run(milestoneId, truckId, at).changes === 1
	);
}
