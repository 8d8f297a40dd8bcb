import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	RouteCoverage,
	checkpointsWithin,
	distanceM,
	etaSeconds,
	impossibleJump,
	locate,
	nextCheckpoint,
	pointAlong,
	prepareRoute,
	trackLengthM,
	type RouteInput
} from '../../src/lib/trucks/geometry';

/** Independent haversine, to check Turf against (Earth radius as Turf uses it). */
function haversine([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]): number {
	const rad = Math.PI / 180;
	const h =
		Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
		Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
	return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

const LAT = 10.73;
/** metres per degree of longitude at LAT */
const M_PER_LNG = haversine([106.7, LAT], [106.71, LAT]) / 0.01;
/** metres per degree of latitude */
const M_PER_LAT = haversine([106.7, LAT], [106.7, LAT + 0.01]) / 0.01;

/** A straight east-west street of ~2 km, checkpoints listed out of order on purpose. */
const straight: RouteInput = {
	id: 'straight',
	name: 'Đường thẳng',
	line: {
		coordinates: [
			[106.7, LAT],
			[106.7 + 1000 / M_PER_LNG, LAT],
			[106.7 + 2000 / M_PER_LNG, LAT]
		]
	},
	checkpoints: [
		{
			id: 'end',
			name: 'Kết thúc',
			position: [106.7 + 2000 / M_PER_LNG, LAT],
			plannedAt: '2024-10-04T08:00:00+07:00'
		},
		{ id: 'start', name: 'Xuất phát', position: [106.7, LAT], plannedAt: '2024-10-04T07:30:00+07:00' },
		{
			id: 'mid',
			name: 'Giữa',
			position: [106.7 + 1000 / M_PER_LNG, LAT],
			plannedAt: '2024-10-04T07:45:00+07:00'
		}
	]
};

/** [lng, lat] eastM metres east of the route's start, northM metres north of it */
const at = (eastM: number, northM = 0): [number, number] => [
	106.7 + eastM / M_PER_LNG,
	LAT + northM / M_PER_LAT
];

const scenario = JSON.parse(fs.readFileSync('data/scenarios/quan7-2024.json', 'utf8')) as {
	routes: RouteInput[];
};
const real = scenario.routes[0];

describe('prepareRoute', () => {
	it('measures a straight 2 km route within 1% of a haversine estimate', () => {
		const route = prepareRoute(straight);
		expect(route.lengthM).toBeGreaterThan(1980);
		expect(route.lengthM).toBeLessThan(2020);
		expect(route.coordinates).toHaveLength(3);
	});

	it('sorts checkpoints along the line and gives each its distance and planned time', () => {
		const route = prepareRoute(straight);
		expect(route.checkpoints.map((c) => c.id)).toEqual(['start', 'mid', 'end']);
		expect(route.checkpoints[0].alongM).toBeCloseTo(0, 0);
		expect(Math.abs(route.checkpoints[1].alongM - 1000)).toBeLessThan(10);
		expect(Math.abs(route.checkpoints[2].alongM - route.lengthM)).toBeLessThan(1);
		expect(route.checkpoints[1].plannedAt).toBe(Date.parse('2024-10-04T00:45:00Z'));
	});

	it('orders by distance along the line, not by planned time', () => {
		const sameTime = straight.checkpoints.map((c) => ({ ...c, plannedAt: '2024-10-04T07:30:00+07:00' }));
		const route = prepareRoute({ ...straight, checkpoints: sameTime });
		expect(route.checkpoints.map((c) => c.id)).toEqual(['start', 'mid', 'end']);
	});

	it('measures the first Quận 7 route like a haversine sum and orders its checkpoints', () => {
		const route = prepareRoute(real);
		const coords = real.line.coordinates;
		let estimate = 0;
		for (let i = 1; i < coords.length; i++) estimate += haversine(coords[i - 1], coords[i]);
		expect(estimate).toBeGreaterThan(500);
		expect(Math.abs(route.lengthM - estimate) / estimate).toBeLessThan(0.01);
		expect(route.checkpoints).toHaveLength(real.checkpoints.length);
		const alongs = route.checkpoints.map((c) => c.alongM);
		expect(alongs).toEqual([...alongs].sort((a, b) => a - b));
		for (const cp of route.checkpoints) {
			expect(cp.alongM).toBeGreaterThanOrEqual(0);
			expect(cp.alongM).toBeLessThanOrEqual(route.lengthM + 1e-6);
			expect(Number.isFinite(cp.plannedAt)).toBe(true);
		}
	});

	it('refuses a line of one point', () => {
		expect(() => prepareRoute({ ...straight, line: { coordinates: [[106.7, LAT]] } })).toThrow();
	});
});

describe('locate', () => {
	const route = prepareRoute(straight);

	it('puts a point on the line at its distance along, on the route', () => {
		const where = locate(route, at(500));
		expect(where.offRouteM).toBeLessThan(1);
		expect(Math.abs(where.progress - 0.25)).toBeLessThan(0.01);
		expect(Math.abs(where.alongM - 500)).toBeLessThan(10);
	});

	it('measures a point 150 m north of the line as 150 m off route', () => {
		const where = locate(route, at(1500, 150));
		expect(Math.abs(where.offRouteM - 150) / 150).toBeLessThan(0.05);
		expect(Math.abs(where.progress - 0.75)).toBeLessThan(0.01);
	});

	it('keeps progress within 0..1 before the start and past the end', () => {
		expect(locate(route, at(-300)).progress).toBe(0);
		expect(locate(route, at(2300)).progress).toBeCloseTo(1, 6);
	});

	it('locates a point along a bend of the real route', () => {
		const real7 = prepareRoute(real);
		const p = pointAlong(real7, real7.lengthM * 0.6);
		const where = locate(real7, p);
		expect(where.offRouteM).toBeLessThan(1);
		expect(Math.abs(where.progress - 0.6)).toBeLessThan(0.01);
	});
});

describe('checkpoints', () => {
	const route = prepareRoute(straight);

	it('nextCheckpoint gives the first one ahead, skipping reached ones', () => {
		expect(nextCheckpoint(route, 0, new Set())?.id).toBe('start');
		expect(nextCheckpoint(route, 400, new Set(['start']))?.id).toBe('mid');
		expect(nextCheckpoint(route, 400, new Set(['start', 'mid']))?.id).toBe('end');
		expect(nextCheckpoint(route, 2000, new Set(['start', 'mid', 'end']))).toBeNull();
	});

	it('nextCheckpoint keeps a checkpoint just passed within the tolerance, not one well behind', () => {
		expect(nextCheckpoint(route, 1020, new Set(['start']))?.id).toBe('mid');
		expect(nextCheckpoint(route, 1100, new Set(['start']))?.id).toBe('end');
		expect(nextCheckpoint(route, 1100, new Set(['start']), 200)?.id).toBe('mid');
	});

	it('checkpointsWithin finds unreached checkpoints inside the radius only', () => {
		expect(checkpointsWithin(route, at(1030), new Set()).map((c) => c.id)).toEqual(['mid']);
		expect(checkpointsWithin(route, at(1030), new Set(['mid']))).toEqual([]);
		expect(checkpointsWithin(route, at(1080), new Set())).toEqual([]);
		expect(checkpointsWithin(route, at(1080), new Set(), 100).map((c) => c.id)).toEqual(['mid']);
		expect(checkpointsWithin(route, at(1000, 45), new Set()).map((c) => c.id)).toEqual(['mid']);
	});
});

describe('distances, times and speeds', () => {
	it('etaSeconds: 1 km at 12 km/h takes 300 s', () => {
		expect(etaSeconds(1000, 12)).toBeCloseTo(300, 6);
		expect(etaSeconds(1000, 36)).toBeCloseTo(100, 6);
	});

	it('etaSeconds uses the fallback pace when the speed is missing or a crawl', () => {
		expect(etaSeconds(1000, null)).toBeCloseTo(300, 6);
		expect(etaSeconds(1000, 1)).toBeCloseTo(300, 6);
		expect(etaSeconds(1000, null, 24)).toBeCloseTo(150, 6);
		expect(etaSeconds(-5, 20)).toBe(0);
	});

	it('distanceM and trackLengthM agree with haversine', () => {
		expect(Math.abs(distanceM(at(0), at(1000)) - 1000)).toBeLessThan(1);
		expect(Math.abs(trackLengthM([at(0), at(300), at(300, 400)]) - 700)).toBeLessThan(2);
		expect(trackLengthM([at(0)])).toBe(0);
		expect(trackLengthM([])).toBe(0);
	});

	it('impossibleJump: 1 km in 10 s is impossible, 100 m in 10 s is fine', () => {
		const t = Date.parse('2024-10-04T00:30:00Z');
		expect(impossibleJump({ lngLat: at(0), at: t }, { lngLat: at(1000), at: t + 10_000 })).toBe(true);
		expect(impossibleJump({ lngLat: at(0), at: t }, { lngLat: at(100), at: t + 10_000 })).toBe(false);
		// 360 km/h is fine if the limit is higher
		expect(impossibleJump({ lngLat: at(0), at: t }, { lngLat: at(1000), at: t + 10_000 }, 400)).toBe(false);
		// a few metres of jitter between two fixes with the same timestamp is not a jump
		expect(impossibleJump({ lngLat: at(0), at: t }, { lngLat: at(5), at: t })).toBe(false);
	});
});

describe('RouteCoverage', () => {
	const route = prepareRoute(straight);
	/** fixes every 10 m over the first half of the route */
	const drive = (coverage: RouteCoverage, toM: number, northM = 0) => {
		for (let m = 0; m < toM; m += 10) coverage.add(at(m, northM));
	};

	it('cuts the line into 50 m cells', () => {
		expect(new RouteCoverage(route).cellCount).toBe(Math.ceil(route.lengthM / 50));
		expect(new RouteCoverage(route, 100).cellCount).toBe(Math.ceil(route.lengthM / 100));
	});

	it('driving the first half covers half the route and misses the second half', () => {
		const coverage = new RouteCoverage(route);
		expect(coverage.ratio()).toBe(0);
		drive(coverage, 995);
		expect(Math.abs(coverage.ratio() - 0.5)).toBeLessThan(0.03);
		const missed = coverage.missed();
		expect(missed).toHaveLength(1);
		expect(Math.abs(missed[0].fromM - 1000)).toBeLessThanOrEqual(50);
		expect(missed[0].toM).toBeCloseTo(route.lengthM, 6);
	});

	it('add() tells whether the cell was new', () => {
		const coverage = new RouteCoverage(route);
		expect(coverage.add(at(120))).toBe(true);
		expect(coverage.add(at(130))).toBe(false);
		expect(coverage.add(at(170))).toBe(true);
		expect(coverage.ratio()).toBeCloseTo(2 / coverage.cellCount, 9);
	});

	it('a fix 200 m from the line covers nothing, one 30 m away counts', () => {
		const coverage = new RouteCoverage(route);
		drive(coverage, 2000, 200);
		expect(coverage.ratio()).toBe(0);
		expect(coverage.missed()).toEqual([{ fromM: 0, toM: route.lengthM }]);
		expect(coverage.add(at(600, 30))).toBe(true);
	});

	it('round-trips through toString/fromString', () => {
		const coverage = new RouteCoverage(route);
		drive(coverage, 500);
		coverage.add(at(1700));
		const bits = coverage.toString();
		expect(bits).toMatch(/^[01]+$/);
		expect(bits).toHaveLength(coverage.cellCount);
		expect(bits.startsWith('1111111111')).toBe(true);
		const restored = RouteCoverage.fromString(route, bits);
		expect(restored.toString()).toBe(bits);
		expect(restored.ratio()).toBe(coverage.ratio());
		expect(restored.missed()).toEqual(coverage.missed());
		expect(restored.add(at(20))).toBe(false);
	});

	it('fromString tolerates a stored string of the wrong length', () => {
		const restored = RouteCoverage.fromString(route, '11' + '1'.repeat(100));
		expect(restored.ratio()).toBe(1);
		expect(RouteCoverage.fromString(route, '11').ratio()).toBeCloseTo(2 / restored.cellCount, 9);
	});

	it('coveredLines draws the driven half as one line of that length', () => {
		const coverage = new RouteCoverage(route);
		drive(coverage, 995);
		const lines = coverage.coveredLines();
		expect(lines).toHaveLength(1);
		expect(Math.abs(trackLengthM(lines[0]) - 1000)).toBeLessThan(10);
		expect(distanceM(lines[0][0], at(0))).toBeLessThan(1);
		expect(new RouteCoverage(route).coveredLines()).toEqual([]);
	});

	it('coveredLines follows the bends of the real route', () => {
		const real7 = prepareRoute(real);
		const coverage = new RouteCoverage(real7);
		for (let m = 0; m < real7.lengthM; m += 10) coverage.add(pointAlong(real7, m));
		expect(coverage.ratio()).toBe(1);
		expect(coverage.missed()).toEqual([]);
		const lines = coverage.coveredLines();
		expect(lines).toHaveLength(1);
		expect(Math.abs(trackLengthM(lines[0]) - real7.lengthM) / real7.lengthM).toBeLessThan(0.01);
	});
});
