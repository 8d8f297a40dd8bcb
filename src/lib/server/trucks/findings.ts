/**
 * What the fleet finds out about a truck, for the watcher to turn into system commands: from
 * its fixes (arrivals, status, alerts and their end) and, here, from time alone (a truck gone
 * quiet, stopped too long, off its route too long, late at its next checkpoint).
 */
import type { AlertKind, TruckStatus } from '$lib/trucks/types';
import type { PreparedRoute } from '$lib/trucks/geometry';
import { config } from '../config';
import { lateText } from './alert-text';
import type { TruckState } from './store';
import type { TruckSpec } from './truck-view';

export type Finding =
	| { kind: 'reached'; truckId: string; checkpointId: string; at: number }
	| { kind: 'status'; truckId: string; status: TruckStatus }
	| {
			kind: 'alert';
			truckId: string;
			alert: AlertKind;
			checkpointId: string | null;
			message: string;
	  }
	| { kind: 'clear'; truckId: string; alert: AlertKind; checkpointId: string | null };

export type HasOpenAlert = (truckId: string, kind: AlertKind, checkpointId: string | null) => boolean;

/** the statuses of a truck out on its route */
export const onDuty: TruckStatus[] = ['moving', 'stopped', 'lost'];
/** slower than this a truck is standing (GPS speed jitters around zero) */
export const slowKmh = 3;
const stoppedAfterMs = 120_000;

/** What time alone reveals about one truck at dayNow. */
export function timeFindings(
	truck: TruckSpec,
	state: TruckState,
	route: PreparedRoute | undefined,
	dayNow: number,
	hasOpenAlert: HasOpenAlert
): Finding[] {
	const findings: Finding[] = [];
	const alert = (kind: AlertKind, checkpointId: string | null, message: string) =>
		findings.push({ kind: 'alert', truckId: truck.id, alert: kind, checkpointId, message });
	const since = state.lastFix?.at ?? state.startedAt;
	if (
		(state.status === 'moving' || state.status === 'stopped') &&
		since !== null &&
		dayNow - since > config.staleSeconds * 1000
	) {
		findings.push({ kind: 'status', truckId: truck.id, status: 'lost' });
		if (!hasOpenAlert(truck.id, 'stale', null)) alert('stale', null, `${truck.name}: mất tín hiệu định vị`);
	}
	if (state.status === 'moving' && state.slowSince !== null && dayNow - state.slowSince > stoppedAfterMs)
		findings.push({ kind: 'status', truckId: truck.id, status: 'stopped' });
	if (
		onDuty.includes(state.status) &&
		state.offRouteSince !== null &&
		dayNow - state.offRouteSince > config.offRouteSeconds * 1000 &&
		!hasOpenAlert(truck.id, 'off_route', null)
	)
		alert('off_route', null, `${truck.name}: đi lệch lộ trình ${Math.round(state.offRouteM ?? 0)} m`);
	if (route && state.status !== 'finished') {
		const next = route.checkpoints.find((c) => !Object.hasOwn(state.reached, c.id));
		if (
			next &&
			dayNow > next.plannedAt + config.lateMinutes * 60_000 &&
			!hasOpenAlert(truck.id, 'late', next.id)
		)
			alert(
				'late',
				next.id,
				`${truck.name}: ${lateText(dayNow - next.plannedAt, next.plannedAt)} tại ${next.name}`
			);
	}
	return findings;
}
