/**
 * A photo from a ward tablet or a unit's report, in chunks: `PUT` with `Content-Range: bytes start-end/total` and
 * `?unit=`. The answer says how much the server holds, so a broken upload goes on from there.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { say, words, type Said } from '$lib/i18n';
import { z } from '$lib/zod';
import { authorize } from '$lib/server/access';
import { db } from '$lib/server/db';
import { photoChunkBytes } from '$lib/server/http/body-limits';
import { bodyPieces, dropBody } from '$lib/server/http/request-body';
import { maxPhotoBytes, receiveChunk, tooLargeMessage } from '$lib/server/photos/uploads';

const uploadId = z.uuid();
const unitId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/);

export const PUT: RequestHandler = async ({ params, url, request, locals }) => {
	const refuse = (status: number, code: string, message: Said) =>
		json({ ok: false, code, message: words(locals.lang, message) }, { status });
	const actor = locals.actor;
	if (!actor) return refuse(401, 'unauthenticated', say('checklists.photos.sessionEnded'));
	const id = uploadId.safeParse(params.id);
	const unit = unitId.safeParse(url.searchParams.get('unit'));
	if (!id.success || !unit.success) return refuse(400, 'bad_request', say('checklists.photos.badAddress'));
	if (!authorize(actor, 'photo.upload', { unitId: unit.data }))
		return refuse(403, 'forbidden', say('checklists.photos.uploadForbidden'));

	const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(request.headers.get('content-range') ?? '');
	if (!range) return refuse(400, 'bad_request', say('checklists.photos.badRange'));
	const [start, end, total] = range.slice(1).map(Number);
	if (total > maxPhotoBytes()) return refuse(413, 'invalid', tooLargeMessage());
	if (end < start || end >= total || end - start + 1 > photoChunkBytes)
		return refuse(400, 'bad_request', say('checklists.photos.badChunk'));
	// a body larger than a chunk was refused before it was read (server.js, http/body-guard.ts)

	// written to the upload as it arrives. A chunk refused before its body was read is read and
	// dropped after, so the tablet gets the answer; one that ran past its range is hung up on.
	const { pieces, read } = bodyPieces(request.body);
	const answer = await receiveChunk(db(), {
		uploadId: id.data,
		unitId: unit.data,
		userId: actor.kind === 'user' ? actor.userId : null,
		start,
		total,
		length: end - start + 1,
		body: pieces
	});
	if (!read.started) void dropBody(request.body);
	else if (!read.ended) void request.body?.cancel().catch(() => {});
	if (!answer.ok) {
		const { status, message, ...body } = answer;
		return json({ ...body, message: words(locals.lang, message) }, { status });
	}
	return json(answer);
};
