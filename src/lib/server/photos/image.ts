/**
 * A photo from the street, checked by its content and re-encoded: the stored image has no
 * EXIF or GPS (sharp writes none unless asked), is turned upright, and is made in two sizes.
 */
import sharp from 'sharp';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

export class ImageRefused extends Error {}

export interface ProcessedPhoto {
	/** sha256 of the display image: the name it is stored under */
	id: string;
	width: number;
	height: number;
	display: Buffer;
	thumb: Buffer;
}

// libvips keeps no cache of decoded images: photos are seen once, memory stays flat
sharp.cache(false);

const displaySide = 1600;
const thumbSide = 360;
/** a 12-megapixel phone photo is 12 M (tablets send 2,000 px ones); far past that is not a photo */
const maxPixels = 40_000_000;

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

/** Photos decoded at once: one per core keeps the event loop and memory calm under a burst. */
const maxAtOnce = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
	if (running >= maxAtOnce) await new Promise<void>((resolve) => waiting.push(resolve));
	running++;
	try {
		return await work();
	} finally {
		running--;
		waiting.shift()?.();
	}
}

export function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
	return slot(() => reencode(input));
}

async function reencode(input: Buffer): Promise<ProcessedPhoto> {
	const kind = sniffImage(input);
	if (kind === 'heic')
		throw new ImageRefused(
			'Ảnh HEIC chưa được hỗ trợ. Hãy chụp lại bằng trang này hoặc chọn ảnh JPEG (trên iPhone: Cài đặt › Camera › Định dạng › Tương thích nhất).'
		);
	if (!kind) throw new ImageRefused('Tệp này không phải ảnh (chỉ nhận JPEG, PNG, WebP, AVIF).');
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
			id: encodeHexLowerCase(sha256(display.data)),
			width: display.info.width,
			height: display.info.height,
			display: display.data,
			thumb
		};
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		if (/pixel limit/i.test(message))
			throw new ImageRefused('Ảnh quá lớn (quá nhiều điểm ảnh). Hãy chụp ở độ phân giải thấp hơn.');
		throw new ImageRefused('Ảnh bị hỏng hoặc chưa tải lên đủ, không đọc được. Hãy chụp hoặc chọn lại ảnh.');
	}
}
