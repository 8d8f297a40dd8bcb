import { describe, expect, it } from 'vitest';
import { trackLengthM } from '../../src/lib/trucks/geometry';
import type { TrackPoint } from '../../src/lib/types';
import { loadTrackPages, type TrackAnswer } from '../../src/lib/ui/replay/load';
import { defaultReplayRange, formatDuration, formatKm, rangeProblem } from '../../src/lib/ui/replay/range';
import { inputToMs, msToInput } from '../../src/lib/time/input';
import { ReplayPlayer, STALE_AFTER_MS } from '../../src/lib/ui/replay/replay.svelte';

const T0 = Date.parse('2024-10-03T07:00:00+07:00');
const sec = 1000;
const min = 60_000;

const pt = (
	truckId: string,
	at: number,
	lat: number,
	lng: number,
	speed: number | null = null
): TrackPoint => ({
	truckId,
	at,
	lat,
	lng,
	speed
});

describe('ReplayPlayer positions', () => {
	it('interpolates linearly between the two surrounding points', () => {
		const player = new ReplayPlayer([pt('A', T0, 10, 106, 12), pt('A', T0 + 10 * sec, 10.001, 106.002, 20)]);
		const [a] = player.positionsAt(T0 + 2.5 * sec);
		expect(a.truckId).toBe('A');
		expect(a.lat).toBeCloseTo(10.00025, 9);
		expect(a.lng).toBeCloseTo(106.0005, 9);
		expect(a.stale).toBe(false);
		expect(a.speed).toBe(12);
		expect(a.at).toBe(T0);
		// exactly on a point: that point
		const [b] = player.positionsAt(T0 + 10 * sec);
		expect([b.lat, b.lng]).toEqual([10.001, 106.002]);
	});

	it('leaves a truck out before its first point', () => {
		const player = new ReplayPlayer([
			pt('A', T0, 10, 106),
			pt('A', T0 + 60 * sec, 10.001, 106),
			pt('B', T0 + 30 * sec, 10.002, 106.001),
			pt('B', T0 + 60 * sec, 10.003, 106.001)
		]);
		expect(player.positionsAt(T0 - 1).map((p) => p.truckId)).toEqual([]);
		expect(player.positionsAt(T0 + 29 * sec).map((p) => p.truckId)).toEqual(['A']);
		expect(player.positionOf('B', T0 + 29 * sec)).toBeNull();
		expect(player.positionsAt(T0 + 30 * sec).map((p) => p.truckId)).toEqual(['A', 'B']);
		expect(player.positionOf('nobody', T0 + 30 * sec)).toBeNull();
	});

	it('shows a truck at its last point, stale, once it is more than 5 minutes old', () => {
		const end = T0 + 10 * sec;
		const player = new ReplayPlayer([pt('A', T0, 10, 106), pt('A', end, 10.001, 106.001)]);
		const fresh = player.positionOf('A', end + STALE_AFTER_MS)!;
		expect(fresh.stale).toBe(false);
		const stale = player.positionOf('A', end + STALE_AFTER_MS + 1)!;
		expect(stale.stale).toBe(true);
		expect([stale.lat, stale.lng]).toEqual([10.001, 106.001]);
		expect(stale.at).toBe(end);
	});

	it('does not interpolate across a gap of more than 5 minutes, and is stale inside it', () => {
		const before = T0 + 10 * sec;
		const after = before + 20 * min;
		const player = new ReplayPlayer([
			pt('A', T0, 10, 106),
			pt('A', before, 10.001, 106),
			pt('A', after, 10.05, 106.05),
			pt('A', after + 10 * sec, 10.051, 106.05)
		]);
		const waiting = player.positionOf('A', before + 2 * min)!;
		expect([waiting.lat, waiting.lng, waiting.stale]).toEqual([10.001, 106, false]);
		const lost = player.positionOf('A', before + 6 * min)!;
		expect([lost.lat, lost.lng, lost.stale]).toEqual([10.001, 106, true]);
		const back = player.positionOf('A', after + 5 * sec)!;
		expect(back.stale).toBe(false);
		expect(back.lat).toBeCloseTo(10.0505, 9);
	});

	it('indexes unsorted input per truck in time order', () => {
		const sorted = [
			pt('B', T0, 11, 107),
			pt('A', T0, 10, 106),
			pt('A', T0 + 10 * sec, 10.01, 106),
			pt('B', T0 + 10 * sec, 11.01, 107),
			pt('A', T0 + 20 * sec, 10.02, 106),
			pt('B', T0 + 20 * sec, 11.02, 107)
		];
		const shuffled = [sorted[4], sorted[1], sorted[5], sorted[3], sorted[0], sorted[2]];
		const player = new ReplayPlayer([...shuffled, pt('C', Number.NaN, 1, 1)]);
		expect(player.truckIds).toEqual(['A', 'B']);
		expect(player.pointCount).toBe(6);
		expect([player.firstAt, player.lastAt]).toEqual([T0, T0 + 20 * sec]);
		const at = player.positionsAt(T0 + 15 * sec);
		expect(at.map((p) => p.truckId)).toEqual(['A', 'B']);
		expect(at[0].lat).toBeCloseTo(10.015, 9);
		expect(at[1].lat).toBeCloseTo(11.015, 9);
		player.seek(T0 + 20 * sec);
		expect(player.trail('A')).toEqual([
			[106, 10],
			[106, 10.01],
			[106, 10.02]
		]);
	});

	// speed is measured in bench/, not asserted here (timings on these machines are noisy)
	it('places every one of 330 trucks × 3,600 points through an hour', () => {
		const ids = Array.from({ length: 330 }, (_, k) => `T${k}`);
		const points: TrackPoint[] = [];
		for (let i = 0; i < 3600; i++)
			for (let k = 0; k < 330; k++) points.push(pt(ids[k], T0 + i * sec, 10 + i * 1e-5, 106 + k * 1e-3));
		const player = new ReplayPlayer(points);
		let seen = 0;
		for (let f = 0; f < 600; f++) seen += player.positionsAt(T0 + f * 6 * sec + 500).length;
		expect(seen).toBe(330 * 600);
		const last = player.positionOf('T329', T0 + 3599 * sec);
		expect(last?.lng).toBeCloseTo(106 + 329 * 1e-3, 6);
		expect(last?.lat).toBeCloseTo(10 + 3599 * 1e-5, 6);
	});
});

describe('ReplayPlayer playback', () => {
	it('advances by elapsed × speed and stops at `to`', () => {
		const player = new ReplayPlayer([pt('A', T0, 10, 106)], { from: T0, to: T0 + 60 * sec });
		expect(player.time).toBe(T0);
		expect(player.step(1000)).toBe(false); // paused: nothing moves
		expect(player.time).toBe(T0);
		player.setSpeed(10);
		player.play();
		expect(player.step(1000)).toBe(true);
		expect(player.time).toBe(T0 + 10 * sec);
		expect(player.step(10_000)).toBe(false);
		expect(player.time).toBe(T0 + 60 * sec);
		expect(player.playing).toBe(false);
		player.step(1000);
		expect(player.time).toBe(T0 + 60 * sec);
		// play at the end starts over
		player.play();
		expect(player.time).toBe(T0);
		expect(player.playing).toBe(true);
	});

	it('keeps speed within 1..60 and seek within the range', () => {
		const player = new ReplayPlayer([pt('A', T0, 10, 106)], { from: T0, to: T0 + 60 * sec });
		player.setSpeed(500);
		expect(player.speed).toBe(60);
		player.setSpeed(0);
		expect(player.speed).toBe(1);
		player.seek(T0 - 5 * min);
		expect(player.time).toBe(T0);
		player.seek(T0 + 5 * min);
		expect(player.time).toBe(T0 + 60 * sec);
	});

	it('starts at the first point when the range begins earlier', () => {
		const player = new ReplayPlayer([pt('A', T0 + 30 * min, 10, 106)], { from: T0, to: T0 + 2 * 60 * min });
		expect(player.time).toBe(T0 + 30 * min);
		expect([player.from, player.to]).toEqual([T0, T0 + 2 * 60 * min]);
	});
});

describe('ReplayPlayer trip', () => {
	const track = [
		pt('A', T0, 10.73, 106.7),
		pt('A', T0 + 60 * sec, 10.73, 106.705),
		pt('A', T0 + 120 * sec, 10.735, 106.705)
	];
	const line = (points: TrackPoint[]) => points.map((p): [number, number] => [p.lng, p.lat]);

	it('measures the points up to the replay time, and times from the first point', () => {
		const player = new ReplayPlayer(track);
		player.seek(T0 - 1);
		expect(player.trip('A')).toEqual({ distanceM: 0, durationMs: 0 });
		player.seek(T0 + 90 * sec);
		const mid = player.trip('A');
		expect(mid.distanceM).toBeCloseTo(trackLengthM(line(track.slice(0, 2))), 6);
		expect(mid.distanceM).toBeGreaterThan(500);
		expect(mid.durationMs).toBe(90 * sec);
	});

	it('stops the duration at the last point', () => {
		const player = new ReplayPlayer(track, { from: T0, to: T0 + 60 * min });
		player.seek(T0 + 30 * min);
		const trip = player.trip('A');
		expect(trip.distanceM).toBeCloseTo(trackLengthM(line(track)), 6);
		expect(trip.durationMs).toBe(120 * sec);
		expect(player.trip('nobody')).toEqual({ distanceM: 0, durationMs: 0 });
	});

	it('gives the same trail array until another point is passed', () => {
		const player = new ReplayPlayer(track);
		player.seek(T0 + 10 * sec);
		const first = player.trail('A');
		expect(first).toHaveLength(1);
		player.seek(T0 + 50 * sec);
		expect(player.trail('A')).toBe(first);
		player.seek(T0 + 60 * sec);
		expect(player.trail('A')).toHaveLength(2);
	});
});

describe('replay range and formats', () => {
	it('defaults to 1 h before the first parade milestone until 4 h after', () => {
		const range = defaultReplayRange(
			[
				{ at: '2024-10-03T06:00:00+07:00', kind: 'gathering' },
				{ at: '2024-10-03T09:00:00+07:00', kind: 'parade' },
				{ at: '2024-10-03T07:30:00+07:00', kind: 'parade' }
			],
			T0
		);
		expect(range).toEqual({
			from: Date.parse('2024-10-03T06:30:00+07:00'),
			to: Date.parse('2024-10-03T11:30:00+07:00')
		});
	});

	it('without a parade milestone, the last 3 hours in whole minutes', () => {
		const now = T0 + 25 * sec;
		expect(defaultReplayRange([{ at: '2024-10-03T06:00:00+07:00', kind: 'ceremony' }], now)).toEqual({
			from: T0 - 3 * 60 * min,
			to: T0 + min
		});
	});

	it('offers the whole day of a parade given a day and no hour', () => {
		expect(defaultReplayRange([{ at: '2024-10-04', kind: 'parade' }], T0)).toEqual({
			from: Date.parse('2024-10-04T00:00:00+07:00'),
			to: Date.parse('2024-10-05T00:00:00+07:00')
		});
	});

	it('reads and writes datetime-local values in Vietnam time', () => {
		expect(msToInput(Date.parse('2024-10-02T23:30:00Z'))).toBe('2024-10-03T06:30');
		expect(inputToMs('2024-10-03T06:30')).toBe(Date.parse('2024-10-03T06:30:00+07:00'));
		expect(inputToMs('2024-10-03T06:30:15')).toBe(Date.parse('2024-10-03T06:30:15+07:00'));
		expect(inputToMs('')).toBeNull();
		expect(inputToMs('hôm qua')).toBeNull();
	});

	it('says what is wrong with a range', () => {
		expect(rangeProblem(null, T0, 'vi')).toMatch(/Nhập đủ/);
		expect(rangeProblem(T0, T0, 'vi')).toMatch(/phải sau/);
		expect(rangeProblem(T0, T0 + 49 * 60 * min, 'vi')).toMatch(/48 giờ/);
		expect(rangeProblem(T0, T0 + 48 * 60 * min, 'vi')).toBeNull();
	});

	it('writes km with a decimal comma and durations as h:mm', () => {
		expect(formatKm(12_345, 'vi')).toBe('12,35 km');
		expect(formatKm(0, 'vi')).toBe('0,00 km');
		expect(formatDuration(65 * min + 59 * sec)).toBe('1:05');
		expect(formatDuration(3 * 60 * min)).toBe('3:00');
	});
});

describe('loadTrackPages', () => {
	/** a fake server answering like positionsBetween: time order, at most `limit` points */
	function server(all: TrackPoint[], limit: number) {
		const calls: [number, number][] = [];
		const fetchPage = async (from: number, to: number): Promise<TrackAnswer> => {
			calls.push([from, to]);
			return { ok: true, points: all.filter((p) => p.at >= from && p.at <= to).slice(0, limit) };
		};
		return { fetchPage, calls };
	}
	const data: TrackPoint[] = [];
	for (let i = 0; i < 10; i++)
		for (const id of ['A', 'B', 'C', 'D', 'E']) data.push(pt(id, T0 + i * sec, 10 + i * 1e-4, 106));

	it('pages past the server limit with no point lost or doubled', async () => {
		const { fetchPage, calls } = server(data, 7);
		const progress: number[] = [];
		const result = await loadTrackPages(fetchPage, T0, T0 + 60 * sec, {
			pageLimit: 7,
			onProgress: (n) => progress.push(n)
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.truncatedAt).toBeNull();
		expect(result.points).toHaveLength(50);
		expect(new Set(result.points.map((p) => `${p.truckId}@${p.at}`)).size).toBe(50);
		expect(calls.length).toBeGreaterThan(5);
		expect(progress.at(-1)).toBe(50);
	});

	it('stops at the cap and says where', async () => {
		const { fetchPage } = server(data, 7);
		const result = await loadTrackPages(fetchPage, T0, T0 + 60 * sec, { pageLimit: 7, maxPoints: 20 });
		expect(result.ok && result.truncatedAt).toBeGreaterThan(T0);
		expect(result.ok && result.points.length).toBeGreaterThanOrEqual(20);
		expect(result.ok && result.points.length).toBeLessThan(50);
	});

	it('asks for the same page again when the server says it is busy, losing nothing', async () => {
		const { fetchPage } = server(data, 7);
		let asked = 0;
		const busyEveryOther = async (from: number, to: number): Promise<TrackAnswer> =>
			++asked % 2
				? { ok: false, message: 'Máy chủ đang bận, đang thử lại…', retryInMs: 1 }
				: fetchPage(from, to);
		const result = await loadTrackPages(busyEveryOther, T0, T0 + 60 * sec, { pageLimit: 7 });
		expect(result.ok && result.points).toHaveLength(50);
	});

	it('passes on the server refusal', async () => {
		const result = await loadTrackPages(
			async () => ({ ok: false, message: 'Bạn không có quyền xem hành trình này.' }),
			T0,
			T0 + 60 * sec
		);
		expect(result).toEqual({ ok: false, message: 'Bạn không có quyền xem hành trình này.' });
	});
});
