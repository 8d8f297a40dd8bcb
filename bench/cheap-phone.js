// npm run bench:cheap-phone: a cheap phone on a poor network opening its page for the first
// time (Chromium, CPU ×4 slower, 150 ms latency, 1.6 Mbps down, empty cache): when the crew's
// "Xuất phát" is on the screen, and when pressing it does something; the same for the gate's
// search. The gap between the two is time a person presses a button that does nothing.
// Needs `npm run build` first.
import path from 'node:path';
import { cli, launchChromium, login, ms, quantile, root, startServer, tempDir, writeResults } from './lib.js';

const runs = Number(process.env.BENCH_RUNS ?? 8);
const dir = tempDir();
const dbPath = path.join(dir, 'bench.sqlite');
const server = await startServer({ dbPath, scenario: path.join(root, 'data/scenarios/quan7-2024.json') });
const { url } = server;
const imported = cli(dbPath, ['invitees', path.join(root, 'data/scenarios/quan7-2024-invitees-demo.csv')]);
if (imported.status !== 0) throw new Error(imported.stderr);
const scenario = JSON.parse(
	(await import('node:fs')).readFileSync(path.join(root, 'data/scenarios/quan7-2024.json'), 'utf8')
);
const crews = scenario.accounts.filter((a) => a.role === 'truck_crew').map((a) => a.username);
const gates = scenario.accounts.filter((a) => a.role === 'gate_staff').map((a) => a.username);
const browser = await launchChromium();

/**
 * One cold first visit of `pathname` by `username` on the slow phone: ms from navigation to the
 * control on screen, and to the first press of it that the page answers.
 */
async function firstVisit(username, pathname, control, works) {
	const cookie = await login(url, username);
	const context = await browser.newContext({
		baseURL: url,
		viewport: { width: 412, height: 915 },
		isMobile: true,
		hasTouch: true,
		serviceWorkers: 'block'
	});
	const [name, value] = cookie.split(';')[0].split('=');
	await context.addCookies([{ name, value, url }]);
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: 150,
		downloadThroughput: (1.6e6 / 8) * 0.9,
		uploadThroughput: (0.75e6 / 8) * 0.9
	});
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	const start = Date.now();
	await page.goto(pathname, { waitUntil: 'commit' });
	const target = control(page);
	await target.waitFor({ state: 'visible', timeout: 60_000 });
	const visible = Date.now() - start;
	// a press made before the code runs goes as a plain form (a new page: the crew's POST, the
	// gate's GET ?q=): it worked if that page answers
	let pressedAt = 0;
	/** when the press that went as a form was made */
	let postedAt = null;
	page.on('request', (request) => {
		if (request.isNavigationRequest() && postedAt === null) postedAt = pressedAt;
	});
	let working = null;
	while (working === null && Date.now() - start < 60_000) {
		pressedAt = Date.now() - start;
		await works.press(page, target);
		if (await works.answered(page, postedAt === null ? 100 : 20_000)) working = postedAt ?? pressedAt;
	}
	const bytes = await page.evaluate(() =>
		performance.getEntriesByType('resource').reduce((n, e) => n + (e.transferSize || 0), 0)
	);
	await context.close();
	return { visible, working, kb: bytes / 1024 };
}

const crewButton = {
	press: (page, button) => button.click({ timeout: 1000, noWaitAfter: true }).catch(() => undefined),
	answered: (page, timeout) =>
		page
			.getByRole('status')
			.filter({ hasText: /Đang gửi|Đã lưu trên máy|Đã báo xuất phát/ })
			.first()
			.waitFor({ state: 'visible', timeout })
			.then(() => true)
			.catch(() => false)
};
const gateSearch = {
	press: async (page, box) => {
		await box.fill('', { timeout: 1000 }).catch(() => undefined);
		await box.fill('do duc long', { timeout: 1000 }).catch(() => undefined);
		// the phone keyboard's search key
		await box.press('Enter', { timeout: 1000, noWaitAfter: true }).catch(() => undefined);
	},
	answered: (page, timeout) =>
		page
			.getByTestId('gate-results')
			.getByText('Đỗ Đức Long')
			.waitFor({ state: 'visible', timeout })
			.then(() => true)
			.catch(() => false)
};

const results = { crew: [], gate: [] };
for (let i = 0; i < runs; i++) {
	results.crew.push(
		await firstVisit(
			crews[i % crews.length],
			'/truck',
			(page) => page.getByRole('button', { name: 'Xuất phát', exact: true }),
			crewButton
		)
	);
	results.gate.push(
		await firstVisit(gates[i % gates.length], '/gate', (page) => page.getByTestId('gate-search'), gateSearch)
	);
}
await browser.close();
await server.stop();

const lines = [
	`cheap phone: CPU ×4, 150 ms latency, 1.6 Mbps down, cold cache; ${runs} first visits per page`,
	''
];
for (const [label, list] of [
	['crew /truck — Xuất phát', results.crew],
	['gate /gate — search', results.gate]
]) {
	const visible = list.map((r) => r.visible);
	const working = list.map((r) => r.working ?? Infinity);
	const gap = list.map((r) => (r.working ?? Infinity) - r.visible);
	lines.push(
		`${label}: on screen p50 ${ms(quantile(visible, 0.5))} · works p50 ${ms(quantile(working, 0.5))}, p90 ${ms(quantile(working, 0.9))} · gap p50 ${ms(quantile(gap, 0.5))} · ${Math.round(
			quantile(
				list.map((r) => r.kb),
				0.5
			)
		)} KB transferred`
	);
}
for (const line of lines) console.log(line);
writeResults('cheap-phone-results', lines);
