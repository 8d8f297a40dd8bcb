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

/**
 * Waits until the server's log stops growing by itself: right after a start, the fleet watcher
 * raises its first alerts (trucks of the scenario late for their first checkpoints) over a second
 * or two. A test that counts events or seqs starts after that.
 */
export async function untilQuiet(url: string, quietMs = 2500, timeoutMs = 30_000): Promise<void> {
	const seq = async () => ((await (await fetch(`${url}/healthz`)).json()) as { seq: number }).seq;
	const until = Date.now() + timeoutMs;
	let last = await seq();
	let since = Date.now();
	while (Date.now() - since < quietMs) {
		if (Date.now() > until) throw new Error(`the server's log kept growing for ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 250));
		const now = await seq();
		if (now !== last) {
			last = now;
			since = Date.now();
		}
	}
}
