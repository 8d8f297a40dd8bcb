/**
 * The checkpointer's thread (built to build/checkpointer.js): its own connection to the
 * database, copying the WAL's committed pages into the database file every so often (a PASSIVE
 * checkpoint: it never waits for or blocks a writer). workerData: { file, everyMs }.
 */
import Database from 'better-sqlite3';
import { workerData } from 'node:worker_threads';

const { file, everyMs } = workerData as { file: string; everyMs: number };
const db = new Database(file);
db.pragma('busy_timeout = 5000');
setInterval(() => {
	try {
		db.pragma('wal_checkpoint(PASSIVE)');
	} catch (error) {
		// the next turn tries again; the server's own connection checkpoints if this thread ends
		console.error('[db] checkpoint failed', error);
	}
}, everyMs);
