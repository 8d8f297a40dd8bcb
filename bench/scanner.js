// npm run bench:scanner: a gate phone reading invitation QR codes one after another, in
// Chromium against a real server: time from a photo of a code to the guest shown, for the
// first and the last 50 of many scans, and the page's JavaScript heap before and after (after
// a forced GC). Shows the scanner does not slow down or grow. Needs `npm run build` first.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import QRCode from 'qrcode';
import {
	cli,
	launchChromium,
	ms,
	pageHeapMb,
	quantile,
	root,
	signIn,
	startServer,
	tempDir,
	writeResults
} from './lib.js';

const scans = Number(process.env.BENCH_SCANS ?? 1000);
const dir = tempDir();
const dbPath = path.join(dir, 'bench.sqlite');
const server = await startServer({
	dbPath,
	scenario: path.join(root, 'data/scenarios/quan7-2024.json'),
	// scans back to back, faster than a gate ever reads guests: the rate limit would time its refusals
	env: { KHAIMAC_COMMAND_RATE: '0' }
});
const { url } = server;
const imported = cli(dbPath, ['invitees', path.join(root, 'data/scenarios/quan7-2024-invitees-demo.csv')]);
if (imported.status !== 0) throw new Error(imported.stderr);
const invitees = new Database(dbPath, { readonly: true }).prepare('SELECT name, code FROM invitees').all();
const codes = await Promise.all(
	invitees.map(async (p) => ({
		name: p.name,
		png: await QRCode.toBuffer(`KM:${p.code}`, { type: 'png', width: 360 })
	}))
);

const browser = await launchChromium();
const page = await browser.newPage({ baseURL: url, viewport: { width: 412, height: 915 } });
await signIn(page, 'cong-1', /\/gate$/);
const heap = () => pageHeapMb(page);

await page.getByTestId('qr-image').waitFor({ state: 'attached' });
// The scans are driven inside the page (a file put into the photo input, as a picker does): driving
// each one from Playwright keeps handles alive in the page and would measure Playwright's memory.
const scanInPage = (from, count) =>
	page.evaluate(
		async ({ codes, from, count }) => {
			const input = document.querySelector('[data-testid="qr-image"]');
			const times = [];
			for (let i = from; i < from + count; i++) {
				const { name, png } = codes[i % codes.length];
				const file = new File([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], 'qr.png', {
					type: 'image/png'
				});
				const t = performance.now();
				const picked = new DataTransfer();
				picked.items.add(file);
				input.files = picked.files;
				input.dispatchEvent(new Event('change', { bubbles: true }));
				let card = null;
				while (!card?.textContent?.includes(name)) {
					await new Promise((resolve) => requestAnimationFrame(resolve));
					card = document.querySelector('[data-testid="scanned"]');
				}
				times.push(performance.now() - t);
				[...card.querySelectorAll('button')].find((b) => b.textContent.includes('Bỏ qua')).click();
				await new Promise((resolve) => requestAnimationFrame(resolve));
			}
			return times;
		},
		{ codes: codes.map((c) => ({ name: c.name, png: c.png.toString('base64') })), from, count }
	);
const warmup = 10;
const times = await scanInPage(0, warmup); // the decoder is loaded and warm after these
const heapStart = await heap();
times.push(...(await scanInPage(warmup, scans - warmup)));
const heapEnd = await heap();
await browser.close();
await server.stop();
fs.rmSync(dir, { recursive: true, force: true });

const first = times.slice(0, 50);
const last = times.slice(-50);
const lines = [
	`${scans} QR photos read at a gate page in Chromium (the zxing-wasm ponyfill: Linux Chromium has no BarcodeDetector)`,
	`photo → guest shown, first 50: p50 ${ms(quantile(first, 0.5))}, p99 ${ms(quantile(first, 0.99))}`,
	`photo → guest shown, last 50: p50 ${ms(quantile(last, 0.5))}, p99 ${ms(quantile(last, 0.99))}`,
	`ratio last/first p50: ${(quantile(last, 0.5) / quantile(first, 0.5)).toFixed(2)}`,
	`page JS heap after GC: ${heapStart.toFixed(2)} MB after ${warmup} scans → ${heapEnd.toFixed(2)} MB after ${scans} ` +
		`(${((1000 * (heapEnd - heapStart)) / (scans - warmup)).toFixed(2)} KB per scan)`
];
console.log(lines.join('\n'));
writeResults('scanner-results', lines);
