/**
 * WAL checkpoints off the event loop. SQLite copies the WAL into the database file in whichever
 * commit takes the WAL past 1,000 pages, on the committing connection: here the server's one
 * connection, on the event loop, where a large copy and its fsync held every command behind it
 * (a gate's check-in waited 60–90 ms behind a checkpoint while drafts of 40 KB were saved). So
 * the server's connection does not checkpoint; a thread with a connection of its own does, four
 * times a second. Should that thread end, the server's connection checkpoints again as SQLite
 * does by default. Where there is no built thread (vite dev, unit tests) nothing changes.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** server.js puts the built checkpointer's file here */
const entryKey = Symbol.for('khai-mac.checkpointerEntry');
const everyMs = 250;
/** SQLite's own default */
const autoCheckpointPages = 1000;

export function startCheckpointer(db: Database.Database, file: string): void {
	const entry = (globalThis as Record<symbol, unknown>)[entryKey];
	if (typeof entry !== 'string' || file === ':memory:' || !fs.existsSync(entry)) return;
	const worker = new Worker(entry, { workerData: { file, everyMs } });
	worker.unref();
	db.pragma('wal_autocheckpoint = 0');
	let why = '';
	worker.on('error', (error) => (why = error.message));
	// an error is followed by exit: one fallback either way
	worker.on('exit', (code) => {
		if (!db.open) return; // the server is stopping
		console.error(
			`[db] the checkpointer stopped (${why || `exit ${code}`}): the server's connection checkpoints again`
		);
		db.pragma(`wal_autocheckpoint = ${autoCheckpointPages}`);
	});
}
