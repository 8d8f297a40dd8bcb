/**
 * The live fleet (src/lib/server/trucks/fleet.ts): positions in, findings out. What the ops
 * room relies on: a truck passing a checkpoint is marked there; one that leaves its route, goes
 * quiet or falls behind the plan raises one alert, and the alert clears when it is over.
 * Thresholds are the configured ones (config.ts defaults: 50 m, 100 m for 60 s, 60 s, 5 min).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { AlertKind, Fix, TruckStatus } from '../../../src/lib/trucks/types';
import { config } from '../../../src/lib/server/config';
import { db } from '../../../src/lib/server/db';
import { replaceScenario } from '../../../src/lib/server/scenario/store';
import { Fleet } from '../../../src/lib/server/trucks/fleet';
import type { Finding, HasOpenAlert } from '../../../src/lib/server/trucks/findings';
import { blankState } from '../../../src/lib/server/trucks/store';
import {
	aRoute,
	aScenario,
	aTruck,
	aWard,
	minutes,
	paradeStart,
	parsed,
	seconds
} from '../support/factories/scenario';
import { fixAt, onStreet } from '../support/factories/street';

const ward = aWard({ id: 'phuong-thu' });
/** 3 km east along the street; checkpoints cp-0, cp-1000, cp-2000, cp-3000 at 07:30, 07:35, 07:40, 07:45 */
const route = aRoute({ id: 'lo-trinh-thu', lengthM: 3000 });
const truck = aTruck({ id: 'xe-thu', name: 'Xe loa thử', unitId: ward.id, routeId: route.id });

const radius = config.arrivalRadiusMeters;
const offRoute = config.offRouteMeters;

let fleet: Fleet;

/** The fleet as the server loads it from the imported setup. */
beforeEach(() => {
	replaceScenario(db(), parsed(aScenario({ wards: [ward], routes: [route], trucks: [truck] })), paradeStart);
	fleet = new Fleet();
	fleet.load(db());
});

/** The truck's state as a committed command leaves it (the crew pressed "xuất phát", …). */
function given(status: TruckStatus, startedAt: number | null = paradeStart): void {
	fleet.setState({ ...blankState(truck.id), status, startedAt });
}

/** The crew phone sends these fixes; the server's day time is the latest of them. */
function report(...fixes: Fix[]): Finding[] {
	const now = Math.max(...fixes.map((f) => f.at));
	return fleet.ingest(truck.id, fixes, now, now, 'vi').findings;
}

/** What time alone reveals at `at`, on the day's clock and the server's alike (as in real use). */
const tick = (at: number, hasOpenAlert: HasOpenAlert) => fleet.tick({ day: at, server: at }, hasOpenAlert);

const noOpenAlerts = () => false;
const openAlerts =
	(...open: AlertKind[]) =>
	(_truckId: string, kind: AlertKind) =>
		open.includes(kind);
const alerts = (findings: Finding[], kind: AlertKind) =>
	findings.filter((f) => f.kind === 'alert' && f.alert === kind);
const view = (at: number) => fleet.view(truck.id, at)!;

describe('arrivals at checkpoints', () => {
	it(`marks a checkpoint reached when a truck on parade comes within ${radius} m, at the fix's time`, () => {
		given('moving');
		const at = paradeStart + minutes(6);

		const findings = report(fixAt(onStreet(1000 - radius * 0.8), at));

		expect(findings).toContainEqual({ kind: 'reached', truckId: truck.id, checkpointId: 'cp-1000', at });
		expect(view(at).nextCheckpointId).toBe('cp-2000');
	});

	it('counts the radius as a circle: a truck beside the checkpoint has reached it', () => {
		given('moving');

		const findings = report(fixAt(onStreet(1000, radius * 0.8), paradeStart + minutes(6)));

		expect(
			findings.filter((f) => f.kind === 'reached').map((f) => f.kind === 'reached' && f.checkpointId)
		).toEqual(['cp-1000']);
	});

	it('does not mark it from just outside the radius', () => {
		given('moving');
		const at = paradeStart + minutes(6);

		const findings = report(fixAt(onStreet(1000 - radius * 1.2), at));

		expect(findings.filter((f) => f.kind === 'reached')).toEqual([]);
		expect(view(at).nextCheckpointId).toBe('cp-1000');
	});

	it('marks a checkpoint once, however many fixes fall inside its radius', () => {
		given('moving');
		const t = paradeStart + minutes(6);

		const first = report(fixAt(onStreet(990), t), fixAt(onStreet(1000), t + seconds(3)));
		const later = report(fixAt(onStreet(1010), t + seconds(6)));

		expect(first.filter((f) => f.kind === 'reached')).toHaveLength(1);
		expect(later.filter((f) => f.kind === 'reached')).toEqual([]);
	});

	it('does not mark checkpoints for a truck that has not left, or has finished', () => {
		for (const status of ['idle', 'finished'] as const) {
			given(status);

			const findings = report(fixAt(onStreet(1000), paradeStart + minutes(6)));

			expect(
				findings.filter((f) => f.kind === 'reached'),
				status
			).toEqual([]);
		}
	});
});

describe('off route', () => {
	const beside = (alongM: number, northM: number, at: number) => fixAt(onStreet(alongM, northM), at);
	const t = paradeStart + minutes(3);
	const limit = seconds(config.offRouteSeconds);

	it(`raises an alert once a truck has been more than ${offRoute} m off for ${config.offRouteSeconds} s`, () => {
		given('moving');
		report(beside(500, offRoute * 1.5, t));

		expect(view(t).offRouteM).toBeCloseTo(offRoute * 1.5, 0);
		expect(alerts(tick(t + limit - seconds(1), noOpenAlerts), 'off_route')).toEqual([]);
		const [alert] = alerts(tick(t + limit + seconds(1), noOpenAlerts), 'off_route');
		expect(alert).toMatchObject({ truckId: truck.id, checkpointId: null });
		expect(alert.kind === 'alert' && alert.message).toBe(`Xe loa thử: đi lệch lộ trình ${offRoute * 1.5} m`);
	});

	it('raises no second alert while the first is open', () => {
		given('moving');
		report(beside(500, offRoute * 1.5, t));

		expect(alerts(tick(t + limit * 2, openAlerts('off_route')), 'off_route')).toEqual([]);
	});

	it('clears the alert when the truck is back on its route', () => {
		given('moving');
		report(beside(500, offRoute * 1.5, t));

		const findings = report(beside(600, 0, t + limit * 2));

		expect(findings).toContainEqual({
			kind: 'clear',
			truckId: truck.id,
			alert: 'off_route',
			checkpointId: null
		});
	});

	it('takes a truck a little to the side (a parallel lane, GPS drift) as on its route', () => {
		given('moving');
		report(beside(500, offRoute * 0.8, t));

		expect(alerts(tick(t + limit * 10, noOpenAlerts), 'off_route')).toEqual([]);
	});

	it('counts the time off route afresh after the truck came back in between', () => {
		given('moving');
		report(beside(500, offRoute * 1.5, t));
		report(beside(550, 0, t + limit / 2));
		report(beside(600, offRoute * 1.5, t + limit / 2 + seconds(10)));

		// off for longer than the limit in all, but never that long at a stretch
		expect(alerts(tick(t + limit + seconds(5), noOpenAlerts), 'off_route')).toEqual([]);
	});
});

describe('no signal (stale)', () => {
	const t = paradeStart + minutes(3);
	const limit = seconds(config.staleSeconds);

	it(`marks a moving truck lost, with an alert, when nothing came for ${config.staleSeconds} s`, () => {
		given('moving');
		report(fixAt(onStreet(300), t));

		expect(tick(t + limit - seconds(1), noOpenAlerts).filter((f) => f.kind === 'status')).toEqual([]);
		const findings = tick(t + limit + seconds(1), noOpenAlerts);
		expect(findings).toContainEqual({ kind: 'status', truckId: truck.id, status: 'lost' });
		expect(alerts(findings, 'stale')).toEqual([
			{
				kind: 'alert',
				truckId: truck.id,
				alert: 'stale',
				checkpointId: null,
				message: 'Xe loa thử: mất tín hiệu định vị',
				facts: { kind: 'stale' }
			}
		]);
	});

	it('counts from the departure when the phone never sent a position', () => {
		given('moving', t);

		expect(tick(t + limit + seconds(1), noOpenAlerts)).toContainEqual({
			kind: 'status',
			truckId: truck.id,
			status: 'lost'
		});
	});

	it('never takes a truck that has not left, has an incident or has finished for lost', () => {
		for (const status of ['idle', 'incident', 'finished'] as const) {
			given(status, t);

			const findings = tick(t + limit * 10, noOpenAlerts);

			expect(
				findings.filter((f) => f.kind === 'status' || (f.kind === 'alert' && f.alert === 'stale')),
				status
			).toEqual([]);
		}
	});

	it('brings a lost truck back as moving, and clears the alert, with its next position', () => {
		given('lost');

		const findings = report(fixAt(onStreet(300), t));

		expect(findings).toContainEqual({ kind: 'status', truckId: truck.id, status: 'moving' });
		expect(findings).toContainEqual({ kind: 'clear', truckId: truck.id, alert: 'stale', checkpointId: null });
	});

	it('counts silence from when fixes were received, not from the times the phone put on them', () => {
		given('moving');
		// a phone whose clock is 5 minutes slow, heard just now
		fleet.ingest(truck.id, [fixAt(onStreet(300), t - minutes(5))], t, t, 'vi');

		expect(fleet.tick({ day: t + seconds(1), server: t + seconds(1) }, noOpenAlerts)).toEqual([]);
		expect(
			fleet.tick({ day: t + limit + seconds(1), server: t + limit + seconds(1) }, noOpenAlerts)
		).toContainEqual({ kind: 'status', truckId: truck.id, status: 'lost' });
	});

	it('takes a truck standing within 40 m for over 2 minutes as stopped, whatever speed its phone says', () => {
		given('moving');
		expect(report(fixAt(onStreet(300), t, 12))).toEqual([]);
		expect(report(fixAt(onStreet(320), t + seconds(50), null))).toEqual([]);
		expect(report(fixAt(onStreet(290), t + minutes(2) + seconds(1), 12))).toContainEqual({
			kind: 'status',
			truckId: truck.id,
			status: 'stopped'
		});
		// as the watcher's command leaves it: stopped, its fixes kept
		fleet.setState({ ...fleet.state(truck.id), status: 'stopped' });
		expect(report(fixAt(onStreet(310), t + minutes(3), 0))).toEqual([]);
		expect(report(fixAt(onStreet(400), t + minutes(3) + seconds(30), 0))).toContainEqual({
			kind: 'status',
			truckId: truck.id,
			status: 'moving'
		});
	});

	it('takes a truck crawling along its route at 2 km/h for minutes, as a parade does, as moving', () => {
		given('moving');
		// 2 km/h is 33 m a minute; its phone says 2 km/h, or 0
		const findings = [0, 1, 2, 3, 4, 5].flatMap((m) =>
			report(fixAt(onStreet(300 + 33 * m), t + minutes(m), m % 2 ? 0 : 2))
		);

		expect(findings.filter((f) => f.kind === 'status')).toEqual([]);
	});
});

describe('re-anchoring: where a truck is on its route is found again from each position', () => {
	const t = paradeStart + minutes(3);

	it('after a detour, takes the truck up where it rejoined, with the stretch it skipped missed', () => {
		given('moving');
		report(fixAt(onStreet(0), t), fixAt(onStreet(300), t + seconds(90)));
		// round the block: 300 m north, along a parallel street, back down well past cp-1000
		report(
			fixAt(onStreet(400, 300), t + minutes(3)),
			fixAt(onStreet(1300, 300), t + minutes(7)),
			fixAt(onStreet(1400), t + minutes(9))
		);

		const truckView = view(t + minutes(9));
		expect(truckView.progress).toBeCloseTo(1400 / 3000, 2);
		expect(truckView.offRouteM).toBeLessThan(1);
		// cp-1000 was never passed: the next one is ahead of the truck, not behind it
		expect(truckView.nextCheckpointId).toBe('cp-2000');
		const skipped = fleet.missed(truck.id).find((m) => m.fromM < 1000 && m.toM > 1000);
		expect(skipped).toBeDefined();
		expect(skipped!.fromM).toBeGreaterThanOrEqual(300);
		expect(skipped!.toM).toBeLessThanOrEqual(1400);
	});

	it('keeps a jump no truck can make for the record, without moving the truck or marking a checkpoint', () => {
		given('moving');
		report(fixAt(onStreet(500), t));

		// 1.5 km in 5 s (1080 km/h): a bad fix, right on cp-2000
		const jump = fleet.ingest(
			truck.id,
			[fixAt(onStreet(2000), t + seconds(5))],
			t + seconds(5),
			t + seconds(5),
			'vi'
		);

		expect(jump.result).toEqual({ accepted: 1, refused: [] });
		expect(jump.findings).toEqual([]);
		expect(view(t + seconds(5)).progress).toBeCloseTo(500 / 3000, 2);
		// the next believable fix is measured from where the truck really was
		report(fixAt(onStreet(560), t + seconds(15)));
		expect(view(t + seconds(15)).progress).toBeCloseTo(560 / 3000, 2);
	});

	it('stores a position that arrives late (kept offline) without moving the truck back', () => {
		given('moving');
		report(fixAt(onStreet(800), t));

		const late = report(fixAt(onStreet(400), t - seconds(30)));

		expect(late).toEqual([]);
		expect(view(t).progress).toBeCloseTo(800 / 3000, 2);
	});

	it('refuses positions from the future or more than a day old, with a reason, and takes the rest', () => {
		given('moving');
		const now = t;
		const { result } = fleet.ingest(
			truck.id,
			[
				fixAt(onStreet(100), now + minutes(5)),
				fixAt(onStreet(200), now),
				fixAt(onStreet(50), now - minutes(25 * 60))
			],
			now,
			now,
			'vi'
		);

		expect(result.accepted).toBe(1);
		expect(result.refused.map((r) => r.index).sort()).toEqual([0, 2]);
		expect(result.refused.every((r) => r.reason.length > 0)).toBe(true);
	});
});

describe('bad fixes from the field', () => {
	const t = paradeStart + minutes(3);
	const limit = seconds(config.offRouteSeconds);
	/** what a phone without a GPS lock sometimes sends */
	const nowhere = (at: number): Fix => ({ at, lat: 0, lng: 0, accuracy: null, speed: 0 });
	/** the crew drives on along the street, a fix every 5 s at parade pace (12 km/h) */
	const driving = (fromS: number, toS: number) => {
		for (let s = fromS; s <= toS; s += 5) report(fixAt(onStreet((s * 12) / 3.6), t + seconds(s)));
	};
	const flags = () =>
		(
			db().prepare('SELECT flag FROM positions WHERE truck_id = ? ORDER BY device_at').all(truck.id) as {
				flag: string | null;
			}[]
		).map((r) => r.flag);

	it('a fix at (0,0) then real fixes: the truck keeps moving, no off-route alert', () => {
		given('moving');
		const first = fleet.ingest(truck.id, [nowhere(t)], t, t, 'vi');
		driving(5, 120);

		const at = t + seconds(121);
		const later = tick(at, noOpenAlerts);
		expect(alerts(later, 'off_route')).toEqual([]);
		expect(later.filter((f) => f.kind === 'status')).toEqual([]);
		expect(view(at).progress).toBeCloseTo(400 / 3000, 2);
		expect(view(at).offRouteM).toBeLessThan(1);
		expect(first.result.accepted).toBe(0);
		expect(first.findings).toEqual([]);
	});

	it("refuses a fix outside the plan's area with a reason, without moving the truck or raising an alert", () => {
		given('moving');
		report(fixAt(onStreet(500), t));
		// 80 km north two hours later: a truck could drive it, but the plan is nowhere near
		const far = fixAt(onStreet(500, 80_000), t + minutes(120));

		const { result, findings } = fleet.ingest(truck.id, [far], far.at, far.at, 'vi');

		expect(result.accepted).toBe(0);
		expect(result.refused).toEqual([{ index: 0, reason: expect.stringContaining('ngoài khu vực') }]);
		expect(findings).toEqual([]);
		expect(view(far.at).progress).toBeCloseTo(500 / 3000, 2);
		expect(alerts(tick(far.at + limit * 2, noOpenAlerts), 'off_route')).toEqual([]);
		fleet.flush(db());
		expect(flags()).toEqual([null]);
	});

	it("takes a fix off the route but within the plan's area (a detour, a depot in the next district)", () => {
		given('moving');
		const aside = fixAt(onStreet(500, 30_000), t);

		const { result } = fleet.ingest(truck.id, [aside], t, t, 'vi');

		expect(result).toEqual({ accepted: 1, refused: [] });
		expect(view(t).offRouteM).toBeCloseTo(30_000, -2);
	});

	it('re-anchors where several fixes in a row agree, after a bad position was taken', () => {
		given('moving');
		// a glitch 20 km north, still inside the area, is the first fix of the day
		report(fixAt(onStreet(1500, 20_000), t));
		driving(5, 15);
		fleet.flush(db()); // some of them are on disk already, kept as jumps for now

		driving(20, 30);

		const at = t + seconds(30);
		expect(view(at).progress).toBeCloseTo(100 / 3000, 2);
		expect(view(at).offRouteM).toBeLessThan(1);
		expect(alerts(tick(at + limit, noOpenAlerts), 'off_route')).toEqual([]);
		fleet.flush(db());
		// the fixes it was taken up from count in the track after all
		expect(flags()).toEqual([null, null, null, null, null, null, null]);
	});

	it('does not re-anchor on scattered fixes that agree with nothing', () => {
		given('moving');
		report(fixAt(onStreet(500), t));

		for (let i = 1; i <= 8; i++)
			report(fixAt(onStreet(500 + (i % 2 ? 1 : -1) * 5000, i * 4000), t + seconds(i)));

		expect(view(t + seconds(8)).progress).toBeCloseTo(500 / 3000, 2);
		fleet.flush(db());
		expect(flags().filter((f) => f === 'jump')).toHaveLength(8);
	});
});

describe('late at a checkpoint', () => {
	const lateAfter = minutes(config.lateMinutes);
	const cp0 = paradeStart;
	const cp1000 = paradeStart + minutes(5);

	it(`raises an alert for the next checkpoint not reached ${config.lateMinutes} minutes past its plan`, () => {
		given('moving');

		expect(alerts(tick(cp0 + lateAfter - seconds(1), noOpenAlerts), 'late')).toEqual([]);
		const [alert] = alerts(tick(cp0 + lateAfter + minutes(2), noOpenAlerts), 'late');
		expect(alert).toMatchObject({ truckId: truck.id, checkpointId: 'cp-0' });
		expect(alert.kind === 'alert' && alert.message).toBe(
			'Xe loa thử: trễ 7 phút so với kế hoạch tại Điểm cp-0'
		);
	});

	it('moves on to the following checkpoint once the truck has passed this one', () => {
		given('moving');
		report(fixAt(onStreet(0), cp0 + minutes(1)));

		const findings = tick(cp1000 + lateAfter + seconds(1), noOpenAlerts);

		expect(alerts(findings, 'late').map((f) => f.kind === 'alert' && f.checkpointId)).toEqual(['cp-1000']);
	});

	it('takes a truck that has not left by its start as late too', () => {
		given('idle', null);

		expect(alerts(tick(cp0 + lateAfter + seconds(1), noOpenAlerts), 'late')).toHaveLength(1);
	});

	it('raises no second alert while one is open, and none for a truck that has finished', () => {
		given('moving');
		expect(alerts(tick(cp0 + lateAfter * 2, openAlerts('late')), 'late')).toEqual([]);

		given('finished');
		expect(alerts(tick(cp0 + lateAfter * 2, noOpenAlerts), 'late')).toEqual([]);
	});
});
