/**
 * Photos are decoded in a process of their own (the server's memory stays flat however many
 * photos the day brings): it is started by the first photo and let go when idle. When it is
 * killed with a photo in hand the photo is decoded again in a fresh process and stored; when
 * the decoder crashes on a photo alone, that photo is refused as unreadable and the server
 * carries on. It never outlives the server. Linux: the photo process is found through /proc.
 */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, waitFor } from '../helpers/client';
import { cameraJpeg, upload } from '../helpers/photos';
import { removeServer, startServer, type TestServer } from '../helpers/server';
import { childPids, cpuSeconds, running } from '../../scripts/proc.js';

const unit = 'phuong-tan-kieng';
let server: TestServer;
let cookie: string;
/** large enough to be still decoding when the photo process is killed */
let big: Buffer;

/** running ones (a let-go process may linger as a zombie for a moment) */
const photoProcesses = () => childPids(server.pid()!).filter(running);

async function health(): Promise<{ photoProcessRssMb: number | null; rssMb: number }> {
	return (await fetch(`${server.url}/healthz`)).json();
}

beforeAll(async () => {
	server = await startServer({ env: { KHAIMAC_PHOTO_PROCESS_IDLE_S: '2' } });
	cookie = await login(server.url, unit);
	// the largest photo taken (12 megapixels), of noise: a fifth of a second to decode
	const [width, height] = [4096, 3072];
	big = await sharp(randomBytes(width * height * 3), {
		raw: { width, height, channels: 3 }
	})
		.jpeg({ quality: 90 })
		.toBuffer();
});

afterAll(async () => {
	await removeServer(server);
});

/** Sends the big photo and kills the photo process with `signal` while it decodes it. */
async function sendAndKill(signal: NodeJS.Signals): Promise<Awaited<ReturnType<typeof upload>>> {
	for (let attempt = 0; attempt < 3; attempt++) {
		// a small photo first: the photo process is running (and warm) when the big one comes
		expect((await upload(server.url, cookie, unit, await cameraJpeg(640, 480, attempt))).body.ok).toBe(true);
		const [photoProcess] = await waitFor(() => {
			const running = photoProcesses();
			return running.length === 1 && running;
		});
		const before = cpuSeconds(photoProcess);
		const logged = server.log().length;
		const sending = upload(server.url, cookie, unit, big, crypto.randomUUID(), 2 * 1024 * 1024);
		await waitFor(() => {
			try {
				return cpuSeconds(photoProcess) > before;
			} catch {
				return true;
			}
		}, 10_000);
		process.kill(photoProcess, signal);
		const sent = await sending;
		// decoded before the kill landed: try again
		if (server.log().slice(logged).includes(`stopped (${signal}) with 1 photo(s) in hand`)) return sent;
	}
	throw new Error(`could not kill the photo process with a photo in hand`);
}

describe('the photo process', () => {
	it('is started by a photo, decodes it, and is let go when there are no more', async () => {
		expect(photoProcesses()).toEqual([]);
		const stored = await upload(server.url, cookie, unit, await cameraJpeg());
		expect(stored.body).toMatchObject({ ok: true });
		const [first] = photoProcesses();
		expect(first).toBeDefined();
		expect((await health()).photoProcessRssMb).toBeGreaterThan(0);

		await waitFor(() => photoProcesses().length === 0, 10_000);
		expect((await health()).photoProcessRssMb).toBeNull();
		// the next photo starts a new one
		const again = await upload(server.url, cookie, unit, await cameraJpeg(900, 600, 90));
		expect(again.body).toMatchObject({ ok: true });
		const [second] = photoProcesses();
		expect(second).toBeDefined();
		expect(second).not.toBe(first);
	});

	it('killed with a photo in hand: the photo is decoded again in a fresh process and stored', async () => {
		const sent = await sendAndKill('SIGKILL');
		expect(sent.body).toMatchObject({ ok: true });
		const photo = await fetch(`${server.url}/photos/${sent.body.photoId}`, { headers: { cookie } });
		expect(photo.status).toBe(200);
		expect((await sharp(Buffer.from(await photo.arrayBuffer())).metadata()).width).toBe(1600);
	});

	it('crashing on a photo alone: that photo is refused as unreadable, the next one is stored', async () => {
		const sent = await sendAndKill('SIGSEGV');
		expect(sent.status).toBe(422);
		expect(sent.body).toMatchObject({ ok: false, code: 'invalid' });
		expect(sent.body.message).toMatch(/Không đọc được ảnh này/);
		expect((await upload(server.url, cookie, unit, await cameraJpeg(640, 480, 77))).body.ok).toBe(true);
	});

	it('goes with the server when the server is killed (nothing left running after a crash)', async () => {
		expect((await upload(server.url, cookie, unit, await cameraJpeg(640, 480, 10))).body.ok).toBe(true);
		const [photoProcess] = photoProcesses();
		expect(photoProcess).toBeDefined();
		await server.kill();
		await waitFor(() => !running(photoProcess), 10_000);
		await server.start();
	});
});
