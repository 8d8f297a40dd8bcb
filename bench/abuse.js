// npm run bench:abuse — issue 16's floods, each from ONE attacker (one sign-in or display link,
// one address), while the opening day's load runs (bench/day-load.js: 2,000 sockets, 330 trucks
// at 1 Hz, the day's commands). Quiet (the day alone) and flood (the day and every flood at
// once) take BENCH_SECONDS each, in halves taken in turn — quiet, flood, quiet, flood — so that
// what else runs on the machine falls on both alike; after a flood half the bench waits for its
// leftovers (photos still queued) before timing quiet again. A probe in its own process
// (abuse-probe.js) times a gate phone's command and another ward's photo and reads the server's
// event-loop delay from /healthz; each attacker is a thread of its own (abuse-attacker.js).
// Prints each figure quiet and under flood against the target (the flood raises neither the
// event-loop p99 nor the gate command's latency above 2×), server RSS with its photo process,
// DB growth per minute, and what each attacker got.
//
// The server keeps its own limits, as on the day: every simulated device comes from an address
// of its own (X-Forwarded-For, behind the README's proxy setting) and an account's devices sign
// in once per 20 (KHAIMAC_SOCKETS_PER_LOGIN's default), so only the attacker meets them. The log
// is first filled to the size the issue measured at (37,000 events; the rate limit off for that),
// so that a catch-up reads what it would late on the day. BENCH_ABUSE_SOCKETS sets the day's
// sockets (the day mix, scaled), BENCH_ABUSE_EVENTS the log, BENCH_ABUSE_FLOODS which floods run
// (letters a–g, default all). Needs `npm run build` first.
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { declaredSize, lyingAboutSizes } from '../tests/harness/zip.js';
import { dayCommands, dayMix, driveDay, openOurs, planClients, sendOurs } from './day-load.js';
import {
	childPids,
	connect,
	cpuSeconds,
	fleetScenario,
	login,
	ms,
	printed,
	quantile,
	rssMb,
	schedSeconds,
	startServer,
	tempDir,
	writeResults
} from './lib.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const sockets = Number(process.env.BENCH_ABUSE_SOCKETS ?? 2000);
const logEvents = Number(process.env.BENCH_ABUSE_EVENTS ?? 37_000);
const floodLetters = process.env.BENCH_ABUSE_FLOODS ?? 'abcdefg';
/** the day's clients' CPU priority (a Unix nice value): below the server and the probe */
const dayClientsNice = 10;
const settle = (s) => new Promise((r) => setTimeout(r, s * 1000));
const mb = (bytes) => bytes / 1024 / 1024;
const fmt = (n) => Math.round(n).toLocaleString('en');

// who attacks with what (each flood its own sign-in; every one from the same address)
const attacker = { 'x-forwarded-for': '10.66.6.6' };
const accounts = {
	syncWard: 'phuong-tan-thuan-dong',
	drafts: 'phuong-tan-kieng',
	connections: 'phuong-tan-thuan-tay',
	bodies: 'phuong-tan-hung',
	photos: 'phuong-binh-thuan',
	bombs: 'ttvh',
	// not attackers: the probe's gate phone and the ward whose photo it times
	gate: 'cong-1',
	otherWard: 'phuong-tan-phong'
};

const dir = tempDir();
const scale = sockets / Object.values(dayMix).reduce((a, b) => a + b, 0);
const mix = Object.fromEntries(
	Object.entries(dayMix).map(([role, n]) => [role, Math.max(1, Math.round(n * scale))])
);
const scenario = fleetScenario(dir, mix.crews);
const plan = planClients(scenario, mix);
const dbPath = path.join(dir, 'abuse.sqlite');
const { line, lines } = printed();

/** The log filled to `events` through the real command path (notices and guests counted in). */
async function fillLog(events) {
	const server = await startServer({ dbPath, scenario: scenario.file, env: { KHAIMAC_COMMAND_BURST: '0' } });
	try {
		const { url } = server;
		const writers = await Promise.all(
			['ttvh', 'cong-1'].map(async (u) => ({ u, socket: await connect(url, await login(url, u)) }))
		);
		let seq = (await (await fetch(`${url}/healthz`)).json()).seq;
		let n = 0;
		await Promise.all(
			Array.from({ length: 32 }, async (_, i) => {
				const { u, socket } = writers[i % writers.length];
				while (seq < events) {
					const make = u === 'ttvh' ? dayCommands.notices : dayCommands.gateCounts;
					const answer = await sendOurs({ socket }, make({}, n++));
					if (!answer.ok) throw new Error(`filling the log: ${answer.code} ${answer.message}`);
					seq = Math.max(seq, answer.seq);
				}
			})
		);
		for (const w of writers) w.socket.close();
		return seq;
	} finally {
		await server.stop();
	}
}

/** An .xlsx of `rows` identical invitees, written as a stream (the sheet never whole in memory). */
async function bomb(rows) {
	const file = path.join(dir, 'bomb.xlsx');
	const book = new ExcelJS.stream.xlsx.WorkbookWriter({
		filename: file,
		useSharedStrings: false,
		useStyles: false,
		zip: { zlib: { level: 9 } }
	});
	const sheet = book.addWorksheet('Khách mời');
	sheet.addRow(['Họ tên', 'Thành phần']).commit();
	for (let i = 0; i < rows; i++) sheet.addRow(['Nguyễn Văn Khách', 'Báo chí']).commit();
	await sheet.commit();
	await book.commit();
	return fs.readFileSync(file);
}

/** A 4000 × 3000 PNG of faint noise (σ 1): legal (12 Mpx, 8-bit, under 15 MB), decoded whole. */
const noisePng = (seed) =>
	sharp({
		create: {
			width: 4000,
			height: 3000,
			channels: 3,
			background: { r: 100 + seed * 20, g: 90, b: 40 },
			noise: { type: 'gaussian', mean: 100 + seed * 20, sigma: 1 }
		}
	})
		.png()
		.toBuffer();
const smallJpeg = (seed) =>
	sharp({ create: { width: 800, height: 600, channels: 3, background: { r: seed * 60, g: 200, b: 90 } } })
		.jpeg()
		.toBuffer();

const rssOr0 = (pid) => {
	try {
		return rssMb(pid);
	} catch {
		return 0; // exited meanwhile
	}
};
/** Every half second: the server's and its photo process's resident memory. */
function memorySampler(pid) {
	const samples = [];
	const timer = setInterval(() => {
		const photo = childPids(pid).reduce((sum, child) => sum + rssOr0(child), 0);
		samples.push({ at: Date.now(), server: rssOr0(pid), photo });
	}, 500);
	return { samples, stop: () => clearInterval(timer) };
}
/** the most the process has held since it started (VmHWM), MB */
const peakMb = (pid) =>
	Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

const fileMb = (file) => (fs.existsSync(file) ? mb(fs.statSync(file).size) : 0);
const dbMb = () => fileMb(dbPath) + fileMb(`${dbPath}-wal`);
/** the photos stored under `folder` (not the uploads still coming in) */
function storedPhotosMb(folder) {
	if (!fs.existsSync(folder)) return 0;
	let bytes = 0;
	for (const name of fs.readdirSync(folder, { recursive: true })) {
		if (name.startsWith('incoming')) continue;
		try {
			const stat = fs.statSync(path.join(folder, name));
			if (stat.isFile()) bytes += stat.size;
		} catch {
			// removed meanwhile
		}
	}
	return mb(bytes);
}
function refusalRows() {
	const db = new Database(dbPath, { readonly: true });
	try {
		return db.prepare('SELECT COUNT(*) AS rows, COALESCE(SUM(times), 0) AS attempts FROM refusals').get();
	} finally {
		db.close();
	}
}

/**
 * The server's event-loop windows (10 s each, from /healthz) that lie wholly inside [from, to]:
 * a window ended between the poll that first shows it and the poll before, so began after that
 * poll's time less 10 s.
 */
function loopWindows(health, from, to) {
	const out = [];
	let prev = null;
	for (const h of health) {
		if (!h.loop) continue;
		const key = JSON.stringify(h.loop);
		if (prev && key !== prev.key && prev.at - 10_000 >= from && h.at <= to)
			out.push({ ...h.loop, commands: h.commands });
		prev = { key, at: h.at };
	}
	return out;
}

/** A thread that answers `message` with the first message `accept` takes. */
function reply(worker, message, accept = () => true) {
	return new Promise((resolve, reject) => {
		const onMessage = (m) => {
			if (!accept(m)) return;
			worker.off('message', onMessage);
			worker.off('error', reject);
			resolve(m);
		};
		worker.on('message', onMessage);
		worker.once('error', reject);
		// a thread (the attackers) or a process (the probe)
		if (message !== undefined) (worker.postMessage ?? worker.send).call(worker, message);
	});
}

/**
 * The attackers, a thread each (the floods BENCH_ABUSE_FLOODS names). One that cannot start or
 * that fails is said in the results; it never ends the bench.
 */
async function startAttackers(ctxOf) {
	const attackers = [];
	for (const flood of floodLetters) {
		const worker = new Worker(new URL('./abuse-attacker.js', import.meta.url), {
			workerData: { flood, ctx: ctxOf[flood] }
		});
		const started = await reply(worker).catch((error) => ({ error: error.message }));
		attackers.push({ flood, worker, error: started.error, idle: started.idle });
	}
	const running = attackers.filter((a) => !a.error);
	return {
		/** every attacker's thread runs only on a CPU nothing else wants */
		onlyOnIdleCpu: running.every((a) => a.idle),
		run: () => running.forEach((a) => a.worker.postMessage('run')),
		/** stops them; resolves when all have their last answers (or a minute has passed) */
		stop: () =>
			Promise.race([
				Promise.all(running.map((a) => reply(a.worker, 'stop', (m) => m.stopped).catch(() => {}))),
				settle(60)
			]),
		async say() {
			const said = [];
			for (const a of attackers)
				if (a.error) said.push(`${a.flood}) FAILED: ${a.error}`);
				else said.push(...(await reply(a.worker, 'say', (m) => m.lines)).lines);
			return said;
		},
		end: () => Promise.all(attackers.map((a) => a.worker.terminate()))
	};
}

let server;
let probe;
let memory;
let attackers;
try {
	console.log(`▶ filling the log to ${fmt(logEvents)} events…`);
	const filled = await fillLog(logEvents);
	server = await startServer({
		dbPath,
		scenario: null,
		clientLimits: true,
		env: { ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' }
	});
	const { url } = server;
	const pid = server.pid();

	console.log('▶ making the attackers’ files (zip bombs, photos)…');
	const honestBomb = await bomb(600_000);
	const bombs = [
		{ name: 'bomb', bytes: honestBomb },
		// the same, its directory claiming 1 KB an entry: the server inflates until its limit
		{ name: 'lying bomb', bytes: lyingAboutSizes(honestBomb, 1000) }
	];
	const bigPhotos = await Promise.all([0, 1, 2, 3].map(noisePng));
	const smallPhotos = await Promise.all([0, 1, 2].map(smallJpeg));

	// the wall display whose link was photographed
	const ops = await connect(url, await login(url, 'ttvh', undefined, attacker), 'user', attacker);
	const linkName = 'Màn hình sảnh (bench)';
	const created = await ops.timeout(10_000).emitWithAck('command', {
		id: crypto.randomUUID(),
		type: 'display_link.create',
		payload: { name: linkName }
	});
	if (!created.ok) throw new Error(`display_link.create: ${created.code} ${created.message}`);
	ops.close();
	const linkDb = new Database(dbPath, { readonly: true });
	const { token } = linkDb.prepare('SELECT token FROM display_links WHERE name = ?').get(linkName);
	linkDb.close();
	const displayCookie = `km_display=${token}`;

	console.log(`▶ opening ${fmt(plan.length)} sockets of the day…`);
	const clients = await openOurs(url, plan, (n) => console.log(`  ${n} connected`), {
		socketsPerLogin: 20,
		headersOf: (c, i) => ({ 'x-forwarded-for': `10.1.${i >> 8}.${i & 255}` })
	});

	console.log('▶ the attackers sign in…');
	const cookies = {};
	for (const key of ['syncWard', 'drafts', 'connections', 'bodies', 'photos', 'bombs'])
		cookies[key] = await login(url, accounts[key], undefined, attacker);
	const headers = attacker;
	attackers = await startAttackers({
		a: { url, displayCookie, wardCookie: cookies.syncWard, headers, seq: filled },
		b: { url, cookie: cookies.drafts, unitId: accounts.drafts, headers },
		c: { url, displayCookie, headers },
		d: { url, cookie: cookies.connections, headers },
		e: { url, cookie: cookies.bodies, unitId: accounts.bodies, headers },
		f: { url, cookie: cookies.photos, unitId: accounts.photos, headers, photos: bigPhotos },
		g: {
			url,
			cookie: cookies.bombs,
			headers,
			bombs,
			about: `${(honestBomb.length / 1e6).toFixed(1)} MB, 600,000 rows, ${mb(declaredSize(honestBomb)).toFixed(0)} MB of sheet XML`
		}
	});

	const worker = fork(new URL('./abuse-probe.js', import.meta.url), [], { serialization: 'advanced' });
	probe = { worker };
	const { raised: probeRaised } = await reply(
		worker,
		{
			url,
			gateUser: accounts.gate,
			groupId: scenario.ceremony.groups[0].id,
			photoUnit: accounts.otherWard,
			photos: smallPhotos,
			headers: { 'x-forwarded-for': '10.2.0.1' }
		},
		(m) => m.ready
	);
	// The day's 2,000 devices are on other machines: here they yield the CPU to the server and the
	// probe (set on this thread alone, once the server, the probe and the attackers are started,
	// since a thread or process started from here takes its priority). Without it the machine is
	// full under flood and the server waits for the bench's own clients (the probe's own loop was
	// late by up to 92 ms, counted in its gate answers).
	os.setPriority(dayClientsNice);
	memory = memorySampler(pid);

	console.log('▶ 10 s of the day to warm up…');
	await driveDay({ clients, seconds: 10, send: sendOurs, record: false });

	/** One half of a phase: the day for half of BENCH_SECONDS, measured. */
	const half = async (kind) => {
		console.log(`▶ ${kind}: ${seconds / 2} s…`);
		const start = {
			at: Date.now(),
			db: dbMb(),
			photos: storedPhotosMb(path.join(server.dir, 'photos')),
			log: fileMb(server.logFile),
			cpu: cpuSeconds(pid),
			bench: process.cpuUsage(),
			sched: { server: schedSeconds(pid), probe: schedSeconds(worker.pid) }
		};
		if (kind === 'flood') attackers.run();
		const day = await driveDay({ clients, seconds: seconds / 2, send: sendOurs });
		const end = Date.now();
		const bench = process.cpuUsage(start.bench);
		const measured = {
			kind,
			from: start.at,
			to: end,
			day,
			seconds: (end - start.at) / 1000,
			db: dbMb() - start.db,
			photos: storedPhotosMb(path.join(server.dir, 'photos')) - start.photos,
			log: fileMb(server.logFile) - start.log,
			serverCpu: cpuSeconds(pid) - start.cpu,
			benchCpu: (bench.user + bench.system) / 1e6,
			waited: {
				server: waitedSince(start.sched.server, schedSeconds(pid)),
				probe: waitedSince(start.sched.probe, schedSeconds(worker.pid))
			},
			peakServer: peakMb(pid)
		};
		if (kind === 'flood') {
			console.log('  the floods stop; waiting for their last answers and the photos they queued…');
			await attackers.stop();
			for (let waited = 0; waited < 120; waited++) {
				const health = await (await fetch(`${url}/healthz`)).json().catch(() => ({}));
				if (!health.photosWaiting) break;
				await settle(1);
			}
			await settle(5);
		}
		return measured;
	};
	const halves = [];
	let refusalsBefore = null;
	for (const kind of ['quiet', 'flood', 'quiet', 'flood']) {
		refusalsBefore ??= kind === 'flood' ? refusalRows() : null;
		halves.push(await half(kind));
	}
	// a minute's refusals past the first 20 are one row, written when the minute is over
	const refusalsAfter = refusalRows();
	const refusals = {
		rows: refusalsAfter.rows - refusalsBefore.rows,
		attempts: refusalsAfter.attempts - refusalsBefore.attempts
	};

	const samples = await reply(worker, 'stop', (m) => m.gate);
	memory.stop();
	const said = await attackers.say();
	const quiet = phase(
		halves.filter((h) => h.kind === 'quiet'),
		samples,
		memory.samples
	);
	const flood = phase(
		halves.filter((h) => h.kind === 'flood'),
		samples,
		memory.samples
	);
	report({
		quiet,
		flood,
		said,
		filled,
		refusals,
		probeRaised,
		attackersIdle: attackers.onlyOnIdleCpu,
		rssAfterFlood: rssPeak(halves[2], memory.samples)
	});
	for (const c of clients) c.socket.close();
} catch (error) {
	console.error('the bench failed:', error);
	if (server) console.error(`server log (last 3 KB):\n${server.log().slice(-3000)}`);
	process.exitCode = 1;
} finally {
	memory?.stop();
	probe?.worker.kill();
	await attackers?.end();
	await server?.stop();
	fs.rmSync(dir, { recursive: true, force: true });
}
if (!process.exitCode) writeResults('abuse-results', lines);
process.exit(process.exitCode ?? 0);

/**
 * How long a thread was ready to run but waited for a CPU between two schedstat readings: in all,
 * and per time it was put on one (each wake-up: an event, a packet).
 */
function waitedSince(before, after) {
	const runs = after.runs - before.runs;
	return { seconds: after.waiting - before.waiting, runs };
}

/** The server's and its photo process's peak RSS within one half. */
function rssPeak(half, memory) {
	return Math.max(
		0,
		...memory.filter((s) => s.at >= half.from && s.at <= half.to).map((s) => s.server + s.photo)
	);
}

/** A phase's figures: its halves' measures together, and the samples taken within them. */
function phase(halves, probe, memory) {
	const sum = (f) => halves.reduce((s, h) => s + f(h), 0);
	const inside = (s) => halves.some((h) => s.at >= h.from && s.at <= h.to);
	const gate = probe.gate.filter(inside);
	const photos = probe.photos.filter(inside);
	const health = probe.health.filter(inside);
	const mem = memory.filter(inside);
	const windows = halves.flatMap((h) => loopWindows(probe.health, h.from, h.to));
	const minutes = sum((h) => h.seconds) / 60;
	return {
		minutes,
		latencies: halves.flatMap((h) => h.day.latencies),
		frameDelays: halves.flatMap((h) => h.day.frameDelays),
		commands: sum((h) => h.day.counts.commands),
		commandsRefused: sum((h) => h.day.counts.commandsRefused),
		positions: sum((h) => h.day.counts.positions),
		db: sum((h) => h.db),
		photoFiles: sum((h) => h.photos),
		log: sum((h) => h.log),
		serverCpu: sum((h) => h.serverCpu) / (minutes * 60),
		benchCpu: sum((h) => h.benchCpu) / (minutes * 60),
		waited: Object.fromEntries(
			['server', 'probe'].map((who) => {
				const seconds = sum((h) => h.waited[who].seconds);
				const runs = sum((h) => h.waited[who].runs);
				return [who, { perSecond: seconds / (minutes * 60), perRun: runs ? seconds / runs : 0 }];
			})
		),
		peakServer: Math.max(...halves.map((h) => h.peakServer)),
		gate: gate.map((s) => s.ms),
		// the slowest gate answers, with when in their half they were asked (a flood's first seconds?)
		gateSlowest: gate
			.toSorted((a, b) => b.ms - a.ms)
			.slice(0, 5)
			.map((s) => {
				const h = halves.find((h) => s.at >= h.from && s.at <= h.to);
				return `${s.ms.toFixed(0)} ms at ${((s.at - h.from) / 1000).toFixed(1)} s`;
			}),
		probeLagMax: Math.max(0, ...probe.lag.filter(inside).map((s) => s.max)),
		gateRefused: gate.filter((s) => s.code !== 'ok').length,
		photos: photos.map((s) => s.ms),
		photosRefused: photos.filter((s) => s.status !== 200).length,
		windows,
		// the typical window (a window the machine's other jobs spoiled weighs one vote) and the worst
		loopP99: quantile(
			windows.map((w) => w.p99),
			0.5
		),
		loopWorst: windows.length ? Math.max(...windows.map((w) => w.p99)) : NaN,
		socketsMax: Math.max(0, ...health.map((h) => h.sockets ?? 0)),
		photosWaitingMax: Math.max(0, ...health.map((h) => h.photosWaiting ?? 0)),
		rssServer: Math.max(0, ...mem.map((s) => s.server)),
		rssPhoto: Math.max(0, ...mem.map((s) => s.photo)),
		rssFirst: rssPeak(halves[0], memory),
		rssBoth: Math.max(0, ...mem.map((s) => s.server + s.photo))
	};
}

function report({ quiet: q, flood: f, said, filled, refusals, probeRaised, attackersIdle, rssAfterFlood }) {
	const p = quantile;
	const ratio = (a, b) => (Number.isFinite(b / a) ? (b / a).toFixed(2) : '—');
	const verdict = (a, b) => `${ratio(a, b)} ${b / a <= 2 ? '✓' : '✗'} (target ≤ 2)`;
	const counts = {};
	for (const c of plan) counts[c.role] = (counts[c.role] ?? 0) + 1;
	line(
		`day load: ${fmt(plan.length)} sockets (${Object.entries(counts)
			.map(([k, v]) => `${v} ${k}`)
			.join(
				', '
			)}; each device from its own address, an account's devices signed in once per 20), ${mix.crews} trucks at 1 Hz, the day's commands; the log filled to ${fmt(filled)} events first`
	);
	line(
		`quiet: the day alone; flood: the day and every flood below at once, each from one attacker at one address; ${seconds} s each, in halves taken in turn (quiet, flood, quiet, flood)`
	);
	line(
		`CPU priority as if each were on a machine of its own: the probe (a gate phone) ${probeRaised ? 'first (nice −5)' : 'at the normal one (not raised: not root)'}, the server at the normal one, the day's clients below it (nice ${dayClientsNice}), the attackers' threads ${attackersIdle ? 'only on a CPU nothing else wants (SCHED_IDLE)' : 'at the lowest (nice 19; SCHED_IDLE could not be set)'}`
	);
	line('');
	const row = (what, a, b, tail) => line(`${what.padEnd(44)}${a.padEnd(16)}${b.padEnd(16)}${tail}`);
	row('', 'quiet', 'flood', 'flood ÷ quiet');
	row(
		'event-loop delay p99 (median 10 s window)',
		ms(q.loopP99),
		ms(f.loopP99),
		verdict(q.loopP99, f.loopP99)
	);
	row(
		'event-loop delay p99, worst 10 s window',
		ms(q.loopWorst),
		ms(f.loopWorst),
		ratio(q.loopWorst, f.loopWorst)
	);
	const [gq50, gf50, gq99, gf99] = [p(q.gate, 0.5), p(f.gate, 0.5), p(q.gate, 0.99), p(f.gate, 0.99)];
	row('gate command (gate.count every 250 ms), p50', ms(gq50), ms(gf50), verdict(gq50, gf50));
	row('gate command, p99', ms(gq99), ms(gf99), verdict(gq99, gf99));
	const windows = (ph) =>
		ph.windows.map((w) => `${w.p99.toFixed(0)}/${w.max.toFixed(0)}`).join(', ') || 'none whole';
	line(`  event-loop windows, p99/max ms: quiet ${windows(q)}; flood ${windows(f)}`);
	const commandWindows = (ph) =>
		ph.windows
			.map((w) => (w.commands ? `${w.commands.p99.toFixed(0)}/${w.commands.max.toFixed(0)}` : '—'))
			.join(', ') || 'none whole';
	line(
		`  every command's time in the server (read → answer), windows p99/max ms: quiet ${commandWindows(q)}; flood ${commandWindows(f)}`
	);
	line(
		`  gate commands: ${q.gate.length} quiet (${q.gateRefused} not acked), ${f.gate.length} flood (${f.gateRefused} not acked); slowest ${ms(Math.max(...q.gate))} / ${ms(Math.max(...f.gate))}; the probe's own event loop late by at most ${ms(q.probeLagMax)} / ${ms(f.probeLagMax)}`
	);
	line(
		`  slowest gate answers, quiet: ${q.gateSlowest.join(', ')}; flood: ${f.gateSlowest.join(', ')} (seconds into their half)`
	);
	const [pq, pf] = [p(q.photos, 0.5), p(f.photos, 0.5)];
	row("another ward's 800 × 600 photo, p50", ms(pq), ms(pf), ratio(pq, pf));
	row(
		"another ward's photo, slowest",
		ms(Math.max(...q.photos)),
		ms(Math.max(...f.photos)),
		`${q.photos.length} / ${f.photos.length} sent, ${q.photosRefused} / ${f.photosRefused} not stored (a tablet gives up at 60 s)`
	);
	const [dq, df] = [p(q.latencies, 0.99), p(f.latencies, 0.99)];
	row('day: command → event at its clients, p99', ms(dq), ms(df), ratio(dq, df));
	const [fq, ff] = [p(q.frameDelays, 0.99), p(f.frameDelays, 0.99)];
	row('day: position frame → displays, p99', ms(fq), ms(ff), ratio(fq, ff));
	row(
		'day: commands acked / refused',
		`${fmt(q.commands)} / ${fmt(q.commandsRefused)}`,
		`${fmt(f.commands)} / ${fmt(f.commandsRefused)}`,
		`positions stored ${fmt(q.positions)} / ${fmt(f.positions)}`
	);
	row(
		'server + photo process RSS, peak',
		`${q.rssFirst.toFixed(0)} MB`,
		`${f.rssBoth.toFixed(0)} MB`,
		`quiet after the first flood half: ${rssAfterFlood.toFixed(0)} MB; flood: server ${f.rssServer.toFixed(0)} MB (VmHWM ${f.peakServer.toFixed(0)} MB), photo process ${f.rssPhoto.toFixed(0)} MB`
	);
	const perMinute = (ph, v) => `${(v / ph.minutes).toFixed(1)} MB`;
	row(
		'DB + WAL growth per minute',
		perMinute(q, q.db),
		perMinute(f, f.db),
		`photos stored ${perMinute(q, q.photoFiles)} / ${perMinute(f, f.photoFiles)} a minute; server log +${(q.log * 1024).toFixed(0)} / +${(f.log * 1024).toFixed(0)} KB`
	);
	row(
		'CPU, % of a core: server / this bench',
		`${(q.serverCpu * 100).toFixed(0)} / ${(q.benchCpu * 100).toFixed(0)}`,
		`${(f.serverCpu * 100).toFixed(0)} / ${(f.benchCpu * 100).toFixed(0)}`,
		'(2 cores for all: the server, the day, the probe, the attackers, and whatever else runs on the machine)'
	);
	// the machine's share in a slow answer: time the server's loop and the probe were ready but had
	// no CPU (the kernel's schedstat), which no change in the server can take back
	const perSecond = (ph, who) => `${(ph.waited[who].perSecond * 1000).toFixed(0)} ms/s`;
	const perWake = (ph, who) => `${(ph.waited[who].perRun * 1e6).toFixed(0)} µs`;
	row(
		'server loop ready but no free CPU',
		perSecond(q, 'server'),
		perSecond(f, 'server'),
		`per wake ${perWake(q, 'server')} / ${perWake(f, 'server')}; the probe ${perSecond(q, 'probe')} / ${perSecond(f, 'probe')}, per wake ${perWake(q, 'probe')} / ${perWake(f, 'probe')}`
	);
	row(
		'live sockets at the server, most',
		fmt(q.socketsMax),
		fmt(f.socketsMax),
		`photos waiting, most ${q.photosWaitingMax} / ${f.photosWaitingMax}`
	);
	line(
		`refusals table, from the first flood to the end: +${fmt(refusals.rows)} rows standing for ${fmt(refusals.attempts)} refused attempts (each kind's first 20 a minute, then one row with the count when the minute is over)`
	);
	line('');
	line(`what each attacker got over the flood's ${seconds} s:`);
	for (const l of said) line(`  ${l}`);
}
