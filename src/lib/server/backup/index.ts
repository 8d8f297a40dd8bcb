/**
 * A consistent copy of the live system while it runs: the database through SQLite's online
 * backup (better-sqlite3 `backup()`, a snapshot even while commands commit), then the photo
 * folder. Photos are written before the rows that name them, so every photo the copied
 * database knows is already on disk when the folder is copied after it.
 * Restore is the reverse, into a server that is stopped (see README).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db';

export interface BackupResult {
	folder: string;
	databaseBytes: number;
	photos: number;
}

/**
 * Copies the stored photos the target does not have yet (they are named by content). Uploads
 * still coming in (`incoming/`) and files being written (`.tmp`) stay behind: a tablet sends an
 * unfinished photo again from where the server says it stands.
 */
function copyPhotos(from: string, to: string): number {
	let copied = 0;
	if (!fs.existsSync(from)) return 0;
	for (const entry of fs.readdirSync(from, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile() || !entry.name.endsWith('.jpg')) continue;
		const source = path.join(entry.parentPath, entry.name);
		if (path.relative(from, source).startsWith('incoming')) continue;
		const target = path.join(to, path.relative(from, source));
		if (fs.existsSync(target)) continue;
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.copyFileSync(source, target);
		copied++;
	}
	return copied;
}

export async function backup(db: Db, photosDir: string, folder: string): Promise<BackupResult> {
	fs.mkdirSync(folder, { recursive: true });
	const file = path.join(folder, 'khai-mac.sqlite');
	if (fs.existsSync(file)) throw new Error(`Đã có bản sao ở ${folder}; chọn thư mục khác.`);
	await db.backup(file);
	const photos = copyPhotos(photosDir, path.join(folder, 'photos'));
	return { folder, databaseBytes: fs.statSync(file).size, photos };
}

/**
 * Puts a backup in place for a stopped server: the database file (its old WAL removed so it
 * cannot be replayed over the copy) and the photos. Refuses to overwrite unless asked.
 */
export function restore(
	folder: string,
	databasePath: string,
	photosDir: string,
	force: boolean
): BackupResult {
	const file = path.join(folder, 'khai-mac.sqlite');
	if (!fs.existsSync(file)) throw new Error(`Không có bản sao cơ sở dữ liệu trong ${folder}.`);
	if (fs.existsSync(databasePath) && !force)
		throw new Error(`${databasePath} đã có dữ liệu. Dừng máy chủ rồi chạy lại với --force để ghi đè.`);
	fs.mkdirSync(path.dirname(databasePath), { recursive: true });
	for (const suffix of ['-wal', '-shm']) fs.rmSync(databasePath + suffix, { force: true });
	fs.copyFileSync(file, databasePath);
	const photos = copyPhotos(path.join(folder, 'photos'), photosDir);
	return { folder, databaseBytes: fs.statSync(databasePath).size, photos };
}
