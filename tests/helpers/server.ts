/**
 * A real server for a test: `node server.js` from the build, on a free port, with its own
 * SQLite file in a temporary folder, optionally with a scenario imported by the CLI. The harness
 * itself is plain JavaScript shared with the benches: see tests/harness/server.js.
 */
import Database from 'better-sqlite3';

export {
	cli,
	defaultScenario,
	demoPassword,
	freePort,
	removeServer,
	startServer,
	type CliResult,
	type ServerOptions,
	type TestServer
} from '../harness/server.js';

/** Rows of a running server's SQLite file, read beside it (read-only, its own connection). */
export function queryDb<T>(dbPath: string, sql: string, ...params: unknown[]): T[] {
	const db = new Database(dbPath, { readonly: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}
