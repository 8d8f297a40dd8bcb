/**
 * The server's connection leaves WAL checkpoints to a thread of its own (db/checkpointer.ts): the
 * WAL is still copied into the database as commits come, so it does not grow with what is
 * written, and every write is read back.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, connect, login } from '../helpers/client';
import { queryDb, removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
	// drafts as fast as they go: the rate limit is not what is tested here
	server = await startServer({ env: { KHAIMAC_COMMAND_BURST: '0' } });
});
afterAll(async () => removeServer(server));

const walBytes = () => fs.statSync(`${server.dbPath}-wal`).size;

describe('checkpoints off the event loop', () => {
	it('keeps the WAL from growing with what is written: 36 MB of drafts, the WAL a fraction of it', async () => {
		const ward = await connect(server.url, await login(server.url, 'phuong-tan-kieng'));
		const text = 'Đã treo băng rôn, khẩu hiệu. '.repeat(700).slice(0, 19_990); // ~40 KB a save
		let largest = 0;
		// three rounds of 12 MB with a pause between: each round's WAL is copied into the database
		for (let round = 0; round < 3; round++) {
			for (let i = 0; i < 300; i++) {
				const saved = await command(ward, 'report.save_draft', {
					unitId: 'phuong-tan-kieng',
					figures: {},
					narrative: { 'trien-khai': `${round * 300 + i} ${text}` }
				});
				expect(saved).toMatchObject({ ok: true });
				largest = Math.max(largest, walBytes());
			}
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
		// without checkpoints the WAL would hold all 36 MB; a round's worth and some slack is fine
		expect(largest).toBeLessThan(20 * 1024 * 1024);
		const [{ narrative }] = queryDb<{ narrative: string }>(
			server.dbPath,
			"SELECT narrative FROM report_drafts WHERE unit_id = 'phuong-tan-kieng'"
		);
		expect(narrative).toContain('899 Đã treo');
		ward.close();
	}, 60_000);
});
