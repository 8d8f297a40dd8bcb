/**
 * The server's connection leaves WAL checkpoints to a thread of its own (db/checkpointer.ts): the
 * WAL is still copied into the database as commits come, so it stays small however much is
 * written, and every write is in the database file after a checkpoint.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, connect, login } from '../helpers/client';
import { queryDb, removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => removeServer(server));

const walBytes = () => fs.statSync(`${server.dbPath}-wal`).size;

describe('checkpoints off the event loop', () => {
	it('keeps the WAL small while 12 MB of drafts are saved, and the drafts reach the database', async () => {
		const ward = await connect(server.url, await login(server.url, 'phuong-tan-kieng'));
		const text = 'Đã treo băng rôn, khẩu hiệu. '.repeat(700).slice(0, 19_990); // ~40 KB a save
		let largest = 0;
		for (let i = 0; i < 300; i++) {
			const saved = await command(ward, 'report.save_draft', {
				unitId: 'phuong-tan-kieng',
				figures: {},
				narrative: { 'trien-khai': `${i} ${text}` }
			});
			expect(saved).toMatchObject({ ok: true });
			largest = Math.max(largest, walBytes());
		}
		// without checkpoints the WAL would hold all 12 MB; SQLite's own limit is ~4 MB
		expect(largest).toBeLessThan(8 * 1024 * 1024);
		const [{ narrative }] = queryDb<{ narrative: string }>(
			server.dbPath,
			"SELECT narrative FROM report_drafts WHERE unit_id = 'phuong-tan-kieng'"
		);
		expect(narrative).toContain('299 Đã treo');
		ward.close();
	}, 60_000);
});
