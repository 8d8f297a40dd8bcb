/**
 * The process's one live fleet (see fleet.ts): loaded from the database the first time it is
 * asked for, and kept in step with what commits (a new setup reloads it; a truck's committed
 * state replaces the one in memory). It starts no timer and sends nothing: the fleet watcher
 * (watcher.ts) runs the heartbeat, and command handlers read trucks, routes and states here.
 */
import type { LiveEvent } from '$lib/types';
import { db } from '../db';
import { subscribe } from '../events/bus';
import { Fleet } from './fleet';
import { loadState } from './store';

const key = Symbol.for('khai-mac.fleet');
type Holder = { [key]?: { fleet: Fleet; stop: () => void } };

/** Events after which the trucks or routes are read again. */
const setupEvents = new Set<LiveEvent['type']>([
	'scenario.imported',
	'route.saved',
	'truck.route_assigned',
	'demo.day_restarted'
]);

function follow(live: Fleet, event: LiveEvent): void {
	if (setupEvents.has(event.type)) live.load(db());
	else if (event.type === 'truck.status_changed' || event.type === 'truck.checkpoint_reached')
		live.setState(loadState(db(), event.data.truckId));
	else if (event.type === 'truck.gathered')
		live.gathered(event.data.milestoneId, event.data.truckId, event.data.at);
}

export function fleet(): Fleet {
	const holder = globalThis as Holder;
	if (!holder[key]) {
		const live = new Fleet();
		live.load(db());
		holder[key] = { fleet: live, stop: subscribe('committed', (event) => follow(live, event)) };
	}
	return holder[key].fleet;
}

/** A fresh fleet from the database (a dev hot reload): what the old one holds goes to disk first. */
export function reloadFleet(): void {
	const holder = globalThis as Holder;
	const previous = holder[key];
	if (previous) {
		previous.stop();
		previous.fleet.flush(db());
		delete holder[key];
	}
	fleet();
}
