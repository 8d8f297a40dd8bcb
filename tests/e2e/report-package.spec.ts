import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { planLiveAt } from '../harness/scenarios.js';
import { command, connect, login } from '../helpers/client';
import { removeServer, startServer, type TestServer } from '../helpers/server';
import { expect, signIn, test } from './fixtures';

/**
 * The package round trip through the pages, between two deployments: on Quận 7's own server the
 * coordinator signs Quận 7's table off on the overview and downloads the signed package there;
 * on the city's server the Sở's coordinator imports it on /reports and finds Quận 7's figures in
 * the city's overview, marked as a signed package.
 */

const rowId = 'bd-chuyen-mon';
const reportingDay = '2024-10-11T09:00:00+07:00';

let quan7: TestServer;
let city: TestServer;

test.beforeAll(async () => {
	const quan7Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khai-mac-e2e-quan7-'));
	const cityDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khai-mac-e2e-city-'));
	[quan7, city] = await Promise.all([
		startServer({
			scenario: planLiveAt('data/scenarios/quan7-2024.json', quan7Dir, reportingDay),
			dir: quan7Dir
		}),
		startServer({
			scenario: planLiveAt('data/scenarios/hcm-quan7-2024.json', cityDir, reportingDay),
			dir: cityDir
		})
	]);
	// two of Quận 7's wards report on Quận 7's server
	for (const [unitId, count, people] of [
		['phuong-tan-kieng', 3, 120],
		['phuong-tan-hung', 2, 60]
	] as const) {
		const ward = await connect(quan7.url, await login(quan7.url, unitId));
		await command(ward, 'report.submit', { unitId, figures: { [rowId]: { count, people } }, narrative: {} });
		ward.close();
	}
});

test.afterAll(async () => {
	await Promise.all([removeServer(quan7), removeServer(city)]);
});

async function signedIn(browser: Browser, server: TestServer, username: string, width = 1366): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, viewport: { width, height: 800 } });
	const page = await context.newPage();
	await signIn(page, username);
	return page;
}

test("Quận 7 signs and downloads its package; the city imports it and counts it as Quận 7's", async ({
	browser
}, testInfo) => {
	const district = await signedIn(browser, quan7, 'ttvh');
	await district.goto('/reports/overview');
	await expect(district.getByTestId('package-export')).toHaveCount(0);
	await district.getByText('Chốt và ký bảng tổng hợp').click();
	await district.getByLabel('Ghi chú (không bắt buộc)').fill('Quận 7 chốt số liệu gửi Thành phố');
	district.once('dialog', (dialog) => void dialog.accept());
	await district.getByRole('button', { name: 'Chốt bảng tổng hợp' }).click();
	await expect(district.getByTestId('signed')).toBeVisible();

	const [download] = await Promise.all([
		district.waitForEvent('download'),
		district.getByRole('link', { name: 'Tải gói báo cáo đã ký' }).click()
	]);
	expect(download.suggestedFilename()).toBe('goi-bao-cao-ubnd-quan-7.zip');
	const file = testInfo.outputPath(download.suggestedFilename());
	await download.saveAs(file);

	// the city's side, on a phone: the Sở's coordinator imports the file sent up
	const cityOps = await signedIn(browser, city, 'sogddt', 360);
	await cityOps.goto('/reports');
	const form = cityOps.getByTestId('package-import');
	await form.getByLabel('Tệp gói báo cáo (.zip)').setInputFiles(file);
	await form.getByRole('button', { name: 'Nhập gói' }).click();
	await expect(form.getByRole('status')).toContainText('Đã nhập gói báo cáo của UBND Quận 7: lần gửi 1');

	await cityOps.setViewportSize({ width: 1366, height: 800 });
	await cityOps.goto('/reports/overview');
	await expect(cityOps.getByTestId('package-submissions')).toContainText('UBND Quận 7: bảng đã ký lúc');
	await expect(cityOps.getByTestId(`total-${rowId}-count`)).toHaveText('5');
	await expect(cityOps.getByTestId(`total-${rowId}-people`)).toHaveText('180');
	await expect(cityOps.locator('[data-unit="quan7"]')).toContainText('từ gói đã ký');
	// the wards the package stands for are not waited for in the city's table
	await expect(cityOps.locator('[data-unit="phuong-tan-kieng"]')).toHaveCount(0);
});
