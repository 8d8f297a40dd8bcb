import type { DayClock } from '$lib/types';

/** One step of the simulated day: act on what happens in (from, to] of day time. */
export interface DemoTick {
	eventId: string;
	clock: DayClock;
	from: number;
	to: number;
}

export interface DemoActor {
	name: string;
	tick(tick: DemoTick): Promise<void>;
}
