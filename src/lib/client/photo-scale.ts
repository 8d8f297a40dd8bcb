/**
 * Photos are scaled down on the tablet before they are queued: a long side of about 2,000 px
 * is plenty for a banner and is a tenth of a phone camera's file over a weak link.
 */
const longSide = 2000;

export class NotAPhoto extends Error {}

export async function scaleDown(file: Blob): Promise<Blob> {
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch {
		throw new NotAPhoto('Tệp này không phải ảnh hoặc ảnh bị hỏng. Hãy chụp hoặc chọn ảnh khác.');
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
	if (!blob) throw new NotAPhoto('Không xử lý được ảnh này trên máy. Hãy chụp lại.');
	return blob;
}
