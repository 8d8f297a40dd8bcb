/**
 * Loads a range of recorded positions page by page. The server answers at most
 * SERVER_PAGE_LIMIT points per request, in time order (positionsBetween's LIMIT): 330 trucks
 * reporting every second fill a page in about a minute of the day. A busy server says when to
 * ask again. A full page means
 * there is more: ask again from the time of its last point, leaving out the points at that
 * instant already received (a truck has at most one point per instant).
 */
import type { TrackAnswer, TrackPoint } from '$lib/types';
import { trackPageLimit } from '$lib/trucks/types';

export const SERVER_PAGE_LIMIT = trackPageLimit;
/** what a browser tab keeps for one replay */
export const MAX_REPLAY_POINTS = 1_500_000;

export type { TrackAnswer };

export type LoadResult =
	| {
			ok: true;
			points: TrackPoint[];
			/** set when the points stop before `to` (too many to keep): the time of the last one */
			truncatedAt: number | null;
	  }
	| { ok: false; message: string };

export async function loadTrackPages(
	fetchPage: (from: number, to: number) => Promise<TrackAnswer>,
	from: number,
	to: number,
	options: {
		pageLimit?: number;
		maxPoints?: number;
		onProgress?: (count: number) => void;
		/** checked between pages: stop when the answer is no longer wanted */
		cancelled?: () => boolean;
	} = {}
): Promise<LoadResult> {
	const pageLimit = options.pageLimit ?? SERVER_PAGE_LIMIT;
	const maxPoints = options.maxPoints ?? MAX_REPLAY_POINTS;
	const points: TrackPoint[] = [];
	let cursor = from;
	/** trucks whose point at `cursor` is already in `points` */
	let seenAtCursor = new Set<string>();
	for (;;) {
		const answer = await fetchPage(cursor, to);
		if (!answer.ok && answer.retryInMs !== undefined) {
			// the server serves reads in turn: the same page again when it says
			await new Promise((resolve) => setTimeout(resolve, answer.retryInMs));
			if (options.cancelled?.()) return { ok: true, points, truncatedAt: null };
			continue;
		}
		if (!answer.ok) return answer;
		if (options.cancelled?.()) return { ok: true, points, truncatedAt: null };
		const page = answer.points;
		let last = -Infinity;
		for (const p of page) {
			if (p.at > last) last = p.at;
			if (p.at === cursor && seenAtCursor.has(p.truckId)) continue;
			points.push(p);
		}
		options.onProgress?.(points.length);
		if (page.length < pageLimit) return { ok: true, points, truncatedAt: null };
		// a whole page at one instant cannot be paged past; too many points: stop here
		if (last <= cursor || points.length >= maxPoints) return { ok: true, points, truncatedAt: last };
		seenAtCursor = new Set();
		for (const p of page) if (p.at === last) seenAtCursor.add(p.truckId);
		cursor = last;
	}
}
