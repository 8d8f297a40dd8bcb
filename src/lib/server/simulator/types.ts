import type { DayClock } from '$lib/types';
import type { Act } from './acts';

/** One step of the simulated day: act on what happens in (from, to] of day time. */
export interface DemoTick {
	eventId: string;
	/** the cycle of acts this tick belongs to: ids of demo commands derive from it */
	cycle: number;
	clock: DayClock;
	act: Act;
	from: number;
	to: number;
}

export interface DemoActor {
	name: string;
	tick(tick: DemoTick): Promise<void>;
}
