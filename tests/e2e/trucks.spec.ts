import Database from 'better-sqlite3';
import type { Browser, Page } from '@playwright/test';
import { command, connect, login } from '../helpers/client';
import { expect, signIn, test } from './fixtures';

async function crewPhone(
	browser: Browser,
	url: string,
	username: string,
	at: { latitude: number; longitude: number }
) {
	const context = await browser.newContext({
		baseURL: url,
		permissions: ['geolocation'],
		geolocation: { ...at, accuracy: 8 },
		viewport: { width: 412, height: 915 }
	});
	const page = await context.newPage();
	await signIn(page, username);
	await expect(page).toHaveURL(/\/truck$/);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live');
	return { context, page };
}

async function opsTrucks(page: Page) {
	await signIn(page, 'ttvh');
	await page.goto('/ops/trucks');
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live');
}

const row = (page: Page, truckId: string) => page.locator(`tr[data-truck="${truckId}"]`);

test('a crew phone shares its position and its presses reach the ops room live', async ({
	page,
	browser,
	url
}) => {
	await opsTrucks(page);
	const { context, page: phone } = await crewPhone(browser, url, 'xe-tan-phong', {
		latitude: 10.7265,
		longitude: 106.7195
	});

	await phone.getByRole('button', { name: 'Xuất phát' }).click();
	await expect(phone.getByTestId('truck-status')).toHaveAttribute('data-status', 'moving');
	await expect(row(page, 'xe-tan-phong')).toHaveAttribute('data-status', 'moving');
	await expect(phone.getByTestId('sharing')).toContainText('Đang chia sẻ vị trí');

	// the phone moves (a believable few metres: jumps no truck can make are not used)
	await expect(row(page, 'xe-tan-phong')).toHaveAttribute('data-lat', '10.7265', { timeout: 10_000 });
	await context.setGeolocation({ latitude: 10.7266, longitude: 106.7196, accuracy: 8 });
	await expect(row(page, 'xe-tan-phong')).toHaveAttribute('data-lat', '10.7266', { timeout: 10_000 });
	await expect(row(page, 'xe-tan-phong')).toHaveAttribute('data-lng', '106.7196');

	await phone.getByRole('button', { name: 'Gặp sự cố' }).click();
	await phone.getByLabel('Sự cố gì?').fill('Thủng lốp');
	await phone.getByRole('button', { name: 'Gửi báo sự cố' }).click();
	await expect(phone.getByTestId('truck-status')).toHaveAttribute('data-status', 'incident');
	await expect(row(page, 'xe-tan-phong')).toHaveAttribute('data-status', 'incident');
	await expect(page.getByTestId('alerts')).toContainText('gặp sự cố — Thủng lốp');
	await context.close();
});

test('a crew phone without network keeps positions and presses, and delivers them once when back', async ({
	page,
	browser,
	url
}) => {
	await opsTrucks(page);
	const { context, page: phone } = await crewPhone(browser, url, 'xe-phu-my', {
		latitude: 10.7153,
		longitude: 106.7381
	});
	await phone.getByRole('button', { name: 'Xuất phát' }).click();
	await expect(phone.getByTestId('truck-status')).toHaveAttribute('data-status', 'moving');
	await expect(row(page, 'xe-phu-my')).toHaveAttribute('data-lat', '10.7153', { timeout: 10_000 });

	await context.setOffline(true);
	await expect(phone.getByTestId('connection')).toHaveAttribute('data-status', 'offline');
	await context.setGeolocation({ latitude: 10.7154, longitude: 106.738, accuracy: 8 });
	await phone.waitForTimeout(1100);
	await context.setGeolocation({ latitude: 10.7155, longitude: 106.7379, accuracy: 8 });
	await phone.getByRole('button', { name: 'Đến điểm' }).click();
	await expect(phone.getByTestId('outbox')).toContainText('Chờ gửi');
	// the two fixes and the press, each queued as its own watch callback or handler runs (a loaded machine: not at once)
	await expect
		.poll(async () => Number(await phone.getByTestId('outbox').getAttribute('data-pending')))
		.toBeGreaterThanOrEqual(3);
	// nothing reached the ops room while offline
	await expect(row(page, 'xe-phu-my')).toHaveAttribute('data-lat', '10.7153');

	await context.setOffline(false);
	await expect(phone.getByTestId('outbox')).toHaveAttribute('data-pending', '0', { timeout: 15_000 });
	await expect(row(page, 'xe-phu-my')).toHaveAttribute('data-lat', '10.7155', { timeout: 10_000 });

	const db = new Database(process.env.E2E_DB!, { readonly: true });
	const positions = db
		.prepare("SELECT device_at, lat FROM positions WHERE truck_id = 'xe-phu-my' ORDER BY device_at")
		.all() as { device_at: number; lat: number }[];
	const arrivals = db
		.prepare(
			"SELECT COUNT(*) AS n FROM events WHERE type = 'truck.checkpoint_reached' AND json_extract(data, '$.truckId') = 'xe-phu-my' AND json_extract(data, '$.manual') = 1"
		)
		.get() as { n: number };
	db.close();
	expect(new Set(positions.map((p) => p.device_at)).size).toBe(positions.length);
	expect(positions.map((p) => p.lat.toFixed(4))).toEqual(
		expect.arrayContaining(['10.7153', '10.7154', '10.7155'])
	);
	expect(arrivals.n).toBe(1);
	await context.close();
});

test('a checkpoint time changed in planning reaches the crew phone live', async ({ page, browser, url }) => {
	const { context, page: phone } = await crewPhone(browser, url, 'xe-tan-quy', {
		latitude: 10.7426,
		longitude: 106.7085
	});
	await expect(phone.getByText('Điểm tiếp theo')).toBeVisible();

	await signIn(page, 'ttvh');
	await page.goto('/ops/routes');
	await page
		.getByRole('row')
		.filter({ hasText: 'phường Tân Quy' })
		.first()
		.getByRole('button', { name: 'Sửa' })
		.click();
	const firstTime = page.getByLabel(/^Giờ dự kiến đến/).first();
	await firstTime.fill('2024-10-04T06:55');
	await firstTime.blur();
	await page.getByRole('button', { name: 'Lưu lộ trình' }).click();
	await expect(page.getByText('Đã lưu.').first()).toBeVisible();

	await expect(phone.getByTestId('truck-status')).toContainText('6g55', { timeout: 10_000 });
	await context.close();
});

test("the fleet feed on /ops/trucks shows the trucks' events only, also those that come live", async ({
	page,
	url
}) => {
	await opsTrucks(page);
	const feed = page.locator('section').filter({ hasText: 'Diễn biến đoàn xe' }).getByTestId('feed');
	// a gate counts people in while the page is open, then a truck leaves
	const gate = await connect(url, await login(url, 'cong-1'));
	expect(await command(gate, 'gate.count', { groupId: 'hoc-sinh', count: 7 })).toMatchObject({ ok: true });
	gate.close();
	const crew = await connect(url, await login(url, 'xe-tan-thuan-tay'));
	expect(await command(crew, 'truck.depart', { truckId: 'xe-tan-thuan-tay' })).toMatchObject({ ok: true });
	crew.close();

	await expect(feed).toContainText('Xe loa phường Tân Thuận Tây: đang chạy');
	await expect(feed).not.toContainText('Thêm 7 người vào');
	// and as the page is loaded afresh
	await page.reload();
	await expect(feed).toContainText('Xe loa phường Tân Thuận Tây: đang chạy');
	await expect(feed).not.toContainText('Thêm 7 người vào');
});

test('a crew phone whose first fix is past the start shows the same next checkpoint as the ops room', async ({
	page,
	browser,
	url
}) => {
	await opsTrucks(page);
	// 250 m along Trần Xuân Soạn from the start (farther than the 50 m that counts as reaching it),
	// halfway to the second checkpoint
	const { context, page: phone } = await crewPhone(browser, url, 'xe-tan-kieng', {
		latitude: 10.7514,
		longitude: 106.7148
	});
	await phone.getByRole('button', { name: 'Xuất phát' }).click();
	await expect(row(page, 'xe-tan-kieng')).toHaveAttribute('data-lat', '10.7514', { timeout: 10_000 });

	const second = 'Ngã ba Trần Xuân Soạn – Lâm Văn Bền';
	await expect(row(page, 'xe-tan-kieng')).toContainText(second, { timeout: 10_000 });
	await expect(phone.getByTestId('truck-status')).toContainText(`Điểm tiếp theo: ${second}`, {
		timeout: 10_000
	});
	await expect(phone.getByRole('button', { name: `Đến điểm: ${second}` })).toBeVisible();
	await context.close();
});

test('Xuất phát pressed before the page’s code has loaded (a slow phone) still departs, once', async ({
	browser,
	url
}) => {
	// no JavaScript at all: the moment between the page drawn and its code running, made permanent
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL: url });
	const page = await context.newPage();
	await signIn(page, 'xe-binh-thuan');
	await expect(page).toHaveURL(/\/truck$/);
	await expect(page.getByTestId('truck-status')).toHaveAttribute('data-status', 'idle');
	await page.getByRole('button', { name: 'Xuất phát', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Đã báo xuất phát.' })).toBeVisible();
	await expect(page.getByTestId('truck-status')).not.toHaveAttribute('data-status', 'idle');
	await expect(page.getByRole('button', { name: 'Hoàn thành' })).toBeVisible();
	// the same form sent again (a reload of the answer) changes nothing
	await page.reload();
	await expect(page.getByTestId('truck-status')).not.toHaveAttribute('data-status', 'idle');
	const db = new Database(process.env.E2E_DB!, { readonly: true });
	const departures = db
		.prepare(
			"SELECT count(*) AS n FROM events WHERE type = 'truck.status_changed' AND json_extract(data, '$.truckId') = 'xe-binh-thuan' AND json_extract(data, '$.status') = 'moving'"
		)
		.get() as { n: number };
	db.close();
	expect(departures.n).toBe(1);
	await context.close();
});

test('the coordinator gives a truck its route from the truck’s own row', async ({ page }) => {
	await signIn(page, 'ttvh');
	await page.goto('/ops/routes');
	const row = page.locator('tr[data-truck="xe-quan7"]');
	await row.getByRole('button', { name: 'Giao…' }).click();
	const editor = page.locator('tr[data-editor="xe-quan7"]');
	const route = editor.getByLabel('Lộ trình của');
	const chosen = (await route.locator('option').nth(1).textContent())!.trim();
	await route.selectOption({ label: chosen });
	await editor.getByRole('button', { name: 'Giao lộ trình' }).click();
	await expect(row.locator('td').nth(2)).toHaveText(chosen);
});
