/**
 * Group commit: the commands that arrive in the same turn of the event loop are committed in
 * one SQLite transaction, so one fsync (synchronous=FULL) makes all of them durable. Each
 * command runs in its own savepoint (a nested better-sqlite3 transaction): a refused or failing
 * one is rolled back alone and the others still commit. Each caller is answered only after the
 * whole group is on disk, in the order the commands ran.
 */
import type { Db } from '../db';

interface Job {
	run: () => unknown;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
}

const key = Symbol.for('khai-mac.group-commit');
type Holder = { [key]?: { jobs: Job[]; scheduled: boolean } };

function queue() {
	const holder = globalThis as Holder;
	holder[key] ??= { jobs: [], scheduled: false };
	return holder[key];
}

function flush(db: Db): void {
	const q = queue();
	q.scheduled = false;
	const jobs = q.jobs.splice(0);
	const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
	try {
		db.transaction(() => {
			for (const job of jobs) {
				try {
					results.push({ ok: true, value: db.transaction(job.run)() });
				} catch (error) {
					results.push({ ok: false, error });
				}
			}
		})();
	} catch (error) {
		// the commit itself failed (disk full, I/O error): nothing of the group is on disk
		for (const job of jobs) job.reject(error);
		return;
	}
	jobs.forEach((job, i) => {
		const result = results[i];
		if (result.ok) job.resolve(result.value);
		else job.reject(result.error);
	});
}

/** Runs `run` inside the next group's transaction; resolves once that group has committed. */
export function commitInGroup<T>(db: Db, run: () => T): Promise<T> {
	const q = queue();
	return new Promise<T>((resolve, reject) => {
		q.jobs.push({ run, resolve: resolve as (value: unknown) => void, reject });
		if (!q.scheduled) {
			q.scheduled = true;
			setImmediate(() => flush(db));
		}
	});
}
