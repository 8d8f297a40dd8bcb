/**
 * Photo files under the data folder, named by content hash: `ab/abcd….jpg` and `….thumb.jpg`.
 * Written to a temporary name and renamed, so a file is either whole or absent.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { config } from '../config';

export type PhotoSize = 'display' | 'thumb';

export const photoIdPattern = /^[0-9a-f]{64}$/;

export function photoPath(id: string, size: PhotoSize): string {
	return path.join(config.photosDir, id.slice(0, 2), `${id}${size === 'thumb' ? '.thumb' : ''}.jpg`);
}

export function incomingPath(uploadId: string): string {
	return path.join(config.photosDir, 'incoming', uploadId);
}

/** Writes and waits until the bytes are on disk. */
async function writeSynced(file: string, data: Uint8Array): Promise<void> {
	await fs.mkdir(path.dirname(file), { recursive: true });
	const handle = await fs.open(file, 'w');
	try {
		await handle.write(data);
		await handle.sync();
	} finally {
		await handle.close();
	}
}

async function writeWhole(file: string, data: Buffer): Promise<void> {
	// unique: the same photo may be written twice at once (same content, same name)
	const temporary = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
	await writeSynced(temporary, data);
	await fs.rename(temporary, file);
}

export async function writePhotoFiles(id: string, display: Buffer, thumb: Buffer): Promise<void> {
	await writeWhole(photoPath(id, 'thumb'), thumb);
	await writeWhole(photoPath(id, 'display'), display);
}

export async function readPhotoFile(id: string, size: PhotoSize): Promise<Buffer | null> {
	try {
		return await fs.readFile(photoPath(id, size));
	} catch {
		return null;
	}
}

/** Bytes of an upload received so far (the file on disk is the truth after a crash). */
export async function receivedBytes(uploadId: string): Promise<number> {
	try {
		return (await fs.stat(incomingPath(uploadId))).size;
	} catch {
		return 0;
	}
}

/** how a chunk's body went onto the end of its upload: whole, or not at all and why */
export type Appended = 'whole' | 'short' | 'long' | 'cut';

/**
 * Appends a chunk's body to its upload as the pieces arrive (never gathered into one buffer:
 * a ward's forty chunks at once were forty megabytes copied and collected on the main thread),
 * and waits until they are on disk. A chunk is kept whole or not at all: a body cut off on the
 * way, or longer or shorter than `length`, is taken back off, and the upload stays at `start`.
 */
export async function appendIncoming(
	uploadId: string,
	start: number,
	length: number,
	body: Iterable<Uint8Array> | AsyncIterable<Uint8Array>
): Promise<Appended> {
	const file = incomingPath(uploadId);
	await fs.mkdir(path.dirname(file), { recursive: true });
	const handle = await fs.open(file, 'a');
	let outcome: Appended = 'whole';
	try {
		let written = 0;
		try {
			for await (const piece of body) {
				if (written + piece.length > length) {
					outcome = 'long';
					break;
				}
				for (let at = 0; at < piece.length;)
					at += (await handle.write(piece, at, piece.length - at)).bytesWritten;
				written += piece.length;
			}
		} catch {
			outcome = 'cut';
		}
		if (outcome === 'whole' && written < length) outcome = 'short';
		if (outcome !== 'whole') await handle.truncate(start);
		await handle.sync();
	} finally {
		await handle.close();
	}
	return outcome;
}

export async function removeIncoming(uploadId: string): Promise<void> {
	await fs.rm(incomingPath(uploadId), { force: true });
}
