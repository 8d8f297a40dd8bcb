/**
 * Photos are scaled down on the tablet before they are queued: a long side of about 2,000 px
 * is plenty for a banner and is a tenth of a phone camera's file over a weak link.
 */
import { translate, type MessageKey } from '$lib/i18n';

const longSide = 2000;

/** Why a file was not taken: `key` for the reader's language; `message` in Vietnamese, for a caller that shows it as is. */
export class NotAPhoto extends Error {
	constructor(readonly key: MessageKey) {
		super(translate('vi', key));
	}
}

export async function scaleDown(file: Blob): Promise<Blob> {
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch {
		throw new NotAPhoto('checklists.photos.notAPhoto');
	}
	const scale = Math.min(1, longSide / Math.max(bitmap.width, bitmap.height));
	const width = Math.max(1, Math.round(bitmap.width * scale));
	const height = Math.max(1, Math.round(bitmap.height * scale));
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
	bitmap.close();
	const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
	if (!blob) throw new NotAPhoto('checklists.photos.notScaled');
	return blob;
}
