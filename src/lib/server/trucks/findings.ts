/**
 * What the fleet finds out about a truck, for the watcher to turn into system commands: from
 * its fixes (arrivals, status, alerts and their end) and, here, from time alone (a truck gone
 * quiet, stopped too long, off its route too long, late at its next checkpoint).
 */
import type { AlertKind, TruckStatus } from '$lib/trucks/types';
import { alertText, type AlertFacts } from '$lib/trucks/alerts';
import type { PreparedRoute } from '$lib/trucks/geometry';
import { config } from '../config';
import { nextCheckpointOf } from './next-checkpoint';
import type { TruckState } from './store';
import type { TruckSpec } from './truck-view';

export type Finding =
	| { kind: 'reached'; truckId: string; checkpointId: string; at: number }
	| { kind: 'status'; truckId: string; status: TruckStatus }
	/** đã tập kết: its first fix within a gathering point's radius (gatherings.ts) */
	| { kind: 'gathered'; truckId: string; milestoneId: string; at: number }
	| {
			kind: 'alert';
			truckId: string;
			alert: AlertKind;
			checkpointId: string | null;
			/** in Vietnamese, for the log */
			message: string;
			facts: AlertFacts;
	  }
	| { kind: 'clear'; truckId: string; alert: AlertKind; checkpointId: string | null };

export type HasOpenAlert = (truckId: string, kind: AlertKind, checkpointId: string | null) => boolean;

/** the statuses of a truck out on its route */
export const onDuty: TruckStatus[] = ['moving', 'stopped', 'lost'];
/**
 * A truck whose fixes stay this close to one place is standing: well above a phone's GPS noise
 * (8–15 m), well below what a parade crawling at 2 km/h covers in `stoppedAfterMs` (67 m).
 */
export const standRadiusM = 40;
/** standing this long (by the fixes' own times) the truck is stopped */
export const stoppedAfterMs = 120_000;

/** When the server last heard from the truck's phone, to measure silence against. */
export interface Clocks {
	/** the time of the day (compressed in a demo) */
	day: number;
	/** the server's own clock, which `receivedAt` is read on */
	server: number;
}

/**
 * How long the server has gone without a fix from the truck, or null when it is not waiting
 * for any. Measured from when the last fix was received, by the server's clock: a phone's own
 * time is not evidence of silence (its clock may be minutes off, and in a demo the day runs
 * compressed while a real phone still sends every few real seconds). A truck that never sent
 * one is counted from its departure.
 */
export function silentMs(state: TruckState, now: Clocks): number | null {
	if (state.receivedAt !== null) return now.server - state.receivedAt;
	if (state.startedAt !== null) return now.day - state.startedAt;
	return null;
}

export const isSilent = (state: TruckState, now: Clocks): boolean =>
	(silentMs(state, now) ?? 0) > config.staleSeconds * 1000;

/** What the truck's fixes say it is doing: standing in one place long enough, or not. */
export function movement(state: TruckState): 'moving' | 'stopped' {
	const fix = state.lastFix;
	return fix && state.stillSince !== null && fix.at - state.stillSince >= stoppedAfterMs
		? 'stopped'
		: 'moving';
}

/** A truck out on its route as the server sees it now: lost when silent, else as its fixes say. */
export function onDutyStatus(state: TruckState, now: Clocks): 'moving' | 'stopped' | 'lost' {
	return isSilent(state, now) ? 'lost' : movement(state);
}

/** What time alone reveals about one truck at `now`. */
export function timeFindings(
	truck: TruckSpec,
	state: TruckState,
	route: PreparedRoute | undefined,
	now: Clocks,
	hasOpenAlert: HasOpenAlert
): Finding[] {
	const dayNow = now.day;
	const findings: Finding[] = [];
	const alert = (checkpointId: string | null, facts: AlertFacts) =>
		findings.push({
			kind: 'alert',
			truckId: truck.id,
			alert: facts.kind,
			checkpointId,
			message: alertText(truck.name, facts, 'vi'),
			facts
		});
	// standing still is found in the fixes (fleet.ts); only silence is found by time
	if (onDuty.includes(state.status) && isSilent(state, now)) {
		if (state.status !== 'lost') findings.push({ kind: 'status', truckId: truck.id, status: 'lost' });
		if (!hasOpenAlert(truck.id, 'stale', null)) alert(null, { kind: 'stale' });
	}
	if (
		onDuty.includes(state.status) &&
		state.offRouteSince !== null &&
		dayNow - state.offRouteSince > config.offRouteSeconds * 1000 &&
		!hasOpenAlert(truck.id, 'off_route', null)
	)
		alert(null, { kind: 'off_route', metres: Math.round(state.offRouteM ?? 0) });
	if (route && state.status !== 'finished') {
		const next = nextCheckpointOf(route, state);
		if (
			next &&
			dayNow > next.plannedAt + config.lateMinutes * 60_000 &&
			!hasOpenAlert(truck.id, 'late', next.id)
		)
			alert(next.id, {
				kind: 'late',
				checkpoint: next.name,
				lateMs: dayNow - next.plannedAt,
				plannedAt: next.plannedAt
			});
	}
	return findings;
}
