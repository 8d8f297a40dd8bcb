/**
 * What a command tells the screens: every event the command path publishes on the event bus's
 * `committed` channel after its commit, with its audience (the realtime rooms that may see it,
 * see roomsFor in src/lib/server/access.ts). The realtime module sends each event to exactly
 * those rooms, so the audience decides who sees what.
 *
 * `recordEmitted()` in a test file (or a describe) listens from before each of its tests to
 * after it, and stops listening then: no listener outlives its test.
 */
import { afterEach, beforeEach } from 'vitest';
import { subscribe } from '../../../src/lib/server/events/bus';
import type { EventType, LiveEvent } from '../../../src/lib/types';

export interface Emitted<T extends EventType = EventType> {
	event: LiveEvent<T>;
	/** the audience's rooms, sorted: compare with rooms(…) */
	audience: string[];
}

/** Rooms as an audience is recorded (sorted), so a test lists them in any order. */
export const rooms = (...names: string[]): string[] => [...names].sort();

export interface EmittedLog {
	/** everything published in this test so far, oldest first */
	all(): Emitted[];
	/** the events of one type, typed by it */
	of<T extends EventType>(type: T): Emitted<T>[];
	/** the one event of this type; fails the test if there is none or more than one */
	only<T extends EventType>(type: T): Emitted<T>;
	/** forgets what was published so far (what the test's setup caused) */
	clear(): void;
}

export function recordEmitted(): EmittedLog {
	const seen: Emitted[] = [];
	let stop: (() => void) | undefined;

	beforeEach(() => {
		seen.length = 0;
		stop = subscribe('committed', (event, audience) => {
			seen.push({ event, audience: [...audience].sort() });
		});
	});
	afterEach(() => {
		stop?.();
		stop = undefined;
	});

	const of = <T extends EventType>(type: T): Emitted<T>[] =>
		seen.filter((e): e is Emitted<T> => e.event.type === type);

	return {
		all: () => [...seen],
		of,
		only(type) {
			const found = of(type);
			if (found.length !== 1)
				throw new Error(
					`expected one ${type} event, got ${found.length} (published: ${seen.map((e) => e.event.type).join(', ') || 'none'})`
				);
			return found[0];
		},
		clear() {
			seen.length = 0;
		}
	};
}
