/**
 * Recorded points indexed per truck, sorted by time, in typed arrays: what ReplayPlayer asks
 * its questions of. Pure functions; every lookup is a binary search.
 */
import { distanceM } from '$lib/trucks/geometry';
import type { TrackPoint } from '$lib/types';

/** a truck whose last point is older than this is shown where it was last seen, as lost */
export const STALE_AFTER_MS = 5 * 60_000;

export interface ReplayPosition {
	truckId: string;
	lat: number;
	lng: number;
	/** km/h of the point at or before t, null when the phone did not say */
	speed: number | null;
	/** day time of the last recorded point at or before t */
	at: number;
	/** no point for more than STALE_AFTER_MS: shown at its last point */
	stale: boolean;
}

export interface Track {
	id: string;
	at: Float64Array;
	lat: Float64Array;
	lng: Float64Array;
	/** NaN when unknown */
	speed: Float64Array;
	/** [lng, lat] per point, built on first use (trail, distances) */
	coords: [number, number][] | null;
	/** cumulative metres from the first point to point i, built on first use */
	cumulative: Float64Array | null;
}

/** Index of the last element ≤ t in a sorted array, or -1 when every element is after t. */
export function lastAtOrBefore(times: ArrayLike<number>, t: number): number {
	let lo = 0;
	let hi = times.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (times[mid] <= t) lo = mid + 1;
		else hi = mid;
	}
	return lo - 1;
}

const usable = (p: TrackPoint) =>
	typeof p.truckId === 'string' && Number.isFinite(p.at) && Number.isFinite(p.lat) && Number.isFinite(p.lng);

/**
 * Groups points (any order, any trucks) per truck, sorted by time. Points without a truck, a
 * time or finite coordinates are left out. Two passes, so each truck's arrays are allocated
 * once at their size: a million points make no intermediate arrays of objects.
 */
export function indexTracks(points: readonly TrackPoint[]): {
	byId: Map<string, Track>;
	kept: number;
	firstAt: number;
	lastAt: number;
} {
	// one entry per truck: its count in pass 1, then its track and fill cursor in pass 2
	const entries = new Map<string, { n: number; i: number; track: Track | null }>();
	let kept = 0;
	let firstAt = Infinity;
	let lastAt = -Infinity;
	for (const p of points) {
		if (!usable(p)) continue;
		const entry = entries.get(p.truckId);
		if (entry) entry.n++;
		else entries.set(p.truckId, { n: 1, i: 0, track: null });
		kept++;
		if (p.at < firstAt) firstAt = p.at;
		if (p.at > lastAt) lastAt = p.at;
	}

	const byId = new Map<string, Track>();
	for (const [id, entry] of entries) {
		const n = entry.n;
		entry.track = {
			id,
			at: new Float64Array(n),
			lat: new Float64Array(n),
			lng: new Float64Array(n),
			speed: new Float64Array(n),
			coords: null,
			cumulative: null
		};
		byId.set(id, entry.track);
	}
	for (const p of points) {
		if (!usable(p)) continue;
		const entry = entries.get(p.truckId)!;
		const track = entry.track!;
		const i = entry.i++;
		track.at[i] = p.at;
		track.lat[i] = p.lat;
		track.lng[i] = p.lng;
		track.speed[i] = typeof p.speed === 'number' && Number.isFinite(p.speed) ? p.speed : NaN;
	}
	for (const track of byId.values()) sortByTime(track);
	return { byId, kept, firstAt, lastAt };
}

/** Sorts a track's arrays by time; a no-op for tracks already in order (the usual case). */
function sortByTime(track: Track): void {
	const n = track.at.length;
	let sorted = true;
	for (let i = 1; i < n && sorted; i++) sorted = track.at[i - 1] <= track.at[i];
	if (sorted) return;
	const order = new Uint32Array(n);
	for (let i = 0; i < n; i++) order[i] = i;
	order.sort((a, b) => track.at[a] - track.at[b] || a - b);
	for (const key of ['at', 'lat', 'lng', 'speed'] as const) {
		const source = track[key];
		const next = new Float64Array(n);
		for (let i = 0; i < n; i++) next[i] = source[order[i]];
		track[key] = next;
	}
}

/**
 * Where the truck is at t. Between two points: linear. Before its first point: null. When its
 * last point at or before t is more than STALE_AFTER_MS old (after its track ends, or in a
 * gap): at that point, stale. A gap longer than STALE_AFTER_MS is not interpolated across:
 * the truck waits at the point before it (a straight line through the city would be made up).
 */
export function positionIn(track: Track, t: number): ReplayPosition | null {
	const i = lastAtOrBefore(track.at, t);
	if (i < 0) return null;
	const at = track.at[i];
	const speed = Number.isNaN(track.speed[i]) ? null : track.speed[i];
	if (t - at > STALE_AFTER_MS) {
		return { truckId: track.id, lat: track.lat[i], lng: track.lng[i], speed, at, stale: true };
	}
	const j = i + 1;
	if (j >= track.at.length || at === t || track.at[j] - at > STALE_AFTER_MS) {
		return { truckId: track.id, lat: track.lat[i], lng: track.lng[i], speed, at, stale: false };
	}
	const f = (t - at) / (track.at[j] - at);
	return {
		truckId: track.id,
		lat: track.lat[i] + (track.lat[j] - track.lat[i]) * f,
		lng: track.lng[i] + (track.lng[j] - track.lng[i]) * f,
		speed,
		at,
		stale: false
	};
}

export function coordsOf(track: Track): [number, number][] {
	if (!track.coords) {
		const n = track.at.length;
		const coords = new Array<[number, number]>(n);
		for (let i = 0; i < n; i++) coords[i] = [track.lng[i], track.lat[i]];
		track.coords = coords;
	}
	return track.coords;
}

/** trackLengthM of each prefix of the track (the same pairwise sums), computed once */
export function cumulativeOf(track: Track): Float64Array {
	if (!track.cumulative) {
		const coords = coordsOf(track);
		const cumulative = new Float64Array(coords.length);
		for (let i = 1; i < coords.length; i++)
			cumulative[i] = cumulative[i - 1] + distanceM(coords[i - 1], coords[i]);
		track.cumulative = cumulative;
	}
	return track.cumulative;
}
