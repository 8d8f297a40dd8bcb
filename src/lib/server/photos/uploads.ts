/**
 * Resumable photo uploads from tablets on a weak link: the photo comes in chunks, each
 * appended at the offset the server already holds; a broken upload goes on from there.
 * When the last byte is in, the photo is checked and stored, or refused and forgotten.
 */
import { say, type Said } from '$lib/i18n';
import type { ErrorCode } from '$lib/types';
import { config } from '../config';
import type { Db } from '../db';
import {
	type Appended,
	appendIncoming,
	incomingPath,
	receivedBytes,
	removeIncoming,
	writePhotoFiles
} from './files';
import { QueueFull } from './fair-queue';
import { ImageRefused, photoQueueHasRoom, processPhoto } from './image';
import { PhotoProcessFailed, warmPhotoProcess } from './photo-process';
import {
	completeUpload,
	createUpload,
	deleteUpload,
	getUpload,
	staleUploads,
	unfinishedUploads
} from './store';

/** a refusal's words are said in the sender's language by the door (routes/photos/uploads) */
export type UploadAnswer =
	| { ok: true; received: number; total: number; photoId: string | null }
	| { ok: false; status: number; code: ErrorCode; message: Said; received?: number };

/** incomplete uploads a unit may have at once: a tablet sends one photo at a time */
const maxUnfinishedPerUnit = 40;

export function maxPhotoBytes(): number {
	return config.photoMaxMb * 1024 * 1024;
}

export function tooLargeMessage(): Said {
	return say('checklists.photos.tooLarge', { mb: config.photoMaxMb });
}

// one chunk at a time per upload: two copies of a retried request must not both append
const queues = new Map<string, Promise<unknown>>();

function serialized<T>(uploadId: string, work: () => Promise<T>): Promise<T> {
	const previous = queues.get(uploadId) ?? Promise.resolve();
	const next = previous.then(work, work);
	queues.set(uploadId, next);
	void next.finally(() => {
		if (queues.get(uploadId) === next) queues.delete(uploadId);
	});
	return next;
}

export interface Chunk {
	uploadId: string;
	unitId: string;
	userId: number | null;
	start: number;
	total: number;
	/** the chunk's length as its Content-Range says */
	length: number;
	/** its bytes, as they arrive */
	body: Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
}

export function receiveChunk(db: Db, chunk: Chunk, demo = false): Promise<UploadAnswer> {
	return serialized(chunk.uploadId, () => receive(db, chunk, demo));
}

async function receive(db: Db, chunk: Chunk, demo: boolean): Promise<UploadAnswer> {
	const { uploadId, unitId, total, start, length } = chunk;
	if (total > maxPhotoBytes()) return { ok: false, status: 413, code: 'invalid', message: tooLargeMessage() };
	const upload = getUpload(db, uploadId);
	if (upload && upload.unitId !== unitId)
		return { ok: false, status: 403, code: 'forbidden', message: say('checklists.photos.otherUnit') };
	if (upload?.photoId)
		return { ok: true, received: upload.total, total: upload.total, photoId: upload.photoId };
	if (upload && upload.total !== total)
		return {
			ok: false,
			status: 400,
			code: 'invalid',
			message: say('checklists.photos.sizeChanged')
		};
	const received = upload ? await receivedBytes(uploadId) : 0;
	// every byte arrived before (the server stopped while storing it): store it now
	if (upload && received === total) return finish(db, unitId, uploadId, total, demo);
	if (start !== received)
		return {
			ok: false,
			status: 409,
			code: 'conflict',
			message: say('checklists.photos.resumeFrom', { received }),
			received
		};
	if (start + length > total)
		return {
			ok: false,
			status: 400,
			code: 'invalid',
			message: say('checklists.photos.pastDeclared')
		};
	if (!upload) {
		// counted and created in one step: parallel new uploads cannot all slip under the cap
		const created = db.transaction(() => {
			if (unfinishedUploads(db, unitId) >= maxUnfinishedPerUnit) return false;
			createUpload(db, { id: uploadId, unitId, userId: chunk.userId, total }, Date.now());
			return true;
		})();
		if (!created)
			return {
				ok: false,
				status: 429,
				code: 'rate_limited',
				message: say('checklists.photos.tooManyUnfinished')
			};
		await removeIncoming(uploadId); // a leftover from an upload refused earlier
	}
	if (length > 0) {
		// the photo process starts while these bytes come in, ready when the last one is here
		warmPhotoProcess();
		const appended = await appendIncoming(uploadId, start, length, chunk.body);
		if (appended !== 'whole') {
			// an upload whose first chunk never arrived whole is not kept at all
			if (!upload) {
				deleteUpload(db, uploadId);
				await removeIncoming(uploadId);
			}
			return notAppended[appended];
		}
	}
	const now = start + length;
	if (now < total) return { ok: true, received: now, total, photoId: null };
	return finish(db, unitId, uploadId, total, demo);
}

/** A chunk not taken (the upload stays where it was): the tablet sends it again. */
const notAppended: Record<Exclude<Appended, 'whole'>, UploadAnswer> = {
	cut: {
		ok: false,
		status: 408,
		code: 'bad_request',
		message: say('checklists.photos.cut')
	},
	short: {
		ok: false,
		status: 408,
		code: 'bad_request',
		message: say('checklists.photos.short')
	},
	long: {
		ok: false,
		status: 400,
		code: 'bad_request',
		message: say('checklists.photos.long')
	}
};

/** Every byte is here and the photo was not to blame: kept, the tablet's next try stores it. */
const queueFullAnswer: UploadAnswer = {
	ok: false,
	status: 429,
	code: 'rate_limited',
	message: say('checklists.photos.queueFull')
};

async function finish(
	db: Db,
	unitId: string,
	uploadId: string,
	total: number,
	demo: boolean
): Promise<UploadAnswer> {
	// a unit with its fill of photos waiting is told to come back before anything is read again
	if (!photoQueueHasRoom(unitId)) return queueFullAnswer;
	try {
		const photo = await processPhoto(incomingPath(uploadId), unitId);
		await writePhotoFiles(photo.id, photo.display, photo.thumb);
		completeUpload(
			db,
			uploadId,
			{ id: photo.id, width: photo.width, height: photo.height, bytes: photo.display.length },
			demo,
			Date.now()
		);
		await removeIncoming(uploadId);
		return { ok: true, received: total, total, photoId: photo.id };
	} catch (error) {
		// every byte is here and the photo was not to blame: keep them, the next try stores it
		if (error instanceof QueueFull) return queueFullAnswer;
		if (error instanceof PhotoProcessFailed)
			return {
				ok: false,
				status: 503,
				code: 'internal',
				message: say('checklists.photos.processFailed')
			};
		// nothing half-saved: the upload is forgotten, the tablet is told why
		deleteUpload(db, uploadId);
		await removeIncoming(uploadId);
		if (error instanceof ImageRefused)
			return { ok: false, status: 422, code: 'invalid', message: error.said };
		console.error('[photos] could not store a photo', error);
		return {
			ok: false,
			status: 500,
			code: 'internal',
			message: say('checklists.photos.notStored')
		};
	}
}

/** A whole photo at once (the demo's placeholders); same answer as the last chunk of an upload. */
export function ingestPhoto(
	db: Db,
	upload: { uploadId: string; unitId: string; userId: number | null },
	bytes: Uint8Array,
	demo: boolean
): Promise<UploadAnswer> {
	return receiveChunk(
		db,
		{ ...upload, start: 0, total: bytes.length, length: bytes.length, body: [bytes] },
		demo
	);
}

/** Forgets uploads abandoned for a day (their partial files too). */
export async function sweepStaleUploads(db: Db, now: number): Promise<number> {
	const stale = staleUploads(db, now - 24 * 3600_000);
	for (const id of stale) {
		deleteUpload(db, id);
		await removeIncoming(id);
	}
	return stale.length;
}

const sweeper = Symbol.for('khai-mac.upload-sweeper');

/** Sweeps abandoned uploads at start and every hour (one timer, also across dev reloads). */
export function startUploadSweeper(db: Db): void {
	const holder = globalThis as { [sweeper]?: ReturnType<typeof setInterval> };
	const sweep = () =>
		void sweepStaleUploads(db, Date.now()).catch((error) => console.error('[photos] sweep failed', error));
	sweep();
	clearInterval(holder[sweeper]);
	holder[sweeper] = setInterval(sweep, 3600_000);
	holder[sweeper].unref();
}
