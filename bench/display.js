// npm run bench:display: the wall display in Chromium with 330 trucks moving at 1 Hz, loopback
// only. Prints the frame times the screen draws at (p50/p95/p99 and the share of frames over
// 50 ms, when jank shows), the JavaScript heap after a forced GC at the start and the end, and
// the gzipped JavaScript the display route loads. Needs `npm run build` first.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {
	connect,
	fleetScenario,
	inGroups,
	launchChromium,
	login,
	ms,
	pageHeapMb,
	quantile,
	sendPositions,
	signIn,
	startServer,
	tempDir,
	printed,
	writeResults
} from './lib.js';

const truckCount = Number(process.env.BENCH_TRUCKS ?? 330);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const dir = tempDir();
const scenario = fleetScenario(dir, truckCount);
const server = await startServer({ dbPath: path.join(dir, 'bench.sqlite'), scenario: scenario.file });
const { url } = server;
const { line, lines } = printed();

const browser = await launchChromium();
try {
	const crews = await inGroups(scenario.trucks, 20, async (t) => ({
		truck: t,
		socket: await connect(url, await login(url, t.id))
	}));
	const routeStart = new Map(scenario.routes.map((r) => [r.id, r.line.coordinates]));
	const page = await browser.newPage({ baseURL: url, viewport: { width: 1920, height: 1080 } });
	await signIn(page, 'lanhdao', /\/display$/);
	// a full load of the display, as a wall screen opens it, to count all it needs
	const scripts = new Set();
	page.on('response', (r) => r.url().endsWith('.js') && scripts.add(r.url()));
	await page.goto('/display');
	await page.getByTestId('connection').and(page.locator('[data-status="live"]')).waitFor();

	const heap = () => pageHeapMb(page);
	// a few seconds of movement first: every truck has a marker before the measuring starts
	for (let second = 0; second < 5; second++) {
		await sendPositions(crews, routeStart, second);
		await new Promise((r) => setTimeout(r, 1000));
	}
	const heapStart = await heap();
	await page.evaluate(() => {
		const w = globalThis;
		w.frames = [];
		let last = performance.now();
		const frame = (t) => {
			w.frames.push(t - last);
			last = t;
			w.frameLoop = requestAnimationFrame(frame);
		};
		w.frameLoop = requestAnimationFrame(frame);
	});
	for (let second = 5; second < 5 + seconds; second++) {
		const tick = Date.now();
		await sendPositions(crews, routeStart, second);
		const wait = 1000 - (Date.now() - tick);
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
	}
	const frames = await page.evaluate(() => {
		cancelAnimationFrame(globalThis.frameLoop);
		return globalThis.frames.slice(1);
	});
	const heapEnd = await heap();
	const markers = await page.evaluate(() => document.querySelectorAll('.km-truck-label').length);
	let gz = 0;
	for (const u of scripts) gz += zlib.gzipSync(Buffer.from(await (await fetch(u)).arrayBuffer())).length;

	line(
		`${truckCount} trucks moving at 1 Hz for ${seconds} s on /display at 1920×1080 in Chromium (${markers} labels on the map)`
	);
	line(
		`frame time: p50 ${ms(quantile(frames, 0.5))}, p95 ${ms(quantile(frames, 0.95))}, p99 ${ms(quantile(frames, 0.99))}; ` +
			`${((100 * frames.filter((f) => f > 50).length) / frames.length).toFixed(2)}% of ${frames.length} frames over 50 ms`
	);
	line(`page JS heap after GC: ${heapStart.toFixed(1)} MB → ${heapEnd.toFixed(1)} MB after ${seconds} s`);
	line(
		`JavaScript loaded by the display route: ${scripts.size} files, ${(gz / 1024).toFixed(1)} KB gzipped (budget 200 KB)`
	);
	crews.forEach((c) => c.socket.close());
} finally {
	await browser.close();
	await server.stop();
	fs.rmSync(dir, { recursive: true, force: true });
}
writeResults('display-results', lines);
process.exit(0);
