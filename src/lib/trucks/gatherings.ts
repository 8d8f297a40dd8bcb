/**
 * Gatherings (tập kết): a milestone of kind `gathering` that names a point, where trucks meet
 * before the day's ceremony or convoy. Shared by the server, the ops room and the wall display.
 */

/** One gathering as a reader's level sees it: only its own trucks are expected and counted. */
export interface GatheringView {
	/** the milestone's id */
	id: string;
	title: string;
	place: string | null;
	/** when the trucks are due there, ms */
	at: number;
	/** [lng, lat] */
	position: [number, number];
	radiusM: number;
	/** the trucks of the reader's level expected there */
	expected: string[];
	/** truck id → the day time of its first fix within the radius */
	gathered: Record<string, number>;
}

/** "đã tập kết n/N": how many of the expected trucks have come */
export function gatheredCount(g: GatheringView): { n: number; of: number } {
	return { n: g.expected.filter((id) => id in g.gathered).length, of: g.expected.length };
}

/** One gathering point as a map draws it, with the reader's level's count. */
export interface GatheringPoint {
	id: string;
	title: string;
	/** [lng, lat] */
	position: [number, number];
	radiusM: number;
	n: number;
	of: number;
}

export const gatheringPoint = (g: GatheringView): GatheringPoint => ({
	id: g.id,
	title: g.title,
	position: g.position,
	radiusM: g.radiusM,
	...gatheredCount(g)
});
