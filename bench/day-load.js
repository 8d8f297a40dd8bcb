// The opening day's load, shared by bench/day.js and bench/soak.js: who is connected (2,000
// sockets by default), 330 crew phones sending a position a second, and tablets, gates and the
// ops room sending commands at the day's rate. The same plan drives our server and the bare
// socket.io baseline, so both carry the same clients, rooms and payloads.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { io } from 'socket.io-client';
import { connect, inGroups, login, root } from './lib.js';
import { frameTime } from '../src/lib/trucks/position-frame.js';

/** who is connected on the day; 2,000 sockets */
export const dayMix = {
	crews: 330, // one phone per loudspeaker truck
	leaders: 150, // leaders' phones and wall displays (ops + display + gate rooms)
	ops: 10, // the culture-sports center's consoles
	wardTablets: 1200, // ward staff, 120 per ward
	unitStaff: 60, // schools and learning centers filling in the report
	gates: 250 // gate staff phones at the ceremony
};

/** commands per second on the day's busiest hour (real minutes, all units together) */
export const dayRates = {
	drafts: Number(process.env.BENCH_DRAFTS_PER_S ?? 20), // report cells typed, saved ~1 s after
	// 300 guests are expected, most in the half hour before the opening: a guest a second is the peak
	gateCounts: Number(process.env.BENCH_GATE_COUNTS_PER_S ?? 1), // guests counted in at the gates
	notices: Number(process.env.BENCH_NOTICES_PER_S ?? 0.2) // the ops room to every unit
};

/** The rooms our server puts each role in (roomsFor in access.ts), for the bare baseline. */
function roomsOf(c) {
	switch (c.role) {
		case 'truck_crew':
			return ['staff', `unit:${c.unitId}`, `truck:${c.truckId}`];
		case 'leader':
			return ['ops', 'display', 'gate'];
		case 'coordinator':
			return ['ops', 'display', 'gate', `unit:${c.unitId}`, `report:${c.unitId}`];
		case 'ward_staff':
			return ['staff', `unit:${c.unitId}`, `report:${c.unitId}`];
		case 'unit_staff':
			return ['staff', `report:${c.unitId}`];
		case 'gate_staff':
			return ['gate', 'staff', `unit:${c.unitId}`];
	}
	throw new Error(`no rooms for ${c.role}`);
}

/** The connected clients of the day, from the scenario's accounts (several devices per account). */
export function planClients(scenario, mix = dayMix) {
	const byRole = (role) => scenario.accounts.filter((a) => a.role === role);
	const lineOf = new Map(scenario.routes.map((r) => [r.id, r.line.coordinates]));
	const spread = (accounts, count) => Array.from({ length: count }, (_, i) => accounts[i % accounts.length]);
	const plan = [
		...scenario.trucks.slice(0, mix.crews).map((t) => ({
			account: scenario.accounts.find((a) => a.truckId === t.id),
			truck: { ...t, line: lineOf.get(t.routeId) }
		})),
		...spread(byRole('leader'), mix.leaders).map((account) => ({ account })),
		...spread(byRole('coordinator'), mix.ops).map((account) => ({ account })),
		...spread(byRole('ward_staff'), mix.wardTablets).map((account) => ({ account })),
		...spread(byRole('unit_staff'), mix.unitStaff).map((account) => ({ account })),
		...spread(byRole('gate_staff'), mix.gates).map((account) => ({ account }))
	];
	return plan.map(({ account, truck }) => {
		const unitId = account.unitId ?? truck?.unitId ?? null;
		const c = {
			role: account.role,
			username: account.username,
			unitId,
			truckId: account.truckId ?? null,
			truck
		};
		return { ...c, rooms: roomsOf(c) };
	});
}

/**
 * Opens every planned client on our server, a socket per device: one login per account, or
 * per `socketsPerLogin` of its devices where the server holds a sign-in to that many; each
 * device's handshake carries `headersOf(client, index)` (its own address behind a proxy).
 */
export async function openOurs(
	url,
	plan,
	onProgress = () => {},
	{ socketsPerLogin = Infinity, headersOf = () => ({}) } = {}
) {
	const devices = new Map();
	const signIns = plan.map((c) => {
		const n = devices.get(c.username) ?? 0;
		devices.set(c.username, n + 1);
		return `${Math.floor(n / socketsPerLogin)} ${c.username}`;
	});
	// each sign-in from the address of its first device
	const firstDevice = new Map();
	signIns.forEach((key, i) => firstDevice.has(key) || firstDevice.set(key, i));
	const cookies = new Map();
	await inGroups([...firstDevice], 20, async ([key, i]) =>
		cookies.set(key, await login(url, plan[i].username, undefined, headersOf(plan[i], i)))
	);
	let opened = 0;
	return inGroups(
		plan.map((c, i) => ({ c, i })),
		100,
		async ({ c, i }) => {
			const socket = await connect(url, cookies.get(signIns[i]), 'user', headersOf(c, i));
			if (++opened % 500 === 0) onProgress(opened);
			return { ...c, socket };
		}
	);
}

/** Opens the same clients on the bare socket.io server: they name their rooms themselves. */
export async function openBare(url, plan) {
	return inGroups(plan, 100, (c) => {
		const socket = io(url, {
			transports: ['websocket'],
			forceNew: true,
			reconnection: false,
			auth: { rooms: c.rooms }
		});
		return new Promise((resolve, reject) => {
			socket.once('connect', () => resolve({ ...c, socket }));
			socket.once('connect_error', reject);
		});
	});
}

const defaultScenario = JSON.parse(
	fs.readFileSync(path.join(root, 'data/scenarios/quan7-2024.json'), 'utf8')
);
const inputRows = defaultScenario.reportTable.rows.filter((r) => r.inputs !== 'none').slice(0, 10);
const groups = defaultScenario.ceremony.groups.map((g) => g.id);

/** The n-th command of each kind, as the pages send it. */
export const dayCommands = {
	drafts: (c, n) => ({
		type: 'report.save_draft',
		payload: {
			unitId: c.unitId,
			figures: Object.fromEntries(
				inputRows.map((r, i) => [
					r.id,
					r.inputs === 'both'
						? { count: (n + i) % 40, people: ((n + i) % 40) * 25 }
						: { [r.inputs]: ((n + i) % 40) * (r.inputs === 'people' ? 25 : 1) }
				])
			),
			narrative: { 'trien-khai': `Đã treo băng rôn, khẩu hiệu tại các tuyến đường chính (lần lưu ${n}).` }
		}
	}),
	gateCounts: (c, n) => ({
		type: 'gate.count',
		payload: { groupId: groups[n % groups.length], count: 1 + (n % 4) }
	}),
	notices: (c, n) => ({
		type: 'notice.post',
		payload: { body: `Thông báo ${n}: các xe loa giữ đúng lộ trình, báo về khi tới điểm.` }
	})
};
/** who sends each kind of command: a client → whether it may be picked */
export const daySenders = {
	drafts: (c) => c.role === 'ward_staff' || c.role === 'unit_staff',
	gateCounts: (c) => c.role === 'gate_staff',
	notices: (c) => c.role === 'coordinator'
};

/** Growable pair of columns (seq, time) without an object per row. */
class Receipts {
	seq = new Float64Array(1 << 16);
	at = new Float64Array(1 << 16);
	length = 0;
	push(seq, at) {
		if (this.length === this.seq.length) {
			const grow = (a) => {
				const b = new Float64Array(a.length * 2);
				b.set(a);
				return b;
			};
			this.seq = grow(this.seq);
			this.at = grow(this.at);
		}
		this.seq[this.length] = seq;
		this.at[this.length++] = at;
	}
}

/**
 * Drives the day for `seconds`: every crew phone sends a position a second (spread over the
 * second, as phones are not in step), commands go out at `rates` from random senders of the
 * right role, and every receipt is timed. `send(client, command)` is the server's command
 * emit; it resolves to { ok, seq }. `every` is called each second with the second's index.
 * `dayNow` stamps the fixes, as a crew phone does with the server's day clock. `commands` and
 * `senders` name each kind of command of `rates` and who sends it; `onEvent(client, event)`,
 * `onFrame(client, frame)` and `onSent(client, command, seq)` see every receipt and every
 * accepted command (a plan of levels checks who got what).
 */
export async function driveDay({
	clients,
	seconds,
	rates = dayRates,
	send,
	every = () => {},
	record = true,
	dayNow = Date.now,
	commands = dayCommands,
	senders: pickable = daySenders,
	onEvent,
	onFrame,
	onSent
}) {
	const receipts = new Receipts();
	const frameDelays = [];
	// a soak only counts: timing every receipt for 30 minutes would fill this process instead
	if (record)
		for (const c of clients) {
			c.socket.on('event', (e) => {
				receipts.push(e.seq, performance.now());
				onEvent?.(c, e);
			});
			c.socket.on('positions', (frame) => {
				frameDelays.push(Date.now() - frameTime(frame));
				onFrame?.(c, frame);
			});
		}
	const crews = clients.filter((c) => c.truck);
	const senders = Object.fromEntries(
		Object.keys(rates).map((kind) => [kind, clients.filter(pickable[kind])])
	);
	const sentAt = new Map();
	const counts = { positions: 0, positionsRefused: 0, fixesRefused: 0, commands: 0, commandsRefused: 0 };
	const pending = new Set();
	const track = (promise) => {
		pending.add(promise);
		promise.finally(() => pending.delete(promise));
	};
	const sequence = Object.fromEntries(Object.keys(rates).map((k) => [k, 0]));
	const owed = Object.fromEntries(Object.keys(rates).map((k) => [k, 0]));
	const tickMs = 10;
	const ticksPerSecond = 1000 / tickMs;
	const started = performance.now();
	for (let tick = 0; tick < seconds * ticksPerSecond; tick++) {
		const second = Math.floor(tick / ticksPerSecond);
		if (tick % ticksPerSecond === 0) every(second);
		// the crews whose turn falls in this tick
		const from = Math.floor(((tick % ticksPerSecond) * crews.length) / ticksPerSecond);
		const to = Math.floor((((tick % ticksPerSecond) + 1) * crews.length) / ticksPerSecond);
		for (let i = from; i < to; i++) {
			const { truck, socket } = crews[i];
			const { line } = truck;
			// one point further along its route each fix, on from where the last run left it: a run
			// that started over from the route's start would jump every truck back at once
			truck.step = (truck.step ?? i) + 1;
			const [lng, lat] = line[truck.step % line.length];
			track(
				socket
					.timeout(10_000)
					.emitWithAck('positions', {
						truckId: truck.id,
						fixes: [{ at: Math.round(dayNow()), lat: lat + i * 1e-6, lng, accuracy: 8, speed: 12 }]
					})
					.then(
						(ack) => {
							if (!ack.ok) return counts.positionsRefused++;
							counts.positions += ack.accepted;
							counts.fixesRefused += ack.refused.length;
						},
						() => counts.positionsRefused++
					)
			);
		}
		for (const [kind, rate] of Object.entries(rates)) {
			owed[kind] += rate / ticksPerSecond;
			while (owed[kind] >= 1) {
				owed[kind] -= 1;
				const pool = senders[kind];
				const client = pool[Math.floor(Math.random() * pool.length)];
				const command = commands[kind](client, sequence[kind]++);
				const t0 = performance.now();
				track(
					send(client, command).then(
						(ack) => {
							if (ack.ok) {
								counts.commands++;
								if (record) sentAt.set(ack.seq, t0);
								onSent?.(client, command, ack.seq);
							} else counts.commandsRefused++;
						},
						() => counts.commandsRefused++
					)
				);
			}
		}
		const wait = started + (tick + 1) * tickMs - performance.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
	}
	const elapsed = (performance.now() - started) / 1000;
	await Promise.all(pending);
	await new Promise((r) => setTimeout(r, 1500)); // the last frame and events arrive
	for (const c of clients) {
		c.socket.off('event');
		c.socket.off('positions');
	}
	const latencies = [];
	for (let i = 0; i < receipts.length; i++) {
		const t0 = sentAt.get(receipts.seq[i]);
		if (t0 !== undefined) latencies.push(receipts.at[i] - t0);
	}
	return { elapsed, counts, latencies, frameDelays, receipts: receipts.length };
}

/**
 * The day's clock as a crew phone keeps it: from the server's stored clock, then as the
 * server announces changes (a demo compresses the day and jumps between acts).
 */
export function followDayClock(dbPath, socket) {
	const db = new Database(dbPath, { readonly: true });
	const row = db.prepare("SELECT value FROM meta WHERE key = 'day_clock'").get();
	db.close();
	let clock = row ? JSON.parse(row.value) : null;
	socket.on('clock:changed', (c) => (clock = c));
	return () => (clock ? clock.anchorDay + (Date.now() - clock.anchorReal) * clock.speed : Date.now());
}

/** Our server's answer to a command, through the real socket event. */
export function sendOurs(client, command) {
	return client.socket.timeout(10_000).emitWithAck('command', { id: crypto.randomUUID(), ...command });
}
