// Shared by the benchmarks: a real server from the build on a free port with its own
// database, logins through the real form, sockets as the browsers open them. The server and
// client parts are the tests' harness (tests/harness/), the figures' helpers are here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import {
	cli,
	freePort,
	killOnExit,
	root,
	startServer as startHarnessServer,
	tempDir as harnessTempDir
} from '../tests/harness/server.js';

export { connect, login } from '../tests/harness/client.js';
export { fleetScenario, provinceScenario } from '../tests/harness/scenarios.js';
export { cli, freePort, killOnExit, root };
// /proc readings, shared with the tests
export { childPids, cpuSeconds, rssMb, schedSeconds } from '../scripts/proc.js';

export const quantile = (values, q) => {
	const sorted = Float64Array.from(values).sort();
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
};
export const ms = (v) => `${v.toFixed(1)} ms`;

export function tempDir() {
	return harnessTempDir('khai-mac-bench-');
}

/**
 * The harness's server (see tests/harness/server.js: url, pid(), stop(), log()…) on `dbPath`,
 * with the scenario's accounts. BENCH_NODE_ARGS: flags for the server's node;
 * BENCH_SERVER_LOG=file: its output appended there (default: server.log beside the database,
 * removed with the bench's folder). It is killed if the bench fails half-way or is interrupted.
 * Connections and uploads per client are not limited unless `clientLimits` (the server's own
 * limits then hold): a bench's thousands of simulated devices share one sign-in per account.
 */
export function startServer({ dbPath, scenario, env = {}, demo = false, afterImport, clientLimits = false }) {
	// a bench's thousands of simulated devices share one sign-in per account and one address
	const unlimited = {
		KHAIMAC_SOCKETS_PER_LOGIN: '0',
		KHAIMAC_SOCKETS_PER_ADDRESS: '0',
		KHAIMAC_UPLOAD_BURST_MB: '0'
	};
	return startHarnessServer({
		dbPath,
		scenario,
		env: { ...(clientLimits ? {} : unlimited), ...env },
		demo,
		afterImport,
		nodeArgs: process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean),
		logFile: process.env.BENCH_SERVER_LOG || undefined
	});
}

/**
 * A photo sent as a tablet's outbox sends it: PUT chunks of `chunk` bytes under one upload id,
 * from `from`. Stops at the first refused chunk or once the photo is stored; the last answer
 * ({ status, body }) and the upload id, to send again under (from 0: the server answers a
 * chunk it already holds with where it stands, and stores a photo whose bytes are all in).
 */
export async function uploadPhoto(
	url,
	cookie,
	unitId,
	bytes,
	{ chunk = 256 * 1024, id = crypto.randomUUID(), from = 0, headers = {} } = {}
) {
	let answer = { status: 0, body: { ok: false } };
	const goOn = () => answer.body.ok && !answer.body.photoId;
	for (let start = from; start < bytes.length && (start === from || goOn()); start += chunk) {
		const part = bytes.subarray(start, start + chunk);
		const response = await fetch(`${url}/photos/uploads/${id}?unit=${unitId}`, {
			method: 'PUT',
			headers: {
				...headers,
				cookie,
				'content-type': 'application/octet-stream',
				'content-range': `bytes ${start}-${start + part.length - 1}/${bytes.length}`
			},
			body: part
		});
		answer = { status: response.status, body: await response.json() };
	}
	return { ...answer, id };
}

/** in groups, so a few hundred logins do not all hash at once */
export async function inGroups(items, size, fn) {
	const out = [];
	for (let i = 0; i < items.length; i += size)
		out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
	return out;
}

/** The figures a bench prints, kept for its results file. */
export function printed() {
	const lines = [];
	return {
		lines,
		line: (text) => {
			console.log(text);
			lines.push(text);
		}
	};
}

export function writeResults(name, lines) {
	const file = path.join(root, 'bench', `${name}.txt`);
	fs.writeFileSync(file, `${new Date().toISOString()} on ${os.cpus().length} cores\n${lines.join('\n')}\n`);
	console.log(`\n(written to bench/${name}.txt)`);
}

/** One second of the fleet: every crew phone sends its next point along its route; the answers. */
export function sendPositions(crews, routeStart, second, onSend = () => {}) {
	return Promise.all(
		crews.map(({ truck, socket }, i) => {
			const line = routeStart.get(truck.routeId);
			const [lng, lat] = line[(second + i) % line.length];
			onSend(i);
			return socket.timeout(10_000).emitWithAck('positions', {
				truckId: truck.id,
				fixes: [{ at: Date.now(), lat: lat + i * 1e-6, lng, accuracy: 8, speed: 12 }]
			});
		})
	);
}

/**
 * The default scenario with `count` more schools under the district, each with one unit_staff
 * account filling in its report (a district has about that many schools); written to `dir`.
 */
export function schoolsScenario(dir, count) {
	const s = JSON.parse(fs.readFileSync(path.join(root, 'data/scenarios/quan7-2024.json'), 'utf8'));
	const district = s.units.find((u) => u.kind === 'district');
	const schools = Array.from({ length: count }, (_, i) => ({
		id: `truong-${i}`,
		name: `Trường số ${i} (bench)`,
		kind: 'school',
		parentId: district.id
	}));
	s.units.push(...schools);
	s.accounts.push(
		...schools.map((u) => ({
			username: u.id,
			displayName: `Cán bộ ${u.name}`,
			role: 'unit_staff',
			unitId: u.id,
			password: 'khaimac-demo'
		}))
	);
	const file = path.join(dir, 'schools.json');
	fs.writeFileSync(file, JSON.stringify(s));
	return { ...s, schools, file };
}

/** Debian's Chromium, with the JS heap measurable after a forced GC (see pageHeapMb). */
export function launchChromium() {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--js-flags=--expose-gc', '--enable-precise-memory-info']
	});
}

/** Signs a page in through the real login form and waits for the role's home. */
export async function signIn(page, username, home) {
	await page.goto('/login');
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill('khaimac-demo');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL(home);
}

/** The page's JavaScript heap after a forced GC, MB. */
export function pageHeapMb(page) {
	return page.evaluate(() => {
		globalThis.gc?.();
		return performance.memory.usedJSHeapSize / 1e6;
	});
}
