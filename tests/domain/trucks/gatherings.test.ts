/**
 * Gatherings (tập kết): a gathering milestone that names a point counts the trucks that come
 * there, from the crews' positions on the one position path (reportPositions → fleet → a
 * system command → the log). Each level counts its own trucks. The demo's Quận 7 inside a city,
 * with the other district's truck xe-khac expected at the same point.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { inScope } from '../../../src/lib/server/access';
import { db } from '../../../src/lib/server/db';
import { loadGathered } from '../../../src/lib/server/trucks/gatherings';
import { fleet } from '../../../src/lib/server/trucks/live-fleet';
import { reportPositions } from '../../../src/lib/server/trucks/watcher';
import { gatheringArrivals } from '../../../src/lib/server/simulator/gatherings';
import { insertUser } from '../../../src/lib/server/users/store';
import { gatheredCount } from '../../../src/lib/trucks/gatherings';
import type { ScenarioInput } from '../../../src/lib/scenario/schema';
import { recordEmitted, rooms } from '../support/emitted';
import { fixAt, onStreet } from '../support/factories/street';
import { givenDayTime, givenTheDemoScenario, nestedInACity, signedIn, vn } from '../support/given';

const milestoneId = 'm-tap-trung-xe-loa-tp';
/** the gathering point, on the test street; 100 m around it */
const point = onStreet(0);
const expected = ['xe-tan-kieng', 'xe-phu-my', 'xe-khac'];

function withGathering(): ScenarioInput {
	const plan = nestedInACity();
	plan.milestones = plan.milestones!.map((m) =>
		m.id === milestoneId ? { ...m, position: point, radiusM: 100, truckIds: expected } : m
	);
	return plan;
}

const emitted = recordEmitted();

beforeEach(async () => {
	// the gathering is due at 6g30 on 03/10
	await givenTheDemoScenario(vn('2024-10-03T06:00:00'), withGathering());
});

const crewOf = (truckId: string, unitId: string) => signedIn('truck_crew', { unitId, truckId });
/** the crew's phone sends a fix as it takes it: the day's clock reads its time */
function send(truckId: string, unitId: string, place: [number, number], at: number) {
	givenDayTime(at);
	return reportPositions(crewOf(truckId, unitId), { truckId, fixes: [fixAt(place, at, 0)] }, 'vi');
}

const whole = () => fleet().gatheringViews(() => true)[0];

describe('a truck comes to the gathering point', () => {
	it('is counted as gathered, at its fix, once its position falls within the radius', async () => {
		await send('xe-tan-kieng', 'phuong-tan-kieng', onStreet(300), vn('2024-10-03T06:05:00'));
		expect(gatheredCount(whole())).toEqual({ n: 0, of: 3 });

		await send('xe-tan-kieng', 'phuong-tan-kieng', onStreet(80), vn('2024-10-03T06:10:00'));

		expect(gatheredCount(whole())).toEqual({ n: 1, of: 3 });
		expect(whole().gathered).toEqual({ 'xe-tan-kieng': vn('2024-10-03T06:10:00') });
		expect(loadGathered(db()).get(milestoneId)?.get('xe-tan-kieng')).toBe(vn('2024-10-03T06:10:00'));
		const { event, audience } = emitted.only('truck.gathered');
		expect(event.data).toMatchObject({ truckId: 'xe-tan-kieng', milestoneId, at: vn('2024-10-03T06:10:00') });
		expect(audience).toEqual(
			rooms(
				'ops',
				'display',
				'truck:xe-tan-kieng',
				'ops@phuong-tan-kieng',
				'display@phuong-tan-kieng',
				'ops@quan7',
				'display@quan7'
			)
		);
	});

	it('stays gathered when it moves on (to the ceremony), and is recorded once', async () => {
		await send('xe-tan-kieng', 'phuong-tan-kieng', point, vn('2024-10-03T06:10:00'));
		await send('xe-tan-kieng', 'phuong-tan-kieng', onStreet(20), vn('2024-10-03T06:11:00'));
		await send('xe-tan-kieng', 'phuong-tan-kieng', onStreet(2000), vn('2024-10-03T06:40:00'));

		expect(emitted.of('truck.gathered')).toHaveLength(1);
		expect(whole().gathered).toEqual({ 'xe-tan-kieng': vn('2024-10-03T06:10:00') });
	});

	it('counts a late truck up to an hour after the time, not later, nor on another day', async () => {
		await send('xe-tan-kieng', 'phuong-tan-kieng', point, vn('2024-10-03T07:25:00'));
		await send('xe-phu-my', 'phuong-phu-my', point, vn('2024-10-03T07:31:00'));
		await send('xe-khac', 'phuong-khac', point, vn('2024-10-02T09:00:00'));

		expect(Object.keys(whole().gathered)).toEqual(['xe-tan-kieng']);
	});

	it('does not count a truck that is not expected there', async () => {
		await send('xe-tan-hung', 'phuong-tan-hung', point, vn('2024-10-03T06:10:00'));

		expect(emitted.of('truck.gathered')).toHaveLength(0);
		expect(whole().expected).not.toContain('xe-tan-hung');
	});
});

describe('each level counts its own trucks', () => {
	it('Quận 7 counts its two trucks, the other district its one, the city all three', async () => {
		await send('xe-tan-kieng', 'phuong-tan-kieng', point, vn('2024-10-03T06:10:00'));
		await send('xe-khac', 'phuong-khac', point, vn('2024-10-03T06:12:00'));

		const quan7 = signedIn('coordinator', { unitId: 'ttvh-tt' });
		const other = signedIn('coordinator', { unitId: 'quan-khac' });
		const city = signedIn('coordinator', { unitId: 'thanh-pho' });
		const count = (actor: typeof city) => gatheredCount(fleet().gatheringViews(inScope(actor))[0]);

		expect(count(quan7)).toEqual({ n: 1, of: 2 });
		expect(count(other)).toEqual({ n: 1, of: 1 });
		expect(count(city)).toEqual({ n: 2, of: 3 });
	});
});

describe('the demo', () => {
	it('brings every expected truck with a demo crew to the point in the half hour before, in time', async () => {
		for (const [truckId, unitId] of [
			['xe-tan-kieng', 'phuong-tan-kieng'],
			['xe-phu-my', 'phuong-phu-my'],
			['xe-khac', 'phuong-khac']
		])
			insertUser(
				db(),
				{
					username: `demo-${truckId}`,
					displayName: truckId,
					role: 'truck_crew',
					unitId,
					truckId,
					passwordHash: 'x',
					demo: true
				},
				Date.now()
			);
		const at = vn('2024-10-03T06:30:00');
		for (let to = vn('2024-10-03T05:55:00'); to <= at; to += 60_000) {
			givenDayTime(to);
			await gatheringArrivals.tick({ from: to - 60_000, to } as Parameters<typeof gatheringArrivals.tick>[0]);
		}

		expect(gatheredCount(whole())).toEqual({ n: 3, of: 3 });
		expect(Math.max(...Object.values(whole().gathered))).toBeLessThanOrEqual(at);
	});
});
