// npm run bench:trucks: 330 trucks at 1 Hz and 50 displays for 60 s, loopback only.
// Prints positions/s ingested, position-to-display latency (p50/p99, including the one-second
// batching window), frame delivery latency, server RSS, and the same frames broadcast by a bare
// socket.io server to 50 clients in the same run as the baseline. Needs `npm run build` first.
import { frameTime, unpackFrame } from '../src/lib/trucks/position-frame.js';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Server } from 'socket.io';
import { io } from 'socket.io-client';
import {
	connect,
	fleetScenario,
	cpuSeconds,
	freePort,
	inGroups,
	login,
	ms,
	quantile,
	rssMb,
	sendPositions,
	startServer,
	tempDir,
	printed,
	writeResults
} from './lib.js';

const truckCount = Number(process.env.BENCH_TRUCKS ?? 330);
const displayCount = Number(process.env.BENCH_DISPLAYS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);

const dir = tempDir();
const dbPath = path.join(dir, 'bench.sqlite');

async function bareBroadcast(frames) {
	const server = http.createServer();
	const ioServer = new Server(server);
	const port = await freePort();
	await new Promise((r) => server.listen(port, '127.0.0.1', r));
	const clients = await inGroups(Array.from({ length: displayCount }), 25, () => {
		const socket = io(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true });
		return new Promise((resolve) => socket.once('connect', () => resolve(socket)));
	});
	const latencies = [];
	for (const c of clients) c.on('positions', (frame) => latencies.push(Date.now() - frameTime(frame)));
	for (const frame of frames.slice(0, 20)) {
		// the same packed bytes, stamped now (the frame's time is its f64 at byte 1)
		const bytes = Buffer.from(frame);
		bytes.writeDoubleLE(Date.now(), 1);
		ioServer.emit('positions', bytes);
		await new Promise((r) => setTimeout(r, 250));
	}
	await new Promise((r) => setTimeout(r, 500));
	clients.forEach((c) => c.close());
	ioServer.close();
	return latencies;
}

const scenario = fleetScenario(dir, truckCount);
console.log(`▶ ${truckCount} xe, ${displayCount} màn hình, ${seconds} giây…`);
const server = await startServer({ dbPath, scenario: scenario.file });
const { url } = server;
const { line, lines } = printed();
try {
	const rssIdle = rssMb(server.pid());
	const crews = await inGroups(scenario.trucks, 20, async (t) => ({
		truck: t,
		socket: await connect(url, await login(url, t.id))
	}));
	const leader = await login(url, 'lanhdao');
	const displays = await inGroups(Array.from({ length: displayCount }), 25, () => connect(url, leader));
	const routeStart = new Map(scenario.routes.map((r) => [r.id, r.line.coordinates]));

	// the page's truck list gives each index; here the scenario order is the same
	const sentAt = new Float64Array(truckCount);
	const endToEnd = [];
	const delivery = [];
	const frames = [];
	displays.forEach((d, n) =>
		d.on('positions', (packed) => {
			const now = Date.now();
			delivery.push(now - frameTime(packed));
			if (n === 0) frames.push(packed);
			const frame = unpackFrame(packed);
			for (const [index] of frame?.p ?? []) if (sentAt[index]) endToEnd.push(now - sentAt[index]);
		})
	);

	let accepted = 0;
	let refused = 0;
	const cpuBefore = cpuSeconds(server.pid());
	const started = Date.now();
	for (let second = 0; second < seconds; second++) {
		const tick = Date.now();
		const acks = await sendPositions(crews, routeStart, second, (i) => (sentAt[i] = Date.now()));
		for (const ack of acks) {
			if (ack.ok) accepted += ack.accepted;
			else refused++;
		}
		const wait = 1000 - (Date.now() - tick);
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
	}
	const elapsed = (Date.now() - started) / 1000;
	const rssLoaded = rssMb(server.pid());
	await new Promise((r) => setTimeout(r, 1500));
	const bare = await bareBroadcast(frames);
	const frameBytes = frames.length
		? Math.round(frames.reduce((n, f) => n + f.byteLength, 0) / frames.length)
		: 0;

	line(
		`positions ingested: ${(accepted / elapsed).toFixed(0)}/s (${accepted} in ${elapsed.toFixed(0)} s, ${refused} batches refused)`
	);
	line(
		`position → display (incl. ≤1 s batching): p50 ${ms(quantile(endToEnd, 0.5))}, p99 ${ms(quantile(endToEnd, 0.99))}`
	);
	line(
		`frame delivery to ${displayCount} displays: p50 ${ms(quantile(delivery, 0.5))}, p99 ${ms(quantile(delivery, 0.99))}; frame ≈ ${frameBytes} B`
	);
	line(
		`  bare socket.io, same frames, ${displayCount} clients: p50 ${ms(quantile(bare, 0.5))}, p99 ${ms(quantile(bare, 0.99))} → p99 ratio ${(quantile(delivery, 0.99) / quantile(bare, 0.99)).toFixed(2)}`
	);
	line(
		`server RSS: ${rssIdle.toFixed(0)} MB idle → ${rssLoaded.toFixed(0)} MB under load; server CPU ${(((cpuSeconds(server.pid()) - cpuBefore) / elapsed) * 100).toFixed(0)}% of one core`
	);
	crews.forEach((c) => c.socket.close());
	displays.forEach((d) => d.close());
} finally {
	await server.stop();
	fs.rmSync(dir, { recursive: true, force: true });
}
writeResults('trucks-results', lines);
process.exit(0);
