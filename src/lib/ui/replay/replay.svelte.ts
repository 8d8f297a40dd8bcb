/**
 * The replay of recorded truck tracks: pure logic, no DOM, no timers. The points are indexed
 * once per truck, sorted by time, in typed arrays; every question afterwards (where is each
 * truck at t, how far has one driven) is a binary search. Built to stay fast with 330 trucks ×
 * 3,600 points: a frame costs one binary search per truck and allocates only its answer.
 * The component drives playback with requestAnimationFrame and calls `step()`.
 */
import type { TrackPoint } from '$lib/types';
import {
	coordsOf,
	cumulativeOf,
	indexTracks,
	lastAtOrBefore,
	positionIn,
	type ReplayPosition,
	type Track
} from './tracks';

export { STALE_AFTER_MS, type ReplayPosition } from './tracks';
export const MIN_SPEED = 1;
export const MAX_SPEED = 60;
/** the speeds offered to people (times real time) */
export const replaySpeeds = [1, 5, 10, 30, 60] as const;

export interface ReplayTrip {
	/** metres driven: the track's length over its points up to the replay time */
	distanceM: number;
	/** from the first point to the replay time (or to the last point, if earlier) */
	durationMs: number;
}

const noTrail: [number, number][] = [];

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export class ReplayPlayer {
	/** the replay time, day time ms */
	time = $state(0);
	playing = $state(false);
	/** times real time, MIN_SPEED..MAX_SPEED */
	speed = $state(1);
	/** the truck whose trail and trip are shown, if any */
	followTruckId = $state<string | null>(null);

	/** the range the slider and playback stay in */
	readonly from: number;
	readonly to: number;
	/** points kept (those with a truck, a time and finite coordinates) */
	readonly pointCount: number;
	/** earliest and latest recorded point (NaN with no points) */
	readonly firstAt: number;
	readonly lastAt: number;
	/** trucks with at least one point, sorted */
	readonly truckIds: readonly string[];

	#tracks: Track[];
	#byId: Map<string, Track>;
	#trail: { track: Track | null; index: number; line: [number, number][] } = {
		track: null,
		index: -1,
		line: noTrail
	};

	/**
	 * @param points in any order, of any number of trucks
	 * @param range the replay range; by default the span of the points
	 */
	constructor(points: readonly TrackPoint[], range?: { from: number; to: number }) {
		const { byId, kept, firstAt, lastAt } = indexTracks(points);
		this.truckIds = [...byId.keys()].sort();
		this.#tracks = this.truckIds.map((id) => byId.get(id)!);
		this.#byId = byId;
		this.pointCount = kept;
		this.firstAt = kept > 0 ? firstAt : NaN;
		this.lastAt = kept > 0 ? lastAt : NaN;
		if (range && Number.isFinite(range.from) && Number.isFinite(range.to)) {
			this.from = range.from;
			this.to = Math.max(range.from, range.to);
		} else {
			this.from = kept > 0 ? firstAt : 0;
			this.to = kept > 0 ? lastAt : 0;
		}
		// start where there is something to see: the first point, or `from` if that is later
		this.time = kept > 0 ? clamp(firstAt, this.from, this.to) : this.from;
	}

	/** Starts playing; from the start again when at the end. */
	play(): void {
		if (this.time >= this.to) this.time = this.from;
		this.playing = true;
	}

	pause(): void {
		this.playing = false;
	}

	toggle(): void {
		if (this.playing) this.pause();
		else this.play();
	}

	/** Moves the replay time, kept within from..to. */
	seek(t: number): void {
		if (!Number.isFinite(t)) return;
		this.time = clamp(t, this.from, this.to);
	}

	/** Sets the speed, kept within MIN_SPEED..MAX_SPEED. */
	setSpeed(n: number): void {
		if (!Number.isFinite(n)) return;
		this.speed = clamp(n, MIN_SPEED, MAX_SPEED);
	}

	/**
	 * Advances the replay by realElapsedMs × speed while playing; stops at `to`.
	 * Returns whether it is still playing (the animation loop goes on while true).
	 */
	step(realElapsedMs: number): boolean {
		if (!this.playing) return false;
		if (!(realElapsedMs > 0)) return true;
		const next = this.time + realElapsedMs * this.speed;
		if (next >= this.to) {
			this.time = this.to;
			this.playing = false;
		} else {
			this.time = next;
		}
		return this.playing;
	}

	/**
	 * Every truck's position at t, in truckIds order. Between two points: linear. Before a
	 * truck's first point: absent. When its last point at or before t is more than
	 * STALE_AFTER_MS old (after its track ends, or in a gap): at that point, stale. A gap of
	 * more than STALE_AFTER_MS is not interpolated across: the truck waits at the point
	 * before it (a straight line through the city would be made up).
	 */
	positionsAt(t: number): ReplayPosition[] {
		const out: ReplayPosition[] = [];
		for (const track of this.#tracks) {
			const position = positionIn(track, t);
			if (position) out.push(position);
		}
		return out;
	}

	/** One truck's position at t (by default the replay time), null when absent. */
	positionOf(truckId: string, t: number = this.time): ReplayPosition | null {
		const track = this.#byId.get(truckId);
		return track ? positionIn(track, t) : null;
	}

	/** The truck's trip up to the replay time (zero before its first point). */
	trip(truckId: string): ReplayTrip {
		const track = this.#byId.get(truckId);
		const t = this.time;
		if (!track) return { distanceM: 0, durationMs: 0 };
		const i = lastAtOrBefore(track.at, t);
		if (i < 0) return { distanceM: 0, durationMs: 0 };
		const last = track.at[track.at.length - 1];
		return {
			distanceM: cumulativeOf(track)[i],
			durationMs: Math.min(t, last) - track.at[0]
		};
	}

	/**
	 * The truck's recorded points up to the replay time, [lng, lat]. The same array is given
	 * back until another point is passed, so a map redraws the line only when it grows.
	 */
	trail(truckId: string): [number, number][] {
		const track = this.#byId.get(truckId) ?? null;
		const t = this.time;
		if (!track) return noTrail;
		const i = lastAtOrBefore(track.at, t);
		const memo = this.#trail;
		if (memo.track === track && memo.index === i) return memo.line;
		const line = i < 0 ? noTrail : coordsOf(track).slice(0, i + 1);
		this.#trail = { track, index: i, line };
		return line;
	}
}
