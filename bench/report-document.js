// npm run bench:report-document: the city's report as the document to sign (.docx), with 300
// units and 600 photos. A city over 30 districts, each with 9 wards, schools and a learning center
// beneath it (300 units under the city, htsd-2024 table); each unit's staff sends two 1,600 ×
// 1,200 camera-like photos over HTTP in 256 KB chunks and submits the unit's report over its
// socket (figures, both sections written, the two photos). Then, measured: the city's
// coordinator downloads the live rolled-up document (`/reports/export?format=docx`): wall time,
// the server's and its photo process's RSS before, at peak and after, /healthz answered while it
// builds; and `node build/cli.js report` on the same database under /usr/bin/time -v. The
// baseline: the same 600 stored photos made small by bare sharp and put in a .docx by the bare
// `docx` package (bench/bare-document.js), and bare `docx` embedding them as stored. Each
// document is opened and its images and table counted. Needs `npm run build` first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import {
	childPids,
	connect,
	cpuSeconds,
	login,
	ms,
	printed,
	quantile,
	root,
	rssMb,
	startServer,
	tempDir,
	uploadPhoto,
	writeResults
} from './lib.js';

const districtCount = Number(process.env.BENCH_DISTRICTS ?? 30);
const perDistrict = Number(process.env.BENCH_UNITS_PER_DISTRICT ?? 9); // beneath each district
const photosPerUnit = Number(process.env.BENCH_PHOTOS_PER_UNIT ?? 2);
const inFlight = 3; // units filling in at once
const password = 'khaimac-demo';
const { line, lines } = printed();
const sleep = (t) => new Promise((r) => setTimeout(r, t));
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

// ---- the plan: a city, 30 districts, 9 wards, schools and a learning center in each
const kinds = [
	['ward', 'UBND Phường'],
	['ward', 'UBND Phường'],
	['ward', 'UBND Phường'],
	['preschool', 'Trường Mầm non'],
	['primary_school', 'Trường Tiểu học'],
	['primary_school', 'Trường Tiểu học'],
	['lower_secondary_school', 'Trường THCS'],
	['lower_secondary_school', 'Trường THCS'],
	['learning_center', 'Trung tâm học tập cộng đồng']
];
const city = {
	id: 'tp',
	name: 'UBND Thành phố Thử Tải',
	kind: 'city',
	parentId: null,
	position: [106.7, 10.78]
};
const units = [];
for (let d = 1; d <= districtCount; d++) {
	const district = { id: `quan-${d}`, name: `UBND Quận ${d}`, kind: 'district', parentId: city.id };
	units.push(district);
	for (let j = 0; j < perDistrict; j++) {
		const [kind, word] = kinds[j % kinds.length];
		units.push({
			id: `quan-${d}-${j + 1}`,
			name: `${word} số ${j + 1} Quận ${d}`,
			kind,
			parentId: district.id
		});
	}
}
const table = JSON.parse(fs.readFileSync(path.join(root, 'data/report-tables/htsd-2024.json'), 'utf8'));
const scenario = {
	format: 'khai-mac/scenario@1',
	event: {
		id: 'tp-2024-bench',
		name: 'Tuần lễ hưởng ứng học tập suốt đời năm 2024 — Thành phố Thử Tải',
		theme: 'Phát triển văn hóa đọc thúc đẩy học tập suốt đời',
		startDate: '2024-10-01',
		endDate: '2024-10-07',
		timeZone: 'Asia/Ho_Chi_Minh',
		organizerUnitId: city.id,
		plan: 'Kế hoạch số 01/KH-UBND (bench)',
		reportDeadline: '2024-10-11T17:00:00+07:00'
	},
	units: [city, ...units],
	reportTable: 'htsd-2024',
	accounts: [
		{ username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', unitId: city.id, password },
		{
			username: 'dieu-phoi-tp',
			displayName: 'Điều phối Thành phố',
			role: 'coordinator',
			unitId: city.id,
			password
		},
		...units.map((u) => ({
			username: u.id,
			displayName: `Cán bộ ${u.name}`,
			role: 'unit_staff',
			unitId: u.id,
			password
		}))
	]
};

/** which cells each row takes, as cellsOf in src/lib/reports/cells.ts */
const cellsOf = (row) =>
	row.inputs === 'both' ? ['count', 'people'] : row.inputs === 'none' ? [] : [row.inputs];
const figuresOf = (u) =>
	Object.fromEntries(
		table.rows
			.filter((row) => cellsOf(row).length)
			.map((row, r) => [
				row.id,
				Object.fromEntries(cellsOf(row).map((c, k) => [c, 1 + ((u * 31 + r * 7 + k) % 40)]))
			])
	);
const sentence =
	'Đơn vị đã ban hành kế hoạch, phân công cán bộ phụ trách, treo băng rôn, khẩu hiệu tại trụ sở và các tuyến đường chính; tổ chức ngày hội đọc sách, trưng bày sách và tuyên truyền trên loa phát thanh.';
const narrativeOf = (u) => ({
	'trien-khai': `${units[u].name}: ${sentence}\n${sentence}`,
	'hoat-dong': `${sentence}\nSố người tham gia các hoạt động tăng so với năm trước (đơn vị số ${u + 1}).`
});

const loadBefore = os.loadavg()[0];
const dir = tempDir();
const scenarioFile = path.join(dir, 'city.json');
fs.writeFileSync(scenarioFile, JSON.stringify(scenario));
console.log(`plan: ${city.name} with ${units.length} units beneath (${districtCount} districts); importing…`);
const server = await startServer({
	dbPath: path.join(dir, 'bench.sqlite'),
	scenario: scenarioFile,
	// the photo process is let go 10 s after its last photo (60 s by default), so that the
	// document is built as on the day after the reports came in: no photo process running
	env: { KHAIMAC_PHOTO_PROCESS_IDLE_S: '10' }
});
const { url } = server;

// ---- camera-like photos, each different: a noise picture's pixels turned by a different amount
const [width, height] = [1600, 1200];
const noise = await sharp({
	create: {
		width,
		height,
		channels: 3,
		background: { r: 90, g: 120, b: 60 },
		noise: { type: 'gaussian', mean: 120, sigma: 14 }
	}
})
	.raw()
	.toBuffer();
const photo = (n) => {
	const at = (n * 7919 * 3 + n) % noise.length;
	return sharp(Buffer.concat([noise.subarray(at), noise.subarray(0, at)]), {
		raw: { width, height, channels: 3 }
	})
		.jpeg({ quality: 85 })
		.toBuffer();
};

// ---- fill: each unit's staff sends its photos and submits (not measured)
const fillStart = performance.now();
let sentBytes = 0;
let submitted = 0;
let next = 0;
const refused = [];
async function fillUnit(u) {
	const unit = units[u];
	const cookie = await login(url, unit.id);
	const uploads = [];
	for (let p = 0; p < photosPerUnit; p++) {
		const bytes = await photo(u * photosPerUnit + p);
		sentBytes += bytes.length;
		const { body, id } = await uploadPhoto(url, cookie, unit.id, bytes);
		if (!body.photoId) throw new Error(`photo of ${unit.id} not stored: ${JSON.stringify(body)}`);
		uploads.push(id);
	}
	const socket = await connect(url, cookie);
	const answer = await socket.timeout(30_000).emitWithAck('command', {
		id: crypto.randomUUID(),
		type: 'report.submit',
		payload: { unitId: unit.id, figures: figuresOf(u), narrative: narrativeOf(u), uploads }
	});
	socket.close();
	if (answer.ok) submitted++;
	else refused.push(`${unit.id}: ${JSON.stringify(answer)}`);
}
await Promise.all(
	Array.from({ length: inFlight }, async () => {
		while (next < units.length) {
			const u = next++;
			await fillUnit(u);
			if ((u + 1) % 30 === 0)
				console.log(
					`  … ${u + 1}/${units.length} units, ${(u + 1) * photosPerUnit} photos sent (${((performance.now() - fillStart) / 1000).toFixed(0)} s)`
				);
		}
	})
);
if (refused.length) throw new Error(`reports refused:\n${refused.slice(0, 5).join('\n')}`);
const fillSeconds = (performance.now() - fillStart) / 1000;
const photoCount = units.length * photosPerUnit;
const displayFiles = fs
	.readdirSync(path.join(dir, 'photos'), { recursive: true })
	.filter((f) => /^[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/.test(f))
	.map((f) => path.join(dir, 'photos', f));
const storedBytes = displayFiles.reduce((n, f) => n + fs.statSync(f).size, 0);
console.log(
	`filled in ${fillSeconds.toFixed(0)} s: ${submitted} reports, ${photoCount} photos sent (${mb(sentBytes / photoCount)} each), ${displayFiles.length} stored (${mb(storedBytes / displayFiles.length)} each)`
);

// ---- the .docx opened again: its entries, its images, its tables
function zipEntries(zip) {
	const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	const entries = new Map();
	let at = zip.readUInt32LE(end + 16);
	for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
		const nameLength = zip.readUInt16LE(at + 28);
		const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
		entries.set(name, {
			method: zip.readUInt16LE(at + 10),
			size: zip.readUInt32LE(at + 20),
			local: zip.readUInt32LE(at + 42)
		});
		at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
	}
	const read = (name) => {
		const e = entries.get(name);
		const start = e.local + 30 + zip.readUInt16LE(e.local + 26) + zip.readUInt16LE(e.local + 28);
		const data = zip.subarray(start, start + e.size);
		return e.method === 8 ? zlib.inflateRawSync(data) : data;
	};
	return { entries, read };
}
const grouping = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
// the rolled-up table must show every unit's first row summed
const firstRow = table.rows.find((row) => cellsOf(row).length);
const firstSum = units.reduce((n, _, u) => n + figuresOf(u)[firstRow.id][cellsOf(firstRow)[0]], 0);
function checkDocument(bytes) {
	const { entries, read } = zipEntries(bytes);
	const media = [...entries.keys()].filter((n) => n.startsWith('word/media/'));
	const xml = read('word/document.xml').toString('utf8');
	const tables = xml.split('<w:tbl>').length - 1;
	const drawings = xml.split('<w:drawing>').length - 1;
	const sumShown = xml.includes(`>${grouping.format(firstSum)}<`);
	const narratives = units.filter((u) => xml.includes(`${u.name}: `)).length;
	const ok = media.length === photoCount && drawings === photoCount && tables >= 2 && sumShown;
	return {
		ok,
		text: `${media.length} images in word/media, ${drawings} drawn, ${tables} tables, "${firstRow.label.slice(0, 30)}…" = ${grouping.format(firstSum)} ${sumShown ? 'shown' : 'NOT shown'}, ${narratives} units' sections; ${mb(xml.length)} of document.xml`,
		mediaBytes: media.reduce((n, m) => n + entries.get(m).size, 0)
	};
}

// ---- a process tree's resident memory, sampled: its peak, summed and by process
function treeOf(pid) {
	const out = [];
	const walk = (p) => {
		out.push(p);
		for (const c of childPids(p)) walk(c);
	};
	walk(pid);
	return out;
}
/**
 * The tree of `rootPid` sampled every 20 ms (the root itself too unless `withRoot` is false);
 * which processes are in it is looked up every 500 ms, /proc being read whole for that
 */
function sampler(rootPid, { withRoot = true } = {}) {
	let peak = 0;
	const peaks = new Map();
	let pids = [];
	const lookUp = () => (pids = treeOf(rootPid).slice(withRoot ? 0 : 1));
	const sample = () => {
		let sum = 0;
		for (const pid of pids) {
			try {
				const rss = rssMb(pid);
				if (Number.isNaN(rss)) continue; // a zombie, not reaped yet
				sum += rss;
				peaks.set(pid, Math.max(peaks.get(pid) ?? 0, rss));
			} catch {
				// gone meanwhile
			}
		}
		peak = Math.max(peak, sum);
	};
	lookUp();
	sample();
	const timers = [setInterval(sample, 20), setInterval(lookUp, 500)];
	return {
		stop() {
			timers.forEach(clearInterval);
			sample();
			return { peak, peaks };
		}
	};
}
const hwmMb = (pid) =>
	Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
/** resets the process's peak RSS (VmHWM) to its RSS now: Linux's clear_refs, on a process of ours */
function resetPeak(pid) {
	try {
		fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}

/** `node args…` under /usr/bin/time -v: wall time, its max RSS, the tree's peak sampled */
async function timed(args, env = {}) {
	const child = spawn('/usr/bin/time', ['-v', process.execPath, ...args], {
		cwd: root,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let [stdout, stderr] = ['', ''];
	child.stdout.on('data', (d) => (stdout += d));
	child.stderr.on('data', (d) => (stderr += d));
	const started = performance.now();
	// the tree beneath /usr/bin/time: node, and the photo process it may start
	const memory = sampler(child.pid, { withRoot: false });
	const status = await new Promise((r) => child.on('exit', (code) => r(code)));
	const wall = performance.now() - started;
	const { peak, peaks } = memory.stop();
	if (status !== 0) throw new Error(`${args.join(' ')} failed (${status}):\n${stdout}\n${stderr}`);
	const maxRss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]) / 1024;
	return { wall, maxRss, peak, peaks: [...peaks.values()], stdout, stderr };
}

// ---- (a) through HTTP: the city's coordinator downloads the document
const coordinator = await login(url, 'dieu-phoi-tp');
// a probe whose kept-alive connection the server closed as it came back from a long turn is
// reset (ECONNRESET): counted, and its time (until the reset) kept
let resets = 0;
const health = async () => {
	const t = performance.now();
	try {
		const answer = await (await fetch(`${url}/healthz`)).json();
		return { ms: performance.now() - t, answer };
	} catch (error) {
		if (error.cause?.code !== 'ECONNRESET') throw error;
		resets++;
		return { ms: performance.now() - t, answer: {} };
	}
};
process.stdout.write('waiting for the photo process to be let go');
for (let waited = 0; childPids(server.pid()).length && waited < 60; waited++) {
	process.stdout.write('.');
	await sleep(1000);
}
console.log();
const quiet = [];
for (let i = 0; i < 50; i++) {
	quiet.push((await health()).ms);
	await sleep(20);
}
const pid = server.pid();
const serverBefore = rssMb(pid);
const photoBefore = childPids(pid).reduce((n, p) => n + rssMb(p), 0);
const peakReset = resetPeak(pid);
const cpuBefore = cpuSeconds(pid);
console.log(`building the city's document through HTTP (${photoCount} photos)…`);
const memory = sampler(pid);
let photoPid = null;
let photoCpu = 0;
const readPhoto = () => {
	photoPid = childPids(pid)[0] ?? photoPid;
	try {
		if (photoPid) photoCpu = cpuSeconds(photoPid);
	} catch {
		// let go
	}
};
const watchPhoto = setInterval(readPhoto, 500);
let building = true;
const during = [];
// the server's own event-loop figures: each 10 s window that closes during the build or just after
const windowsSeen = new Set();
const windowBefore = JSON.stringify((await health()).answer.eventLoopDelay);
const windowOf = (answer) => {
	const w = JSON.stringify(answer.eventLoopDelay);
	if (w && w !== windowBefore) windowsSeen.add(w);
};
const probing = (async () => {
	while (building) {
		const { ms: took, answer } = await health();
		during.push(took);
		windowOf(answer);
		await sleep(20);
	}
})();
const started = performance.now();
const response = await fetch(`${url}/reports/export?format=docx`, { headers: { cookie: coordinator } });
const httpBytes = Buffer.from(await response.arrayBuffer());
const httpWall = performance.now() - started;
building = false;
await probing;
clearInterval(watchPhoto);
readPhoto();
const { peak: treePeak, peaks } = memory.stop();
const serverPeak = peakReset ? hwmMb(pid) : (peaks.get(pid) ?? 0);
const photoPeak = photoPid ? (peaks.get(photoPid) ?? 0) : 0;
const serverCpu = cpuSeconds(pid) - cpuBefore;
const serverAfter = rssMb(pid);
const photoAfter = childPids(pid).reduce((n, p) => n + rssMb(p), 0);
windowOf((await health()).answer);
if (response.status !== 200)
	throw new Error(`export answered ${response.status}: ${httpBytes.toString().slice(0, 300)}`);
const httpCheck = checkDocument(httpBytes);
await sleep(12_000); // the photo process let go, the server's window closed
const laterHealth = (await health()).answer;
windowOf(laterHealth);
const windows = [...windowsSeen].map((w) => JSON.parse(w)).filter(Boolean);
const serverLater = rssMb(pid);
console.log(`  ${(httpWall / 1000).toFixed(1)} s, ${mb(httpBytes.length)}; ${httpCheck.text}`);

// ---- (b) the command line, on the same database, the server stopped
await server.stop();
console.log('building it with the command line…');
const cliOut = path.join(dir, 'cli.docx');
const cliRun = await timed(['build/cli.js', 'report', cliOut], {
	KHAIMAC_DB: server.dbPath,
	KHAIMAC_DATA_DIR: server.dir
});
const cliBytes = fs.readFileSync(cliOut);
const cliCheck = checkDocument(cliBytes);
console.log(`  ${(cliRun.wall / 1000).toFixed(1)} s; ${cliCheck.text}`);

// ---- the bare baselines: the same stored photos, bare sharp and bare docx
const list = path.join(dir, 'photos.json');
fs.writeFileSync(list, JSON.stringify(displayFiles));
console.log('bare sharp + bare docx, the same photos made small…');
const bareShrink = await timed([
	'bench/bare-document.js',
	'shrink',
	list,
	path.join(dir, 'bare-shrink.docx')
]);
const bareShrinkOut = JSON.parse(bareShrink.stdout);
const bareShrinkCheck = zipEntries(fs.readFileSync(path.join(dir, 'bare-shrink.docx')));
console.log('bare docx, the same photos as stored…');
const bareRaw = await timed(['bench/bare-document.js', 'raw', list, path.join(dir, 'bare-raw.docx')]);
const bareRawOut = JSON.parse(bareRaw.stdout);
const mediaOf = (z) => [...z.entries.keys()].filter((n) => n.startsWith('word/media/')).length;

fs.rmSync(dir, { recursive: true, force: true });

const load = os.loadavg()[0];
const ourPeak = serverPeak + photoPeak;
line(
	`machine load (1-min average, ${os.cpus().length} cores): ${loadBefore.toFixed(2)} before the run, ${load.toFixed(2)} after`
);
line(
	`plan: ${city.name} over ${districtCount} districts, ${units.length} units beneath (htsd-2024 table); filled over HTTP and socket.io in ${fillSeconds.toFixed(0)} s (not measured): ${submitted} reports submitted, ${photoCount} photos of ${width} × ${height} sent (${mb(sentBytes / photoCount)} each), ${displayFiles.length} stored (display ${mb(storedBytes / displayFiles.length)} each, ${mb(storedBytes)} in all)`
);
line(
	`(a) HTTP, the city's coordinator: GET /reports/export?format=docx → ${response.status}, ${(httpWall / 1000).toFixed(1)} s, ${mb(httpBytes.length)} (${(httpWall / photoCount).toFixed(0)} ms a photo)`
);
line(`    checked: ${httpCheck.ok ? 'ok' : 'WRONG'}: ${httpCheck.text}; images ${mb(httpCheck.mediaBytes)}`);
line(
	`    server RSS ${serverBefore.toFixed(0)} → peak ${serverPeak.toFixed(0)} → ${serverAfter.toFixed(0)} MB just after, ${serverLater.toFixed(0)} MB 12 s later (peak ${peakReset ? 'VmHWM, reset before the build' : 'sampled every 20 ms'}); photo process ${photoBefore.toFixed(0)} → peak ${photoPeak.toFixed(0)} → ${photoAfter.toFixed(0)} MB (sampled); together peak ${treePeak.toFixed(0)} MB sampled`
);
line(
	`    CPU during the build: server ${serverCpu.toFixed(1)} s (${((serverCpu / httpWall) * 1e5).toFixed(0)}% of a core), photo process ${photoCpu.toFixed(1)} s (${((photoCpu / httpWall) * 1e5).toFixed(0)}%)`
);
line(
	`    /healthz answered while it built: p50 ${ms(quantile(during, 0.5))}, p99 ${ms(quantile(during, 0.99))}, slowest ${ms(Math.max(...during))} over ${during.length} probes, ${resets} reset (quiet before: p50 ${ms(quantile(quiet, 0.5))}, slowest ${ms(Math.max(...quiet))})`
);
line(
	`    server's own event-loop delay (/healthz), the ${windows.length} 10 s windows that closed during the build and just after: p99 ${windows.map((w) => w.p99).join(', ')} ms, max ${windows.map((w) => w.max).join(', ')} ms`
);
line(
	`(b) command line: node build/cli.js report out.docx (server stopped, same database): ${(cliRun.wall / 1000).toFixed(1)} s, ${mb(cliBytes.length)}; /usr/bin/time max RSS ${cliRun.maxRss.toFixed(0)} MB (its largest process), sampled peak ${cliRun.peaks.map((p) => p.toFixed(0)).join(' + ')} MB, together ${cliRun.peak.toFixed(0)} MB`
);
line(`    checked: ${cliCheck.ok ? 'ok' : 'WRONG'}: ${cliCheck.text}`);
line(
	`bare sharp (1,000 px, q70, one at a time) + bare docx (one image a paragraph): ${(bareShrink.wall / 1000).toFixed(1)} s (shrink ${(bareShrinkOut.shrinkMs / 1000).toFixed(1)} s, pack ${(bareShrinkOut.packMs / 1000).toFixed(1)} s, node start included), ${mb(bareShrinkOut.bytes)}, ${mediaOf(bareShrinkCheck)} images; max RSS ${bareShrink.maxRss.toFixed(0)} MB`
);
line(
	`bare docx, the stored photos as they are: ${(bareRaw.wall / 1000).toFixed(1)} s (read ${(bareRawOut.shrinkMs / 1000).toFixed(1)} s, pack ${(bareRawOut.packMs / 1000).toFixed(1)} s), ${mb(bareRawOut.bytes)}; max RSS ${bareRaw.maxRss.toFixed(0)} MB`
);
line(
	`ratios against bare sharp + docx: time HTTP ${(httpWall / bareShrink.wall).toFixed(2)}, command line ${(cliRun.wall / bareShrink.wall).toFixed(2)}; peak memory HTTP (server peak + photo process peak ${ourPeak.toFixed(0)} MB) ${(ourPeak / bareShrink.maxRss).toFixed(2)}, command line (sampled ${cliRun.peak.toFixed(0)} MB) ${(cliRun.peak / bareShrink.maxRss).toFixed(2)}`
);
writeResults('report-document-results', lines);
