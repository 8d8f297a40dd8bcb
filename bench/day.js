// npm run bench:day — the opening day's load on one server: 2,000 connected sockets (crew
// phones, leaders and displays, ops consoles, ward tablets, unit staff, gates), 330 trucks
// sending a position a second, and commands from tablets, gates and the ops room at the day's
// rate. In the same run, the same clients and payloads through a bare socket.io server and the
// same rows through bare better-sqlite3, as baselines. Prints latencies, rates, memory per
// connection, event-loop delay, RSS and CPU, with ratios. Needs `npm run build` first.
// BENCH_DAY_PLAN=nested (npm run bench:day-levels): the same day on a province's plan of levels,
// 5,000 sockets by default, its wards' readers in their wards' rooms (bench/day-levels.js), with
// what levels cost and a check that no ward hears of another's.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { frameTime, unpackFrame } from '../src/lib/trucks/position-frame.js';
import {
	dayCommands,
	dayMix,
	dayRates,
	daySenders,
	driveDay,
	openBare,
	openOurs,
	planClients,
	sendOurs
} from './day-load.js';
import {
	eventOf as provinceEventOf,
	levelWatch,
	openScreens,
	planProvince,
	provinceAudience,
	provinceCommands,
	provincePlan,
	provinceRates,
	provinceSenders
} from './day-levels.js';
import {
	cpuSeconds,
	fleetScenario,
	killOnExit,
	ms,
	quantile,
	root,
	rssMb,
	startServer,
	tempDir,
	printed,
	writeResults
} from './lib.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const settle = (s) => new Promise((r) => setTimeout(r, s * 1000));

const nested = process.env.BENCH_DAY_PLAN === 'nested';
/** the scale curve: the same day at each of these numbers of sockets (BENCH_DAY_SOCKETS=2000,5000,10000) */
const steps = (process.env.BENCH_DAY_SOCKETS ?? (nested ? '5000' : '2000,5000,10000')).split(',').map(Number);

const dir = tempDir();
const province = nested ? provincePlan(dir) : null;
const scenario = nested ? province.scenario : fleetScenario(dir, 330);
const { line, lines } = printed();

/** The flat plan's commands and audiences (one level: every reader is the whole event's). */
const flatAudience = (c, command) =>
	command.type === 'report.save_draft'
		? [`report:${c.unitId}`]
		: command.type === 'gate.count'
			? ['ops', 'display', 'gate']
			: ['ops', 'display', 'staff'];
const flatEventOf = {
	'report.save_draft': 'report.draft_saved',
	'gate.count': 'ceremony.checked_in',
	'notice.post': 'notice.posted'
};
/** what is sent, by whom, and to whom the bare baseline sends it */
const day = nested
	? {
			rates: provinceRates,
			commands: provinceCommands,
			senders: provinceSenders,
			audienceOf: provinceAudience,
			eventOf: provinceEventOf
		}
	: {
			rates: dayRates,
			commands: dayCommands,
			senders: daySenders,
			audienceOf: flatAudience,
			eventOf: flatEventOf
		};

/** Each level's frame delays (a ward's reader has `scope`), and the largest frame each scope got. */
function framesByLevel() {
	const delays = { ward: [], province: [] };
	const largest = new Map();
	return {
		delays,
		largest,
		onFrame(c, f) {
			delays[c.scope ? 'ward' : 'province'].push(Date.now() - frameTime(f));
			const scope = c.scope ?? '';
			if (!largest.has(scope) || f.byteLength > largest.get(scope).byteLength) largest.set(scope, f);
		}
	};
}

/**
 * The day's clients for `sockets` in all: the 330 crew phones stay, every other kind of device
 * grows in proportion (2,000 is the day's mix as planned).
 */
function planFor(sockets) {
	if (nested) return planProvince(province, sockets);
	const scale = (sockets - dayMix.crews) / (2000 - dayMix.crews);
	const mix = Object.fromEntries(
		Object.entries(dayMix).map(([kind, n]) => [kind, kind === 'crews' ? n : Math.round(n * scale)])
	);
	return planClients(scenario, mix);
}
const perSecond = (n, s) => (n / s).toFixed(0);

/** Samples a process's RSS each second and its own /healthz every 10 s during a run. */
function sampler(pid, url) {
	const rss = [];
	const loop = [];
	return {
		rss,
		loop,
		every: (second) => {
			rss.push(rssMb(pid));
			if (url && second > 0 && second % 10 === 0)
				fetch(`${url}/healthz`)
					.then((r) => r.json())
					.then((h) => h.eventLoopDelay && loop.push(h.eventLoopDelay));
		}
	};
}

async function ours(plan) {
	const dbPath = path.join(dir, `day-${plan.length}.sqlite`);
	const server = await startServer({ dbPath, scenario: scenario.file });
	const { url } = server;
	try {
		await settle(3);
		const rssEmpty = rssMb(server.pid());
		console.log(`▶ ours: opening ${plan.length} sockets…`);
		const people = plan.filter((c) => c.role !== 'display');
		const clients = await openOurs(url, people, (n) => console.log(`  ${n} connected`));
		// wall screens: their links made by their level's coordinator, then opened
		clients.push(
			...(await openScreens(
				url,
				dbPath,
				plan.filter((c) => c.role === 'display'),
				clients
			))
		);
		await settle(5);
		const rssConnected = rssMb(server.pid());
		const samples = {};
		// a reader of the whole event: it hears every kind of event the bare baseline will send
		const watcher = clients.find((c) => c.role === 'coordinator' && !c.scope).socket;
		watcher.on('event', (e) => (samples[e.type] ??= e));
		const frames = framesByLevel();
		const watch = nested ? levelWatch(province, clients) : null;
		const s = sampler(server.pid(), url);
		const cpu0 = cpuSeconds(server.pid());
		console.log(`▶ ours: ${seconds} s of the day…`);
		const run = await driveDay({
			clients,
			seconds,
			send: sendOurs,
			every: s.every,
			...day,
			onEvent: watch?.onEvent,
			onSent: watch?.onSent,
			onFrame: (c, f) => {
				frames.onFrame(c, f);
				watch?.onFrame(c, f);
			}
		});
		const cpu = cpuSeconds(server.pid()) - cpu0;
		clients.forEach((c) => c.socket.close());
		const frame = frames.largest.get('') ?? null;
		return { ...run, rssEmpty, rssConnected, rss: s.rss, loop: s.loop, cpu, samples, frame, frames, watch };
	} finally {
		await server.stop();
	}
}

async function bare(plan, samples, largest) {
	const child = spawn('node', [path.join(root, 'bench/bare-server.js')], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	killOnExit(child);
	const port = await new Promise((resolve) =>
		readline.createInterface({ input: child.stdout }).once('line', (l) => resolve(Number(l)))
	);
	const url = `http://127.0.0.1:${port}`;
	try {
		await settle(3);
		const rssEmpty = rssMb(child.pid);
		console.log(`▶ bare socket.io: opening ${plan.length} sockets…`);
		const clients = await openBare(url, plan);
		await settle(5);
		const rssConnected = rssMb(child.pid);
		// the frames our server sent each level, so the bare one sends the same bytes to the same rooms
		for (const [scope, bytes] of largest)
			clients[0].socket.emit('frame-template', {
				rooms: scope ? [`ops@${scope}`, `display@${scope}`] : ['ops', 'display'],
				bytes
			});
		const send = (c, command) =>
			c.socket.timeout(10_000).emitWithAck('command', {
				audience: day.audienceOf(c, command),
				event: samples[day.eventOf[command.type]]
			});
		const s = sampler(child.pid, null);
		const frames = framesByLevel();
		const cpu0 = cpuSeconds(child.pid);
		console.log(`▶ bare socket.io: ${seconds} s of the same day…`);
		const run = await driveDay({ clients, seconds, send, every: s.every, ...day, onFrame: frames.onFrame });
		const cpu = cpuSeconds(child.pid) - cpu0;
		clients.forEach((c) => c.socket.close());
		return { ...run, rssEmpty, rssConnected, rss: s.rss, cpu, frames };
	} finally {
		child.kill('SIGTERM');
	}
}

/** The same rows written by bare better-sqlite3: each command its own FULL commit, positions a batch a second. */
function bareSqlite(commands, positions, samples) {
	const db = new Database(path.join(dir, `bare-${commands}-${Date.now()}.sqlite`));
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.exec(`CREATE TABLE events (seq INTEGER PRIMARY KEY, command_id TEXT UNIQUE, type TEXT, data TEXT, audience TEXT, at INTEGER);
		CREATE TABLE positions (id INTEGER PRIMARY KEY, truck_id TEXT, device_at INTEGER, received_at INTEGER, lat REAL, lng REAL, accuracy REAL, speed REAL, UNIQUE (truck_id, device_at))`);
	const event = db.prepare(
		'INSERT INTO events (command_id, type, data, audience, at) VALUES (?, ?, ?, ?, ?)'
	);
	const position = db.prepare(
		'INSERT INTO positions (truck_id, device_at, received_at, lat, lng, accuracy, speed) VALUES (?, ?, ?, ?, ?, ?, ?)'
	);
	const kinds = Object.values(samples);
	const cpu0 = process.cpuUsage();
	const t0 = performance.now();
	for (let i = 0; i < commands; i++) {
		const e = kinds[i % kinds.length];
		db.transaction(() =>
			event.run(crypto.randomUUID(), e.type, JSON.stringify(e.data), '["ops"]', Date.now())
		)();
	}
	const commandSeconds = (performance.now() - t0) / 1000;
	for (let done = 0, second = 0; done < positions; second++) {
		const batch = Math.min(330, positions - done);
		db.transaction(() => {
			for (let i = 0; i < batch; i++) position.run(`xe-${i}`, second * 1000, Date.now(), 10.7, 106.7, 8, 12);
		})();
		done += batch;
	}
	const cpu = process.cpuUsage(cpu0);
	db.close();
	return { commandsPerSecond: commands / commandSeconds, cpu: (cpu.user + cpu.system) / 1e6 };
}

/** One step of the curve: the day on our server, then on the bare baselines; its figures. */
async function step(plan, detailed) {
	const a = await ours(plan);
	await settle(2);
	const b = await bare(plan, a.samples, a.frames.largest);
	const sql = bareSqlite(a.counts.commands, a.counts.positions, a.samples);
	const offered = Object.values(day.rates).reduce((x, y) => x + y, 0);
	const perConn = (r) => ((r.rssConnected - r.rssEmpty) * 1024) / plan.length;
	const p = (v, q) => quantile(v, q);
	const worstLoop = a.loop.reduce((m, w) => Math.max(m, w.p99), 0);
	const row = {
		sockets: plan.length,
		p99: p(a.latencies, 0.99),
		bareP99: p(b.latencies, 0.99),
		frameP99: p(a.frameDelays, 0.99),
		bareFrameP99: p(b.frameDelays, 0.99),
		loop: worstLoop,
		rss: Math.max(...a.rss),
		bareRss: Math.max(...b.rss),
		perConn: perConn(a),
		barePerConn: perConn(b)
	};
	if (!detailed) return row;

	line(
		`day load: ${plan.length} sockets (${Object.entries(planCounts(plan))
			.map(([k, v]) => `${v} ${k}`)
			.join(', ')}), ${seconds} s`
	);
	line(
		`ingested: ${perSecond(a.counts.positions, a.elapsed)} positions/s (${a.counts.positionsRefused + a.counts.fixesRefused} refused), ${perSecond(a.counts.commands, a.elapsed)} commands/s of ${offered.toFixed(1)}/s offered (${a.counts.commandsRefused} refused)`
	);
	line(
		`event → client: p50 ${ms(p(a.latencies, 0.5))}, p99 ${ms(p(a.latencies, 0.99))} over ${a.latencies.length} deliveries (command sent → event at each client in its audience)`
	);
	line(
		`  bare socket.io, same clients and payloads: p50 ${ms(p(b.latencies, 0.5))}, p99 ${ms(p(b.latencies, 0.99))} → p99 ratio ${(p(a.latencies, 0.99) / p(b.latencies, 0.99)).toFixed(2)} (target ≤ 2)`
	);
	line(
		`position frame → displays (${a.frame ? unpackFrame(a.frame)?.p.length : 0} trucks, ${a.frame?.byteLength ?? 0} B): p50 ${ms(p(a.frameDelays, 0.5))}, p99 ${ms(p(a.frameDelays, 0.99))}; bare p50 ${ms(p(b.frameDelays, 0.5))}, p99 ${ms(p(b.frameDelays, 0.99))} → ratio ${(p(a.frameDelays, 0.99) / p(b.frameDelays, 0.99)).toFixed(2)} (target ≤ 1.5)`
	);
	if (nested) levelLines(a, b);
	line(
		`event-loop delay p99 (worst 10 s window under load): ${ms(worstLoop)} (target < 50 ms); windows: ${a.loop.map((w) => w.p99.toFixed(0)).join(', ')} ms`
	);
	line(
		`memory per connection: ours ${perConn(a).toFixed(1)} KB (${a.rssEmpty.toFixed(0)} → ${a.rssConnected.toFixed(0)} MB), bare socket.io ${perConn(b).toFixed(1)} KB (${b.rssEmpty.toFixed(0)} → ${b.rssConnected.toFixed(0)} MB) → ratio ${(perConn(a) / perConn(b)).toFixed(2)} (target ≤ 1.2)`
	);
	line(
		`server RSS under load: max ${row.rss.toFixed(0)} MB (target ≤ 300), bare socket.io max ${row.bareRss.toFixed(0)} MB`
	);
	line(
		`server CPU: ours ${((a.cpu / a.elapsed) * 100).toFixed(0)}% of a core; bare socket.io ${((b.cpu / b.elapsed) * 100).toFixed(0)}% + bare better-sqlite3 writing the same ${a.counts.commands} commands and ${a.counts.positions} positions ${((sql.cpu / a.elapsed) * 100).toFixed(1)}% → ratio ${(a.cpu / (b.cpu + sql.cpu)).toFixed(2)}`
	);
	line(
		`  bare better-sqlite3 single-row FULL commits of the same events: ${sql.commandsPerSecond.toFixed(0)}/s (the ceiling one fsync per command would give)`
	);
	return row;
}

try {
	const rows = [];
	// other work on the machine skews every figure: said with them
	line(
		`machine load (1-min average, ${os.cpus().length} cores) before the run: ${os.loadavg()[0].toFixed(2)}`
	);
	for (const [i, sockets] of steps.entries()) {
		console.log(`\n■ ${sockets} sockets`);
		rows.push(await step(planFor(sockets), i === 0));
		line(`machine load after ${sockets} sockets: ${os.loadavg()[0].toFixed(2)}`);
		await settle(2);
	}
	if (rows.length > 1) {
		const ratio = (x, y) => (x / y).toFixed(2);
		line('');
		line(`scale curve (${seconds} s each; bare socket.io baseline in the same run):`);
		line(
			'| sockets | event p99 (bare, ratio) | frame p99 (bare, ratio) | event-loop p99 | RSS max (bare) | memory per connection (bare) |'
		);
		line('|---:|---:|---:|---:|---:|---:|');
		for (const r of rows)
			line(
				`| ${r.sockets} | ${ms(r.p99)} (${ms(r.bareP99)}, ${ratio(r.p99, r.bareP99)}) | ${ms(r.frameP99)} (${ms(r.bareFrameP99)}, ${ratio(r.frameP99, r.bareFrameP99)}) | ${ms(r.loop)} | ${r.rss.toFixed(0)} MB (${r.bareRss.toFixed(0)} MB) | ${r.perConn.toFixed(1)} KB (${r.barePerConn.toFixed(1)} KB) |`
			);
	}
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}

function planCounts(plan) {
	const counts = {};
	for (const c of plan) {
		const kind = nested
			? `${c.role}${c.scope ? ' (ward)' : ['coordinator', 'leader', 'display'].includes(c.role) ? ' (province)' : ''}`
			: c.role;
		counts[kind] = (counts[kind] ?? 0) + 1;
	}
	return counts;
}

/** What the plan of levels adds: each level's frames, what each ward's readers got, leaks. */
function levelLines(a, b) {
	const { frames, leaks, wardEvents } = a.watch;
	const p = (v, q) => ms(quantile(v, q));
	const level = (f, name, bareDelays) =>
		line(
			`  ${name} frames: ${f.count} received, ${(f.bytes / Math.max(f.count, 1)).toFixed(0)} B and ${(f.trucks / Math.max(f.count, 1)).toFixed(1)} trucks each; → client p50 ${p(f.delays, 0.5)}, p99 ${p(f.delays, 0.99)}; bare p50 ${p(bareDelays, 0.5)}, p99 ${p(bareDelays, 0.99)} → ratio ${(quantile(f.delays, 0.99) / quantile(bareDelays, 0.99)).toFixed(2)}`
		);
	line(
		`levels: ${province.wards.length} wards and communes; frames cut per level: ${(frames.cut.size / a.elapsed).toFixed(0)}/s (a ward's or the province's frame, each second a truck of it moved)`
	);
	level(frames.province, 'province (whole event)', b.frames.delays.province);
	level(frames.ward, 'ward', b.frames.delays.ward);
	const d = a.watch.deliveries();
	line(
		`deliveries: ${d.received} of the ${d.expected} the audiences of ${d.commands} accepted commands reach (${d.short} commands short, ${d.over} beyond${d.examples.length ? `: ${d.examples.join('; ')}` : ''})`
	);
	line(
		`ward readers: ${wardEvents.checked} events received (${wardEvents.about} naming a unit or truck: ${Object.entries(
			wardEvents.types
		)
			.map(([t, n]) => `${n} ${t}`)
			.join(', ')})`
	);
	line(
		`leaks (must be 0): ${leaks.events} events naming another ward's unit or truck, ${leaks.frames} frames with another ward's trucks${leaks.examples.length ? `; e.g. ${leaks.examples.join('; ')}` : ''}`
	);
}

writeResults(nested ? 'day-levels-results' : 'day-results', lines);
process.exit(0);
