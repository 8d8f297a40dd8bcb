/**
 * A stored photo (`?size=thumb` for the small one), only to those who may see a unit it was
 * sent for: its ward, the ops room, the wall displays. Named by content, so cached for good.
 */
import { error, type RequestHandler } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { authorize } from '$lib/server/access';
import { db } from '$lib/server/db';
import { displayViewer } from '$lib/server/displays/viewer';
import { photoIdPattern, readPhotoFile } from '$lib/server/photos/files';
import { photoUnitIds } from '$lib/server/photos/store';

export const GET: RequestHandler = async ({ params, url, locals, cookies }) => {
	const id = params.id ?? '';
	const noSuchPhoto = { message: translate(locals.lang, 'checklists.photos.noSuchPhoto') };
	if (!photoIdPattern.test(id)) error(404, noSuchPhoto);
	const viewer = locals.actor ? null : displayViewer(cookies, url);
	const actor = locals.actor ?? (viewer?.kind === 'link' ? viewer.actor : null);
	if (!actor)
		error(401, { message: translate(locals.lang, 'checklists.photos.signIn'), code: 'unauthenticated' });
	const units = photoUnitIds(db(), id);
	if (units.length === 0) error(404, noSuchPhoto);
	if (!units.some((unitId) => authorize(actor, 'read.unit', { unitId })))
		error(403, { message: translate(locals.lang, 'checklists.photos.viewForbidden'), code: 'forbidden' });
	const file = await readPhotoFile(id, url.searchParams.get('size') === 'thumb' ? 'thumb' : 'display');
	if (!file) error(404, { message: translate(locals.lang, 'checklists.photos.noFile') });
	return new Response(new Uint8Array(file), {
		headers: {
			'content-type': 'image/jpeg',
			'cache-control': 'private, max-age=31536000, immutable',
			'x-content-type-options': 'nosniff'
		}
	});
};
