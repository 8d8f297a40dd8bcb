/**
 * A photo from the street, checked by its content and re-encoded: the stored image has no
 * EXIF or GPS (sharp writes none unless asked), is turned upright, and is made in two sizes.
 * The decoding itself happens in the photo process (see photo-process.ts), not here.
 */
import fs from 'node:fs/promises';
import { say, type Said } from '$lib/i18n';
import { FairQueue } from './fair-queue';
import { inPhotoProcess, PhotoUnreadable } from './photo-process';
import type { ProcessedPhoto } from './reencode';

/** A photo refused for itself, with why (said in the tablet's language where the answer leaves). */
export class ImageRefused extends Error {
	constructor(readonly said: Said) {
		super(said.key);
	}
}

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
	signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) =>
	String.fromCharCode(...bytes.subarray(from, to));

/** What the first bytes say the file is; the name and the declared type are not trusted. */
export function sniffImage(bytes: Uint8Array): 'jpeg' | 'png' | 'webp' | 'avif' | 'heic' | null {
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
	if (ascii(bytes, 4, 8) === 'ftyp') {
		const brand = ascii(bytes, 8, 12);
		if (brand === 'avif' || brand === 'avis') return 'avif';
		if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heic';
	}
	return null;
}

/** the most sniffImage reads */
const signatureBytes = 12;

async function firstBytes(file: string): Promise<Uint8Array> {
	const handle = await fs.open(file, 'r');
	try {
		const { buffer, bytesRead } = await handle.read(new Uint8Array(signatureBytes), 0, signatureBytes, 0);
		return buffer.subarray(0, bytesRead);
	} finally {
		await handle.close();
	}
}

/** Checked here, before anything is sent to be decoded: what kind of file it is. */
async function refuseUnreadable(file: string): Promise<void> {
	const kind = sniffImage(await firstBytes(file));
	if (kind === 'heic') throw new ImageRefused(say('checklists.photos.heic'));
	if (!kind) throw new ImageRefused(say('checklists.photos.notAnImage'));
}

/**
 * Photos decoded at once: one per core keeps the event loop and memory calm under a burst.
 * The rest wait their unit's turn: a ward that sends forty photos holds another ward's photo
 * back by two photos at most, not forty. Eight waiting per unit is more than its tablets send
 * at once (each sends one photo at a time).
 */
const queue = new FairQueue(2, 8);
/** the simulator's placeholder pictures, which belong to no upload */
const demoLane = '';

/** photos waiting for their turn to be decoded, all units together (for /healthz) */
export function photosWaiting(): number {
	return queue.waiting;
}

/** Whether the unit may hand in a photo now (asked before its bytes are read from disk). */
export function photoQueueHasRoom(unitId: string): boolean {
	return queue.hasRoom(unitId);
}

/**
 * The photo in this file checked and re-encoded; QueueFull when the unit already has its fill of
 * photos waiting. The photo process reads the file itself: the server never holds its bytes.
 */
export async function processPhoto(file: string, unitId: string): Promise<ProcessedPhoto> {
	await refuseUnreadable(file);
	return queue.run(unitId, async () => {
		try {
			const answer = await inPhotoProcess({ op: 'photo', file });
			if (answer.photo) return answer.photo;
			throw new ImageRefused(answer.refused);
		} catch (error) {
			if (error instanceof PhotoUnreadable) throw new ImageRefused(say('checklists.photos.unreadable'));
			throw error;
		}
	});
}

/** An SVG drawn as a JPEG (the demo's placeholder photos). */
export function svgToJpeg(svg: string): Promise<Buffer> {
	return queue.run(demoLane, async () => (await inPhotoProcess({ op: 'svg', svg })).jpeg);
}
