/**
 * Files an account sends come out of one budget (KHAIMAC_UPLOAD_BURST_MB, then
 * KHAIMAC_UPLOAD_MB_PER_S): past it a photo chunk or an imported file is answered "send again
 * in N s" before its body is read, nothing of it is kept, and other accounts send on as before.
 * Here the budget is 2 MB at once, then 1 MB a second. Files read whole (imports) are also
 * counted: three in a row, then one every 20 s. At most sixteen of an account's files are
 * read at once, and a refused body is read (so the browser sees why) only within a small allowance.
 */
import net from 'node:net';
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

/** Another account's first chunk of a new upload, sent as it signs in. */
async function firstChunkOf(unit: string, bytes: Uint8Array, total: number) {
	return putChunk(server.url, await login(server.url, unit), crypto.randomUUID(), unit, bytes, 0, total);
}

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
		const otherAnswer = await firstChunkOf('phuong-tan-phong', piece(0), total);
		expect(otherAnswer.body).toMatchObject({ ok: true, received: mb });

		// what came before is kept; after the wait the upload goes on from there
		await new Promise((resolve) => setTimeout(resolve, refused.retryInMs));
		expect((await put(2 * mb)).body).toMatchObject({ ok: true, received: 3 * mb });
		expect(received(uploadId)).toBe(1);
	});

	it('answers an import form past it as a form failure, before the file is read', async () => {
		const cookie = await login(server.url, 'ttvh');
		// 1.8 MB of nothing a spreadsheet reader would take: read, it is refused as unreadable
		const first = await importList(cookie, 1.8 * mb);
		expect(first.type).toBe('failure');
		expect(first.status).toBe(400);
		const second = await importList(cookie, 1.8 * mb);
		expect(second).toMatchObject({ type: 'failure', status: 429 });
		expect(second.data).toContain('rate_limited');
		expect(second.data).toMatch(/sau \d+ giây/);
	});

	it('reads three imported files of an account in a row, then one every 20 s, whatever their size', async () => {
		const cookie = await login(server.url, 'admin');
		const answers = [];
		for (let i = 0; i < 4; i++) answers.push(await importList(cookie, 1024));
		// read and judged: not a spreadsheet
		for (const answer of answers.slice(0, 3)) expect(answer).toMatchObject({ type: 'failure', status: 400 });
		expect(answers[3]).toMatchObject({ type: 'failure', status: 429 });
		expect(answers[3].data).toMatch(/vừa nạp nhiều tệp; máy chủ nhận tiếp sau (1\d|20) giây/);
		// a photo of the same account is not held back by it
		const photo = await putChunk(
			server.url,
			cookie,
			crypto.randomUUID(),
			'phuong-tan-kieng',
			new Uint8Array(1024),
			0,
			2048
		);
		expect(photo.status).not.toBe(429);
	});

	it('reads at most sixteen of an account’s files at once: the seventeenth is told to send again, another account is not', async () => {
		const ward = 'phuong-tan-thuan-tay';
		const cookie = await login(server.url, ward);
		const piece = 64 * 1024;
		// sixteen chunks whose senders have sent their heads and then wait (a slow link)
		const held = Array.from({ length: 16 }, () => chunkHead(cookie, ward, crypto.randomUUID(), piece));
		await Promise.all(held.map((h) => h.sent));
		await new Promise((r) => setTimeout(r, 300)); // their heads read, their bodies awaited
		const oneTooMany = await putChunk(
			server.url,
			cookie,
			crypto.randomUUID(),
			ward,
			new Uint8Array(piece),
			0,
			2 * piece
		);
		expect(oneTooMany.status).toBe(429);
		expect(oneTooMany.body.message).toMatch(/cùng lúc; máy chủ nhận tiếp sau \d+ giây/);
		const otherAnswer = await firstChunkOf('phuong-binh-thuan', new Uint8Array(piece), 2 * piece);
		expect(otherAnswer.body).toMatchObject({ ok: true, received: piece });
		// the slow ones go away: the account sends again as before
		for (const h of held) h.socket.destroy();
		const sendAgain = () =>
			putChunk(server.url, cookie, crypto.randomUUID(), ward, new Uint8Array(piece), 0, 2 * piece);
		let again = await sendAgain();
		for (let tries = 0; again.status === 429 && tries < 50; tries++) {
			await new Promise((r) => setTimeout(r, 100));
			again = await sendAgain();
		}
		expect(again.body).toMatchObject({ ok: true, received: piece });
	});

	it('reads a refused body to tell its sender why only within a small allowance; past it, hangs up unread', async () => {
		const ward = 'phuong-tan-hung';
		const cookie = await login(server.url, ward);
		const uploadId = crypto.randomUUID();
		// the budget spent (2 MB at once)
		for (const start of [0, mb])
			expect(
				(await putChunk(server.url, cookie, uploadId, ward, new Uint8Array(mb), start, 8 * mb)).status
			).toBe(200);
		// eight more 1 MB chunks at once, heads only: each refused before its body is read
		const refused = Array.from({ length: 8 }, (_, i) =>
			chunkHead(cookie, ward, uploadId, mb, (2 + i) * mb, 8 * mb)
		);
		const answers = await Promise.all(refused.map((r) => r.answer));
		for (const answer of answers) expect(answer).toMatch(/^HTTP\/1\.1 429/);
		const hungUp = answers.filter((a) => /\r\nconnection: close\r\n/i.test(a)).length;
		// the allowance (4 MB, then 1 MB a second) reads the first few; the rest are hung up on
		expect(hungUp).toBeGreaterThanOrEqual(3);
		expect(hungUp).toBeLessThanOrEqual(5);
		for (const r of refused) r.socket.destroy();
	});
});

/** The ceremony page's invitee import, as the page posts it, with `bytes` of zeros as the file. */
async function importList(cookie: string, bytes: number) {
	const form = new FormData();
	form.set('commandId', crypto.randomUUID());
	form.set('mode', 'replace');
	form.set('file', new File([new Uint8Array(bytes)], 'khach-moi.xlsx'));
	const response = await fetch(`${server.url}/ops/ceremony?/importInvitees`, {
		method: 'POST',
		headers: { cookie, origin: server.url, accept: 'application/json', 'x-sveltekit-action': 'true' },
		body: form
	});
	return (await response.json()) as { type: string; status: number; data: string };
}

/**
 * A photo chunk's head, sent over a socket of its own, and no byte of its body: `answer` is what
 * the server says (before the body, or '' when it says nothing until the socket is closed).
 */
function chunkHead(
	cookie: string,
	unit: string,
	uploadId: string,
	length: number,
	start = 0,
	total = 2 * length
) {
	const socket = net.connect(server.port, '127.0.0.1');
	let said = '';
	const sent = new Promise<void>((resolve) =>
		socket.on('connect', () =>
			socket.write(
				`PUT /photos/uploads/${uploadId}?unit=${unit} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n` +
					`Cookie: ${cookie}\r\nContent-Type: application/octet-stream\r\n` +
					`Content-Range: bytes ${start}-${start + length - 1}/${total}\r\nContent-Length: ${length}\r\n\r\n`,
				() => resolve()
			)
		)
	);
	socket.on('error', () => {});
	const answer = new Promise<string>((resolve) => {
		socket.on('data', (data) => {
			said += data.toString();
			if (said.includes('\r\n\r\n')) resolve(said);
		});
		socket.on('close', () => resolve(said));
	});
	return { socket, sent, answer };
}
