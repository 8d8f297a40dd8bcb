/** Photos and their uploads: data access. */
import type { Db } from '../db';

export interface UploadRow {
	id: string;
	unitId: string;
	userId: number | null;
	total: number;
	photoId: string | null;
}

export function getUpload(db: Db, id: string): UploadRow | undefined {
	return db
		.prepare(
			'SELECT id, unit_id AS unitId, user_id AS userId, total, photo_id AS photoId FROM photo_uploads WHERE id = ?'
		)
		.get(id) as UploadRow | undefined;
}

export function createUpload(db: Db, upload: Omit<UploadRow, 'photoId'>, now: number): void {
	db.prepare(
		'INSERT INTO photo_uploads (id, unit_id, user_id, total, created_at) VALUES (?, ?, ?, ?, ?)'
	).run(upload.id, upload.unitId, upload.userId, upload.total, now);
}

export function deleteUpload(db: Db, id: string): void {
	db.prepare('DELETE FROM photo_uploads WHERE id = ? AND photo_id IS NULL').run(id);
}

/** The upload is complete: its photo row (shared when the same image came before) and the link. */
export function completeUpload(
	db: Db,
	uploadId: string,
	photo: { id: string; width: number; height: number; bytes: number },
	demo: boolean,
	now: number
): void {
	db.transaction(() => {
		db.prepare(
			'INSERT OR IGNORE INTO photos (id, width, height, bytes, demo, created_at) VALUES (?, ?, ?, ?, ?, ?)'
		).run(photo.id, photo.width, photo.height, photo.bytes, demo ? 1 : 0, now);
		db.prepare('UPDATE photo_uploads SET photo_id = ? WHERE id = ?').run(photo.id, uploadId);
	})();
}

/** Units whose uploads brought this photo: who may see it follows from them. */
export function photoUnitIds(db: Db, photoId: string): string[] {
	return (
		db.prepare('SELECT DISTINCT unit_id FROM photo_uploads WHERE photo_id = ?').all(photoId) as {
			unit_id: string;
		}[]
	).map((r) => r.unit_id);
}

/** Uploads left incomplete for longer than `olderThan` ms (a tablet that never came back). */
export function staleUploads(db: Db, before: number): string[] {
	return (
		db.prepare('SELECT id FROM photo_uploads WHERE photo_id IS NULL AND created_at < ?').all(before) as {
			id: string;
		}[]
	).map((r) => r.id);
}

export function unfinishedUploads(db: Db, unitId: string): number {
	return (
		db
			.prepare('SELECT COUNT(*) AS n FROM photo_uploads WHERE unit_id = ? AND photo_id IS NULL')
			.get(unitId) as {
			n: number;
		}
	).n;
}

/** The photos of completed uploads, in their order (an unfinished one has none yet). */
export function photoIdsOfUploads(db: Db, uploadIds: string[]): string[] {
	return uploadIds.flatMap((id) => {
		const photoId = getUpload(db, id)?.photoId;
		return photoId ? [photoId] : [];
	});
}
