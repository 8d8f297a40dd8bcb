/**
 * The day's clock (see DayClock). Real use: the server's own time. A demo compresses the
 * scenario's day; the mapping is kept in the database so a restart continues the same day.
 */
import { dayTime } from '$lib/time/day-clock';
import type { DayClock } from '$lib/types';
import type { Db } from './db';
import { readMeta, writeMeta } from './db/meta';

export const realClock: DayClock = { anchorReal: 0, anchorDay: 0, speed: 1 };

export function dayClock(db: Db): DayClock {
	return readMeta<DayClock>(db, 'day_clock') ?? realClock;
}

export function setDayClock(db: Db, clock: DayClock): void {
	writeMeta(db, 'day_clock', clock);
}

/** The time of the day now, by the server's clock. */
export function dayNow(db: Db): number {
	return dayTime(dayClock(db), Date.now());
}

/**
 * When a button was pressed on a phone or tablet: the device's own stamp (a press kept offline
 * arrives late), if it is believable — not in the future, not older than a day — else now.
 */
export function pressTime(now: number, at: number | undefined): number {
	return at !== undefined && at <= now + 120_000 && at >= now - 24 * 3600_000 ? Math.min(at, now) : now;
}
