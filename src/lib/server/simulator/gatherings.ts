/**
 * Demo: the trucks expected at a gathering point come there one after another in the half hour
 * before its time, each crew's phone reporting it there once, so the ops room and the wall see
 * "Đã tập kết n/N" grow. What the positions reveal is the fleet's, as on the day.
 */
import { userActor } from '../access';
import { db } from '../db';
import { listMilestones } from '../scenario/store';
import { expects, gatheringSpecs } from '../trucks/gatherings';
import { fleet } from '../trucks/live-fleet';
import { reportPositions } from '../trucks/watcher';
import { demoCrewOf } from '../users/store';
import type { DemoActor } from './types';

const minute = 60_000;
/** a few metres apart, as parked trucks stand (in degrees) */
const parked = () => (Math.random() - 0.5) * 0.0004;

export const gatheringArrivals: DemoActor = {
	name: 'gatherings',
	async tick({ from, to }) {
		for (const g of gatheringSpecs(listMilestones(db()))) {
			const trucks = fleet()
				.trucks()
				.filter((t) => expects(g, t.id));
			for (const [i, truck] of trucks.entries()) {
				// the first 30 minutes early, the last 5: every one in time
				const arriveAt = g.at - 30 * minute + (i * 25 * minute) / Math.max(1, trucks.length - 1);
				if (arriveAt <= from || arriveAt > to) continue;
				const crew = demoCrewOf(db(), truck.id);
				if (!crew) continue;
				const [lng, lat] = g.position;
				const fix = {
					at: Math.round(arriveAt),
					lat: lat + parked(),
					lng: lng + parked(),
					accuracy: 8,
					speed: 0
				};
				await reportPositions(userActor(crew), { truckId: truck.id, fixes: [fix] }, 'vi');
			}
		}
	}
};
