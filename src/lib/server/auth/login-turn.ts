/**
 * A login try's turn with the throttle. Verifying a password takes ~50 ms off the main thread,
 * so a check made before it and a failure written after it let tries sent in parallel all pass
 * the check. Here a try is counted from the check until it is judged: tries being judged count
 * with the recorded failures. Below the free number tries are judged side by side (a venue's
 * staff signing in together do not queue); where those being judged could reach it, a try waits
 * until they are judged and is checked again, so past it tries go one at a time. In memory: a
 * try in flight ends with the process (the server is one process).
 */
import type { Db } from '../db';
import { clearFailures, failureCount, recordFailure, retryAfterSeconds, type Limit } from './rate-limit';

export type Turn =
	| { refused: true; wait: number }
	/** call once the password is judged: a wrong one is recorded, a right one clears its pair */
	| { refused: false; judged(wrong: boolean): void };

interface Judging {
	count: number;
	/** tries waiting for one of these to be judged */
	waiters: (() => void)[];
}

const judging = new Map<string, Judging>();

/** A key whose tries being judged might use up its free failures, or none. */
function busyKey(db: Db, limits: Limit[], now: number): string | undefined {
	return limits.find(({ key, free }) => {
		const count = judging.get(key)?.count ?? 0;
		return count > 0 && failureCount(db, key, now) + count >= free;
	})?.key;
}

export async function takeTurn(db: Db, limits: Limit[]): Promise<Turn> {
	for (;;) {
		const now = Date.now();
		const wait = retryAfterSeconds(db, limits, now);
		if (wait > 0) return { refused: true, wait };
		const busy = busyKey(db, limits, now);
		if (busy === undefined) break;
		await new Promise<void>((resolve) => judging.get(busy)!.waiters.push(resolve));
	}
	// checked and counted in one synchronous step: no other try runs in between
	for (const { key } of limits) {
		const entry = judging.get(key) ?? { count: 0, waiters: [] };
		entry.count++;
		judging.set(key, entry);
	}
	let done = false;
	return {
		refused: false,
		judged(wrong) {
			if (done) return;
			done = true;
			if (wrong) recordFailure(db, limits);
			else clearFailures(db, limits[0]);
			for (const { key } of limits) release(key);
		}
	};
}

function release(key: string): void {
	const entry = judging.get(key)!;
	entry.count--;
	const waiters = entry.waiters;
	entry.waiters = [];
	if (entry.count === 0) judging.delete(key);
	for (const wake of waiters) wake();
}
