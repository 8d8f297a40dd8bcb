// Shared by the benchmarks: a real server from the build on a free port with its own
// database, logins through the real form, sockets as the browsers open them.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { io } from 'socket.io-client';

export const root = path.resolve(import.meta.dirname, '..');

export const quantile = (values, q) => {
	const sorted = Float64Array.from(values).sort();
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
};
export const ms = (v) => `${v.toFixed(1)} ms`;

export function freePort() {
	return new Promise((resolve) => {
		const probe = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
	});
}

export function tempDir() {
	return fs.mkdtempSync(path.join(os.tmpdir(), 'khai-mac-bench-'));
}

export async function startServer({ dbPath, scenario, env = {}, demo = false, afterImport = () => {} }) {
	const flags = demo ? ['--accounts', '--demo'] : ['--accounts'];
	const imported = spawnSync('node', ['build/cli.js', 'import', scenario, ...flags], {
		cwd: root,
		env: { ...process.env, KHAIMAC_DB: dbPath },
		encoding: 'utf8'
	});
	if (imported.status !== 0) throw new Error(imported.stderr);
	afterImport(dbPath);
	const port = await freePort();
	const child = spawn(
		'node',
		[...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), 'server.js'],
		{
			cwd: root,
			env: { ...process.env, ...env, KHAIMAC_DB: dbPath, PORT: String(port), HOST: '127.0.0.1' },
			// BENCH_SERVER_LOG=file keeps what the server says (its errors) for a look afterwards
			stdio: process.env.BENCH_SERVER_LOG
				? ['ignore', ...[1, 2].map(() => fs.openSync(process.env.BENCH_SERVER_LOG, 'a'))]
				: 'ignore'
		}
	);
	// a bench that fails half-way must not leave its server running (and skewing the next one)
	process.on('exit', () => child.kill('SIGKILL'));
	// and an interrupted one neither (a signal ends node without 'exit' unless handled)
	for (const [signal, code] of [
		['SIGINT', 130],
		['SIGTERM', 143]
	])
		process.once(signal, () => process.exit(code));
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(`${url}/healthz`)).ok) return { url, child };
		} catch {
			/* starting */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('server did not start');
}

// /proc readings, shared with the tests
export { childPids, cpuSeconds, rssMb } from '../scripts/proc.js';

export async function login(url, username, password = 'khaimac-demo') {
	const response = await fetch(`${url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username, password })
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('km_session='));
	if (!cookie) throw new Error(`login ${username} failed (${response.status})`);
	return cookie.split(';')[0];
}

export function connect(url, cookie) {
	const socket = io(url, {
		transports: ['websocket'],
		extraHeaders: { cookie },
		auth: { as: 'user' },
		forceNew: true,
		reconnection: false
	});
	return new Promise((resolve, reject) => {
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', reject);
	});
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

/**
 * The default scenario with its routes shared by `count` trucks, each with a crew login; written
 * to `dir`. With `keepPlanTrucks` the plan's own trucks stay too, after the bench's.
 */
export function fleetScenario(dir, count, { keepPlanTrucks = false } = {}) {
	const s = JSON.parse(fs.readFileSync(path.join(root, 'data/scenarios/quan7-2024.json'), 'utf8'));
	const wards = s.units.filter((u) => u.kind === 'ward');
	const planTrucks = s.trucks;
	const planCrews = s.accounts.filter((a) => a.role === 'truck_crew');
	s.trucks = Array.from({ length: count }, (_, i) => ({
		id: `xe-${i}`,
		name: `Xe ${i}`,
		unitId: wards[i % wards.length].id,
		routeId: s.routes[i % s.routes.length].id,
		sloganIds: []
	}));
	s.accounts = [
		...s.accounts.filter((a) => a.role !== 'truck_crew'),
		...s.trucks.map((t) => ({
			username: t.id,
			displayName: t.name,
			role: 'truck_crew',
			truckId: t.id,
			password: 'khaimac-demo'
		})),
		...(keepPlanTrucks ? planCrews : [])
	];
	if (keepPlanTrucks) s.trucks.push(...planTrucks);
	const file = path.join(dir, 'fleet.json');
	fs.writeFileSync(file, JSON.stringify(s));
	return { ...s, file };
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
