/**
 * A stored photo (`?size=thumb` for the small one), only to those who may see a unit it was
 * sent for: its ward, the ops room, the wall displays. Named by content, so cached for good.
 */
import { error, type RequestHandler } from '@sveltejs/kit';
import { authorize } from '$lib/server/access';
import { db } from '$lib/server/db';
import { displayViewer } from '$lib/server/displays/viewer';
import { photoIdPattern, readPhotoFile } from '$lib/server/photos/files';
import { photoUnitIds } from '$lib/server/photos/store';

export const GET: RequestHandler = async ({ params, url, locals, cookies }) => {
	const id = params.id ?? '';
	if (!photoIdPattern.test(id)) error(404, { message: 'Không có ảnh này.' });
	const viewer = locals.actor ? null : displayViewer(cookies, url);
	const actor = locals.actor ?? (viewer?.kind === 'link' ? viewer.actor : null);
	if (!actor) error(401, { message: 'Hãy đăng nhập để xem ảnh.', code: 'unauthenticated' });
	const units = photoUnitIds(db(), id);
	if (units.length === 0) error(404, { message: 'Không có ảnh này.' });
	if (!units.some((unitId) => authorize(actor, 'read.unit', { unitId })))
		error(403, { message: 'Bạn không có quyền xem ảnh này.', code: 'forbidden' });
	const file = await readPhotoFile(id, url.searchParams.get('size') === 'thumb' ? 'thumb' : 'display');
	if (!file) error(404, { message: 'Không tìm thấy tệp ảnh.' });
	return new Response(new Uint8Array(file), {
		headers: {
			'content-type': 'image/jpeg',
			'cache-control': 'private, max-age=31536000, immutable',
			'x-content-type-options': 'nosniff'
		}
	});
};
