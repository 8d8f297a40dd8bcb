import fs from 'node:fs';
import path from 'node:path';
import { fleetScenario, fleetUnderWay, planLiveAt } from '../harness/scenarios.js';
import { command, connect, login, notice } from '../helpers/client';
import { demoPassword, removeServer, startServer, type TestServer } from '../helpers/server';
import {
	axeFaults,
	clipped,
	domFaults,
	emojiFaults,
	expect,
	headerFaults,
	labelFaults,
	offFirstScreen,
	overflow,
	screens,
	settled,
	shoot,
	SignIns,
	unbounded,
	vietnameseLeft,
	type PlanUsers,
	type Screen
} from './devices';
import { test } from './fixtures';

/**
 * Every page of every role at the sizes its people hold it, on three plans (the district demo, a
 * ward's small one, a 330-truck one): nothing wider than the device, the header on one row, the
 * main actions in the first screen, no wall panel cut. The screenshots stay in
 * test-results/devices/ for a person to look at.
 */
function matrix(
	plan: string,
	url: () => string,
	users: Partial<PlanUsers>,
	{ only, english }: { only?: string[]; english?: { planText: string } } = {}
) {
	// an account's pages in one browser per kind of device, resized between sizes: its code loads
	// once (a fresh browser per size made the matrix several minutes long)
	const pagesOf = new Map<string, Screen[]>();
	for (const screen of screens) {
		const username = users[screen.user];
		if (username && (!only || only.includes(screen.path)))
			pagesOf.set(username, [...(pagesOf.get(username) ?? []), screen]);
	}
	for (const [username, pages] of pagesOf)
		test(`${username}: ${pages.map((s) => s.path).join(', ')}`, async ({ browser }) => {
			const signIns = new SignIns(browser, url(), demoPassword);
			const faults: string[] = [];
			for (const mobile of [true, false]) {
				// in English, each page at the first size its people use
				const visits = pages.flatMap((screen) =>
					(english ? screen.devices.slice(0, 1) : screen.devices)
						.filter((d) => d.mobile === mobile)
						.map((device) => ({ screen, device }))
				);
				if (!visits.length) continue;
				const context = await signIns.context(username, visits[0].device);
				if (english) await context.addCookies([{ name: 'km_lang', value: 'en', url: url() }]);
				const page = await context.newPage();
				for (const { screen, device } of visits) {
					await page.setViewportSize({ width: device.width, height: device.height });
					await page.goto(screen.path);
					await settled(page);
					await shoot(
						page,
						`${plan}${english ? '-en' : ''}${screen.path.replaceAll('/', '-')}-${username}-${device.width}x${device.height}`
					);
					const at = `${screen.path} on a ${device.name}`;
					const wide = await overflow(page, device.width);
					if (wide.scrollWidth > device.width)
						faults.push(`${at}: ${wide.scrollWidth} px wide (${wide.past.join(', ')})`);
					for (const f of await headerFaults(page)) faults.push(`${at}: ${f}`);
					for (const f of await emojiFaults(page)) faults.push(`${at}: ${f}`);
					for (const f of await domFaults(page)) faults.push(`${at}: ${f}`);
					if (english)
						for (const f of await vietnameseLeft(page, english.planText)) faults.push(`${at}: ${f}`);
					// accessibility once per page (at the first size its people use)
					if (device === screen.devices[0]) for (const f of await axeFaults(page)) faults.push(`${at}: ${f}`);
					if (screen.primary && !english)
						for (const f of await offFirstScreen(page, device, screen.primary(page)))
							faults.push(`${at}: not in the first screen: ${f}`);
					if (screen.bounded)
						for (const f of await unbounded(page, device, screen.bounded(page))) faults.push(`${at}: ${f}`);
					if (screen.wall) {
						for (const f of await clipped(page)) faults.push(`${at}: cut: ${f}`);
						for (const f of await labelFaults(page)) faults.push(`${at}: ${f}`);
					}
				}
				await context.close();
			}
			expect(faults).toEqual([]);
		});
}

/** Five notices from the coordinator, as a busy morning has: they must not push a phone's buttons down. */
async function fiveNotices(url: string, coordinator: string) {
	const ops = await connect(url, await login(url, coordinator));
	for (let i = 1; i <= 5; i++)
		expect(
			await command(
				ops,
				'notice.post',
				notice(`Thông báo số ${i}: các đơn vị kiểm tra lại băng rôn, loa và lối vào trước giờ khai mạc.`)
			)
		).toMatchObject({ ok: true });
	ops.close();
}

const demoUsers: PlanUsers = {
	truck: 'xe-tan-thuan-dong',
	gate: 'cong-1',
	ward: 'phuong-tan-thuan-dong',
	unit: 'thcs-tan-kieng',
	coordinator: 'ttvh',
	admin: 'admin',
	leader: 'lanhdao'
};

test.describe('the demo plan (a district) at every device size', () => {
	test.describe.configure({ timeout: 180_000 });
	matrix('demo', () => process.env.E2E_URL!, demoUsers);
});

test.describe('the demo plan in English, each page at the first size its people use', () => {
	test.describe.configure({ timeout: 180_000 });
	// its own server: what other tests typed (a reason, a notice) is people's Vietnamese, not the app's
	let server: TestServer;
	test.beforeAll(async () => {
		server = await startServer();
	});
	test.afterAll(async () => removeServer(server));
	matrix('demo', () => server.url, demoUsers, {
		english: { planText: fs.readFileSync('data/scenarios/quan7-2024.json', 'utf8') }
	});
});

test.describe('a ward’s own plan (Biên Giang) ten minutes before its ceremony, with five notices, at every device size', () => {
	test.describe.configure({ timeout: 180_000 });
	let server: TestServer;
	test.beforeAll(async () => {
		const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'khai-mac-ward-'));
		const plan = planLiveAt('data/scenarios/bien-giang-2024.json', dir, '2024-10-03T07:20:00+07:00');
		server = await startServer({ scenario: plan, dir });
		await fiveNotices(server.url, 'vhxh');
	});
	test.afterAll(async () => removeServer(server));
	// the pages whose content comes from the plan (the rest are the demo's pages); its truck page
	// says the plan has none
	matrix(
		'ward-plan',
		() => server.url,
		{
			gate: 'cong-1',
			ward: 'phuong-bien-giang',
			unit: 'thcs-bien-giang',
			coordinator: 'vhxh',
			leader: 'lanhdao'
		},
		{
			only: [
				'/gate',
				'/ward',
				'/reports',
				'/ops',
				'/ops/trucks',
				'/ops/checklists',
				'/reports/overview',
				'/display'
			]
		}
	);
});

test.describe('330 trucks twenty minutes into the parade, five notices, at every device size', () => {
	test.describe.configure({ timeout: 240_000 });
	let server: TestServer;
	test.beforeAll(async () => {
		const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'khai-mac-fleet-'));
		const scenario = fleetScenario(dir, 330, { liveAt: '2024-10-04T07:50:00+07:00' });
		// every truck on its route with a fresh fix (xe-0 idle: its crew departs it below)
		const underWay = { ...scenario, trucks: scenario.trucks.filter((t: { id: string }) => t.id !== 'xe-0') };
		server = await startServer({
			scenario: scenario.file,
			dir,
			afterImport: (db) => fleetUnderWay(db, underWay)
		});
		await fiveNotices(server.url, 'ttvh');
		// on its way: the crew's phone shows Đến điểm, Gặp sự cố and Hoàn thành
		const phone = await connect(server.url, await login(server.url, 'xe-0'));
		expect(await command(phone, 'truck.depart', { truckId: 'xe-0' })).toMatchObject({ ok: true });
		phone.close();
	});
	test.afterAll(async () => removeServer(server));
	// the pages 330 trucks fill
	matrix(
		'fleet-plan',
		() => server.url,
		{ truck: 'xe-0', ward: 'phuong-tan-thuan-dong', coordinator: 'ttvh', leader: 'lanhdao' },
		{ only: ['/truck', '/ward', '/ops/trucks', '/ops/routes', '/display'] }
	);
});
