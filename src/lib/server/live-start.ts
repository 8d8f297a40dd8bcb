import type { LiveStart } from '$lib/types';
import { dayClock } from './day-clock';
import { db } from './db';
import { lastSeq } from './events/log';

/**
 * Where a page's live updates start. Read before the page's data, in the same tick, so
 * every event after it reaches the page through the socket.
 */
export function liveStart(): LiveStart {
	return { seq: lastSeq(db()), serverNow: Date.now(), day: dayClock(db()) };
}
