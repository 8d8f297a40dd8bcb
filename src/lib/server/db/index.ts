/**
 * The one SQLite connection of the process. WAL with synchronous=FULL: a command is
 * acknowledged only after its commit is on disk, so it survives a power cut.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../config';
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
	migrate(db);
	return db;
}

/** Shared across hot reloads in dev, so there is only ever one connection. */
export function db(): Db {
	const holder = globalThis as Holder;
	holder[key] ??= openDatabase(config.databasePath);
	return holder[key];
}
