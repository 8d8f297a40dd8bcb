/**
 * The one SQLite connection of the process. WAL with synchronous=FULL: a command is
 * acknowledged only after its commit is on disk, so it survives a power cut.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../config';
import { startCheckpointer } from './checkpointer';
import { migrate } from './migrations';

export type Db = Database.Database;

const key = Symbol.for('khai-mac.db');
type Holder = { [key]?: Db };

export function openDatabase(file: string): Db {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	db.pragma('busy_timeout = 5000');
	cacheStatements(db);
	migrate(db);
	return db;
}

/** Most SQL here is a fixed string; beyond this many distinct ones the oldest is prepared again. */
const statementCacheSize = 500;

/**
 * `db.prepare(sql)` compiles the SQL every time: on the command path that was a tenth of the
 * server's CPU. The connection keeps its prepared statements by SQL text instead. Safe because
 * nothing here iterates a statement or switches its mode (pluck/raw/expand).
 */
function cacheStatements(db: Db): void {
	const compile = db.prepare.bind(db);
	const cache = new Map<string, Database.Statement>();
	db.prepare = ((sql: string) => {
		let statement = cache.get(sql);
		if (statement) {
			cache.delete(sql); // re-inserted below: the map's order is least recently used first
		} else {
			statement = compile(sql);
			if (cache.size >= statementCacheSize) cache.delete(cache.keys().next().value!);
		}
		cache.set(sql, statement);
		return statement;
	}) as Db['prepare'];
}

/** Shared across hot reloads in dev, so there is only ever one connection. */
export function db(): Db {
	const holder = globalThis as Holder;
	if (!holder[key]) {
		holder[key] = openDatabase(config.databasePath);
		startCheckpointer(holder[key], config.databasePath);
	}
	return holder[key];
}
