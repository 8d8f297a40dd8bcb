// npm run bench:photos: ten ward tablets each sending photos one by one, as the outbox does
// (2,000 px JPEGs of camera-like noise, in 256 KB chunks), then ticking an item with them.
// Prints photos/s and MB/s stored, time per photo (first byte to stored) p50/p99, server and
// photo process RSS, and as the baseline the same images re-encoded by bare sharp in this process (the server's
// own work without HTTP, chunks, hashing or files). Needs `npm run build` first.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import {
	childPids,
	connect,
	cpuSeconds,
	login,
	ms,
	quantile,
	root,
	rssMb,
	startServer,
	tempDir,
	uploadPhoto,
	writeResults
} from './lib.js';

const tablets = Number(process.env.BENCH_TABLETS ?? 10);
const perTablet = Number(process.env.BENCH_PHOTOS ?? 4);
const chunk = 256 * 1024;

const dir = tempDir();
const server = await startServer({
	dbPath: path.join(dir, 'bench.sqlite'),
	scenario: path.join(root, 'data/scenarios/quan7-2024.json')
});
const { url } = server;

async function cameraLike(seed) {
	return sharp({
		create: {
			width: 2000,
			height: 1500,
			channels: 3,
			background: { r: seed % 255, g: 120, b: 60 },
			noise: { type: 'gaussian', mean: 120, sigma: 40 }
		}
	})
		.jpeg({ quality: 85 })
		.toBuffer();
}

const photos = await Promise.all(Array.from({ length: tablets * perTablet }, (_, i) => cameraLike(i * 37)));
const megabytes = photos.reduce((n, p) => n + p.length, 0) / 1e6;
console.log(`${photos.length} photos, ${(megabytes / photos.length).toFixed(2)} MB each on average`);

// baseline: the same decode → upright → 1,600 px JPEG + 360 px thumbnail, bare
const bare = [];
const bareStart = performance.now();
for (const photo of photos) {
	const t = performance.now();
	const display = await sharp(photo)
		.autoOrient()
		.resize({ width: 1600, height: 1600, fit: 'inside' })
		.jpeg({ quality: 80, mozjpeg: false })
		.toBuffer();
	await sharp(display)
		.resize({ width: 360, height: 360, fit: 'inside' })
		.jpeg({ quality: 75, mozjpeg: false })
		.toBuffer();
	bare.push(performance.now() - t);
}
const bareSeconds = (performance.now() - bareStart) / 1000;

const scenario = JSON.parse(fs.readFileSync(path.join(root, 'data/scenarios/quan7-2024.json'), 'utf8'));
const wards = scenario.units
	.filter((u) => u.kind === 'ward')
	.map((u) => u.id)
	.slice(0, tablets);
const itemOf = (unitId, i) => scenario.checklistItems.filter((c) => c.unitId === unitId)[i % 5].id;

async function send(cookie, unitId, bytes) {
	const { body, id } = await uploadPhoto(url, cookie, unitId, bytes, { chunk });
	if (!body.ok) throw new Error(body.message);
	return id;
}

const perPhoto = [];
const rssBefore = rssMb(server.pid());
const cpuBefore = cpuSeconds(server.pid());
const started = performance.now();
let ticks = 0;
await Promise.all(
	wards.map(async (unitId, w) => {
		const cookie = await login(url, unitId);
		const socket = await connect(url, cookie);
		for (let i = 0; i < perTablet; i++) {
			const t = performance.now();
			const upload = await send(cookie, unitId, photos[w * perTablet + i]);
			perPhoto.push(performance.now() - t);
			const itemId = itemOf(unitId, i);
			const answer = await socket.timeout(10_000).emitWithAck('command', {
				id: crypto.randomUUID(),
				type: 'checklist.tick',
				payload: { itemId, uploads: [upload] }
			});
			if (answer.ok) ticks++;
		}
		socket.close();
	})
);
const seconds = (performance.now() - started) / 1000;
const rssAfter = rssMb(server.pid());
// the photos are decoded in the server's photo process, started by the first photo
const [photoProcess] = childPids(server.pid());
const photoCpu = photoProcess ? (cpuSeconds(photoProcess) / seconds) * 100 : 0;
const photoRss = photoProcess ? rssMb(photoProcess) : 0;
const cpu = ((cpuSeconds(server.pid()) - cpuBefore) / seconds) * 100;

// the fair queue: one ward sends ten 12-megapixel photos at once (two decoded, eight waiting:
// as many as a unit may have waiting), and another ward's small photo is timed while they wait
// and again in quiet
const [flooder, other] = wards;
const [floodCookie, otherCookie] = [await login(url, flooder), await login(url, other)];
const legal = (i) =>
	sharp({ create: { width: 4096, height: 3072, channels: 3, background: { r: i * 20, g: 10, b: 10 } } })
		.png()
		.toBuffer();
const flood = await Promise.all(Array.from({ length: 10 }, (_, i) => legal(i)));
const timedSmall = async (seed) => {
	const small = await sharp({
		create: { width: 800, height: 600, channels: 3, background: { r: seed, g: 200, b: 90 } }
	})
		.jpeg()
		.toBuffer();
	const t = performance.now();
	await send(otherCookie, other, small);
	return performance.now() - t;
};
const photosWaiting = async () => (await (await fetch(`${url}/healthz`)).json()).photosWaiting ?? 0;
const quiet = [];
for (let i = 0; i < 3; i++) quiet.push(await timedSmall(i));
const floodStart = performance.now();
const flooding = Promise.all(flood.map((bytes) => send(floodCookie, flooder, bytes)));
while ((await photosWaiting()) < 6 && performance.now() - floodStart < 10_000)
	await new Promise((r) => setTimeout(r, 5));
const underFlood = await timedSmall(99);
await flooding;
const floodSeconds = (performance.now() - floodStart) / 1000;
await server.stop();
fs.rmSync(dir, { recursive: true, force: true });

const lines = [
	`photos stored: ${photos.length} in ${seconds.toFixed(1)} s = ${(photos.length / seconds).toFixed(1)} photos/s, ${(megabytes / seconds).toFixed(1)} MB/s received (${tablets} tablets, one photo at a time each, 256 KB chunks); ${ticks} ticks accepted`,
	`time per photo, first byte to stored: p50 ${ms(quantile(perPhoto, 0.5))}, p99 ${ms(quantile(perPhoto, 0.99))}`,
	`bare sharp, same images, one at a time: ${(photos.length / bareSeconds).toFixed(1)} photos/s, p50 ${ms(quantile(bare, 0.5))}, p99 ${ms(quantile(bare, 0.99))}`,
	`ratio (ours photos/s ÷ bare photos/s, ours with ${tablets} in parallel on 2 cores): ${(photos.length / seconds / (photos.length / bareSeconds)).toFixed(2)}`,
	`fair queue: another ward's 800 × 600 photo while one ward's ten 12-megapixel PNGs wait ${ms(underFlood)} (quiet: p50 ${ms(quantile(quiet, 0.5))}); the ten took ${floodSeconds.toFixed(1)} s`,
	`server RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB, CPU ${cpu.toFixed(0)}% of one core while receiving; photo process RSS ${photoRss.toFixed(0)} MB (given back a minute after the last photo), CPU ${photoCpu.toFixed(0)}%`
];
console.log(lines.join('\n'));
writeResults('photos-results', lines);
