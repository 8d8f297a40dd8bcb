/** Single settings of the running event (day clock, common start, demo cycle): data access. */
import type { Db } from './index';

export function readMeta<T>(db: Db, key: string): T | undefined {
	const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
	return row ? (JSON.parse(row.value) as T) : undefined;
}

/** Stores the value as JSON; undefined or null removes the key. */
export function writeMeta(db: Db, key: string, value: unknown): void {
	if (value === undefined || value === null) db.prepare('DELETE FROM meta WHERE key = ?').run(key);
	else
		db.prepare(
			'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
		).run(key, JSON.stringify(value));
}
