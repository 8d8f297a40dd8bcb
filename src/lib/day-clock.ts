import type { DayClock } from './types';

/** The time of the day (scenario time) at a given server time. */
export function dayTime(clock: DayClock, serverNow: number): number {
	return clock.anchorDay + (serverNow - clock.anchorReal) * clock.speed;
}

export function isCompressed(clock: DayClock): boolean {
	return clock.speed !== 1 || clock.anchorDay !== clock.anchorReal;
}
