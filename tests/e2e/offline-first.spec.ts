import type { Locator, Page } from '@playwright/test';
import QRCode from 'qrcode';
import { expect, setOffline, signIn, signOut, test } from './fixtures';

/**
 * Issue 17, point 3: a street device works offline from its first visit. Sign in, let the page
 * go live and the service worker take it over (no extra reload, as a real user would not do),
 * then the network goes and the page is reloaded: it must open from the device.
 */

const tablet = { width: 768, height: 1024 };
const phone = { width: 412, height: 915 };

const homes: {
	who: string;
	username: string;
	path: string;
	viewport: { width: number; height: number };
	content: (page: Page) => Locator;
}[] = [
	{
		who: 'a ward tablet',
		username: 'phuong-tan-thuan-dong',
		path: '/ward',
		viewport: tablet,
		content: (page) => page.getByTestId('checklist-item').first()
	},
	{
		who: 'a truck crew phone',
		username: 'xe-tan-thuan-dong',
		path: '/truck',
		viewport: phone,
		content: (page) => page.getByRole('button', { name: 'Xuất phát' })
	},
	{
		who: 'a gate phone',
		username: 'cong-1',
		path: '/gate',
		viewport: phone,
		content: (page) => page.getByTestId('gate-search')
	}
];

/** What a user sees before going out: the page live, and the page saying it works without network. */
async function readyForTheStreet(page: Page) {
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await expect(page.getByTestId('offline-ready')).toContainText('Dùng được khi mất mạng', {
		timeout: 20_000
	});
}

for (const home of homes)
	test(`${home.who} opens offline from its first visit`, async ({ browser, url }) => {
		const context = await browser.newContext({ baseURL: url, viewport: home.viewport });
		const page = await context.newPage();
		await signIn(page, home.username);
		await expect(page).toHaveURL(new RegExp(`${home.path}$`));
		await expect(home.content(page)).toBeVisible();
		await readyForTheStreet(page);

		await setOffline(context, true);
		await page.reload();
		await expect(page.getByText('chưa được lưu trên máy')).toHaveCount(0);
		await expect(home.content(page)).toBeVisible();
		await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'offline');
		await expect(page.getByTestId('outbox')).toContainText('Đã gửi hết');
		await context.close();
	});

test('a crew phone opened offline from its first visit takes a press and says it waits for the network', async ({
	browser,
	url
}) => {
	const context = await browser.newContext({ baseURL: url, viewport: phone });
	const page = await context.newPage();
	await signIn(page, 'xe-tan-thuan-dong');
	await readyForTheStreet(page);
	await setOffline(context, true);
	await page.reload();
	await page.getByRole('button', { name: 'Xuất phát' }).click();
	await expect(page.getByTestId('outbox')).toContainText(
		'Chờ gửi: 1 thay đổi — mất mạng, máy sẽ tự gửi khi có mạng lại'
	);
	// the press stays on this phone: the context goes with it, the server never hears of it
	await context.close();
});

test('after sign-out the kept page is gone: offline, the next account is not shown the last one’s page', async ({
	browser,
	url
}) => {
	const context = await browser.newContext({ baseURL: url, viewport: tablet });
	const page = await context.newPage();
	await signIn(page, 'phuong-tan-thuan-dong');
	await readyForTheStreet(page);
	await signOut(page);
	await expect(page).toHaveURL(/\/login/);

	await setOffline(context, true);
	await page.goto('/ward');
	await expect(page.getByText('chưa được lưu trên máy')).toBeVisible();
	await expect(page.getByTestId('checklist-item')).toHaveCount(0);
	await context.close();
});

test('a first visit fetches only what its role needs: a ward tablet never downloads the QR reader', async ({
	browser,
	url
}) => {
	const context = await browser.newContext({ baseURL: url, viewport: tablet });
	const fetched: string[] = [];
	context.on('requestfinished', (request) => {
		if (request.serviceWorker()) fetched.push(new URL(request.url()).pathname);
	});
	const page = await context.newPage();
	page.on('requestfinished', (request) => fetched.push(new URL(request.url()).pathname));
	await signIn(page, 'phuong-tan-thuan-dong');
	await readyForTheStreet(page);
	expect(fetched.filter((path) => path.endsWith('.wasm'))).toEqual([]);
	await context.close();
});

test('a gate opened offline from its first visit reads an invitation’s QR code', async ({ browser, url }) => {
	const context = await browser.newContext({ baseURL: url, viewport: phone });
	const page = await context.newPage();
	// a browser without its own QR reader (this one) gets the WebAssembly one while online
	const reader = page.waitForRequest((request) => request.url().endsWith('.wasm'));
	await signIn(page, 'cong-1');
	await readyForTheStreet(page);
	expect(await page.evaluate(() => 'BarcodeDetector' in globalThis)).toBe(false);
	await (await reader).response();
	await setOffline(context, true);
	await page.reload();
	const png = await QRCode.toBuffer('KM:OFFLINE-1', { type: 'png', width: 360, margin: 2 });
	await page
		.getByTestId('qr-image')
		.setInputFiles({ name: 'thu-moi.png', mimeType: 'image/png', buffer: png });
	await expect(page.getByTestId('scanned')).toContainText('OFFLINE-1', { timeout: 20_000 });
	await context.close();
});
