import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDataMap, LiveEvent } from '../../src/lib/types';
import { collect, command, connect, login, waitFor, type TestSocket } from '../helpers/client';
import { cameraJpeg, putChunk, upload } from '../helpers/photos';
import { queryDb, removeServer, startServer, untilQuiet, type TestServer } from '../helpers/server';

let server: TestServer;
let ops: TestSocket;
let opsEvents: LiveEvent[];
let wardCookie: string;
let ward: TestSocket;
let wardEvents: LiveEvent[];
let otherCookie: string;

// phuong-tan-kieng's first item and another ward's
const item = 'cl-tan-kieng-1';
const unit = 'phuong-tan-kieng';
const otherItem = 'cl-tan-hung-1';
const otherUnit = 'phuong-tan-hung';

const query = <T>(sql: string, ...params: unknown[]) => queryDb<T>(server.dbPath, sql, ...params);

const count = (sql: string, ...params: unknown[]) => query<{ n: number }>(sql, ...params)[0].n;

function photoFiles(): string[] {
	const dir = path.join(server.dir, 'photos');
	if (!fs.existsSync(dir)) return [];
	return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.jpg'));
}

beforeAll(async () => {
	server = await startServer();
	await untilQuiet(server.url); // the fleet's first alerts are in: events are counted below
	ops = await connect(server.url, await login(server.url, 'ttvh'));
	opsEvents = collect(ops);
	wardCookie = await login(server.url, unit);
	ward = await connect(server.url, wardCookie);
	wardEvents = collect(ward);
	otherCookie = await login(server.url, otherUnit);
});

afterAll(async () => {
	ops?.close();
	ward?.close();
	await removeServer(server);
});

describe('a tick with photos from a ward tablet', () => {
	let photoId: string;
	let uploadId: string;
	const tickId = crypto.randomUUID();

	it('resumes a broken upload from what the server holds, then stores the photo cleaned', async () => {
		const jpeg = await cameraJpeg();
		uploadId = crypto.randomUUID();
		const half = Math.floor(jpeg.length / 2);
		const firstHalf = () =>
			putChunk(server.url, wardCookie, uploadId, unit, jpeg.subarray(0, half), 0, jpeg.length);
		const first = await firstHalf();
		expect(first.body).toMatchObject({ ok: true, received: half, photoId: null });
		// the tablet lost the answer and sends the first chunk again: told where to go on from
		const again = await firstHalf();
		expect(again.status).toBe(409);
		expect(again.body.received).toBe(half);
		const rest = await putChunk(
			server.url,
			wardCookie,
			uploadId,
			unit,
			jpeg.subarray(half),
			half,
			jpeg.length
		);
		expect(rest.body.ok).toBe(true);
		photoId = rest.body.photoId!;
		expect(photoId).toMatch(/^[0-9a-f]{64}$/);

		const stored = await fetch(`${server.url}/photos/${photoId}`, { headers: { cookie: wardCookie } });
		expect(stored.status).toBe(200);
		const bytes = Buffer.from(await stored.arrayBuffer());
		const meta = await sharp(bytes).metadata();
		expect(meta.exif).toBeUndefined(); // no EXIF, no GPS
		expect([meta.width, meta.height]).toEqual([800, 1200]); // turned upright (orientation 6)
		expect(photoFiles()).toContain(path.join(photoId.slice(0, 2), `${photoId}.jpg`));
		const thumb = await fetch(`${server.url}/photos/${photoId}?size=thumb`, {
			headers: { cookie: wardCookie }
		});
		const small = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
		expect(Math.max(small.width, small.height)).toBe(360);
	});

	it('ticks the item: the ops room sees it done with its photo, the ward too', async () => {
		const result = await command(
			ward,
			'checklist.tick',
			{ itemId: item, uploads: [uploadId], note: 'Treo xong', quantityDone: 58 },
			tickId
		);
		expect(result).toMatchObject({ ok: true });
		const seen = await waitFor(() => opsEvents.find((e) => e.type === 'checklist.ticked'));
		const data = seen.data as EventDataMap['checklist.ticked'];
		expect(data.item).toMatchObject({ id: item, status: 'done', quantityDone: 58, note: 'Treo xong' });
		expect(data.item.photos.map((p) => p.id)).toEqual([photoId]);
		await waitFor(() => wardEvents.find((e) => e.type === 'checklist.ticked'));
		const opsPhoto = await fetch(`${server.url}/photos/${photoId}`, {
			headers: { cookie: await login(server.url, 'ttvh') }
		});
		expect(opsPhoto.status).toBe(200);
	});

	it('the same outbox sent again changes nothing; the same id with other content is a conflict', async () => {
		const again = await command(
			ward,
			'checklist.tick',
			{ itemId: item, uploads: [uploadId], note: 'Treo xong', quantityDone: 58 },
			tickId
		);
		expect(again.ok).toBe(true);
		expect(count("SELECT COUNT(*) AS n FROM events WHERE type = 'checklist.ticked'")).toBe(1);
		expect(count('SELECT COUNT(*) AS n FROM checklist_photos WHERE item_id = ?', item)).toBe(1);
		const other = await command(
			ward,
			'checklist.tick',
			{ itemId: item, uploads: [uploadId], note: 'khác' },
			tickId
		);
		expect(other).toMatchObject({ ok: false, code: 'conflict' });
	});

	it('a rejected photo sends the item back to the ward at once, with the reason', async () => {
		const noReason = await command(ops, 'checklist.review_photo', {
			itemId: item,
			photoId,
			verdict: 'rejected'
		});
		expect(noReason).toMatchObject({ ok: false, code: 'invalid' });
		const refused = await command(ward, 'checklist.review_photo', {
			itemId: item,
			photoId,
			verdict: 'accepted'
		});
		expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
		const result = await command(ops, 'checklist.review_photo', {
			itemId: item,
			photoId,
			verdict: 'rejected',
			reason: 'Ảnh mờ, chụp lại rõ băng rôn'
		});
		expect(result.ok).toBe(true);
		const seen = await waitFor(() => wardEvents.find((e) => e.type === 'checklist.photo_reviewed'));
		const data = seen.data as EventDataMap['checklist.photo_reviewed'];
		expect(data.item).toMatchObject({ status: 'returned', returnedReason: 'Ảnh mờ, chụp lại rõ băng rôn' });
		expect(data.item.photos[0]).toMatchObject({ status: 'rejected' });
	});

	it('a new tick after a return closes the item again; the returned photo is superseded', async () => {
		const retake = await upload(server.url, wardCookie, unit, await cameraJpeg(900, 600, 30));
		expect(retake.body.ok).toBe(true);
		const result = await command(ward, 'checklist.tick', { itemId: item, uploads: [retake.uploadId] });
		expect(result.ok).toBe(true);
		const seen = await waitFor(() =>
			wardEvents.findLast((e) => e.type === 'checklist.ticked' && e.seq === (result as { seq: number }).seq)
		);
		const data = seen.data as EventDataMap['checklist.ticked'];
		expect(data.item).toMatchObject({ status: 'done', returnedReason: null });
		expect(data.item.photos.map((p) => [p.id, p.status])).toEqual([[retake.body.photoId, 'pending']]);
	});

	it('untick needs a reason and a ticked item', async () => {
		expect(await command(ward, 'checklist.untick', { itemId: item, reason: '' })).toMatchObject({
			ok: false,
			code: 'invalid'
		});
		expect(await command(ward, 'checklist.untick', { itemId: 'cl-tan-kieng-2', reason: 'x' })).toMatchObject({
			ok: false,
			code: 'conflict'
		});
		const done = await command(ward, 'checklist.untick', { itemId: item, reason: 'Gió làm rách' });
		expect(done.ok).toBe(true);
		// the withdrawn tick takes its photos with it (not reviewable, not on the display)
		const seen = await waitFor(() => wardEvents.find((e) => e.type === 'checklist.unticked'));
		expect((seen.data as EventDataMap['checklist.unticked']).item).toMatchObject({
			status: 'todo',
			photos: []
		});
	});

	it('a tick whose photo never arrived is refused and changes nothing', async () => {
		const before = count('SELECT COUNT(*) AS n FROM events');
		const result = await command(ward, 'checklist.tick', {
			itemId: 'cl-tan-kieng-2',
			uploads: [crypto.randomUUID()]
		});
		expect(result).toMatchObject({ ok: false, code: 'invalid' });
		expect(count('SELECT COUNT(*) AS n FROM events')).toBe(before);
	});
});

describe("another ward's checklist", () => {
	it('cannot be ticked, read or have photos sent or fetched', async () => {
		const jpeg = await cameraJpeg(400, 300, 90);
		const own = await upload(server.url, otherCookie, otherUnit, jpeg);
		expect(own.body.ok).toBe(true);
		const sent = await upload(server.url, wardCookie, otherUnit, jpeg);
		expect(sent.status).toBe(403);
		// the upload id of the other ward, named in a tick of one's own item, is not usable either
		const borrowed = await command(ward, 'checklist.tick', {
			itemId: 'cl-tan-kieng-3',
			uploads: [own.uploadId]
		});
		expect(borrowed).toMatchObject({ ok: false, code: 'invalid' });
		const tick = await command(ward, 'checklist.tick', { itemId: otherItem, uploads: [own.uploadId] });
		expect(tick).toMatchObject({ ok: false, code: 'forbidden' });
		const photo = await fetch(`${server.url}/photos/${own.body.photoId}`, {
			headers: { cookie: wardCookie }
		});
		expect(photo.status).toBe(403);
		const anonymous = await fetch(`${server.url}/photos/${own.body.photoId}`);
		expect(anonymous.status).toBe(401);
		const page = await fetch(`${server.url}/ward?unit=${otherUnit}`, {
			headers: { cookie: wardCookie },
			redirect: 'manual'
		});
		expect(page.status).toBe(403);
		const edit = await command(ward, 'checklist.set_deadline', {
			unitId: unit,
			deadline: '2024-10-05T17:00:00+07:00'
		});
		expect(edit).toMatchObject({ ok: false, code: 'forbidden' });
	});
});

describe('bad files', () => {
	const stored = () => ({
		photos: count('SELECT COUNT(*) AS n FROM photos'),
		uploads: count('SELECT COUNT(*) AS n FROM photo_uploads'),
		files: photoFiles().length,
		incoming: fs.existsSync(path.join(server.dir, 'photos', 'incoming'))
			? fs.readdirSync(path.join(server.dir, 'photos', 'incoming')).length
			: 0
	});

	it('a non-image, a truncated image and a 50 MB file get a clear message and store nothing', async () => {
		const before = stored();
		const text = await upload(
			server.url,
			wardCookie,
			unit,
			new TextEncoder().encode('<html>không phải ảnh</html>')
		);
		expect(text.status).toBe(422);
		expect(text.body.message).toMatch(/không phải ảnh/);

		const jpeg = await cameraJpeg(1600, 1200, 120);
		const truncated = await upload(
			server.url,
			wardCookie,
			unit,
			jpeg.subarray(0, Math.floor(jpeg.length * 0.6))
		);
		expect(truncated.status).toBe(422);
		expect(truncated.body.message).toMatch(/hỏng/);

		const huge = new Uint8Array(50 * 1024 * 1024);
		huge.set(jpeg.subarray(0, 1024));
		const big = await putChunk(
			server.url,
			wardCookie,
			crypto.randomUUID(),
			unit,
			huge.subarray(0, 1024 * 1024),
			0,
			huge.length
		);
		expect(big.status).toBe(413);
		expect(big.body.message).toMatch(/tối đa 15 MB/);

		expect(stored()).toEqual(before);
	});
});

describe('editing the checklists', () => {
	it('adds an item to every ward at once, and the wards are told', async () => {
		const before = count('SELECT COUNT(*) AS n FROM checklist_items');
		const wards = count("SELECT COUNT(*) AS n FROM units WHERE kind = 'ward'");
		const result = await command(ops, 'checklist.add_to_units', {
			idPrefix: 'them-co',
			unitKind: 'ward',
			item: { kind: 'co', place: 'Trụ sở UBND phường', quantity: 10, deadline: '2024-10-03T17:00:00+07:00' }
		});
		expect(result.ok).toBe(true);
		expect(count('SELECT COUNT(*) AS n FROM checklist_items')).toBe(before + wards);
		const seen = await waitFor(() => wardEvents.find((e) => e.type === 'checklist.items_changed'));
		expect((seen.data as EventDataMap['checklist.items_changed']).count).toBe(wards);
		const twice = await command(ops, 'checklist.add_to_units', {
			idPrefix: 'them-co',
			unitKind: 'ward',
			item: { kind: 'co', place: 'Trụ sở UBND phường', quantity: 10, deadline: '2024-10-03T17:00:00+07:00' }
		});
		expect(twice).toMatchObject({ ok: false, code: 'conflict' });
	});

	it('a tick for an item removed meanwhile says the item is gone, not "forbidden"', async () => {
		expect((await command(ops, 'checklist.remove_item', { itemId: 'them-co-' + unit })).ok).toBe(true);
		const late = await upload(server.url, wardCookie, unit, await cameraJpeg(400, 300, 10));
		const result = await command(ward, 'checklist.tick', {
			itemId: 'them-co-' + unit,
			uploads: [late.uploadId]
		});
		expect(result).toMatchObject({ ok: false, code: 'not_found' });
		expect((result as { message: string }).message).toMatch(/không còn trong bảng việc/);
	});
});
