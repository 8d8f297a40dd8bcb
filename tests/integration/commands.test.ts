import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, command, connect, login, notice, waitFor, type TestSocket } from '../helpers/client';
import { queryDb, removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let coordinator: TestSocket;

/** Events from people's commands (the server's own, such as a truck's alerts, come and go meanwhile). */
function eventCount(type?: string): number {
	const db = new Database(server.dbPath, { readonly: true });
	try {
		const row = type
			? db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = ? AND actor_role != 'system'").get(type)
			: db.prepare("SELECT COUNT(*) AS n FROM events WHERE actor_role != 'system'").get();
		return (row as { n: number }).n;
	} finally {
		db.close();
	}
}

beforeAll(async () => {
	// the rate limit alone: a connection past it is not let go here (that is abuse.test.ts's)
	server = await startServer({ env: { KHAIMAC_COOL_DOWN_S: '0' } });
	coordinator = await connect(server.url, await login(server.url, 'ttvh'));
});

afterAll(async () => {
	coordinator?.close();
	await removeServer(server);
});

describe('the command path', () => {
	it('takes a command sent twice once, and answers both the same', async () => {
		const before = eventCount('notice.posted');
		const id = crypto.randomUUID();
		const first = await command(coordinator, 'notice.post', notice('Các xe loa tập trung lúc 6g30'), id);
		const second = await command(coordinator, 'notice.post', notice('Các xe loa tập trung lúc 6g30'), id);
		expect(first.ok).toBe(true);
		expect(second).toEqual(first);
		expect(eventCount('notice.posted')).toBe(before + 1);
	});

	it('refuses an id reused for a different change, and changes nothing', async () => {
		const id = crypto.randomUUID();
		expect((await command(coordinator, 'notice.post', notice('Bản một'), id)).ok).toBe(true);
		const before = eventCount();
		const reused = await command(coordinator, 'notice.post', notice('Bản hai, khác nội dung'), id);
		expect(reused).toMatchObject({ ok: false, code: 'conflict' });
		expect(eventCount()).toBe(before);
	});

	it('answers bad payloads with a code and a Vietnamese message, and keeps running', async () => {
		const before = eventCount();
		const cases: [unknown, string][] = [
			[{ id: 'not-a-uuid', type: 'notice.post', payload: notice('x') }, 'bad_request'],
			[{ id: crypto.randomUUID(), type: 'no.such.command', payload: {} }, 'unknown_command'],
			[{ id: crypto.randomUUID(), type: 'notice.post', payload: { body: '' } }, 'invalid'],
			[{ id: crypto.randomUUID(), type: 'notice.post', payload: { body: 'x'.repeat(5000) } }, 'invalid'],
			[
				{ id: crypto.randomUUID(), type: 'notice.post', payload: notice('x', ['khong-co-don-vi']) },
				'invalid'
			],
			['a string', 'bad_request'],
			[null, 'bad_request']
		];
		for (const [input, code] of cases) {
			const result = await coordinator.timeout(5000).emitWithAck('command', input as never);
			expect(result, JSON.stringify(input)).toMatchObject({ ok: false, code });
			if (!result.ok) expect(result.message).toMatch(/[àáảãạăâđêôơưệộ]/i);
		}
		expect(eventCount()).toBe(before);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});

	it('refuses a payload nested absurdly deep without falling over', async () => {
		// written as a raw socket.io packet: no client library would encode this, an attacker would
		const depth = 100_000;
		const payload = `${'['.repeat(depth)}"đáy"${']'.repeat(depth)}`;
		const packet = `2987["command",{"id":"${crypto.randomUUID()}","type":"notice.post","payload":${payload}}]`;
		const engine = coordinator.io.engine;
		const answer = new Promise<string>((resolve) => {
			const onMessage = (data: unknown) => {
				if (typeof data === 'string' && data.startsWith('3987')) {
					engine.off('message', onMessage);
					resolve(data);
				}
			};
			engine.on('message', onMessage);
		});
		engine.send(packet);
		const [result] = JSON.parse((await answer).slice(4));
		expect(result).toMatchObject({ ok: false, code: 'bad_request' });
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});

	it('commits commands sent together as a group, and rolls a refused one back alone', async () => {
		const before = eventCount('notice.posted');
		const answers = await Promise.all([
			...Array.from({ length: 5 }, (_, i) => command(coordinator, 'notice.post', notice(`Cùng lượt ${i}`))),
			// refused inside its transaction (no such link): it must take nothing of the others with it
			command(coordinator, 'display_link.revoke', { linkId: crypto.randomUUID() })
		]);
		expect(answers.slice(0, 5).every((a) => a.ok)).toBe(true);
		expect(answers[5]).toMatchObject({ ok: false, code: 'not_found' });
		const seqs = answers.slice(0, 5).map((a) => (a as { seq: number }).seq);
		expect(new Set(seqs).size).toBe(5);
		expect(eventCount('notice.posted')).toBe(before + 5);
		expect(eventCount('display_link.revoked')).toBe(0);
	});

	it('broadcasts an accepted command after commit to the rooms that may see it', async () => {
		const ward = await connect(server.url, await login(server.url, 'phuong-tan-kieng'));
		const otherWard = await connect(server.url, await login(server.url, 'phuong-phu-my'));
		const wardEvents = collect(ward);
		const otherEvents = collect(otherWard);
		const coordinatorEvents = collect(coordinator);
		const result = await command(
			coordinator,
			'notice.post',
			notice('Riêng phường Tân Kiểng', ['phuong-tan-kieng'])
		);
		expect(result.ok).toBe(true);
		const seq = result.ok ? result.seq : -1;
		await waitFor(() => wardEvents.find((e) => e.seq === seq));
		await waitFor(() => coordinatorEvents.find((e) => e.seq === seq));
		await new Promise((r) => setTimeout(r, 200));
		expect(otherEvents.find((e) => e.seq === seq)).toBeUndefined();
		ward.close();
		otherWard.close();
	});

	it('tells monitoring how late the event loop runs, how long commands take inside the server and how much memory it holds', async () => {
		type Window = { p50: number; p99: number; max: number };
		type Health = {
			eventLoopDelay: Window | null;
			commands: (Window & { count: number }) | null;
			rssMb: number;
			heapMb: number;
		};
		const health = async () => (await (await fetch(`${server.url}/healthz`)).json()) as Health;
		const first = await health();
		expect(first.rssMb).toBeGreaterThan(first.heapMb);
		expect(first.heapMb).toBeGreaterThan(0);
		// both are reported per complete 10 s window: commands keep coming until one holds some
		const deadline = Date.now() + 25_000;
		let now = first;
		while (!(now.eventLoopDelay && now.commands) && Date.now() < deadline) {
			expect((await command(coordinator, 'notice.post', notice('Kiểm tra giám sát'))).ok).toBe(true);
			await new Promise((r) => setTimeout(r, 500));
			now = await health();
		}
		for (const window of [now.eventLoopDelay, now.commands]) {
			expect(window).not.toBeNull();
			expect(window!.p50).toBeGreaterThan(0);
			expect(window!.p99).toBeGreaterThanOrEqual(window!.p50);
			expect(window!.max).toBeGreaterThanOrEqual(window!.p99);
		}
		expect(now.commands!.count).toBeGreaterThan(0);
	}, 30_000);
});

describe('the server at start', () => {
	it('has loaded every page’s code before the first request, so no page’s first visit stalls the day', () => {
		// every file under src/routes that runs on the server: a kind the warm-up misses fails here
		const pageFiles = fs
			.readdirSync('src/routes', { recursive: true, encoding: 'utf8' })
			.filter((f) => /(^|\/)\+[^/]*\.ts$|\.svelte$/.test(f));
		const said = /\[start\] đã nạp sẵn mã của mọi trang: (\d+) mô-đun/.exec(server.log());
		expect(said, server.log()).not.toBeNull();
		expect(Number(said![1])).toBe(pageFiles.length);
	});
});

describe('a flood from one socket', () => {
	it('a display link sending forbidden notices flat out: judged up to the burst, then rate_limited with when to retry; nothing logged, the audit kept to 20 rows', async () => {
		expect((await command(coordinator, 'display_link.create', { name: 'Sảnh tràn' })).ok).toBe(true);
		const [{ token }] = queryDb<{ token: string }>(
			server.dbPath,
			"SELECT token FROM display_links WHERE name = 'Sảnh tràn'"
		);
		const screen = await connect(server.url, `km_display=${token}`, 'display');
		const refusals = () =>
			queryDb<{ n: number }>(
				server.dbPath,
				"SELECT COUNT(*) AS n FROM refusals WHERE actor_label = 'Màn hình Sảnh tràn'"
			)[0].n;
		const events = eventCount();

		const answers = await Promise.all(
			Array.from({ length: 1000 }, () => command(screen, 'notice.post', notice('Mời mọi người ra về')))
		);
		screen.close();

		const by = (code: string) => answers.filter((a) => !a.ok && a.code === code);
		// a socket's burst is 300; the rest came faster than 20 a second refills
		expect(by('forbidden').length).toBeGreaterThanOrEqual(300);
		expect(by('rate_limited').length).toBeGreaterThan(0);
		expect(by('forbidden').length + by('rate_limited').length).toBe(1000);
		for (const answer of by('rate_limited'))
			expect(answer).toMatchObject({
				message: expect.stringMatching(/^Gửi quá nhanh, hãy thử lại sau \d+ giây\.$/),
				retryInMs: expect.any(Number)
			});
		expect(eventCount()).toBe(events);
		// the first 20 forbidden attempts of the minute one by one; the count of the rest comes at its end
		expect(refusals()).toBe(20);
		const warned = server
			.log()
			.split('\n')
			.filter((line) => line.includes('for Màn hình Sảnh tràn'));
		expect(warned.length).toBeLessThanOrEqual(21);
	});

	it('a ward saving 40,000-character drafts flat out: each costs a token per 8 KB it carries, so the burst lets in a fifth as many', async () => {
		const ward = await connect(server.url, await login(server.url, 'phuong-tan-thuan-tay'));
		const text = 'Phường đã phối hợp với các trường tổ chức tuyên truyền về Tuần lễ. '
			.repeat(300)
			.slice(0, 19_000);
		const answers = await Promise.all(
			Array.from({ length: 200 }, (_, i) =>
				command(ward, 'report.save_draft', {
					unitId: 'phuong-tan-thuan-tay',
					figures: {},
					narrative: { 'trien-khai': `${i} ${text}`, 'hoat-dong': text }
				})
			)
		);
		ward.close();
		const acked = answers.filter((a) => a.ok).length;
		// 300 tokens at 5 a draft: 60, and a few more from the refill (20 a second) meanwhile; small
		// commands get 300 (above); every other one told when to send again
		expect(acked).toBeGreaterThanOrEqual(55);
		expect(acked).toBeLessThan(100);
		for (const answer of answers.filter((a) => !a.ok))
			expect(answer).toMatchObject({
				code: 'rate_limited',
				message: expect.stringMatching(/^Gửi quá nhanh/)
			});
	});
});
