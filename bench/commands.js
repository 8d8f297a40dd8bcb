// npm run bench: the live core under load, with bare baselines measured in the same run.
//  1. durable commands: acknowledged commands/s through the whole command path (socket →
//     zod → authorize → SQLite FULL commit, grouped → broadcast → ack), vs bare better-sqlite3
//     FULL single-row commits of the same payload. Two loads: 100 schools each saving its
//     report draft as it is typed (one command in flight per tablet), and 8 ops consoles
//     posting notices that every console also receives;
//  2. event-to-client latency to N connected displays, vs a bare socket.io broadcast of the
//     same payload to N clients;
//  3. resync: time for a client 10,000 events behind to catch up.
// Loopback only, bounded in time; prints figures and ratios. Needs `npm run build` first.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Server } from 'socket.io';
import { io } from 'socket.io-client';
import { dayCommands } from './day-load.js';
import {
	connect,
	freePort,
	inGroups,
	login,
	ms,
	quantile,
	schoolsScenario,
	startServer as start,
	tempDir,
	printed,
	writeResults
} from './lib.js';

const listeners = Number(process.env.BENCH_LISTENERS ?? 200);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const writers = Number(process.env.BENCH_WRITERS ?? 8);
const schoolCount = Number(process.env.BENCH_SCHOOLS ?? 100);
const behind = Number(process.env.BENCH_BEHIND ?? 10_000);
const payloadBody = 'Các xe loa tập trung trước 6g30 tại điểm tập kết, kiểm tra loa và băng rôn.';

const dir = tempDir();
const dbPath = path.join(dir, 'bench.sqlite');

function bareSqlite(count, payload) {
	const file = path.join(dir, `bare-${crypto.randomUUID()}.sqlite`);
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.exec('CREATE TABLE log (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE, data TEXT)');
	const insert = db.prepare('INSERT INTO log (id, data) VALUES (?, ?)');
	const started = performance.now();
	for (let i = 0; i < count; i++)
		db.transaction(() => insert.run(crypto.randomUUID(), JSON.stringify({ ...payload, i })))();
	const elapsed = (performance.now() - started) / 1000;
	db.close();
	return count / elapsed;
}

async function bareBroadcast(count) {
	const server = http.createServer();
	const ioServer = new Server(server);
	const port = await freePort();
	await new Promise((r) => server.listen(port, '127.0.0.1', r));
	const clients = await Promise.all(
		Array.from({ length: count }, () => {
			const socket = io(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true });
			return new Promise((resolve) => socket.once('connect', () => resolve(socket)));
		})
	);
	const latencies = [];
	for (let round = 0; round < 50; round++) {
		const sent = performance.now();
		const received = clients.map(
			(c) => new Promise((resolve) => c.once('event', () => resolve(performance.now() - sent)))
		);
		ioServer.emit('event', {
			seq: round,
			type: 'notice.posted',
			at: Date.now(),
			actor: 'x',
			demo: false,
			data: {
				id: crypto.randomUUID(),
				body: payloadBody,
				urgent: false,
				targetUnitIds: null,
				author: 'Điều phối (ttvh)'
			}
		});
		latencies.push(...(await Promise.all(received)));
	}
	clients.forEach((c) => c.close());
	ioServer.close();
	return latencies;
}

const { line, lines } = printed();

/** Each client sends its next command as soon as the last is acknowledged, for `seconds`. */
async function durable(label, clients, commandOf) {
	const ackLatencies = [];
	let acknowledged = 0;
	const until = performance.now() + seconds * 1000;
	await Promise.all(
		clients.map(async (client) => {
			for (let n = 0; performance.now() < until; n++) {
				const sent = performance.now();
				const result = await client.socket.emitWithAck('command', {
					id: crypto.randomUUID(),
					...commandOf(client, n)
				});
				if (!result.ok) throw new Error(result.message);
				ackLatencies.push(performance.now() - sent);
				acknowledged++;
			}
		})
	);
	const commandsPerSecond = acknowledged / seconds;
	const bareRate = bareSqlite(
		Math.max(1000, Math.round(commandsPerSecond * 2)),
		commandOf(clients[0], 0).payload
	);
	line(
		`durable commands, ${label} (${seconds}s): ${commandsPerSecond.toFixed(0)}/s acknowledged, ack p50 ${ms(quantile(ackLatencies, 0.5))}, p99 ${ms(quantile(ackLatencies, 0.99))}`
	);
	line(
		`  bare better-sqlite3 FULL single-row commits of the same payload: ${bareRate.toFixed(0)}/s → ratio ${(commandsPerSecond / bareRate).toFixed(2)} (above 1: a group shares one fsync)`
	);
}

const scenario = schoolsScenario(dir, schoolCount);
const server = await start({
	dbPath,
	scenario: scenario.file,
	// the command path flat out: a school's tablet here saves faster than the rate limit lets one
	env: { KHAIMAC_RESYNC_LIMIT: String(behind * 2), KHAIMAC_COMMAND_RATE: '0' }
});
const { url } = server;
try {
	const cookie = await login(url, 'ttvh');
	const leaderCookie = await login(url, 'lanhdao');

	// 1. durable commands
	const schools = await inGroups(scenario.schools, 20, async (u) => ({
		unitId: u.id,
		socket: await connect(url, await login(url, u.id))
	}));
	await durable(
		`${schoolCount} schools' tablets saving report drafts, one in flight each`,
		schools,
		dayCommands.drafts
	);
	schools.forEach((s) => s.socket.close());
	const sockets = await Promise.all(Array.from({ length: writers }, () => connect(url, cookie)));
	await durable(
		`${writers} ops consoles posting notices (each console receives all of them)`,
		sockets.map((socket) => ({ socket })),
		() => ({ type: 'notice.post', payload: { body: payloadBody } })
	);

	// 2. event-to-client latency to N displays (leader sessions join the display room)
	const displays = [];
	for (let i = 0; i < listeners; i += 50)
		displays.push(
			...(await Promise.all(
				Array.from({ length: Math.min(50, listeners - i) }, () => connect(url, leaderCookie))
			))
		);
	const deliveries = [];
	for (let round = 0; round < 50; round++) {
		const sent = performance.now();
		const received = displays.map(
			(d) => new Promise((resolve) => d.once('event', () => resolve(performance.now() - sent)))
		);
		await sockets[0].emitWithAck('command', {
			id: crypto.randomUUID(),
			type: 'notice.post',
			payload: { body: payloadBody }
		});
		deliveries.push(...(await Promise.all(received)));
	}
	const bare = await bareBroadcast(listeners);
	line(
		`command → ${listeners} displays: p50 ${ms(quantile(deliveries, 0.5))}, p99 ${ms(quantile(deliveries, 0.99))} (includes the durable commit)`
	);
	line(
		`  bare socket.io broadcast, same payload, ${listeners} clients: p50 ${ms(quantile(bare, 0.5))}, p99 ${ms(quantile(bare, 0.99))} → p99 ratio ${(quantile(deliveries, 0.99) / quantile(bare, 0.99)).toFixed(2)}`
	);
	displays.forEach((d) => d.close());

	// 3. resync of a client far behind
	const db = new Database(dbPath, { readonly: true });
	const last = db.prepare('SELECT MAX(seq) AS seq FROM events').get().seq;
	db.close();
	const needed = Math.max(0, behind - last);
	for (let i = 0; i < needed; i += writers * 50) {
		await Promise.all(
			sockets.map(async (s) => {
				for (let j = 0; j < 50; j++)
					await s.emitWithAck('command', {
						id: crypto.randomUUID(),
						type: 'notice.post',
						payload: { body: payloadBody }
					});
			})
		);
	}
	const late = await connect(url, leaderCookie);
	const started = performance.now();
	// the last `behind` events are notices, which a leader's screen follows
	const result = await late.emitWithAck('sync', Math.max(0, Math.max(last, behind) - behind));
	if (result.kind !== 'events') throw new Error(`resync answered with a ${result.kind}`);
	const caughtUp = performance.now() - started;
	line(`resync: a client ${result.events.length} events behind caught up in ${ms(caughtUp)}`);
	late.close();
	sockets.forEach((s) => s.close());
} finally {
	await server.stop();
	fs.rmSync(dir, { recursive: true, force: true });
}
writeResults('commands-results', lines);
process.exit(0);
