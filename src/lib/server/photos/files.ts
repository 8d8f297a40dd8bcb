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

/** Writes (or appends) and waits until the bytes are on disk. */
async function writeSynced(file: string, flags: 'w' | 'a', data: Uint8Array): Promise<void> {
	await fs.mkdir(path.dirname(file), { recursive: true });
	const handle = await fs.open(file, flags);
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
	await writeSynced(temporary, 'w', data);
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

export async function appendIncoming(uploadId: string, chunk: Uint8Array): Promise<void> {
	await writeSynced(incomingPath(uploadId), 'a', chunk);
}

export async function removeIncoming(uploadId: string): Promise<void> {
	await fs.rm(incomingPath(uploadId), { force: true });
}
