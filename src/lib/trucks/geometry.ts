/**
 * Route geometry for the loudspeaker trucks: where a truck is along its planned route, which
 * checkpoint comes next, how long until it gets there, and which stretches it has driven.
 * Pure functions over [lng, lat] (GeoJSON order); distances in metres, times in ms since
 * epoch, speeds in km/h. Runs on the server and in the browser alike. The spherical maths is
 * Turf's, so the server and the maps measure the same way.
 */
import along from '@turf/along';
import distance from '@turf/distance';
import { lineString } from '@turf/helpers';
import length from '@turf/length';
import lineSliceAlong from '@turf/line-slice-along';
import nearestPointOnLine from '@turf/nearest-point-on-line';

type LngLat = [number, number];
const M = { units: 'meters' } as const;

export interface RouteInput {
	id: string;
	name: string;
	line: { coordinates: [number, number][] };
	checkpoints: { id: string; name: string; position: [number, number]; plannedAt: string }[];
}

export interface PreparedRoute {
	id: string;
	name: string;
	coordinates: [number, number][];
	lengthM: number;
	/** sorted by alongM */
	checkpoints: { id: string; name: string; position: [number, number]; plannedAt: number; alongM: number }[];
}

export type PreparedCheckpoint = PreparedRoute['checkpoints'][number];

/**
 * The Turf feature for a route, built once per route object: locate() runs for every fix of
 * every truck, and PreparedRoute stays plain data so it can be sent to the browser as JSON.
 */
const lines = new WeakMap<PreparedRoute, ReturnType<typeof lineString>>();
function lineOf(route: PreparedRoute) {
	let line = lines.get(route);
	if (!line) {
		line = lineString(route.coordinates);
		lines.set(route, line);
	}
	return line;
}

export function prepareRoute(route: RouteInput): PreparedRoute {
	const coordinates = route.line.coordinates.map(([lng, lat]): LngLat => [lng, lat]);
	if (coordinates.length < 2) throw new Error(`Route ${route.id}: a line needs at least 2 points`);
	const prepared: PreparedRoute = {
		id: route.id,
		name: route.name,
		coordinates,
		lengthM: length(lineString(coordinates), M),
		checkpoints: []
	};
	prepared.checkpoints = route.checkpoints
		.map((cp) => ({
			id: cp.id,
			name: cp.name,
			position: [cp.position[0], cp.position[1]] as LngLat,
			plannedAt: Date.parse(cp.plannedAt),
			alongM: locate(prepared, cp.position).alongM
		}))
		// along the line, not by plan time: a truck meets them in driving order
		.sort((a, b) => a.alongM - b.alongM || a.plannedAt - b.plannedAt);
	return prepared;
}

/** where a point is relative to the route: distance along the line to the nearest point, distance off the line, progress 0..1 */
export function locate(
	route: PreparedRoute,
	lngLat: [number, number]
): { alongM: number; offRouteM: number; progress: number } {
	const { totalDistance, pointDistance } = nearestPointOnLine(lineOf(route), lngLat, M).properties;
	const alongM = Math.min(Math.max(totalDistance, 0), route.lengthM);
	const progress = route.lengthM > 0 ? alongM / route.lengthM : 0;
	return { alongM, offRouteM: pointDistance, progress };
}

/**
 * The first checkpoint not yet reached whose alongM is ≥ alongM - toleranceM (default 30), or
 * null. The tolerance keeps a checkpoint "next" while the truck rolls just past it, before
 * checkpointsWithin() has marked it reached.
 */
export function nextCheckpoint(
	route: PreparedRoute,
	alongM: number,
	reached: ReadonlySet<string>,
	toleranceM = 30
): PreparedCheckpoint | null {
	return route.checkpoints.find((cp) => !reached.has(cp.id) && cp.alongM >= alongM - toleranceM) ?? null;
}

/** checkpoints within radiusM (default 50) of the point that are not yet reached */
export function checkpointsWithin(
	route: PreparedRoute,
	lngLat: [number, number],
	reached: ReadonlySet<string>,
	radiusM = 50
): PreparedCheckpoint[] {
	return route.checkpoints.filter((cp) => !reached.has(cp.id) && distanceM(cp.position, lngLat) <= radiusM);
}

/**
 * Seconds to drive distanceM at speedKmh. When the speed is missing or below 3 km/h use
 * fallbackKmh (default 12, a parade's pace): a truck waiting at a light would otherwise get
 * an ETA of hours.
 */
export function etaSeconds(distanceM: number, speedKmh: number | null, fallbackKmh = 12): number {
	const kmh = speedKmh !== null && Number.isFinite(speedKmh) && speedKmh >= 3 ? speedKmh : fallbackKmh;
	return Math.max(distanceM, 0) / (kmh / 3.6);
}

/** great-circle distance in metres */
export function distanceM(a: [number, number], b: [number, number]): number {
	return distance(a, b, M);
}

/** total length of a track of [lng,lat] points, metres */
export function trackLengthM(points: [number, number][]): number {
	let total = 0;
	for (let i = 1; i < points.length; i++) total += distanceM(points[i - 1], points[i]);
	return total;
}

/**
 * Is going from a to b in (b.at - a.at) ms faster than maxKmh (default 150)? A jump no truck
 * can make: a bad GPS fix to drop. The time counts as at least 1 s, because phones report
 * fixes about once a second and two can carry the same timestamp with a few metres of jitter.
 */
export function impossibleJump(
	a: { lngLat: [number, number]; at: number },
	b: { lngLat: [number, number]; at: number },
	maxKmh = 150
): boolean {
	const seconds = Math.max(Math.abs(b.at - a.at) / 1000, 1);
	return distanceM(a.lngLat, b.lngLat) > (maxKmh / 3.6) * seconds;
}

/** A box of [lng, lat]: where a plan happens. */
export interface Area {
	west: number;
	south: number;
	east: number;
	north: number;
}

const mPerDegree = (6371008.8 * Math.PI) / 180;

/**
 * The box around these points, widened by marginM on every side; null when there are none.
 * A box rather than a hull: it only has to tell a GPS glitch (0,0; another continent) from
 * the city, and one comparison per fix is all it costs.
 */
export function areaAround(points: [number, number][], marginM: number): Area | null {
	if (points.length === 0) return null;
	const lngs = points.map((p) => p[0]);
	const lats = points.map((p) => p[1]);
	const dLat = marginM / mPerDegree;
	const south = Math.max(-90, Math.min(...lats) - dLat);
	const north = Math.min(90, Math.max(...lats) + dLat);
	// a degree of longitude is shortest at the edge furthest from the equator: widen by that one
	const widest = Math.min(89, Math.max(Math.abs(south), Math.abs(north)));
	const dLng = marginM / (mPerDegree * Math.cos((widest * Math.PI) / 180));
	return { west: Math.min(...lngs) - dLng, south, east: Math.max(...lngs) + dLng, north };
}

export function inArea(area: Area, [lng, lat]: [number, number]): boolean {
	return lng >= area.west && lng <= area.east && lat >= area.south && lat <= area.north;
}

/**
 * Route coverage: the line cut into cells of cellM metres (default 50); a fix within radiusM
 * (default 40) of the line marks the cell at its along-position covered. Cells rather than
 * the raw track, so the state is small, fixed-size, and stored as a string.
 */
export class RouteCoverage {
	readonly cellCount: number;
	private readonly cells: Uint8Array;
	private covered = 0;

	constructor(
		private readonly route: PreparedRoute,
		private readonly cellM = 50,
		private readonly radiusM = 40
	) {
		this.cellCount = Math.max(1, Math.ceil(route.lengthM / cellM));
		this.cells = new Uint8Array(this.cellCount);
	}

	/** marks the cell; returns true when it was not covered before */
	add(lngLat: [number, number]): boolean {
		const { alongM, offRouteM } = locate(this.route, lngLat);
		if (offRouteM > this.radiusM) return false;
		return this.mark(Math.min(Math.floor(alongM / this.cellM), this.cellCount - 1));
	}

	/** covered cells / all cells */
	ratio(): number {
		return this.covered / this.cellCount;
	}

	/** the covered cells as a compact string of '0'/'1' (for storage) */
	toString(): string {
		return Array.from(this.cells, (c) => (c ? '1' : '0')).join('');
	}

	/** restores toString(); lenient if the route was edited since: extra bits are dropped, missing ones uncovered */
	static fromString(route: PreparedRoute, bits: string, cellM = 50, radiusM = 40): RouteCoverage {
		const coverage = new RouteCoverage(route, cellM, radiusM);
		for (let i = 0; i < Math.min(bits.length, coverage.cellCount); i++) {
			if (bits[i] === '1') coverage.mark(i);
		}
		return coverage;
	}

	/** stretches not driven, merged runs of uncovered cells: { fromM, toM } */
	missed(): { fromM: number; toM: number }[] {
		return this.runs(0);
	}

	/** covered stretches as polylines ([lng,lat][] each) for drawing over the route */
	coveredLines(): [number, number][][] {
		const line = lineOf(this.route);
		return this.runs(1)
			.filter(({ fromM, toM }) => toM - fromM > 0.01) // a zero-length slice is not a line
			.map(({ fromM, toM }) => lineSliceAlong(line, fromM, toM, M).geometry.coordinates as LngLat[]);
	}

	private mark(i: number): boolean {
		if (this.cells[i]) return false;
		this.cells[i] = 1;
		this.covered++;
		return true;
	}

	/** merged runs of cells with the given value, in metres along the line */
	private runs(value: 0 | 1): { fromM: number; toM: number }[] {
		const out: { fromM: number; toM: number }[] = [];
		let start = -1;
		for (let i = 0; i <= this.cellCount; i++) {
			const inRun = i < this.cellCount && this.cells[i] === value;
			if (inRun && start < 0) start = i;
			if (!inRun && start >= 0) {
				out.push({ fromM: start * this.cellM, toM: Math.min(i * this.cellM, this.route.lengthM) });
				start = -1;
			}
		}
		return out;
	}
}

/** the point distanceM along the route, for placing markers and simulated trucks */
export function pointAlong(route: PreparedRoute, alongM: number): [number, number] {
	const clamped = Math.min(Math.max(alongM, 0), route.lengthM);
	return along(lineOf(route), clamped, M).geometry.coordinates as LngLat;
}
