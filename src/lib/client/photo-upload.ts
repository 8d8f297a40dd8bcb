/**
 * Sends one photo to the server in small chunks, so a weak 3G link still gets it through;
 * after a break it asks nothing and sends from where the server says it stopped.
 */
export type UploadOutcome =
	| { kind: 'done'; photoId: string }
	/** the network or the server failed, or the account must sign in again: keep it, try later */
	| { kind: 'later'; sent: number; message?: string; retryInMs?: number }
	/** the server refused the photo itself: sending it again cannot help */
	| { kind: 'refused'; message: string };

export interface PhotoToSend {
	id: string;
	unitId: string;
	blob: Blob;
	/** bytes the server confirmed so far (a hint; the server's count wins) */
	sent: number;
}

const chunkBytes = 256 * 1024;
/** answers that say "not now" rather than "never": the photo is kept */
const retryLater = new Set([401, 408, 409, 429]);

export async function uploadPhoto(
	photo: PhotoToSend,
	onProgress: (sent: number) => void | Promise<void>
): Promise<UploadOutcome> {
	const total = photo.blob.size;
	let offset = Math.min(photo.sent, total);
	for (let attempt = 0; attempt < 1000; attempt++) {
		const end = Math.min(offset + chunkBytes, total);
		let response: Response;
		try {
			response = await fetch(`/photos/uploads/${photo.id}?unit=${encodeURIComponent(photo.unitId)}`, {
				method: 'PUT',
				headers: {
					'content-type': 'application/octet-stream',
					'content-range': `bytes ${offset}-${end - 1}/${total}`
				},
				body: photo.blob.slice(offset, end),
				signal: AbortSignal.timeout(60_000)
			});
		} catch {
			return { kind: 'later', sent: offset };
		}
		const body = (await response.json().catch(() => null)) as {
			received?: number;
			photoId?: string | null;
			message?: string;
			retryInMs?: number;
		} | null;
		if (response.status === 409 && typeof body?.received === 'number') {
			offset = body.received; // the server holds a different amount: go on from there
			continue;
		}
		if (response.ok && body?.photoId) return { kind: 'done', photoId: body.photoId };
		if (response.ok && typeof body?.received === 'number') {
			offset = body.received;
			await onProgress(offset);
			continue;
		}
		// signed out, throttled, cut off, server trouble, a proxy's HTML page: keep it and try later
		if (retryLater.has(response.status) || response.status >= 500 || !body?.message)
			return { kind: 'later', sent: offset, message: body?.message, retryInMs: body?.retryInMs };
		return { kind: 'refused', message: body.message };
	}
	return { kind: 'later', sent: offset };
}
