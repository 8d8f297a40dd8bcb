/**
 * The city and Quận 7 in one deployment (data/scenarios/hcm-quan7-2024.json): Quận 7's
 * coordinator runs Quận 7 and sees nothing of Quận 1; a screen made for one ward shows that
 * ward, live; Quận 7 signs its own table and the city counts it as Quận 7's, one unit answered.
 */
import fs from 'node:fs';
import path from 'node:path';
import { planLiveAt } from '../harness/scenarios.js';
import { command, connect, login } from '../helpers/client';
import { removeServer, startServer, type TestServer } from '../helpers/server';
import type { Browser, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

let server: TestServer;

test.beforeAll(async () => {
	const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'khai-mac-levels-'));
	const plan = planLiveAt('data/scenarios/hcm-quan7-2024.json', dir, '2024-10-03T07:30:00+07:00');
	server = await startServer({ scenario: plan, dir });
});
test.afterAll(async () => removeServer(server));

/** A browser of its own on this deployment. */
async function signedIn(browser: Browser, username: string): Promise<Page> {
	const page = await (await browser.newContext({ baseURL: server.url })).newPage();
	await signIn(page, username);
	return page;
}

test("Quận 7's coordinator sees Quận 7's trucks, not Quận 1's; the city's sees both", async ({ browser }) => {
	const page = await signedIn(browser, 'ttvh');
	await page.goto('/ops/trucks');
	await expect(page.getByRole('heading', { name: 'Đoàn xe (11)' })).toBeVisible();
	await expect(page.getByText('Phường Tân Kiểng').first()).toBeVisible();
	await expect(page.getByText('Xe loa Quận 1')).toHaveCount(0);

	const city = await signedIn(browser, 'sogddt');
	await city.goto('/ops/trucks');
	await expect(city.getByRole('heading', { name: 'Đoàn xe (12)' })).toBeVisible();
	// Quận 1's truck among those a message can go to
	await expect(city.getByRole('option', { name: 'Xe loa Quận 1' })).toHaveCount(1);
	await city.context().close();
	await page.context().close();
});

test("a wall screen made for one ward shows that ward's day only", async ({ browser }) => {
	const page = await signedIn(browser, 'ttvh');
	await page.goto('/ops');
	const form = page.getByTestId('display-link-form');
	await form.getByLabel('Tên màn hình').fill('Màn hình Tân Kiểng');
	await form.getByLabel('Màn hình của').selectOption({ label: 'Phường Tân Kiểng' });
	await form.getByRole('button', { name: 'Tạo liên kết' }).click();
	await expect(page.getByTestId('link-unit')).toHaveText('Chỉ hiện Phường Tân Kiểng');
	const link = await page.getByRole('textbox', { name: 'Liên kết của Màn hình Tân Kiểng' }).inputValue();

	const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
	await screen.goto(link);
	await expect(screen.getByTestId('connection')).toHaveAttribute('data-status', 'live');
	await expect(screen.getByTestId('display-level')).toHaveText('Phường Tân Kiểng');
	const checklist = screen.getByTestId('display-checklists');
	await expect(checklist).toContainText('Tân Kiểng');
	await expect(checklist).not.toContainText('Phú Mỹ');

	const toSome = 'Một số đơn vị';
	// a notice to Phú Mỹ is not Tân Kiểng's; one to Tân Kiểng is, at once
	for (const [ward, body] of [
		['Phường Phú Mỹ', 'Phú Mỹ bổ sung băng rôn'],
		['Phường Tân Kiểng', 'Tân Kiểng kiểm tra pano']
	]) {
		const notice = page.getByTestId('notice-form');
		await notice.getByLabel('Nội dung').fill(body);
		await notice.getByLabel(toSome).check();
		await notice.getByRole('checkbox', { name: ward, exact: true }).check();
		await notice.getByRole('button', { name: 'Gửi thông báo' }).click();
		await expect(page.getByTestId('notices')).toContainText(body);
		await page.reload();
	}
	await expect(screen.getByTestId('notices')).toContainText('Tân Kiểng kiểm tra pano');
	await expect(screen.getByTestId('notices')).not.toContainText('Phú Mỹ bổ sung băng rôn');
	await screen.context().close();
	await page.context().close();
});

test("Quận 7 signs its own table; the city's overview counts it as Quận 7's, live", async ({ browser }) => {
	const rowId = 'bd-chuyen-mon';
	const ward = await connect(server.url, await login(server.url, 'phuong-tan-kieng'));
	await command(ward, 'report.submit', {
		unitId: 'phuong-tan-kieng',
		figures: { [rowId]: { count: 3, people: 120 } },
		narrative: {}
	});
	ward.close();

	const city = await signedIn(browser, 'sogddt');
	await city.goto('/reports/overview');
	await expect(city.locator('[data-unit="phuong-tan-kieng"]')).toContainText('Đúng hạn');
	await expect(city.getByTestId('level-signoffs')).toHaveCount(0);

	const district = await signedIn(browser, 'ttvh');
	await district.goto('/reports/overview');
	await district.getByText('Chốt và ký bảng tổng hợp').click();
	district.once('dialog', (dialog) => void dialog.accept());
	await district.getByRole('button', { name: 'Chốt bảng tổng hợp' }).click();
	await expect(district.getByTestId('signed')).toBeVisible();

	// live on the city's open page: Quận 7's signed table stands for its units, one answer
	await expect(city.getByTestId('level-signoffs')).toContainText('UBND Quận 7: bảng đã ký chốt lúc');
	await expect(city.getByTestId(`total-${rowId}-count`)).toHaveText('3');
	await expect(city.getByTestId(`total-${rowId}-people`)).toHaveText('120');
	await expect(city.locator('[data-unit="quan7"]')).toContainText('bảng của cấp đã ký chốt');
	await expect(city.locator('[data-unit="phuong-tan-kieng"]')).toHaveCount(0);
	await district.context().close();
	await city.context().close();
});
