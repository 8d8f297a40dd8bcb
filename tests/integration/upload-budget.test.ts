/**
 * Files an account sends come out of one budget (KHAIMAC_UPLOAD_BURST_MB, then
 * KHAIMAC_UPLOAD_MB_PER_S): past it a photo chunk or an imported file is answered "send again
 * in N s" before its body is read, nothing of it is kept, and other accounts send on as before.
 * Here the budget is 2 MB at once, then 1 MB a second.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../helpers/client';
import { putChunk } from '../helpers/photos';
import { queryDb, removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
const mb = 1024 * 1024;

beforeAll(async () => {
	server = await startServer({ env: { KHAIMAC_UPLOAD_BURST_MB: '2', KHAIMAC_UPLOAD_MB_PER_S: '1' } });
});
afterAll(async () => removeServer(server));

const received = (uploadId: string) =>
	queryDb<{ id: string }>(server.dbPath, 'SELECT id FROM photo_uploads WHERE id = ?', uploadId).length;

describe('one budget for the files an account sends', () => {
	it('tells a tablet sending past it when to send again, keeps what came before, and takes the rest later', async () => {
		const ward = 'phuong-tan-kieng';
		const cookie = await login(server.url, ward);
		const uploadId = crypto.randomUUID();
		const total = 4 * mb;
		const piece = (start: number) => new Uint8Array(mb).fill(start / mb + 1);
		const put = (start: number) => putChunk(server.url, cookie, uploadId, ward, piece(start), start, total);

		expect((await put(0)).body).toMatchObject({ ok: true, received: mb });
		expect((await put(mb)).body).toMatchObject({ ok: true, received: 2 * mb });
		const response = await fetch(`${server.url}/photos/uploads/${uploadId}?unit=${ward}`, {
			method: 'PUT',
			headers: {
				cookie,
				'content-type': 'application/octet-stream',
				'content-range': `bytes ${2 * mb}-${3 * mb - 1}/${total}`
			},
			body: piece(2 * mb)
		});
		expect(response.status).toBe(429);
		const refused = (await response.json()) as { code: string; message: string; retryInMs: number };
		expect(refused.code).toBe('rate_limited');
		expect(refused.message).toMatch(/sau \d+ giây/);
		expect(refused.retryInMs).toBeGreaterThan(0);
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);

		// another account sends at the same moment as it would have anyway
		const other = 'phuong-tan-phong';
		const otherAnswer = await putChunk(
			server.url,
			await login(server.url, other),
			crypto.randomUUID(),
			other,
			piece(0),
			0,
			total
		);
		expect(otherAnswer.body).toMatchObject({ ok: true, received: mb });

		// what came before is kept; after the wait the upload goes on from there
		await new Promise((resolve) => setTimeout(resolve, refused.retryInMs));
		expect((await put(2 * mb)).body).toMatchObject({ ok: true, received: 3 * mb });
		expect(received(uploadId)).toBe(1);
	});

	it('answers an import form past it as a form failure, before the file is read', async () => {
		const cookie = await login(server.url, 'ttvh');
		const importList = async () => {
			const form = new FormData();
			form.set('commandId', crypto.randomUUID());
			form.set('mode', 'replace');
			// 1.8 MB of nothing a spreadsheet reader would take: read, it is refused as unreadable
			form.set('file', new File([new Uint8Array(1.8 * mb)], 'khach-moi.xlsx'));
			const response = await fetch(`${server.url}/ops/ceremony?/importInvitees`, {
				method: 'POST',
				headers: { cookie, origin: server.url, accept: 'application/json', 'x-sveltekit-action': 'true' },
				body: form
			});
			return (await response.json()) as { type: string; status: number; data: string };
		};
		const first = await importList();
		// read and judged: not a spreadsheet
		expect(first.type).toBe('failure');
		expect(first.status).toBe(400);
		const second = await importList();
		expect(second).toMatchObject({ type: 'failure', status: 429 });
		expect(second.data).toContain('rate_limited');
		expect(second.data).toMatch(/sau \d+ giây/);
	});
});
