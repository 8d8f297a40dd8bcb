import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { msToInput, msToIso } from '../../src/lib/time/input';
import { planLiveAt } from '../harness/scenarios.js';
import { command, connect, login } from '../helpers/client';
import { removeServer, startServer, type TestServer } from '../helpers/server';
import { expect, signIn, test } from './fixtures';

/**
 * Words from the data: a plan's units are named by their kinds and its coordinator by their own
 * unit, never by a level's word written into a page. A city's plan (HCMC 2020: the Sở over six
 * districts and a school) says "quận" where the demo says "phường"; a ward's plan (Biên Giang)
 * says "phường" for itself and "trường" for its schools.
 */

async function signedInPage(
	browser: Browser,
	server: TestServer,
	username: string,
	width: number,
	height: number
) {
	const context = await browser.newContext({ baseURL: server.url, viewport: { width, height } });
	const page = await context.newPage();
	await signIn(page, username);
	return page;
}

/** What the header's menu says the person is. */
async function roleShown(page: Page) {
	await page.locator('header.bar summary').click();
	const who = page.locator('header.bar .who small');
	await expect(who).toBeVisible();
	const text = await who.innerText();
	await page.locator('header.bar summary').click();
	return text;
}

/** A datetime-local field's value (whole minutes) `ms` from now. */
const inputFromNow = (ms: number) => msToInput(Math.floor((Date.now() + ms) / 60_000) * 60_000);

function planServer(file: string, liveAt: string) {
	const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'khai-mac-words-'));
	return startServer({ scenario: planLiveAt(file, dir, liveAt), dir });
}

test.describe("the city's plan (HCMC 2020), the morning after the districts' deadline", () => {
	let server: TestServer;
	test.beforeAll(async () => {
		server = await planServer('data/scenarios/hcm-2020.json', '2020-10-01T07:00:00+07:00');
	});
	test.afterAll(async () => removeServer(server));

	test('the wall display counts late districts as quận, and districts with a school as đơn vị', async ({
		browser
	}) => {
		const display = await signedInPage(browser, server, 'lanhdao', 1920, 1080);
		await display.goto('/display');
		const panel = display.locator('[data-panel="checklists"]');

		// six districts and the school behind: units of two sorts
		await expect(panel.locator('.behind')).toHaveText('7 đơn vị có mục quá hạn');

		// the school gets another day: only districts are behind
		const ops = await connect(server.url, await login(server.url, 'gdtx'));
		const later = msToIso(Date.now() + 86_400_000);
		expect(
			await command(ops, 'checklist.set_deadline', { unitId: 'thcs-luong-dinh-cua', deadline: later })
		).toMatchObject({ ok: true });
		ops.close();
		await expect(panel.locator('.behind')).toHaveText('6 quận có mục quá hạn');
		await expect(panel).not.toContainText(/phường/i);
		await expect(panel.getByTestId('display-checklists')).toContainText('Quận 1');
	});

	test("a district's own page calls it quận, in Vietnamese and in English", async ({ browser }) => {
		const page = await signedInPage(browser, server, 'quan-1', 360, 780);
		await expect(page).toHaveURL(/\/ward$/);

		await expect(page.getByRole('heading', { level: 2, name: 'Bảng việc của quận' })).toBeVisible();
		expect(await roleShown(page)).toBe('Cán bộ quận');
		// (the run of show below is the plan's own words: its ceremony is in a phường)
		await expect(page.locator('section.checklist')).not.toContainText(/phường/i);

		await page.context().addCookies([{ name: 'km_lang', value: 'en', url: server.url }]);
		await page.reload();
		await expect(page.getByRole('heading', { level: 2, name: 'Checklist of the district' })).toBeVisible();
		expect(await roleShown(page)).toBe('District staff');
	});

	test('the ops room names the coordinator by their department, and adds an item to every district', async ({
		browser
	}) => {
		const page = await signedInPage(browser, server, 'gdtx', 1366, 768);
		await page.goto('/ops/checklists');
		expect(await roleShown(page)).toBe('Điều phối · Phòng Giáo dục thường xuyên (Sở GD&ĐT)');
		await expect(page.getByTestId('checklist-total')).toContainText('/15 mục xong');

		await page.getByText('Thêm một mục cho nhiều đơn vị').click();
		const kind = page.getByLabel('Loại đơn vị');
		// the kinds the plan has, with how many of each
		await expect(kind.locator('option')).toHaveText([
			'— mọi loại —',
			'Thành phố (1)',
			'Quận (6)',
			'Trường THCS (1)',
			'Cơ quan (4)',
			'Đoàn thể (1)'
		]);
		await kind.selectOption('district');
		await expect(page.getByTestId('units-chosen')).toHaveText('Sẽ thêm cho 6 quận.');
		await page.getByLabel('Trực thuộc').selectOption({ label: 'UBND Quận 2' });
		await expect(page.getByTestId('units-chosen')).toHaveText('Không có đơn vị nào như vậy.');
		await page.getByLabel('Trực thuộc').selectOption('');

		const form = page.locator('form[action="?/addToUnits"]');
		await form.getByLabel(/Tiền tố mã/).fill('pano-tru-so');
		await form.getByLabel('Hạng mục').selectOption('pano');
		await form.getByLabel('Vị trí treo').fill('Trụ sở UBND quận');
		await form.getByLabel('Hạn chót').fill(inputFromNow(3_600_000));
		await form.getByRole('button', { name: 'Thêm cho các đơn vị đã chọn' }).click();

		await expect(form.getByRole('status').filter({ hasText: 'Đã lưu.' })).toBeVisible();
		await expect(page.getByTestId('checklist-total')).toContainText('/21 mục xong');
	});
});

test.describe("a ward's plan (Biên Giang 2024), ten minutes before its ceremony", () => {
	let server: TestServer;
	test.beforeAll(async () => {
		server = await planServer('data/scenarios/bien-giang-2024.json', '2024-10-03T07:20:00+07:00');
	});
	test.afterAll(async () => removeServer(server));

	test('the ward calls itself phường, and its coordinator is its own office', async ({ browser }) => {
		const ward = await signedInPage(browser, server, 'phuong-bien-giang', 360, 780);
		await expect(ward.getByRole('heading', { level: 2, name: 'Bảng việc của phường' })).toBeVisible();
		expect(await roleShown(ward)).toBe('Cán bộ phường');

		const ops = await signedInPage(browser, server, 'vhxh', 1366, 768);
		await ops.goto('/ops');
		expect(await roleShown(ops)).toBe('Điều phối · Bộ phận Văn hóa - Xã hội phường Biên Giang');
	});

	test('an item for its lower secondary school: the display counts the ward and the school as đơn vị', async ({
		browser
	}) => {
		const display = await signedInPage(browser, server, 'lanhdao', 1920, 1080);
		await display.goto('/display');
		const behind = display.locator('[data-panel="checklists"] .behind');
		await expect(behind).toHaveText('1 phường có mục quá hạn');

		const page = await signedInPage(browser, server, 'vhxh', 1366, 768);
		await page.goto('/ops/checklists');
		await page.getByText('Thêm một mục cho nhiều đơn vị').click();
		await page.getByLabel('Trực thuộc').selectOption({ label: 'UBND phường Biên Giang' });
		await expect(page.getByTestId('units-chosen')).toHaveText('Sẽ thêm cho 7 đơn vị.');
		await page.getByLabel('Loại đơn vị').selectOption('lower_secondary_school');
		await expect(page.getByTestId('units-chosen')).toHaveText('Sẽ thêm cho 1 trường THCS.');

		const form = page.locator('form[action="?/addToUnits"]');
		await form.getByLabel(/Tiền tố mã/).fill('bang-ron-cong');
		await form.getByLabel('Vị trí treo').fill('Cổng trường');
		// due an hour ago: late as soon as it is given
		await form.getByLabel('Hạn chót').fill(inputFromNow(-3_600_000));
		await form.getByRole('button', { name: 'Thêm cho các đơn vị đã chọn' }).click();
		await expect(form.getByRole('status').filter({ hasText: 'Đã lưu.' })).toBeVisible();

		await expect(behind).toHaveText('2 đơn vị có mục quá hạn');
	});
});
