/**
 * Photos are decoded in a process of their own (the server's memory stays flat however many
 * photos the day brings): it is started by the first photo, let go when idle, and when it dies
 * with a photo in hand the tablet is told to send again, the server carries on and the photo
 * sent again is stored; it never outlives the server. Linux: the photo process is found through /proc.
 */
import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, waitFor } from '../helpers/client';
import { cameraJpeg, upload } from '../helpers/photos';
import { removeServer, startServer, type TestServer } from '../helpers/server';

const unit = 'phuong-tan-kieng';
let server: TestServer;
let cookie: string;

/** pids whose parent is `pid` */
function childrenOf(pid: number): number[] {
	return fs
		.readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.filter((name) => {
			try {
				// "pid (comm) state ppid …": comm may hold spaces, so split after its ')'
				const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
				return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
			} catch {
				return false; // gone meanwhile
			}
		})
		.map(Number);
}

const photoProcesses = () => childrenOf(server.pid()!);

/** CPU ticks a process has used (user + system) */
function cpuTicks(pid: number): number {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]);
}

/** alive: not gone and not a zombie waiting for its new parent to reap it */
function running(pid: number): boolean {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
	} catch {
		return false;
	}
}

async function health(): Promise<{ photoProcessRssMb: number | null; rssMb: number }> {
	return (await fetch(`${server.url}/healthz`)).json();
}

beforeAll(async () => {
	server = await startServer({ env: { KHAIMAC_PHOTO_PROCESS_IDLE_S: '2' } });
	cookie = await login(server.url, unit);
});

afterAll(async () => {
	await removeServer(server);
});

describe('the photo process', () => {
	it('is started by a photo, decodes it, and is let go when there are no more', async () => {
		expect(photoProcesses()).toEqual([]);
		const stored = await upload(server.url, cookie, unit, await cameraJpeg());
		expect(stored.body).toMatchObject({ ok: true });
		expect(photoProcesses()).toHaveLength(1);
		expect((await health()).photoProcessRssMb).toBeGreaterThan(0);

		await waitFor(() => photoProcesses().length === 0, 10_000);
		expect((await health()).photoProcessRssMb).toBeNull();
		// the next photo starts a new one
		const again = await upload(server.url, cookie, unit, await cameraJpeg(900, 600, 90));
		expect(again.body).toMatchObject({ ok: true });
	});

	it('dies with a photo in hand: the tablet is told to send it again, and then it is stored', async () => {
		// a large photo, so it is still being decoded when the process is killed
		const big = await sharp({
			create: { width: 6000, height: 6000, channels: 3, background: { r: 30, g: 120, b: 200 } }
		})
			.jpeg({ quality: 95 })
			.toBuffer();
		let answer: Awaited<ReturnType<typeof upload>> | null = null;
		for (let attempt = 0; attempt < 3 && !answer; attempt++) {
			const [photoProcess] = photoProcesses();
			expect(photoProcess).toBeDefined(); // still there from the photo before
			const before = cpuTicks(photoProcess);
			const sending = upload(server.url, cookie, unit, big, crypto.randomUUID(), 4 * 1024 * 1024);
			// kill it once it is working on the photo
			await waitFor(() => {
				try {
					return cpuTicks(photoProcess) > before;
				} catch {
					return true;
				}
			}, 10_000);
			process.kill(photoProcess, 'SIGKILL');
			const sent = await sending;
			if (sent.body.ok) {
				// decoded before the kill landed: try again with a fresh process
				await upload(server.url, cookie, unit, await cameraJpeg(700, 500, attempt));
				continue;
			}
			answer = sent;
		}
		expect(answer).not.toBeNull();
		expect(answer!.status).toBe(500);
		expect(answer!.body).toMatchObject({ ok: false, code: 'internal' });
		expect(answer!.body.message).toMatch(/thử lại|gửi lại/i);

		// the server carries on; the same photo sent again (same upload id) is stored
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		const retried = await upload(server.url, cookie, unit, big, answer!.uploadId, 4 * 1024 * 1024);
		expect(retried.body).toMatchObject({ ok: true });
		const photo = await fetch(`${server.url}/photos/${retried.body.photoId}`, { headers: { cookie } });
		expect(photo.status).toBe(200);
		expect((await sharp(Buffer.from(await photo.arrayBuffer())).metadata()).width).toBe(1600);
		expect(server.log()).toMatch(/photo process stopped/);
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
