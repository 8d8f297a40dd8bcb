/**
 * A truck as the pages see it (TruckView): its setup, its state and what follows from them on
 * its route — progress, the next checkpoint with its ETA, the delay against plan.
 */
import { etaSeconds, type PreparedRoute } from '$lib/trucks/geometry';
import type { TruckView } from '$lib/trucks/types';
import type { Scenario } from '$lib/scenario/schema';
import { nextCheckpointOf } from './next-checkpoint';
import type { TruckState } from './store';

/** A truck of the setup, with its unit's name. */
export type TruckSpec = Scenario['trucks'][number] & { unitName: string };

export function truckView(
	truck: TruckSpec,
	route: PreparedRoute | undefined,
	state: TruckState,
	coverage: number | null,
	dayNow: number
): TruckView {
	const next = route ? nextCheckpointOf(route, state) : null;
	let eta: number | null = null;
	let delaySeconds: number | null = null;
	if (next && route) {
		const remaining = Math.max(0, next.alongM - (state.alongM ?? 0));
		eta = dayNow + etaSeconds(remaining, state.lastFix?.speed ?? null) * 1000;
		delaySeconds =
			state.status === 'idle' && dayNow < next.plannedAt ? null : Math.round((eta - next.plannedAt) / 1000);
	} else if (route && route.checkpoints.length) {
		const last = route.checkpoints[route.checkpoints.length - 1];
		const at = state.reached[last.id];
		delaySeconds = at ? Math.round((at - last.plannedAt) / 1000) : null;
	}
	return {
		id: truck.id,
		name: truck.name,
		unitId: truck.unitId,
		unitName: truck.unitName,
		plate: truck.plate ?? null,
		crew: truck.crew ?? null,
		routeId: truck.routeId ?? null,
		status: state.status,
		incidentNote: state.incidentNote,
		position: state.lastFix,
		receivedAt: state.receivedAt,
		progress: route && state.alongM !== null ? Math.min(1, state.alongM / route.lengthM) : null,
		offRouteM: state.offRouteM,
		nextCheckpointId: next?.id ?? null,
		eta,
		delaySeconds,
		startedAt: state.startedAt,
		finishedAt: state.finishedAt,
		coverage
	};
}

/** A truck as a wall screen or a crew phone sees it: who drives it stays with the ops room. */
export function withoutCrew(view: TruckView): TruckView {
	return { ...view, crew: null };
}
