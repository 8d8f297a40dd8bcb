import type { Browser, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

async function createDisplayLink(page: Page, name: string): Promise<string> {
	await page.goto('/ops');
	const form = page.getByTestId('display-link-form');
	await form.getByLabel('Tên màn hình').fill(name);
	await form.getByRole('button', { name: 'Tạo liên kết' }).click();
	const field = page.getByRole('textbox', { name: `Liên kết của ${name}` });
	await expect(field).toBeVisible();
	return field.inputValue();
}

async function openDisplay(
	browser: Browser,
	link: string,
	init?: (page: Page) => Promise<unknown>
): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	const page = await context.newPage();
	await init?.(page);
	await page.goto(link);
	await expect(page).toHaveURL(/\/display$/);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live');
	return page;
}

test('a notice posted in the ops room appears on the wall display at once', async ({ page, browser }) => {
	await signIn(page, 'ttvh');
	const link = await createDisplayLink(page, 'Phòng điều hành');
	const display = await openDisplay(browser, link);
	await expect(display.getByRole('heading', { level: 1 })).toContainText(
		'Tuần lễ hưởng ứng học tập suốt đời năm 2024'
	);
	await expect(display.getByText('Phát triển văn hóa đọc thúc đẩy học tập suốt đời')).toBeVisible();

	const body = `Các xe loa tập trung trước 6g30 — ${Date.now()}`;
	const form = page.getByTestId('notice-form');
	await form.getByLabel('Nội dung').fill(body);
	await form.getByRole('button', { name: 'Gửi thông báo' }).click();
	await expect(display.getByTestId('notices')).toContainText(body);
	await display.context().close();
});

test('a notice for one ward reaches that ward tablet, not another', async ({ page, browser }) => {
	await signIn(page, 'ttvh');
	const wardContext = await browser.newContext();
	const ward = await wardContext.newPage();
	await signIn(ward, 'phuong-phu-my');
	await expect(ward).toHaveURL(/\/ward$/);
	const otherContext = await browser.newContext();
	const other = await otherContext.newPage();
	await signIn(other, 'phuong-tan-quy');
	await expect(other.getByTestId('connection')).toHaveAttribute('data-status', 'live');
	await expect(ward.getByTestId('connection')).toHaveAttribute('data-status', 'live');

	const body = `Phú Mỹ kiểm tra băng rôn — ${Date.now()}`;
	await page.goto('/ops');
	const form = page.getByTestId('notice-form');
	await form.getByLabel('Nội dung').fill(body);
	await form.getByLabel('Một số đơn vị').check();
	await form.getByLabel('Phường Phú Mỹ', { exact: true }).check();
	await form.getByRole('button', { name: 'Gửi thông báo' }).click();
	await expect(ward.getByTestId('notices').first()).toContainText(body);
	await other.waitForTimeout(500);
	await expect(other.getByText(body)).toHaveCount(0);
	await wardContext.close();
	await otherContext.close();
});

test('the display shows the server time even when the screen clock is wrong', async ({ page, browser }) => {
	await signIn(page, 'ttvh');
	const link = await createDisplayLink(page, 'Màn hình lệch giờ');
	const shift = -3 * 3600_000 - 17 * 60_000; // the device is 3 h 17 min slow
	const display = await openDisplay(browser, link, (p) =>
		p.addInitScript((offset) => {
			const RealDate = Date;
			class ShiftedDate extends RealDate {
				constructor(...args: ConstructorParameters<DateConstructor> | []) {
					if (args.length === 0) super(RealDate.now() + offset);
					else super(...(args as ConstructorParameters<DateConstructor>));
				}
				static now() {
					return RealDate.now() + offset;
				}
			}
			globalThis.Date = ShiftedDate as DateConstructor;
		}, shift)
	);
	expect((await display.evaluate(() => Date.now())) - Date.now()).toBeLessThan(-3 * 3600_000);
	await expect
		.poll(
			async () =>
				Number(await display.getByTestId('server-clock').getAttribute('data-day-now')) * 1000 - Date.now()
		)
		.toBeGreaterThan(-5000);
	const shown = Number(await display.getByTestId('server-clock').getAttribute('data-day-now')) * 1000;
	expect(Math.abs(shown - Date.now())).toBeLessThan(5000);
	await display.context().close();
});

test('revoking a display link drops the screen to the "link revoked" page', async ({ page, browser }) => {
	await signIn(page, 'ttvh');
	const link = await createDisplayLink(page, 'Hội trường tạm');
	const display = await openDisplay(browser, link);
	page.once('dialog', (dialog) => dialog.accept());
	const row = page.getByRole('row').filter({ hasText: 'Hội trường tạm' });
	await row.getByRole('button', { name: 'Thu hồi' }).click();
	await expect(display).toHaveURL(/\/display\/revoked$/, { timeout: 5000 });
	await expect(display.getByRole('heading')).toHaveText('Liên kết màn hình đã bị thu hồi');
	await expect(row).toContainText('Đã thu hồi');
	await display.context().close();
});

test('a screen that lost the network catches up on what it missed, once, when it is back', async ({
	page,
	browser
}) => {
	await signIn(page, 'ttvh');
	const link = await createDisplayLink(page, 'Màn hình mất mạng');
	const display = await openDisplay(browser, link);
	await display.context().setOffline(true);
	await expect(display.getByTestId('connection')).toHaveAttribute('data-status', 'offline');

	const body = `Gửi khi màn hình mất mạng — ${Date.now()}`;
	const form = page.getByTestId('notice-form');
	await form.getByLabel('Nội dung').fill(body);
	await form.getByRole('button', { name: 'Gửi thông báo' }).click();
	await expect(page.getByTestId('notices')).toContainText(body);
	await display.waitForTimeout(1000);
	await expect(display.getByText(body)).toHaveCount(0); // really cut off

	await display.context().setOffline(false);
	await expect(display.getByTestId('connection')).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
	await expect(display.getByTestId('notices').getByText(body)).toHaveCount(1);
	await expect(display.getByTestId('feed').getByText(body, { exact: false })).toHaveCount(1);
	await display.context().close();
});
