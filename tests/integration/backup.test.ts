import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, connect, login } from '../helpers/client';
import { cameraJpeg, upload } from '../helpers/photos';
import { cli, removeServer, startServer, type TestServer } from '../helpers/server';

let live: TestServer;
let restored: TestServer;
const ward = 'phuong-tan-kieng';

async function picture(server: TestServer) {
	const ops = await login(server.url, 'ttvh');
	const wardCookie = await login(server.url, ward);
	const get = (url: string, cookie: string) => fetch(`${server.url}${url}`, { headers: { cookie } });
	const health = (await (await fetch(`${server.url}/healthz`)).json()) as { seq: number };
	return {
		seq: health.seq,
		report: await (await get('/reports/export?format=csv', ops)).text(),
		opsPage: await (await get('/ops/__data.json', ops)).text(),
		wardPage: await (await get('/ward/__data.json', wardCookie)).text(),
		get: (url: string) => get(url, wardCookie)
	};
}

beforeAll(async () => {
	live = await startServer();
	restored = await startServer({ scenario: null });
	await restored.stop();
});

afterAll(async () => {
	await removeServer(live);
	await removeServer(restored);
});

describe('backup and restore', () => {
	it('copies the live system while it runs; restored into a fresh server, the same picture comes back', async () => {
		const ops = await connect(live.url, await login(live.url, 'ttvh'));
		const wardCookie = await login(live.url, ward);
		const tablet = await connect(live.url, wardCookie);
		expect(
			await command(ops, 'notice.post', { body: 'Sao lưu: thông báo trước', urgent: false })
		).toMatchObject({
			ok: true
		});
		const sent = await upload(live.url, wardCookie, ward, await cameraJpeg());
		const photoId = sent.body.photoId!;
		const item = (
			new Database(live.dbPath, { readonly: true })
				.prepare('SELECT id FROM checklist_items WHERE unit_id = ? LIMIT 1')
				.get(ward) as { id: string }
		).id;
		expect(await command(tablet, 'checklist.tick', { itemId: item, uploads: [sent.uploadId] })).toMatchObject(
			{
				ok: true
			}
		);
		expect(
			await command(tablet, 'report.submit', { unitId: ward, figures: { 'tin-bai': { count: 7 } } })
		).toMatchObject({ ok: true });

		// the backup runs while the server runs and the ops room keeps writing
		const folder = path.join(live.dir, 'backup-1');
		const writing = Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				command(ops, 'notice.post', { body: `Trong lúc sao lưu ${i}`, urgent: false })
			)
		);
		const made = cli(live.dbPath, ['backup', folder]);
		await writing;
		expect(made.status, made.stderr).toBe(0);
		expect(made.stdout).toContain('2 tệp ảnh'); // the photo and its thumbnail
		const copy = new Database(path.join(folder, 'khai-mac.sqlite'), { readonly: true });
		expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
		const copiedSeq = (copy.prepare('SELECT MAX(seq) AS s FROM events').get() as { s: number }).s;
		copy.close();

		// a backup folder is never written over
		expect(cli(live.dbPath, ['backup', folder]).status).not.toBe(0);

		ops.close();
		tablet.close();
		const before = await picture(live);

		expect(cli(restored.dbPath, ['restore', folder]).status).not.toBe(0); // an existing file needs --force
		const put = cli(restored.dbPath, ['restore', folder, '--force']);
		expect(put.status, put.stderr).toBe(0);
		await restored.start();
		const after = await picture(restored);
		// the copy is one moment of the live log: whole, nothing after it, nothing torn
		expect(after.seq).toBe(copiedSeq);
		expect(copiedSeq).toBeLessThanOrEqual(before.seq);
		expect(after.report).toBe(before.report);
		expect(after.opsPage).toContain('Sao lưu: thông báo trước');
		expect(after.wardPage).toContain(photoId);
		const [a, b] = await Promise.all([before.get(`/photos/${photoId}`), after.get(`/photos/${photoId}`)]);
		expect(b.status).toBe(200);
		expect(Buffer.from(await b.arrayBuffer()).equals(Buffer.from(await a.arrayBuffer()))).toBe(true);
		expect(fs.existsSync(path.join(path.dirname(restored.dbPath), 'photos', photoId.slice(0, 2)))).toBe(true);
	});
});
