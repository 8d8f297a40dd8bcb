/**
 * The clock of the day. In real use dayTime = serverTime. In a demo the simulator runs the
 * scenario's day compressed: dayTime = anchorDay + (serverTime - anchorReal) * speed.
 */
export interface DayClock {
	anchorReal: number;
	anchorDay: number;
	speed: number;
	/**
	 * the mapping in force before this one (a demo's earlier act), for server times before
	 * `anchorReal`: a notice posted in one act keeps its time of day in the next
	 */
	previous?: DayClock;
}

/** How many earlier mappings a clock keeps: a demo's acts of the last cycles. */
export const clockHistory = 40;

/** The time of the day (scenario time) at a given server time, by the mapping in force then. */
export function dayTime(clock: DayClock, serverNow: number): number {
	let c = clock;
	while (serverNow < c.anchorReal && c.previous) c = c.previous;
	return c.anchorDay + (serverNow - c.anchorReal) * c.speed;
}

/** A new mapping from now on, keeping the last ones before it (at most `clockHistory`). */
export function nextClock(current: DayClock, next: Omit<DayClock, 'previous'>): DayClock {
	const keep = (c: DayClock | undefined, left: number): DayClock | undefined =>
		c && left > 0 ? { ...c, previous: keep(c.previous, left - 1) } : undefined;
	const previous = current.speed === 1 && current.anchorDay === current.anchorReal ? undefined : current;
	return { ...next, previous: keep(previous, clockHistory) };
}

export function isCompressed(clock: DayClock): boolean {
	return clock.speed !== 1 || clock.anchorDay !== clock.anchorReal;
}
