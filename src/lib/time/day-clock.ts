/**
 * The clock of the day. In real use dayTime = serverTime. In a demo the simulator runs the
 * scenario's day compressed: dayTime = anchorDay + (serverTime - anchorReal) * speed.
 */
export interface DayClock {
	anchorReal: number;
	anchorDay: number;
	speed: number;
}

/** The time of the day (scenario time) at a given server time. */
export function dayTime(clock: DayClock, serverNow: number): number {
	return clock.anchorDay + (serverNow - clock.anchorReal) * clock.speed;
}

export function isCompressed(clock: DayClock): boolean {
	return clock.speed !== 1 || clock.anchorDay !== clock.anchorReal;
}
