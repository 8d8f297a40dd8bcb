/**
 * What a truck did on the day, for the report: whether it ran, how far, how much of its route it
 * covered and which checkpoints it reached on time. Read from the live fleet (the coverage and
 * the checkpoints the ops room sees) and the stored track (the kilometres the replay shows).
 */
import { config } from '../config';
import type { Db } from '../db';
import { fleet } from './live-fleet';
import { drivenM } from './store';

export interface TruckDay {
	truckId: string;
	/** it left (the crew pressed "xuất phát") or its phone sent a track */
	ran: boolean;
	drivenM: number;
	/** its route's length and the share of it covered; null: it has no route */
	route: { lengthM: number; covered: number } | null;
	/** its route's checkpoints, and those reached no later than the ops room's "late" mark */
	checkpoints: { total: number; onTime: number };
}

export function truckDay(db: Db, truckId: string, dayNow: number): TruckDay {
	const live = fleet();
	const state = live.state(truckId);
	const route = live.routeOf(truckId);
	const driven = drivenM(db, truckId);
	// the ops room marks a truck late past this delay (ops/trucks): reached within it is on time
	const lateMs = config.lateMinutes * 60_000;
	const checkpoints = route?.checkpoints ?? [];
	return {
		truckId,
		ran: state.startedAt !== null || driven > 0,
		drivenM: driven,
		route: route ? { lengthM: route.lengthM, covered: live.view(truckId, dayNow)?.coverage ?? 0 } : null,
		checkpoints: {
			total: checkpoints.length,
			onTime: checkpoints.filter((c) => {
				const at = state.reached[c.id];
				return at !== undefined && at - c.plannedAt <= lateMs;
			}).length
		}
	};
}
