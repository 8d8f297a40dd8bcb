/**
 * The photo process's work, done by sharp (libvips): a photo re-encoded in two sizes, an SVG
 * drawn as a JPEG. Runs in the photo process (photo-process-main.ts); in development, where
 * there is no built photo process, in the server itself.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { say, type Said } from '$lib/i18n';
import type { DocumentJob } from '../reports/document-job';

/** A photo as stored: its display image and thumbnail, named by the display image's hash. */
export interface ProcessedPhoto {
	/** sha256 of the display image: the name it is stored under */
	id: string;
	width: number;
	height: number;
	display: Buffer;
	thumb: Buffer;
}

// libvips keeps no cache of decoded images: photos are seen once
sharp.cache(false);
// one thread a photo: two photos are decoded at once (image.ts), never more threads than cores
sharp.concurrency(1);

/** the photo process's CPU priority (a Unix nice value): below the server's */
export const photoProcessNice = 10;

const displaySide = 1600;
const thumbSide = 360;
/**
 * A phone camera's 12-megapixel photo (4,032 × 3,024) fits; tablets send 2,000 px ones. Read
 * from the header before anything is decoded: a 40-megapixel PNG costs seconds and hundreds of
 * MB to decode, and the photo process decodes every unit's photos.
 */
const maxPixels = 4096 * 3072;
/** 8 bits a channel is what cameras and tablets send; more (16-bit PNG, TIFF) is refused */
const eightBit = new Set(['uchar', 'char']);

/** a photo is handed over as the file its upload was written to: its bytes never cross to the server */
export type PhotoJob =
	| { op: 'photo'; file: string }
	| { op: 'svg'; svg: string }
	/** a report's .docx, its photos made small here: seconds of work, in a process of its own */
	| { op: 'document'; job: DocumentJob };
export interface PhotoAnswers {
	/** why a photo is refused crosses from the photo process as a catalogue key and its parameters */
	photo: { refused: Said; photo?: undefined } | { refused?: undefined; photo: ProcessedPhoto };
	svg: { jpeg: Buffer };
	document: { docx: Buffer };
}
export type PhotoAnswer = PhotoAnswers[keyof PhotoAnswers];

export async function runPhotoJob(job: PhotoJob): Promise<PhotoAnswer> {
	if (job.op === 'photo') return reencode(job.file);
	if (job.op === 'document') {
		// loaded when a document is asked for: the photo process starts for the street's photos without it
		const { buildDocument } = await import('../reports/document-job');
		return { docx: await buildDocument(job.job) };
	}
	return svgToJpeg(job.svg);
}

async function svgToJpeg(svg: string): Promise<PhotoAnswers['svg']> {
	return { jpeg: await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer() };
}

/** Why a photo is refused from its header alone, or null when it may be decoded. */
async function refusedByHeader(input: string): Promise<Said | null> {
	const { width = 0, height = 0, depth } = await sharp(input).metadata();
	if (width * height > maxPixels) return say('checklists.photos.tooManyPixels', { width, height });
	if (depth && !eightBit.has(depth)) return say('checklists.photos.sixteenBit');
	return null;
}

async function reencode(input: string): Promise<PhotoAnswers['photo']> {
	// limitInputPixels stays as the decoder's own check, should it and the header read above disagree
	const options = { failOn: 'truncated', limitInputPixels: maxPixels } as const;
	try {
		const refused = await refusedByHeader(input);
		if (refused) return { refused };
		const display = await sharp(input, options)
			.autoOrient()
			.resize({ width: displaySide, height: displaySide, fit: 'inside', withoutEnlargement: true })
			.jpeg({ quality: 80 })
			.toBuffer({ resolveWithObject: true });
		const thumb = await sharp(display.data)
			.resize({ width: thumbSide, height: thumbSide, fit: 'inside', withoutEnlargement: true })
			.jpeg({ quality: 75 })
			.toBuffer();
		return {
			photo: {
				id: createHash('sha256').update(display.data).digest('hex'),
				width: display.info.width,
				height: display.info.height,
				display: display.data,
				thumb
			}
		};
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		if (/pixel limit/i.test(message)) return { refused: say('checklists.photos.pixelLimit') };
		return { refused: say('checklists.photos.broken') };
	}
}
