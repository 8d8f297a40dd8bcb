/**
 * The crash test: writers send commands and retry each until it is acknowledged while the
 * server is killed with SIGKILL again and again (a power cut, an OOM kill) and restarted, and
 * the screens that follow the log drop off and rejoin at random (a tablet losing its network).
 * Afterwards every acknowledged command is in the log exactly once, the log has no gap,
 * SQLite's integrity check passes, and every screen has applied each event exactly once, in
 * order, as a fresh load would. CRASH_KILLS sets the number of kills and CRASH_OFFLINE_MAX_S the
 * longest time a screen stays away (10 kills and 1–3 s here; `npm run bench:crash` runs 100
 * kills and 1–300 s, with the writers paced so 300 s away stays within one resync).
 */
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, CommandResult, ServerToClientEvents } from '../../src/lib/types';
import { CatchUp } from '../../src/lib/client/catch-up';
import { login } from '../helpers/client';
import { removeServer, startServer, type TestServer } from '../helpers/server';

const kills = Number(process.env.CRASH_KILLS ?? 10);
const offlineMaxS = Number(process.env.CRASH_OFFLINE_MAX_S ?? 3);
const long = offlineMaxS > 30;
const writers = 4;
const listeners = long ? 8 : 3;
/** between a writer's commands: none in the short form; in the long form ~80 commands/s in all */
const writerPauseMs = long ? 50 : 0;
type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let server: TestServer;

beforeAll(async () => {
	// a screen away must get everything it missed as events, not a snapshot: with the writers
	// unpaced (short form) a few seconds away can be more than the default 5,000 events. The
	// writers (one account) send flat out to load the server as it dies: no rate limit here
	server = await startServer({ env: { KHAIMAC_RESYNC_LIMIT: '100000', KHAIMAC_COMMAND_RATE: '0' } });
});
afterAll(async () => removeServer(server));

function open(cookie: string): Client {
	return io(server.url, {
		transports: ['websocket'],
		extraHeaders: { cookie },
		auth: { as: 'user' },
		forceNew: true,
		reconnectionDelay: 100,
		reconnectionDelayMax: 500
	});
}

/**
 * A screen that follows the log as the live store does (the same CatchUp): live events, and on
 * every (re)connect what it missed.
 */
function follower(socket: Client) {
	const seen: number[] = [];
	let snapshots = 0;
	const catchUp = new CatchUp(0, (e) => seen.push(e.seq));
	socket.on('event', (e) => catchUp.receive(e));
	socket.on('connect', async () => {
		const outcome = await catchUp.run(
			(afterSeq) => socket.timeout(5000).emitWithAck('sync', afterSeq),
			async () => {
				snapshots++; // would have to reload: counted as a failure below
			}
		);
		if (outcome === 'failed') socket.disconnect().connect();
	});
	return { seen, last: () => catchUp.seq, snapshots: () => snapshots };
}

/** Drops the screen's connection at random and brings it back 1–`offlineMaxS` s later, until `done()`. */
async function dropAndRejoin(socket: Client, done: () => boolean): Promise<number> {
	let drops = 0;
	const pause = (s: number) => new Promise((r) => setTimeout(r, s * 1000));
	while (!done()) {
		await pause(1 + Math.random() * Math.min(offlineMaxS, 10));
		if (done()) break;
		socket.disconnect();
		drops++;
		await pause(1 + Math.random() * (offlineMaxS - 1));
		socket.connect();
	}
	return drops;
}

/** Sends one command until the server acknowledges it (same id every time). */
async function deliver(socket: Client, id: string, body: string): Promise<CommandResult> {
	for (;;) {
		if (socket.connected) {
			try {
				return await socket.timeout(3000).emitWithAck('command', {
					id,
					type: 'notice.post',
					payload: { body, urgent: false, targetUnitIds: null }
				});
			} catch {
				// no answer: the server may be gone; the same id again is safe
			}
		} else await new Promise((r) => setTimeout(r, 50));
	}
}

describe('killing the server under load', () => {
	it(
		`keeps every acknowledged command exactly once through ${kills} SIGKILLs`,
		async () => {
			const cookie = await login(server.url, 'ttvh');
			const writerSockets = Array.from({ length: writers }, () => open(cookie));
			const followers = Array.from({ length: listeners }, () => {
				const socket = open(cookie);
				return { socket, ...follower(socket) };
			});
			const acked = new Map<string, number>();
			let stop = false;
			const load = writerSockets.map(async (socket, w) => {
				for (let n = 0; !stop; n++) {
					const id = crypto.randomUUID();
					const answer = await deliver(socket, id, `Ghi ${w}-${n}`);
					expect(answer.ok, JSON.stringify(answer)).toBe(true);
					if (answer.ok) acked.set(id, answer.seq);
					if (writerPauseMs) await new Promise((r) => setTimeout(r, writerPauseMs));
				}
			});
			let killing = true;
			const drops = followers.map((f) => dropAndRejoin(f.socket, () => !killing));
			for (let k = 0; k < kills; k++) {
				await new Promise((r) => setTimeout(r, 300 + Math.random() * 500));
				await server.kill();
				await server.start();
			}
			killing = false;
			const dropCount = (await Promise.all(drops)).reduce((a, b) => a + b, 0); // every screen back
			await new Promise((r) => setTimeout(r, 500));
			stop = true;
			await Promise.all(load);

			const db = new Database(server.dbPath, { readonly: true });
			const { n, max } = db.prepare('SELECT COUNT(*) AS n, MAX(seq) AS max FROM events').get() as {
				n: number;
				max: number;
			};
			const counts = db
				.prepare('SELECT command_id, COUNT(*) AS c FROM events GROUP BY command_id HAVING c > 1')
				.all();
			const inLog = new Set(
				(db.prepare('SELECT command_id FROM events').all() as { command_id: string }[]).map(
					(r) => r.command_id
				)
			);
			const integrity = db.pragma('integrity_check', { simple: true });
			db.close();
			console.log(
				`${kills} kills, ${dropCount} screen drops of 1–${offlineMaxS} s: ${acked.size} commands acknowledged, ${n} events in the log, last seq ${max}`
			);
			expect(acked.size).toBeGreaterThan(kills);
			expect([...acked.keys()].filter((id) => !inLog.has(id))).toEqual([]); // none lost
			expect(counts).toEqual([]); // none twice
			expect(n).toBe(max); // no gap in seq
			expect(integrity).toBe('ok');

			// every follower caught up: each event once, in order, up to the last
			const deadline = Date.now() + 15_000;
			while (followers.some((f) => f.last() < max) && Date.now() < deadline)
				await new Promise((r) => setTimeout(r, 100));
			for (const f of followers) {
				expect(f.snapshots()).toBe(0);
				const mine = f.seen.filter((s) => s <= max);
				expect(mine.length).toBe(new Set(mine).size);
				expect(mine).toEqual([...mine].sort((a, b) => a - b));
				expect(f.last()).toBe(max);
				// from the first event to the last, nothing missing: what a fresh load of the log gives
				expect(mine[0]).toBe(1);
				expect(mine.length).toBe(max);
			}
			[...writerSockets, ...followers.map((f) => f.socket)].forEach((s) => s.close());
		},
		180_000 + (kills + offlineMaxS) * 2000
	);
});
