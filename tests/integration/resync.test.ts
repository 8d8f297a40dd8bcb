import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, command, connect, login, notice, sync, waitFor } from '../helpers/client';
import { removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
	server = await startServer({ env: { KHAIMAC_RESYNC_LIMIT: '20' } });
	cookie = await login(server.url, 'ttvh');
});

afterAll(async () => removeServer(server));

describe('exactly once, in order', () => {
	it('gives a client that was away every missed event once, in order', async () => {
		const display = await connect(server.url, await login(server.url, 'lanhdao'));
		const first = await sync(display, 0);
		expect(first.kind).toBe('events');
		const lastSeen = first.kind === 'events' ? first.seq : 0;
		display.close();

		const writer = await connect(server.url, cookie);
		const sent: number[] = [];
		for (let i = 0; i < 8; i++) {
			const result = await command(writer, 'notice.post', notice(`Thông báo số ${i}`));
			if (result.ok) sent.push(result.seq);
		}
		writer.close();

		const back = await connect(server.url, await login(server.url, 'lanhdao'));
		const missed = await sync(back, lastSeen);
		expect(missed.kind).toBe('events');
		if (missed.kind !== 'events') return;
		const seqs = missed.events.map((e) => e.seq);
		expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
		expect(new Set(seqs).size).toBe(seqs.length);
		for (const seq of sent) expect(seqs).toContain(seq);
		expect(
			missed.events.filter((e) => e.type === 'notice.posted').map((e) => (e.data as { body: string }).body)
		).toEqual(Array.from({ length: 8 }, (_, i) => `Thông báo số ${i}`));
		back.close();
	});

	it('tells a client too far behind to reload a snapshot', async () => {
		const socket = await connect(server.url, cookie);
		for (let i = 0; i < 25; i++) await command(socket, 'notice.post', notice(`Nhiều ${i}`));
		const result = await sync(socket, 0);
		expect(result.kind).toBe('snapshot');
		socket.close();
	});

	it('keeps the log through a crash: seq continues and clients catch up', async () => {
		const socket = await connect(server.url, cookie);
		const acknowledged = await command(socket, 'notice.post', notice('Trước khi mất điện'));
		expect(acknowledged.ok).toBe(true);
		const seqBefore = acknowledged.ok ? acknowledged.seq : 0;
		socket.close();

		await server.kill(); // SIGKILL: no graceful shutdown, as in a power cut
		await server.start();

		const db = new Database(server.dbPath, { readonly: true });
		expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
		const kept = db.prepare('SELECT seq FROM events WHERE seq = ?').get(seqBefore);
		db.close();
		expect(kept).toBeTruthy();

		const again = await connect(server.url, cookie);
		const live = collect(again);
		const after = await command(again, 'notice.post', notice('Sau khi khởi động lại'));
		expect(after.ok && after.seq).toBe(seqBefore + 1);
		await waitFor(() => live.find((e) => after.ok && e.seq === after.seq));
		const caughtUp = await sync(again, seqBefore - 1);
		expect(caughtUp.kind === 'events' && caughtUp.events.map((e) => e.seq)).toEqual([
			seqBefore,
			seqBefore + 1
		]);
		again.close();
	});
});
