/**
 * A level's own ceremony, in the city's deployment (data/scenarios/hcm-quan7-2024.json, where
 * Quận 7 attends the city's ceremony and holds none): Quận 7's coordinator sets one up on its
 * ceremony page, stands at its gate on a phone and counts people in; the city's ceremony page
 * lists it below its own, with the arrivals, live.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { planLiveAt } from '../harness/scenarios.js';
import { removeServer, startServer, type TestServer } from '../helpers/server';
import { expect, signIn, test } from './fixtures';

let server: TestServer;

test.beforeAll(async () => {
	const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'khai-mac-ceremony-levels-'));
	const plan = planLiveAt('data/scenarios/hcm-quan7-2024.json', dir, '2024-10-03T07:30:00+07:00');
	server = await startServer({ scenario: plan, dir });
});
test.afterAll(async () => removeServer(server));

async function signedIn(browser: Browser, username: string, width: number, height: number): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, viewport: { width, height } });
	const page = await context.newPage();
	await signIn(page, username);
	return page;
}

/** the day after the plan's moment, at 9 o'clock, as the form's datetime-local wants it */
function nineOClock(): string {
	const at = new Date(Date.now() + 7 * 3600_000 + 24 * 3600_000);
	return `${at.toISOString().slice(0, 10)}T09:00`;
}

test("Quận 7's coordinator sets up Quận 7's ceremony, counts at its gate, and the city sees it below its own", async ({
	browser
}, testInfo) => {
	const ops = await signedIn(browser, 'ttvh', 1366, 768);
	await ops.goto('/ops/ceremony');
	// Quận 7's own page: no ceremony of its own yet, the city's is not shown as if it were Quận 7's
	await expect(ops.getByText('Kịch bản chưa có lễ khai mạc')).toBeVisible();
	await expect(ops.getByText('Nhà hát Bến Thành')).toHaveCount(0);
	await ops.getByLabel('Tên buổi lễ').fill('Lễ khai mạc Tuần lễ cấp quận');
	await ops.getByLabel('Địa điểm').fill('Trung tâm Văn hóa - Thể thao Quận 7');
	await ops.getByLabel('Giờ khai mạc').fill(nineOClock());
	await ops.getByRole('button', { name: 'Lưu' }).first().click();
	await expect(ops.getByRole('heading', { name: 'Lễ khai mạc Tuần lễ cấp quận' })).toBeVisible();
	await expect(ops.getByText('Lễ khai mạc của UBND Quận 7')).toBeVisible();
	await ops.getByText('Thành phần mời và số dự kiến').click();
	await ops.getByRole('textbox', { name: 'Mã' }).fill('q7-hoc-sinh');
	await ops.getByRole('textbox', { name: 'Tên', exact: true }).fill('Học sinh Quận 7');
	await ops.getByRole('spinbutton', { name: 'Dự kiến' }).last().fill('120');
	await ops.getByRole('button', { name: 'Thêm thành phần' }).click();
	await expect(ops.getByTestId('ceremony-groups')).toContainText('Học sinh Quận 7');
	await ops.screenshot({ path: testInfo.outputPath('ops-ceremony-quan7-1366.png'), fullPage: true });

	const city = await signedIn(browser, 'sogddt', 1366, 768);
	await city.goto('/ops/ceremony');
	await expect(city.getByRole('heading', { name: /Lễ khai mạc Tuần lễ/ }).first()).toBeVisible();
	await expect(city.getByText('Nhà hát Bến Thành').first()).toBeVisible();
	const levels = city.getByTestId('level-ceremonies');
	await expect(levels).toContainText('Quận 7');

	// Quận 7's coordinator stands at Quận 7's gate on a phone
	const gate = await signedIn(browser, 'ttvh', 360, 740);
	await gate.goto('/gate');
	await expect(gate.getByRole('heading', { name: 'Lễ khai mạc Tuần lễ cấp quận' })).toBeVisible();
	await gate.getByRole('radio', { name: /Học sinh Quận 7/ }).click();
	await gate.getByRole('button', { name: '+10' }).click();
	await expect(gate.getByTestId('gate-total')).toContainText('10');
	await gate.screenshot({ path: testInfo.outputPath('gate-quan7-360.png'), fullPage: true });
	// nothing of the gate wider than the phone (the menu's hidden measuring row aside: the layout's)
	expect(await gate.evaluate(() => document.querySelector('main')!.scrollWidth)).toBeLessThanOrEqual(360);

	// the city's page counts Quận 7's arrivals live, and Quận 7's own page too
	await expect(levels.getByTestId('level-arrived')).toHaveText('10');
	await expect(ops.getByTestId('ceremony-total')).toContainText('10');
	await city.screenshot({ path: testInfo.outputPath('ops-ceremony-city-1366.png'), fullPage: true });
	for (const page of [ops, city, gate]) await page.context().close();
});
