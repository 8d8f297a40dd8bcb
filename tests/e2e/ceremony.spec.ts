import Database from 'better-sqlite3';
import QRCode from 'qrcode';
import type { Browser, Page } from '@playwright/test';
import { expect, setOffline, signIn, test } from './fixtures';

const demoList = 'data/scenarios/quan7-2024-invitees-demo.csv';

function invitee(name: string): { id: string; code: string } {
	const db = new Database(process.env.E2E_DB!, { readonly: true });
	try {
		return db.prepare('SELECT id, code FROM invitees WHERE name = ?').get(name) as {
			id: string;
			code: string;
		};
	} finally {
		db.close();
	}
}

async function gatePhone(browser: Browser, url: string, username: string): Promise<Page> {
	const context = await browser.newContext({ baseURL: url, viewport: { width: 412, height: 915 } });
	const page = await context.newPage();
	await signIn(page, username);
	await expect(page).toHaveURL(/\/gate$/);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live');
	return page;
}

test.describe.configure({ mode: 'serial' });

test('the coordinator imports the list; a gate finds a guest typed without diacritics and checks them in; the ops room counts it live', async ({
	page,
	browser,
	url
}) => {
	await signIn(page, 'ttvh');
	await page.goto('/ops/ceremony');
	await page.getByText('Nạp danh sách khách mời').click();
	await page.getByTestId('invitee-import').locator('input[name=file]').setInputFiles(demoList);
	await page.getByRole('button', { name: 'Nạp danh sách' }).click();
	const importForm = page.getByTestId('invitee-import');
	await expect(importForm.getByRole('status')).toContainText('thêm 120, cập nhật 0, giữ nguyên 0, bỏ 0');
	await expect(page.getByText('Khách mời chưa đến (120)')).toBeVisible();
	await expect(page.getByTestId('ceremony-total')).toContainText('Đã đến 0 / 300');
	// the same list again, added to the list: no one twice, and the page says so
	await importForm.locator('input[name=file]').setInputFiles(demoList);
	await importForm.getByLabel('Thêm vào danh sách').check();
	await page.getByRole('button', { name: 'Nạp danh sách' }).click();
	await expect(importForm.getByRole('status')).toContainText('thêm 0, cập nhật 0, giữ nguyên 120');
	await expect(page.getByText('Khách mời chưa đến (120)')).toBeVisible();

	const gate = await gatePhone(browser, url, 'cong-1');
	// typed in the decomposed form (NFD), as some phones' keyboards send it
	await gate.getByTestId('gate-search').fill('Hoàng Thanh Chi'.normalize('NFD'));
	await expect(
		gate.getByTestId('gate-results').locator('li').filter({ hasText: 'Hoàng Thanh Chi' })
	).toBeVisible();
	await gate.getByTestId('gate-search').fill('hoang thanh chi');
	const result = gate.getByTestId('gate-results').locator('li').filter({ hasText: 'Hoàng Thanh Chi' });
	await expect(result).toBeVisible();
	await result.getByRole('button', { name: 'Vào' }).click();
	await expect(gate.getByTestId('gate-said')).toContainText('Hoàng Thanh Chi đã vào');

	await expect(page.getByTestId('ceremony-total')).toContainText('Đã đến 1 / 300');
	await expect(page.locator('tr[data-group="lanh-dao-ubnd"] [data-testid="group-arrived"]')).toHaveText('1');
	await expect(page.getByText('Khách mời chưa đến (119)')).toBeVisible();

	// the same person again, at the other gate: told when and where, counted once
	const second = await gatePhone(browser, url, 'cong-2');
	await second.getByTestId('gate-search').fill('Hoang Thanh');
	await expect(
		second.getByTestId('gate-results').locator('li').filter({ hasText: 'Hoàng Thanh Chi' })
	).toContainText(/Đã vào \d+g\d* · Cổng 1/);
	await expect(page.getByTestId('ceremony-total')).toContainText('Đã đến 1 / 300');
	await gate.context().close();
	await second.context().close();
});

test('a gate reads the QR code of an invitation from a photo and lets the guest in with one tap', async ({
	browser,
	url
}) => {
	const guest = invitee('Phan Văn Cường');
	const gate = await gatePhone(browser, url, 'cong-2');
	const png = await QRCode.toBuffer(`KM:${guest.code}`, { type: 'png', width: 360, margin: 2 });
	await gate
		.getByTestId('qr-image')
		.setInputFiles({ name: 'thu-moi.png', mimeType: 'image/png', buffer: png });
	const scanned = gate.getByTestId('scanned');
	await expect(scanned).toContainText('Phan Văn Cường', { timeout: 20_000 });
	await scanned.getByRole('button', { name: 'Vào' }).click();
	await expect(gate.getByTestId('gate-said')).toContainText('Phan Văn Cường đã vào');
	await expect(gate.getByTestId('gate-total')).toContainText('Đã vào 2');
	await gate.context().close();
});

test('a guest let in twice (the second gate was offline) is told once, as a notice, not also as an error', async ({
	browser,
	url
}) => {
	const late = await gatePhone(browser, url, 'cong-1');
	await late.context().setOffline(true);
	const first = await gatePhone(browser, url, 'cong-2');
	await first.getByTestId('gate-search').fill('Ngo Thi Giang');
	const row = (page: Page) =>
		page.getByTestId('gate-results').locator('li').filter({ hasText: 'Ngô Thị Giang' });
	await row(first).getByRole('button', { name: 'Vào' }).click();
	await expect(first.getByTestId('gate-said')).toContainText('Ngô Thị Giang đã vào');

	await late.getByTestId('gate-search').fill('Ngo Thi Giang');
	await row(late).getByRole('button', { name: 'Vào' }).click();
	await expect(late.getByTestId('gate-said')).toContainText('sẽ gửi khi có mạng');
	await late.context().setOffline(false);
	const said = late.getByTestId('gate-said');
	await expect(said).toHaveAttribute('data-tone', 'warn');
	await expect(said).toContainText('Cổng 2');
	await expect(late.getByTestId('outbox')).toHaveAttribute('data-pending', '0');
	await expect(late.getByText('Máy chủ từ chối một thay đổi')).toHaveCount(0);
	await first.context().close();
	await late.context().close();
});

test('a guest checked in with the keyboard alone, the focus always in sight', async ({ browser, url }) => {
	const gate = await gatePhone(browser, url, 'cong-1');
	const focused = () =>
		gate.evaluate(() => {
			const e = document.activeElement as HTMLElement | null;
			const style = e && getComputedStyle(e);
			return {
				text: e?.textContent?.trim() ?? '',
				tag: e?.tagName ?? '',
				testid: e?.dataset.testid ?? '',
				visible: !!style && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
			};
		});
	await gate.keyboard.press('Tab');
	expect(await focused()).toMatchObject({ text: 'Bỏ qua menu, đến nội dung chính', visible: true });
	await gate.keyboard.press('Enter');
	await gate.keyboard.press('Tab');
	expect(await focused()).toMatchObject({ testid: 'gate-search', visible: true });
	await gate.keyboard.type('Do Duc Long');
	await expect(gate.getByTestId('gate-results').locator('li')).toContainText(['Đỗ Đức Long']);
	await gate.keyboard.press('Tab');
	expect(await focused()).toMatchObject({ tag: 'BUTTON', text: 'Vào', visible: true });
	await gate.keyboard.press('Enter');
	await expect(gate.getByTestId('gate-said')).toContainText('Đỗ Đức Long đã vào');
	await gate.context().close();
});

test('a name searched before the page’s code has run (a slow phone) is found by the server', async ({
	browser,
	url
}) => {
	const gate = await gatePhone(browser, url, 'cong-1');
	const cookies = await gate.context().cookies();
	await gate.context().close();
	// the same gate with no script at all: what a phone shows before its code has arrived
	const context = await browser.newContext({ baseURL: url, javaScriptEnabled: false });
	await context.addCookies(cookies);
	const page = await context.newPage();
	await page.goto('/gate');
	await page.getByTestId('gate-search').fill('phan van cuong');
	await page.getByTestId('gate-search').press('Enter');
	await expect(page).toHaveURL(/\/gate\?q=phan\+van\+cuong$/);
	await expect(page.getByTestId('gate-search')).toHaveValue('phan van cuong');
	await expect(page.getByTestId('gate-results').locator('li').first()).toContainText('Phan Văn Cường');
	await context.close();
});

test('in English, the gate and its unsent-changes dialog speak English', async ({ browser, url }) => {
	const gate = await gatePhone(browser, url, 'cong-1');
	await gate.context().addCookies([{ name: 'km_lang', value: 'en', url }]);
	await gate.reload();
	await expect(gate.locator('html')).toHaveAttribute('lang', 'en');
	await expect(gate.getByText('Find a guest (accents optional)')).toBeVisible();
	await expect(gate.getByTestId('connection')).toHaveAttribute('data-status', 'live');
	await setOffline(gate.context(), true);
	await gate.getByTestId('gate-search').fill('le kim mai');
	await gate.getByTestId('gate-results').getByRole('button', { name: 'Check in' }).click();
	await expect(gate.getByTestId('outbox')).toContainText('Waiting to send: 1 change');
	await gate.locator('header.bar summary').click();
	await gate.getByRole('button', { name: 'Sign out' }).click();
	const dialog = gate.getByTestId('unsent-dialog');
	await expect(dialog).toContainText('1 unsent change');
	await expect(dialog.getByRole('button', { name: 'Stay until they are sent' })).toBeVisible();
	await expect(dialog).not.toContainText(/thay đổi|chưa gửi/);
	await dialog.getByRole('button', { name: 'Stay until they are sent' }).click();
	await setOffline(gate.context(), false);
	await expect(gate.getByTestId('outbox')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
	await gate.context().close();
});
