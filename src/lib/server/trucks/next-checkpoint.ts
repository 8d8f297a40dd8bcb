/**
 * A truck's next checkpoint, one answer for every screen and rule that needs it (the ops room's
 * list, the crew phone, "Đến điểm" without a checkpoint named, the late alert): the first one not
 * reached that is still ahead of the truck on its route. A checkpoint it drove past without coming
 * within the arrival radius (its first fix already past the start) is behind it, not next.
 */
import { nextCheckpoint, type PreparedCheckpoint, type PreparedRoute } from '$lib/trucks/geometry';
import type { TruckState } from './store';

export function nextCheckpointOf(
	route: PreparedRoute,
	state: Pick<TruckState, 'alongM' | 'reached'>
): PreparedCheckpoint | null {
	const reached = new Set(Object.keys(state.reached));
	// not placed on its route yet (no fix): the first not reached
	return state.alongM !== null
		? nextCheckpoint(route, state.alongM, reached)
		: (route.checkpoints.find((c) => !reached.has(c.id)) ?? null);
}
