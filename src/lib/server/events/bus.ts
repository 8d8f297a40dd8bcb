/**
 * The server's event bus: what the domain has to say to the screens, handed to the realtime
 * module (the only one that touches socket.io). Each channel is typed:
 * - `committed`: an event the command path has just committed, with its audience;
 * - `positions`: the fleet's compact frame of the trucks that moved;
 * - `clock`: the day's clock was set anew (the demo simulator compresses the day).
 * One listener set per process, kept on globalThis so a dev hot reload does not split it.
 */
import type { DayClock, LiveEvent } from '$lib/types';
import type { PositionFrame } from '$lib/trucks/types';

export interface BusChannels {
	committed: [event: LiveEvent, audience: string[]];
	positions: [frame: PositionFrame];
	clock: [clock: DayClock];
}
export type Channel = keyof BusChannels;

type Listener<C extends Channel> = (...args: BusChannels[C]) => void;
type Listeners = { [C in Channel]: Set<Listener<C>> };

const key = Symbol.for('khai-mac.event-bus');
type Holder = { [key]?: Listeners };

function listeners<C extends Channel>(channel: C): Listeners[C] {
	const holder = globalThis as Holder;
	holder[key] ??= { committed: new Set(), positions: new Set(), clock: new Set() };
	return holder[key][channel];
}

/** Listens on one channel; returns the function that stops listening. */
export function subscribe<C extends Channel>(channel: C, listener: Listener<C>): () => void {
	const set = listeners(channel);
	set.add(listener);
	return () => set.delete(listener);
}

export function publish<C extends Channel>(channel: C, ...args: BusChannels[C]): void {
	for (const listener of listeners(channel)) listener(...args);
}
