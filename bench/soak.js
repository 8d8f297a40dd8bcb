// npm run bench:soak — a compressed full day at day load: the demo simulator plays the
// scenario's day (preparation, ceremony, parade, reporting) compressed into BENCH_SOAK_MINUTES
// (30), while the day's 2,000 sockets stay connected, 330 bench trucks send a position a second
// and tablets, gates and the ops room send the day's commands; a wall display in Chromium
// watches it all. Every 30 s it samples the server's RSS and heap and the display's JS heap
// (after GC); it prints the slope of each after a warm-up (flat is what a day needs).
// Needs `npm run build` first.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { driveDay, followDayClock, openOurs, planClients, sendOurs } from './day-load.js';
import {
	fleetScenario,
	launchChromium,
	pageHeapMb,
	printed,
	rssMb,
	signIn,
	startServer,
	tempDir,
	writeResults
} from './lib.js';

const minutes = Number(process.env.BENCH_SOAK_MINUTES ?? 30);
const sampleEvery = Number(process.env.BENCH_SOAK_SAMPLE_S ?? 30);
const warmupMinutes = Math.min(3, minutes / 5);
const dir = tempDir();
const scenario = fleetScenario(dir, 330, { keepPlanTrucks: true });
// the plan's ceremony and parade (about 6 h 45 of the day) in what the quick acts leave
const speed = Number(
	process.env.KHAIMAC_DEMO_SPEED ?? Math.max(1, Math.ceil(405 / Math.max(1, minutes - 10)))
);
const plan = planClients(scenario);
const dbPath = path.join(dir, 'soak.sqlite');
const server = await startServer({
	dbPath,
	scenario: scenario.file,
	demo: true,
	env: { KHAIMAC_DEMO_SPEED: String(speed) },
	// the simulator drives the plan's own trucks; the bench's 330 are driven from their phones
	afterImport: (file) => {
		const db = new Database(file);
		db.prepare("UPDATE users SET demo = 0 WHERE role = 'truck_crew' AND username GLOB 'xe-[0-9]*'").run();
		db.close();
	}
});
const { url } = server;
const { line, lines } = printed();

/** least-squares slope of y over x */
function slope(points) {
	const n = points.length;
	if (n < 2) return NaN;
	const mx = points.reduce((a, p) => a + p[0], 0) / n;
	const my = points.reduce((a, p) => a + p[1], 0) / n;
	const num = points.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0);
	const den = points.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
	return num / den;
}

const browser = await launchChromium();
try {
	console.log(`▶ soak: ${minutes} min, demo speed ${speed}×, opening ${plan.length} sockets…`);
	const clients = await openOurs(url, plan, (n) => console.log(`  ${n} connected`));
	const page = await browser.newPage({ baseURL: url, viewport: { width: 1920, height: 1080 } });
	page.on('crash', () => console.error('  the display page crashed'));
	page.on('pageerror', (error) => console.error(`  display page error: ${error.message}`));
	await signIn(page, 'lanhdao', /\/display$/);
	await page.getByTestId('connection').and(page.locator('[data-status="live"]')).waitFor();

	const samples = [];
	const sample = async (second) => {
		const health = await (await fetch(`${url}/healthz`)).json();
		const displayHeap = await pageHeapMb(page);
		const status = await page.getByTestId('connection').getAttribute('data-status');
		samples.push({
			minute: second / 60,
			rss: rssMb(server.pid()),
			heap: health.heapMb,
			heapTotal: health.heapTotalMb,
			external: health.externalMb,
			photoRss: health.photoProcessRssMb,
			loopP99: health.eventLoopDelay?.p99 ?? 0,
			displayHeap,
			live: status === 'live'
		});
		const s = samples.at(-1);
		console.log(
			`  ${s.minute.toFixed(1)} min: server RSS ${s.rss.toFixed(0)} MB, heap ${s.heap} MB, loop p99 ${s.loopP99} ms; display heap ${displayHeap.toFixed(1)} MB${s.live ? '' : ' (display not live)'}`
		);
	};
	const run = await driveDay({
		clients,
		seconds: minutes * 60,
		send: sendOurs,
		record: false,
		dayNow: followDayClock(dbPath, clients[0].socket),
		every: (second) =>
			second % sampleEvery === 0 &&
			void sample(second).catch((e) => console.error(`  sample failed: ${e.message}`))
	});
	await sample(minutes * 60);
	clients.forEach((c) => c.socket.close());

	const db = new Database(dbPath, { readonly: true });
	const allEvents = db.prepare('SELECT COUNT(*) AS n FROM events').get().n;
	const byTheSimulator = db.prepare("SELECT COUNT(*) AS n FROM events WHERE actor_role = 'system'").get().n;
	db.close();

	const settled = samples.filter((s) => s.minute >= warmupMinutes);
	const fit = (key) => slope(settled.map((s) => [s.minute, s[key]]));
	const first = settled[0] ?? samples[0];
	const last = samples.at(-1);
	line(
		`soak: ${minutes} min at day load (${plan.length} sockets, 330 trucks at 1 Hz, ${(run.counts.commands / run.elapsed).toFixed(0)} commands/s) with the demo playing the day at ${speed}×`
	);
	line(
		`  ${allEvents} events in the log (${byTheSimulator} by the simulator itself), ${run.counts.positions} positions ingested; ${run.counts.commandsRefused} commands and ${run.counts.positionsRefused + run.counts.fixesRefused} positions refused`
	);
	line(
		`  server RSS ${first.rss.toFixed(0)} → ${last.rss.toFixed(0)} MB, slope ${fit('rss').toFixed(2)} MB/min; heap ${first.heap} → ${last.heap} MB, slope ${fit('heap').toFixed(2)} MB/min; V8 heap held ${first.heapTotal} → ${last.heapTotal} MB, outside the heap ${first.external} → ${last.external} MB (after ${warmupMinutes} min warm-up)`
	);
	line(
		`  display JS heap after GC ${first.displayHeap.toFixed(1)} → ${last.displayHeap.toFixed(1)} MB, slope ${fit('displayHeap').toFixed(3)} MB/min; display live in ${samples.filter((s) => s.live).length} of ${samples.length} samples`
	);
	const photoRss = samples.map((s) => s.photoRss).filter((mb) => mb !== null);
	line(
		`  photo process (decodes the photos; let go a minute after the last): running in ${photoRss.length} of ${samples.length} samples, RSS max ${photoRss.length ? Math.max(...photoRss).toFixed(0) : '–'} MB`
	);
	line(`  event-loop delay p99 per 10 s window: worst ${Math.max(...samples.map((s) => s.loopP99))} ms`);
	const every5 = samples.filter((s, i) => i === samples.length - 1 || Math.round(s.minute * 60) % 300 === 0);
	line(
		`  by minute (server RSS / heap, display heap, MB): ${every5.map((s) => `${s.minute.toFixed(0)}′ ${s.rss.toFixed(0)}/${s.heap.toFixed(0)}, ${s.displayHeap.toFixed(1)}`).join(' · ')}`
	);
} finally {
	await browser.close();
	await server.stop();
	fs.rmSync(dir, { recursive: true, force: true });
}
writeResults('soak-results', lines);
process.exit(0);
