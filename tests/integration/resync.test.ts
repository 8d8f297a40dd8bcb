import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent, TrackAnswer } from '../../src/lib/types';
import { CatchUp } from '../../src/lib/client/catch-up';
import { collect, command, connect, login, notice, sync, waitFor } from '../helpers/client';
import { removeServer, startServer, untilQuiet, type TestServer } from '../helpers/server';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
	server = await startServer({ env: { KHAIMAC_RESYNC_LIMIT: '20', KHAIMAC_RESYNC_PAGE: '5' } });
	await untilQuiet(server.url); // the fleet's first alerts are in: seqs are counted below
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
		// page after page (KHAIMAC_RESYNC_PAGE is 5 here) until no more
		const missed = { events: [] as LiveEvent[] };
		for (let from = lastSeen, more = true; more;) {
			const page = await sync(back, from);
			if (page.kind !== 'events') throw new Error(`a catch-up answered ${page.kind}`);
			missed.events.push(...page.events);
			[from, more] = [page.seq, page.more];
		}
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

	it('applies nothing after a gap when the catch-up gets no answer in time (a slow link)', async () => {
		const writer = await connect(server.url, cookie);
		const screen = await connect(server.url, await login(server.url, 'lanhdao'));
		// where the screen's picture is (a page load: the log's last seq)
		const start = await sync(screen, 0);
		if (start.kind === 'busy') throw new Error('a first catch-up was answered busy');
		// the screen's picture is at `start.seq`; three notices come while it is away
		const missed: number[] = [];
		for (let i = 0; i < 3; i++) {
			const r = await command(writer, 'notice.post', notice(`Khi màn hình vắng ${i}`));
			if (r.ok) missed.push(r.seq);
		}
		const applied: number[] = [];
		const catchUp = new CatchUp(start.seq, (e) => applied.push(e.seq));
		const arrived: LiveEvent[] = [];
		screen.on('event', (e) => {
			arrived.push(e);
			catchUp.receive(e);
		});

		// its catch-up is sent, but the answer is late: meanwhile two notices arrive live, then
		// the wait runs out (as socket.io's timeout would reject it)
		const late = await catchUp.run(
			async (afterSeq) => {
				screen.emit('sync', afterSeq, () => {});
				for (let i = 0; i < 2; i++) await command(writer, 'notice.post', notice(`Trong lúc chờ ${i}`));
				await waitFor(() => arrived.length >= 2);
				throw new Error('operation has timed out');
			},
			async () => {}
		);
		expect(late).toBe('failed');
		// nothing after the gap was applied: the picture stays where it was
		expect(applied).toEqual([]);
		expect(catchUp.seq).toBe(start.seq);

		// the next catch-up (after the reconnect) brings the missed notices, then the live ones
		const again = await catchUp.run(
			(afterSeq) => screen.timeout(5000).emitWithAck('sync', afterSeq),
			async () => {}
		);
		expect(again).toBe('live');
		const last = Math.max(...missed, ...arrived.map((e) => e.seq));
		expect(applied).toEqual(Array.from({ length: last - start.seq }, (_, i) => start.seq + 1 + i));
		writer.close();
		screen.close();
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

describe('one client cannot freeze the server with catch-ups', () => {
	it('brings a long catch-up a page at a time, every event once and in order', async () => {
		const writer = await connect(server.url, cookie);
		const start = await command(writer, 'notice.post', notice('Trước trang'));
		if (!start.ok) throw new Error('notice refused');
		const sent: number[] = [];
		for (let i = 0; i < 12; i++) {
			const r = await command(writer, 'notice.post', notice(`Trang ${i}`));
			if (r.ok) sent.push(r.seq);
		}
		const first = await sync(writer, start.seq);
		// a page of 5 (KHAIMAC_RESYNC_PAGE), and more to come
		expect(first.kind === 'events' && [first.events.length, first.more]).toEqual([5, true]);

		const applied: number[] = [];
		const catchUp = new CatchUp(start.seq, (e) => applied.push(e.seq));
		expect(
			await catchUp.run(
				(afterSeq) => sync(writer, afterSeq),
				async () => {}
			)
		).toBe('live');
		expect(applied.filter((seq) => sent.includes(seq))).toEqual(sent);
		expect(applied).toEqual([...applied].sort((a, b) => a - b));
		writer.close();
	});

	it('serves a hundred catch-ups asked at once by one connection with at most a burst of answers', async () => {
		const screen = await connect(server.url, await login(server.url, 'lanhdao'));
		const answers = await Promise.all(Array.from({ length: 100 }, () => sync(screen, 0)));
		// one at a time and at most a burst of ten: the rest are told to ask again later
		expect(answers.filter((a) => a.kind !== 'busy').length).toBeLessThanOrEqual(10);
		const busy = answers.find((a) => a.kind === 'busy');
		expect(busy?.kind === 'busy' && busy.retryInMs).toBeGreaterThan(0);
		screen.close();
	});

	it('slows a connection that asks again and again, and the client waits and gets its events', async () => {
		const screen = await connect(server.url, await login(server.url, 'lanhdao'));
		const kinds: string[] = [];
		for (let i = 0; i < 30; i++) kinds.push((await sync(screen, 0)).kind);
		// a burst is served, then the connection is told to wait
		expect(kinds.slice(0, 5).every((k) => k !== 'busy')).toBe(true);
		expect(kinds).toContain('busy');

		// the same connection's catch-up, told busy, waits as told and still gets what it missed
		const writer = await connect(server.url, cookie);
		const r = await command(writer, 'notice.post', notice('Sau khi bị làm chậm'));
		if (!r.ok) throw new Error('notice refused');
		const applied: number[] = [];
		const catchUp = new CatchUp(r.seq - 1, (e) => applied.push(e.seq));
		const asked: string[] = [];
		const outcome = await catchUp.run(
			async (afterSeq) => {
				const answer = await sync(screen, afterSeq);
				asked.push(answer.kind);
				return answer;
			},
			async () => {}
		);
		expect(outcome).toBe('live');
		expect(asked[0]).toBe('busy');
		expect(applied).toContain(r.seq);
		writer.close();
		screen.close();
	}, 60_000);

	it('keeps the count per sign-in: a new socket on the same sign-in does not start a new bucket', async () => {
		const cookie = await login(server.url, 'lanhdao');
		const first = await connect(server.url, cookie);
		let kind = '';
		for (let i = 0; i < 30 && kind !== 'busy'; i++) kind = (await sync(first, 0)).kind;
		expect(kind).toBe('busy');
		first.close();
		const second = await connect(server.url, cookie);
		expect((await sync(second, 0)).kind).toBe('busy');
		second.close();
	});

	it('serves tracks for a replay in turn too: a hundred asked at once get a burst, the rest when to ask again', async () => {
		const screen = await connect(server.url, await login(server.url, 'lanhdao'));
		const now = Date.now();
		const answers: TrackAnswer[] = await Promise.all(
			Array.from({ length: 100 }, () =>
				screen.timeout(15_000).emitWithAck('track', { truckId: null, from: now - 3_600_000, to: now })
			)
		);
		expect(answers.filter((a) => a.ok).length).toBeLessThanOrEqual(20);
		const busy = answers.filter((a) => !a.ok && a.retryInMs !== undefined);
		expect(busy.length).toBeGreaterThanOrEqual(80);
		screen.close();
	});

	it('serves the fleet and the clock in turn: fifty asked at once get a burst, the rest null', async () => {
		const screen = await connect(server.url, await login(server.url, 'lanhdao'));
		const ask = (event: 'fleet' | 'clock') =>
			Promise.all(Array.from({ length: 50 }, () => screen.timeout(15_000).emitWithAck(event)));
		const [fleets, clocks] = await Promise.all([ask('fleet'), ask('clock')]);
		// each read runs in its turn, and a sign-in gets a few in a row: the rest keep what they have
		expect(fleets.filter(Array.isArray).length).toBeGreaterThan(0);
		expect(fleets.filter(Array.isArray).length).toBeLessThanOrEqual(5);
		expect(fleets.filter((f) => f === null).length).toBeGreaterThanOrEqual(45);
		expect(clocks.filter((c) => c && c.serverNow > 0).length).toBeGreaterThan(0);
		expect(clocks.filter((c) => c !== null).length).toBeLessThanOrEqual(5);
		screen.close();
	});
});
