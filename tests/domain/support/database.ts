/**
 * The database of a domain test: a fresh in-memory SQLite behind the app's own `db()`.
 *
 * `db()` (src/lib/server/db) keeps its one connection on globalThis under
 * Symbol.for('khai-mac.db') and opens it only when that slot is empty, so putting an
 * `openDatabase(':memory:')` there is all it takes: every store and command handler then runs
 * on it, with the real migrations, and no production code knows about tests.
 */
import { db, openDatabase, type Db } from '../../../src/lib/server/db';

const slot = Symbol.for('khai-mac.db');
type Holder = { [slot]?: Db };

/** Closes the test's previous database and puts a new, empty, migrated one behind `db()`. */
export function freshDatabase(): Db {
	const holder = globalThis as Holder;
	holder[slot]?.close();
	holder[slot] = openDatabase(':memory:');
	return db();
}

/** The audit trail of refused attempts: it grows on purpose when a command is forbidden. */
const notState = new Set(['refusals']);

/**
 * Every row of every table, as one comparable value: what "the command changed nothing"
 * is checked against. Read with plain SQL so it does not depend on any store's shape.
 */
export function databaseContents(database: Db = db()): Record<string, unknown[]> {
	const tables = database
		.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
		.all() as { name: string }[];
	return Object.fromEntries(
		tables
			.filter((t) => !notState.has(t.name))
			.map((t) => [
				t.name,
				database.prepare(`SELECT * FROM "${t.name}" ORDER BY ${allColumns(database, t.name)}`).all()
			])
	);
}

/** A table's columns in order, to sort its rows by (some tables have no rowid). */
function allColumns(database: Db, table: string): string {
	const columns = database.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[];
	return columns.map((c) => `"${c.name}"`).join(', ');
}

/** How many refused attempts were recorded (forbidden and unauthenticated ones are). */
export function refusalCount(database: Db = db()): number {
	return (database.prepare('SELECT COUNT(*) AS n FROM refusals').get() as { n: number }).n;
}
