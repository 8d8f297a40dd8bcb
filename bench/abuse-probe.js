// The abuse bench's probe, in a process of its own, as a gate phone is a device of its own: the
// floods' clients in the bench's process (its threads, its collector, its thread pool) must not
// delay what it times. A gate phone counting a guest in every 250 ms (each command's time to its
// answer), another ward's small photo every 2 s (first byte to stored), and the server's /healthz
// every second (its event-loop delay windows, live sockets, photos waiting). Every sample
// carries its wall-clock time; the bench sorts them into phases. Started with what it needs as
// the first message (forked with an IPC channel), it runs until told 'stop', then sends its
// samples back.
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { connect, login } from '../tests/harness/client.js';
import { uploadPhoto } from './lib.js';

const { url, gateUser, groupId, photoUnit, photos, headers } = await new Promise((resolve) =>
	process.once('message', resolve)
);
// a gate phone has its own CPU: here the probe is served first when the machine is full (its own
// priority, above the normal one: root only, else it stays at the normal one and says so)
let raised = true;
try {
	os.setPriority(-5);
} catch {
	raised = false;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let running = true;
process.on('message', (message) => message === 'stop' && (running = false));

const samples = { gate: [], photos: [], health: [], lag: [] };
// the probe's own event-loop delay: a gate answer late here was not late at the server
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();

/** Calls `fn` every `ms` (not waiting for the last call) until stopped; then waits for all. */
async function every(ms, fn) {
	const pending = new Set();
	for (let next = Date.now(); running; next += ms) {
		const call = fn();
		pending.add(call);
		call.finally(() => pending.delete(call));
		await sleep(Math.max(0, next + ms - Date.now()));
	}
	await Promise.allSettled(pending);
}

async function countGuest(socket) {
	const at = Date.now();
	const t0 = performance.now();
	try {
		const answer = await socket.timeout(30_000).emitWithAck('command', {
			id: crypto.randomUUID(),
			type: 'gate.count',
			payload: { groupId, count: 1 }
		});
		samples.gate.push({ at, ms: performance.now() - t0, code: answer.ok ? 'ok' : answer.code });
	} catch {
		samples.gate.push({ at, ms: performance.now() - t0, code: 'no answer in 30 s' });
	}
}

async function sendPhoto(cookie, n) {
	const at = Date.now();
	const t0 = performance.now();
	try {
		const { status } = await uploadPhoto(url, cookie, photoUnit, photos[n % photos.length], { headers });
		samples.photos.push({ at, ms: performance.now() - t0, status });
	} catch (error) {
		samples.photos.push({ at, ms: performance.now() - t0, status: error.message });
	}
}

async function health() {
	const at = Date.now();
	samples.lag.push({ at, max: lag.max / 1e6 });
	lag.reset();
	try {
		const h = await (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) })).json();
		samples.health.push({
			at,
			loop: h.eventLoopDelay,
			commands: h.commands,
			sockets: h.sockets,
			seq: h.seq,
			photosWaiting: h.photosWaiting
		});
	} catch {
		samples.health.push({ at, loop: null });
	}
}

const gate = await connect(url, await login(url, gateUser, undefined, headers), 'user', headers);
const photoCookie = await login(url, photoUnit, undefined, headers);
process.send({ ready: true, raised });
let photo = 0;
await Promise.all([
	every(250, () => countGuest(gate)),
	every(1000, health),
	// one photo at a time, as a tablet's outbox sends them
	(async () => {
		while (running) {
			const next = Date.now() + 2000;
			await sendPhoto(photoCookie, photo++);
			await sleep(Math.max(0, next - Date.now()));
		}
	})()
]);
gate.close();
process.send(samples, () => process.disconnect());
