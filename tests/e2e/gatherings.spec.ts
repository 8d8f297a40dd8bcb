/**
 * The city's trucks gathering before the ceremony (data/scenarios/hcm-2020.json, its six district
 * trucks and eighteen more: a truck for each of the city's 24 districts, as in the 2020 plan).
 * The ops room and the wall see the gathering point and "Đã tập kết n/N" grow, live, as the
 * crews' phones report the trucks there; twenty-four trucks at one spot read as one count, not a
 * block of names. Screenshots stay in test-results/gatherings for a person to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { planLiveAt } from '../harness/scenarios.js';
import { connect, login } from '../helpers/client';
import { removeServer, startServer, type TestServer } from '../helpers/server';
import { expect, fitsWidth, signIn, test } from './fixtures';

const shots = path.resolve('test-results/gatherings');
/** the gathering point the plan gives: Trường THCS Lương Định Của, Quận 2 */
const point: [number, number] = [106.7568, 10.7742];

/** the districts the 2020 plan's file leaves out, each with its truck and crew account */
const moreDistricts = [
	['quan-3', 'Quận 3'],
	['quan-5', 'Quận 5'],
	['quan-6', 'Quận 6'],
	['quan-8', 'Quận 8'],
	['quan-10', 'Quận 10'],
	['quan-11', 'Quận 11'],
	['quan-12', 'Quận 12'],
	['binh-thanh', 'Quận Bình Thạnh'],
	['go-vap', 'Quận Gò Vấp'],
	['phu-nhuan', 'Quận Phú Nhuận'],
	['tan-binh', 'Quận Tân Bình'],
	['tan-phu', 'Quận Tân Phú'],
	['binh-tan', 'Quận Bình Tân'],
	['binh-chanh', 'Huyện Bình Chánh'],
	['can-gio', 'Huyện Cần Giờ'],
	['cu-chi', 'Huyện Củ Chi'],
	['hoc-mon', 'Huyện Hóc Môn'],
	['nha-be', 'Huyện Nhà Bè']
] as const;

interface Plan {
	units: { id: string; name: string; kind: string; parentId: string | null }[];
	trucks: { id: string; name: string; unitId: string }[];
	accounts: Record<string, unknown>[];
}

function cityOf24(dir: string): string {
	const file = path.join(dir, 'hcm-2020-24.json');
	const plan = JSON.parse(fs.readFileSync('data/scenarios/hcm-2020.json', 'utf8')) as Plan;
	for (const [id, name] of moreDistricts) {
		plan.units.push({
			id,
			name,
			kind: name.startsWith('Huyện') ? 'rural_district' : 'district',
			parentId: 'tphcm'
		});
		plan.trucks.push({ id: `xe-${id}`, name: `Xe loa ${name}`, unitId: id });
		plan.accounts.push({
			username: `xe-${id}`,
			displayName: `Tổ xe loa ${name}`,
			role: 'truck_crew',
			unitId: id,
			truckId: `xe-${id}`,
			password: 'khaimac-demo'
		});
	}
	fs.writeFileSync(file, JSON.stringify(plan));
	// half an hour before the trucks are due at 6g30
	return planLiveAt(file, dir, '2020-09-30T06:00:00+07:00');
}

let server: TestServer;
let truckIds: string[];

test.beforeAll(async () => {
	const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'khai-mac-gatherings-'));
	const plan = cityOf24(dir);
	truckIds = (JSON.parse(fs.readFileSync(plan, 'utf8')) as Plan).trucks.map((t) => t.id);
	server = await startServer({ scenario: plan, dir });
	fs.mkdirSync(shots, { recursive: true });
});
test.afterAll(async () => {
	fs.writeFileSync(path.join(shots, 'server.log'), server.log());
	await removeServer(server);
});

async function opened(browser: Browser, username: string, url: string, width: number, height: number) {
	const page = await (
		await browser.newContext({ baseURL: server.url, viewport: { width, height } })
	).newPage();
	await signIn(page, username);
	await page.goto(url);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live');
	return page;
}

/** Each truck's crew phone reports it at the point (a few metres apart, as parked trucks stand). */
async function gather(ids: string[]): Promise<void> {
	for (const [i, truckId] of ids.entries()) {
		const phone = await connect(server.url, await login(server.url, truckId));
		const lng = point[0] + ((i % 6) - 2.5) * 0.0001;
		const lat = point[1] + (Math.floor(i / 6) - 1.5) * 0.0001;
		const fix = { at: Date.now(), lat, lng, accuracy: 6, speed: 0 };
		const ack = await phone.timeout(10_000).emitWithAck('positions', { truckId, fixes: [fix] });
		expect(ack).toMatchObject({ ok: true, accepted: 1 });
		phone.close();
	}
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`) });

test('the ops room and the wall see the trucks gather, live, and count them at the point', async ({
	browser
}) => {
	// twenty-four crews sign in (argon2, on a shared machine)
	test.setTimeout(300_000);
	const ops = await opened(browser, 'gdtx', '/ops/trucks', 1366, 768);
	const wall = await opened(browser, 'lanhdao', '/display', 1920, 1080);

	for (const page of [ops, wall]) {
		await expect(page.getByTestId('gathering-marker')).toBeVisible();
		await expect(page.getByTestId('gathered-count')).toHaveText('Đã tập kết 0/24');
	}
	await expect(ops.getByTestId('gathering-status')).toContainText('Chưa đến: 24 xe');

	// the eighteen added districts first: the plan's own six are still on their way
	await gather(truckIds.slice(6));
	for (const page of [ops, wall])
		await expect(page.getByTestId('gathered-count')).toHaveText('Đã tập kết 18/24');
	await expect(ops.getByTestId('gathering-status')).toContainText(
		'Chưa đến: UBND Quận 1, UBND Quận 2, UBND Quận 4, UBND Quận 7, UBND Quận 9, UBND Quận Thủ Đức'
	);

	await gather(truckIds.slice(0, 6));
	for (const page of [ops, wall]) {
		await expect(page.getByTestId('gathered-count')).toHaveText('Đã tập kết 24/24');
		await expect(page.locator('.km-gathering-label')).toHaveText('Tập kết 24/24');
	}
	await expect(ops.getByTestId('gathering-status')).toContainText('Đủ xe');

	// on the wall, where names are shown: the count names the trucks at the point, and no truck's
	// name is drawn over it
	await expect(wall.locator('.km-truck-label')).toHaveCount(24);
	await expect(wall.locator('.km-truck-label:visible')).toHaveCount(0);
	await expect(wall.locator('.km-gathering-label')).toBeVisible();

	await fitsWidth(wall);
	await shot(wall, 'wall-1920');
	// a 4K wall, opened as it is (its markers sized with its type)
	const wall4k = await opened(browser, 'lanhdao', '/display', 3840, 2160);
	await expect(wall4k.locator('.km-gathering-label')).toHaveText('Tập kết 24/24');
	await expect(wall4k.locator('.km-truck-label:visible')).toHaveCount(0);
	await fitsWidth(wall4k);
	await shot(wall4k, 'wall-3840');
	await wall4k.context().close();

	await fitsWidth(ops);
	await shot(ops, 'ops-1366');
	// a coordinator's phone, opened as it is
	const phone = await opened(browser, 'gdtx', '/ops/trucks', 360, 740);
	await expect(phone.getByTestId('gathered-count')).toHaveText('Đã tập kết 24/24');
	await fitsWidth(phone);
	await shot(phone, 'ops-360');
	await phone.getByTestId('gathering-marker').scrollIntoViewIfNeeded();
	await shot(phone, 'ops-360-map');
	await phone.context().close();
	await ops.context().close();
	await wall.context().close();
});
