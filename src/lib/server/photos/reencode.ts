/**
 * The photo process's work, done by sharp (libvips): a photo re-encoded in two sizes, an SVG
 * drawn as a JPEG. Runs in the photo process (photo-process-main.ts); in development, where
 * there is no built photo process, in the server itself.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';

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

const displaySide = 1600;
const thumbSide = 360;
/** a 12-megapixel phone photo is 12 M (tablets send 2,000 px ones); far past that is not a photo */
const maxPixels = 40_000_000;

export type PhotoJob = { op: 'photo'; bytes: Uint8Array } | { op: 'svg'; svg: string };
export interface PhotoAnswers {
	photo: { refused: string; photo?: undefined } | { refused?: undefined; photo: ProcessedPhoto };
	svg: { jpeg: Buffer };
}
export type PhotoAnswer = PhotoAnswers[keyof PhotoAnswers];

export function runPhotoJob(job: PhotoJob): Promise<PhotoAnswer> {
	return job.op === 'photo' ? reencode(Buffer.from(job.bytes)) : svgToJpeg(job.svg);
}

async function svgToJpeg(svg: string): Promise<PhotoAnswers['svg']> {
	return { jpeg: await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer() };
}

async function reencode(input: Buffer): Promise<PhotoAnswers['photo']> {
	const options = { failOn: 'truncated', limitInputPixels: maxPixels } as const;
	try {
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
		if (/pixel limit/i.test(message))
			return { refused: 'Ảnh quá lớn (quá nhiều điểm ảnh). Hãy chụp ở độ phân giải thấp hơn.' };
		return { refused: 'Ảnh bị hỏng hoặc chưa tải lên đủ, không đọc được. Hãy chụp hoặc chọn lại ảnh.' };
	}
}
