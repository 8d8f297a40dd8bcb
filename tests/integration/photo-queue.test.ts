/**
 * Photos wait their unit's turn: one ward flooding the photo process does not hold another
 * ward's photo back behind its whole backlog, and a ward may have only so many waiting. What
 * no tablet sends (past 12 megapixels, 16-bit) is refused from the header, before decoding.
 * The order is made certain, not timed: the photo process is stopped (SIGSTOP) while the queue
 * fills, and the queue's length is read from /healthz.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, waitFor } from '../helpers/client';
import { cameraJpeg, plainPng, upload } from '../helpers/photos';
import { removeServer, startServer, type TestServer } from '../helpers/server';
import { childPids, running } from '../../scripts/proc.js';

const flooder = 'phuong-tan-kieng';
const other = 'phuong-tan-phong';
let server: TestServer;
const cookies: Record<string, string> = {};

beforeAll(async () => {
	// a stopped photo process must not time out while the test holds it
	server = await startServer({ env: { KHAIMAC_PHOTO_TIMEOUT_S: '120' } });
	for (const unit of [flooder, other]) cookies[unit] = await login(server.url, unit);
});

afterAll(async () => {
	await removeServer(server);
});

const send = (unit: string, bytes: Buffer) => upload(server.url, cookies[unit], unit, bytes);

async function photosWaiting(): Promise<number | undefined> {
	return ((await (await fetch(`${server.url}/healthz`)).json()) as { photosWaiting?: number }).photosWaiting;
}

async function untilWaiting(n: number): Promise<void> {
	for (const until = Date.now() + 10_000; (await photosWaiting()) !== n;) {
		if (Date.now() > until)
			throw new Error(`photosWaiting never reached ${n} (now ${await photosWaiting()})`);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

/** Runs `fill` with the photo process stopped, so nothing it queues is decoded until it returns. */
async function withPhotoProcessStopped<T>(fill: () => Promise<T>): Promise<T> {
	// a photo first: the photo process is running when the others come
	expect((await send(other, await cameraJpeg(320, 240, 1))).body.ok).toBe(true);
	const [pid] = await waitFor(() => {
		const pids = childPids(server.pid()!).filter(running);
		return pids.length === 1 && pids;
	});
	process.kill(pid, 'SIGSTOP');
	try {
		return await fill();
	} finally {
		process.kill(pid, 'SIGCONT');
	}
}

/** large but legal: 12 megapixels, as a phone camera takes them */
const legal = (i: number) => plainPng(4096, 3072, 10 + i);

describe('photos from many units', () => {
	it("one ward's backlog does not hold another ward's photo back: it is decoded at the next free slot", async () => {
		const flood = await Promise.all(Array.from({ length: 8 }, (_, i) => legal(i)));
		const small = await cameraJpeg(640, 480, 33);
		const finished: string[] = [];
		const sent = await withPhotoProcessStopped(async () => {
			const floods = flood.map((bytes, i) =>
				send(flooder, bytes).then((answer) => (finished.push(`flood ${i}`), answer))
			);
			await untilWaiting(6); // two in the photo process's hands, six waiting
			const mine = send(other, small).then((answer) => (finished.push('other'), answer));
			await untilWaiting(7);
			return [...floods, mine];
		});
		for (const answer of await Promise.all(sent)) expect(answer.body).toMatchObject({ ok: true });
		// at most the two photos in hand finish before it; on a first-come queue it is last
		expect(finished.indexOf('other')).toBeLessThanOrEqual(2);
		expect(finished).toHaveLength(9);
	});

	it('a ward with eight photos waiting is asked to send more later; the bytes are kept and stored on the next try', async () => {
		const flood = await Promise.all(Array.from({ length: 12 }, (_, i) => legal(20 + i)));
		const answers = await withPhotoProcessStopped(async () => {
			let refused = 0;
			const sending = flood.map((bytes) =>
				send(flooder, bytes).then((answer) => ((refused += answer.status === 429 ? 1 : 0), answer))
			);
			await untilWaiting(8);
			// refused at once, while the photo process is still stopped
			await waitFor(() => refused === 2, 10_000);
			return sending;
		});
		const settled = await Promise.all(answers);
		const later = settled.filter((a) => a.status === 429);
		expect(later).toHaveLength(2);
		for (const answer of later) {
			expect(answer.body).toMatchObject({ ok: false, code: 'rate_limited' });
			expect(answer.body.message).toMatch(/đang xử lý nhiều ảnh/);
		}
		expect(settled.filter((a) => a.body.ok)).toHaveLength(10);
		// the tablet sends again: every byte is on the server, the photo is stored
		for (const answer of later) {
			const bytes = flood[settled.indexOf(answer)];
			const again = await upload(server.url, cookies[flooder], flooder, bytes, answer.uploadId);
			expect(again.body).toMatchObject({ ok: true });
		}
	});

	it('a photo past 12 megapixels is refused from its header with the limit named', async () => {
		const answer = await send(flooder, await plainPng(5000, 4000));
		expect(answer.status).toBe(422);
		expect(answer.body.message).toMatch(/5000 × 4000 điểm ảnh; tối đa khoảng 12 triệu/);
		// a legal one straight after
		expect((await send(flooder, await plainPng(2000, 1500))).body.ok).toBe(true);
	});

	it('a 16-bit PNG is refused, with what to send instead', async () => {
		const answer = await send(flooder, await plainPng(800, 600, 90, true));
		expect(answer.status).toBe(422);
		expect(answer.body.message).toMatch(/16-bit.*JPEG/);
	});
});
