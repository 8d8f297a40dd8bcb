/** Photos as a tablet sends them: real JPEGs (made with sharp) in chunks over real HTTP. */
import sharp from 'sharp';

/** A camera-like JPEG: EXIF with a GPS position and an orientation that needs turning. */
export function cameraJpeg(width = 1200, height = 800, red = 200): Promise<Buffer> {
	return sharp({ create: { width, height, channels: 3, background: { r: red, g: 40, b: 40 } } })
		.jpeg({ quality: 90 })
		.withMetadata({
			orientation: 6,
			exif: {
				IFD0: { Make: 'TestCam', Copyright: 'Phường' },
				IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 44/1 0/1' }
			}
		})
		.toBuffer();
}

export interface PutAnswer {
	status: number;
	body: { ok: boolean; received?: number; photoId?: string | null; message?: string; code?: string };
}

export async function putChunk(
	url: string,
	cookie: string | null,
	uploadId: string,
	unitId: string,
	bytes: Uint8Array,
	start: number,
	total: number
): Promise<PutAnswer> {
	const response = await fetch(`${url}/photos/uploads/${uploadId}?unit=${unitId}`, {
		method: 'PUT',
		headers: {
			...(cookie ? { cookie } : {}),
			'content-type': 'application/octet-stream',
			'content-range': `bytes ${start}-${start + bytes.length - 1}/${total}`
		},
		body: new Uint8Array(bytes)
	});
	return { status: response.status, body: await response.json() };
}

/** The whole photo in chunks; answers the last chunk's answer. */
export async function upload(
	url: string,
	cookie: string | null,
	unitId: string,
	bytes: Uint8Array,
	uploadId: string = crypto.randomUUID(),
	chunk = 64 * 1024
): Promise<PutAnswer & { uploadId: string }> {
	let answer: PutAnswer = { status: 0, body: { ok: false } };
	for (let start = 0; start < bytes.length; start += chunk) {
		answer = await putChunk(
			url,
			cookie,
			uploadId,
			unitId,
			bytes.subarray(start, start + chunk),
			start,
			bytes.length
		);
		if (!answer.body.ok) break;
	}
	return { ...answer, uploadId };
}

/** A one-colour PNG: small to send whatever its size, yet decoded pixel by pixel. */
export function plainPng(width: number, height: number, red = 200, sixteenBit = false): Promise<Buffer> {
	const image = sharp({ create: { width, height, channels: 3, background: { r: red, g: 90, b: 40 } } });
	return (sixteenBit ? image.toColourspace('rgb16') : image).png().toBuffer();
}
