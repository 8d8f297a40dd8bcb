// npm run bench:photo-tick: how long a ward's tick with a photo takes to show on the
// coordinator's /ops/checklists (issue 17, point 14: "about 10 s" for a 33 KB photo). A ward
// tablet's path, through the server: the ~33 KB JPEG PUT to /photos/uploads/<id> as the outbox
// sends it, then the checklist.tick command on the socket; the clock stops when the
// coordinator's socket receives the checklist.ticked event that shows the item with that photo.
//
// Ticks back to back (the photo process already running), and ticks spaced past the photo
// process's idle time (KHAIMAC_PHOTO_PROCESS_IDLE_S=1 here, a minute on the day), as a ward's
// ticks minutes apart find it; each over the local link and over a tablet's uplink
// (BENCH_LINK_KBPS, 1,000 kbit/s: the photo's bytes let out at that rate). Then a real browser:
// from pressing save on the tablet's page to the photo showing on /ops/checklists.
// Needs `npm run build` first.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import {
	connect,
	launchChromium,
	login,
	ms,
	printed,
	quantile,
	root,
	signIn,
	startServer,
	tempDir,
	uploadPhoto,
	writeResults
} from './lib.js';

const ticks = Number(process.env.BENCH_TICKS ?? 40);
/** a tablet's uplink in the street, kbit/s (a 33 KB photo takes about 0.27 s at 1,000) */
const linkKbps = Number(process.env.BENCH_LINK_KBPS ?? 1000);
const coldTicks = Number(process.env.BENCH_COLD_TICKS ?? 10);
const browserTicks = Number(process.env.BENCH_BROWSER_TICKS ?? 5);
const idleSeconds = 1;
const ward = 'phuong-tan-kieng';

const dir = tempDir();
// the server's own limits hold (upload budget, connections): one ward and one coordinator
const server = await startServer({
	dbPath: path.join(dir, 'bench.sqlite'),
	scenario: path.join(root, 'data/scenarios/quan7-2024.json'),
	env: { KHAIMAC_PHOTO_PROCESS_IDLE_S: String(idleSeconds) },
	clientLimits: true
});
const { url } = server;
const scenario = JSON.parse(fs.readFileSync(path.join(root, 'data/scenarios/quan7-2024.json'), 'utf8'));
const items = scenario.checklistItems.filter((c) => c.unitId === ward).map((c) => c.id);

/** a tablet's scaled-down photo of about 33 KB (noise, so that each is a different image) */
function smallPhoto(seed) {
	return sharp({
		create: {
			width: 600,
			height: 450,
			channels: 3,
			background: { r: (seed * 37) % 255, g: 120, b: 60 },
			noise: { type: 'gaussian', mean: 120, sigma: 12 }
		}
	})
		.jpeg({ quality: 70 })
		.toBuffer();
}

const wardCookie = await login(url, ward);
const wardSocket = await connect(url, wardCookie);
const ops = await connect(url, await login(url, 'ttvh'));

/** waiters for the ops room's checklist.ticked of an item showing a photo */
const waiting = new Map();
ops.on('event', (event) => {
	if (event.type !== 'checklist.ticked') return;
	const { item } = event.data;
	for (const [photoId, done] of waiting)
		if (item.photos.some((p) => p.id === photoId)) {
			waiting.delete(photoId);
			done(performance.now());
		}
});

/**
 * The photo in one PUT, as the outbox sends a photo under 256 KB, its bytes let out at the
 * link's rate: the server sees the request's head at once and the last byte a while later.
 */
async function uploadOverLink(bytes) {
	const id = crypto.randomUUID();
	const piece = 4096;
	const msPerPiece = (piece * 8) / linkKbps;
	let at = 0;
	let lastByte = 0;
	const body = new ReadableStream({
		async pull(controller) {
			if (at >= bytes.length) {
				lastByte = performance.now();
				return controller.close();
			}
			await new Promise((r) => setTimeout(r, msPerPiece));
			controller.enqueue(bytes.subarray(at, at + piece));
			at += piece;
		}
	});
	const response = await fetch(`${url}/photos/uploads/${id}?unit=${ward}`, {
		method: 'PUT',
		headers: {
			cookie: wardCookie,
			'content-type': 'application/octet-stream',
			'content-length': String(bytes.length),
			'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}`
		},
		body,
		duplex: 'half'
	});
	return { body: await response.json(), id, lastByte };
}

async function tickOnce(i, link) {
	const bytes = await smallPhoto(i);
	const itemId = items[i % items.length];
	const t0 = performance.now();
	const { body, id, lastByte } = link
		? await uploadOverLink(bytes)
		: await uploadPhoto(url, wardCookie, ward, bytes);
	if (!body.ok) throw new Error(`upload refused: ${body.message}`);
	const uploaded = performance.now();
	const seen = new Promise((resolve) => waiting.set(body.photoId, resolve));
	const answer = await wardSocket.timeout(10_000).emitWithAck('command', {
		id: crypto.randomUUID(),
		type: 'checklist.tick',
		payload: { itemId, uploads: [id], quantityDone: null, note: '', at: Date.now() }
	});
	if (!answer.ok) throw new Error(`tick refused: ${answer.message}`);
	const shown = await Promise.race([
		seen,
		new Promise((_, reject) => setTimeout(() => reject(new Error('no event in 30 s')), 30_000))
	]);
	return {
		total: shown - t0,
		upload: uploaded - t0,
		// over a paced link: from the photo's last byte to the server's answer (its storing)
		stored: lastByte ? uploaded - lastByte : null,
		command: shown - uploaded,
		size: bytes.length
	};
}

let seed = 0;
async function run(n, gapMs, link = false) {
	const out = [];
	for (let i = 0; i < n; i++) {
		if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
		out.push(await tickOnce(seed++, link));
	}
	return out;
}

const summary = (label, runs) => {
	const pick = (k) => runs.map((r) => r[k]);
	const stored =
		runs[0].stored === null
			? ''
			: `; last byte to photo stored p50 ${ms(quantile(pick('stored'), 0.5))}, p99 ${ms(quantile(pick('stored'), 0.99))}`;
	return `${label} (${runs.length}, ${(quantile(pick('size'), 0.5) / 1024).toFixed(0)} KB photos): press to ops p50 ${ms(quantile(pick('total'), 0.5))}, p99 ${ms(quantile(pick('total'), 0.99))}; of which upload p50 ${ms(quantile(pick('upload'), 0.5))}, p99 ${ms(quantile(pick('upload'), 0.99))}; tick command to ops event p50 ${ms(quantile(pick('command'), 0.5))}, p99 ${ms(quantile(pick('command'), 0.99))}${stored}`;
};

const { line, lines } = printed();
await run(2, 0); // the server's first photo and command paths, not counted
const cold = idleSeconds * 1000 + 500;
const idle = `each after the photo process went idle (${idleSeconds} s here, a minute on the day)`;
line(summary('local link, back to back', await run(ticks, 0)));
line(summary(`local link, ${idle}`, await run(coldTicks, cold)));
line(summary(`${linkKbps} kbit/s link, back to back`, await run(coldTicks, 0, true)));
line(summary(`${linkKbps} kbit/s link, ${idle}`, await run(coldTicks, cold, true)));
wardSocket.close();
ops.close();

if (browserTicks === 0) {
	await server.stop();
	fs.rmSync(dir, { recursive: true, force: true });
	writeResults('photo-tick-results', lines);
	process.exit(0);
}

// a real browser: the ward tablet (768 × 1024) presses save, the coordinator's /ops/checklists
// (another browser context, as another machine) shows the photo, loaded, in the ward's gallery
const browser = await launchChromium();
const opsPage = await (await browser.newContext({ baseURL: url })).newPage();
await signIn(opsPage, 'ttvh', /\/ops/);
await opsPage.goto('/ops/checklists');

async function tabletOf(unit) {
	const context = await browser.newContext({ baseURL: url, viewport: { width: 768, height: 1024 } });
	const page = await context.newPage();
	await signIn(page, unit, /\/ward$/);
	await page.locator('[data-testid="connection"][data-status="live"]').waitFor();
	await opsPage.locator(`tr[data-unit="${unit}"]`).getByRole('button').click();
	const items = await page
		.getByTestId('checklist-item')
		.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-item')));
	return { page, items };
}

/** the tick form of an item opened with a new photo in it, ready to save */
async function readyToSave(page, itemId, photoSeed) {
	const card = page.locator(`[data-item="${itemId}"]`);
	await card.getByRole('button', { name: 'Đánh dấu xong' }).click();
	const buffer = await smallPhoto(photoSeed);
	await card.getByTestId('pick-photos').setInputFiles({ name: 'anh.jpg', mimeType: 'image/jpeg', buffer });
	await card.getByRole('img', { name: 'Ảnh 1' }).waitFor();
	return card.getByRole('button', { name: /Lưu: đã xong/ });
}

/** ms from t0 until the ward's gallery on /ops/checklists holds `count` photos, all loaded */
async function opsShows(count, t0) {
	await opsPage.waitForFunction(
		(n) => {
			const imgs = [...document.querySelectorAll('[data-testid="ward-gallery"] img')];
			return imgs.length >= n && imgs.every((img) => img.complete && img.naturalWidth > 0);
		},
		count,
		{ timeout: 60_000, polling: 'raf' }
	);
	return performance.now() - t0;
}

const galleryCount = () => opsPage.locator('[data-testid="ward-gallery"] img').count();
const settled = (page) => page.locator('[data-testid="outbox"][data-pending="0"]').waitFor();

// one item at a time
const single = await tabletOf('phuong-phu-my');
const singles = [];
for (const [i, itemId] of single.items.slice(0, browserTicks).entries()) {
	const save = await readyToSave(single.page, itemId, 500 + i);
	const before = await galleryCount();
	const t0 = performance.now();
	await save.click();
	singles.push(await opsShows(before + 1, t0));
	await settled(single.page);
	await new Promise((r) => setTimeout(r, 300));
}
line(
	`real browser, save pressed on the tablet → photo shown on /ops/checklists, one item at a time (${singles.length}): p50 ${ms(quantile(singles, 0.5))}, max ${ms(Math.max(...singles))}`
);

// two items saved one right after the other: the second is queued while the first is being sent
const pair = await tabletOf('phuong-tan-quy');
const seconds = [];
for (let i = 0; i + 1 < pair.items.length && seconds.length < 2; i += 2) {
	const first = await readyToSave(pair.page, pair.items[i], 600 + i);
	const second = await readyToSave(pair.page, pair.items[i + 1], 601 + i);
	const before = await galleryCount();
	const t0 = performance.now();
	await first.click();
	await second.click();
	seconds.push(await opsShows(before + 2, t0));
	await settled(pair.page);
	await new Promise((r) => setTimeout(r, 300));
}
line(
	`real browser, two items saved one right after the other → both photos shown on /ops/checklists (${seconds.length}): ${seconds.map((t) => ms(t)).join(', ')}`
);
await browser.close();
await server.stop();
fs.rmSync(dir, { recursive: true, force: true });
writeResults('photo-tick-results', lines);
