/**
 * The city and Quận 7 in one deployment (data/scenarios/hcm-quan7-2024.json): Quận 7's
 * coordinator runs Quận 7 and sees nothing of Quận 1; a screen made for one ward shows that
 * ward, live.
 */
import fs from 'node:fs';
import path from 'node:path';
import { planLiveAt } from '../harness/scenarios.js';
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
