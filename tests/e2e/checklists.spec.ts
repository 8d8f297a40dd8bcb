import Database from 'better-sqlite3';
import sharp from 'sharp';
import type { Locator, Page } from '@playwright/test';
import { expect, setOffline, signIn, signOut, test } from './fixtures';

const ward = 'phuong-phu-my';

function photo(red: number) {
	return sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: red, g: 90, b: 30 } } })
		.jpeg()
		.toBuffer()
		.then((buffer) => ({ name: `anh-${red}.jpg`, mimeType: 'image/jpeg', buffer }));
}

function ticksOf(unitId: string): { events: number; photos: number } {
	const db = new Database(process.env.E2E_DB!, { readonly: true });
	try {
		const events = db
			.prepare(
				"SELECT COUNT(*) AS n FROM events WHERE type = 'checklist.ticked' AND json_extract(data, '$.item.unitId') = ?"
			)
			.get(unitId) as { n: number };
		const photos = db.prepare('SELECT COUNT(*) AS n FROM checklist_photos WHERE unit_id = ?').get(unitId) as {
			n: number;
		};
		return { events: events.n, photos: photos.n };
	} finally {
		db.close();
	}
}

async function tick(page: Page, itemId: string, red: number) {
	const card = page.locator(`[data-item="${itemId}"]`);
	await card.getByRole('button', { name: 'Đánh dấu xong' }).click();
	await card.getByTestId('pick-photos').setInputFiles(await photo(red));
	await expect(card.getByRole('img', { name: 'Ảnh 1' })).toBeVisible();
	await card.getByRole('button', { name: /Lưu: đã xong/ }).click();
	await expect(card.getByText('Chờ gửi', { exact: true }).first()).toBeVisible();
}

test('a ward ticks three items offline with photos; a reload loses nothing; online, the server holds exactly three', async ({
	browser,
	url
}) => {
	const context = await browser.newContext({ baseURL: url, viewport: { width: 820, height: 1180 } });
	const page = await context.newPage();
	await signIn(page, ward);
	await expect(page).toHaveURL(/\/ward$/);
	// the service worker takes the page over and keeps it from this first visit: the tablet says so
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live');
	await expect(page.getByTestId('offline-ready')).toContainText('Dùng được khi mất mạng', {
		timeout: 20_000
	});
	await expect(page.getByTestId('outbox')).toContainText('đồng bộ lúc');
	const before = ticksOf(ward);
	const items = await page
		.getByTestId('checklist-item')
		.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-item')!));
	expect(items.length).toBeGreaterThanOrEqual(3);

	await setOffline(context, true);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'offline');
	for (const [i, itemId] of items.slice(0, 3).entries()) await tick(page, itemId, 60 + i * 60);
	await expect(page.getByTestId('outbox')).toContainText('Chờ gửi: 3 thay đổi, 3 ảnh');

	// signing out now would leave the changes behind: the tablet asks first
	await signOut(page);
	await expect(page.getByTestId('unsent-dialog')).toContainText('Còn 3 thay đổi chưa gửi');
	await page.getByRole('button', { name: 'Ở lại, chờ gửi xong' }).click();
	await expect(page).toHaveURL(/\/ward$/);

	// reloading offline: the page comes from the tablet, the ticks from its outbox
	await page.reload();
	await expect(page.getByTestId('ward-progress')).toBeVisible();
	await expect(page.getByTestId('outbox')).toContainText('Chờ gửi: 3 thay đổi, 3 ảnh');
	// and it still says when it last got through, which was before the network went
	await expect(page.getByTestId('outbox')).toContainText('đồng bộ lúc');
	for (const itemId of items.slice(0, 3))
		await expect(
			page.locator(`[data-item="${itemId}"]`).getByText('Chờ gửi', { exact: true }).first()
		).toBeVisible();
	expect(ticksOf(ward)).toEqual(before);

	await setOffline(context, false);
	await expect(page.getByTestId('outbox')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
	await expect(page.getByTestId('outbox')).toContainText('Đã gửi hết');
	for (const itemId of items.slice(0, 3))
		await expect(page.locator(`[data-item="${itemId}"]`)).toHaveAttribute('data-status', 'done');
	expect(ticksOf(ward)).toEqual({ events: before.events + 3, photos: before.photos + 3 });

	// the coordinator's matrix shows the ward's new share
	const ops = await browser.newPage({ baseURL: url });
	await signIn(ops, 'ttvh');
	await ops.goto('/ops/checklists');
	await expect(ops.locator(`tr[data-unit="${ward}"] [data-testid="ward-percent"]`)).toContainText(
		`${Math.round((100 * 3) / items.length)}%`
	);
	await ops.close();
	await context.close();
});

test('a photo the coordinator returns reaches the ward tablet at once', async ({ browser, url, page }) => {
	const tablet = await browser.newPage({ baseURL: url });
	await signIn(tablet, 'phuong-tan-phong');
	await expect(tablet.getByTestId('connection')).toHaveAttribute('data-status', 'live');
	const itemId = await tablet.getByTestId('checklist-item').first().getAttribute('data-item');
	await tick(tablet, itemId!, 200);
	await expect(tablet.getByTestId('outbox')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });

	await signIn(page, 'ttvh');
	await page.goto('/ops/checklists');
	await page.locator('tr[data-unit="phuong-tan-phong"]').getByRole('button').click();
	const gallery = page.getByTestId('ward-gallery');
	await gallery.getByRole('button', { name: 'Trả lại…' }).first().click();
	await gallery.getByPlaceholder('Lý do').fill('Băng rôn treo lệch, đề nghị chỉnh lại');
	await gallery.getByRole('button', { name: 'Trả lại', exact: true }).click();

	const card = tablet.locator(`[data-item="${itemId}"]`);
	await expect(card).toHaveAttribute('data-status', 'returned');
	await expect(card.getByRole('alert')).toContainText('Băng rôn treo lệch');
	await tablet.close();
});

test('a photo the server refuses costs only itself: the tick and the good photo go through, and the tablet asks for that one again', async ({
	browser,
	url
}, testInfo) => {
	const unit = 'phuong-tan-phu';
	const context = await browser.newContext({ baseURL: url, viewport: { width: 820, height: 1180 } });
	// the second photo arrives broken (as a flaky link or a bad file can leave it): the server refuses it
	const uploads: string[] = [];
	await context.route('**/photos/uploads/**', (route) => {
		const id = new URL(route.request().url()).pathname.split('/').pop()!;
		if (!uploads.includes(id)) uploads.push(id);
		if (uploads.indexOf(id) !== 1) return route.continue();
		return route.continue({ postData: Buffer.alloc(route.request().postDataBuffer()?.length ?? 0) });
	});
	const page = await context.newPage();
	await signIn(page, unit);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live');
	const before = ticksOf(unit);
	const itemId = (await page.getByTestId('checklist-item').first().getAttribute('data-item'))!;
	const card = page.locator(`[data-item="${itemId}"]`);

	await card.getByRole('button', { name: 'Đánh dấu xong' }).click();
	await card.getByTestId('pick-photos').setInputFiles([await photo(20), await photo(40)]);
	await expect(card.getByRole('img', { name: 'Ảnh 2' })).toBeVisible();
	await card.getByRole('button', { name: /Lưu: đã xong \(2 ảnh\)/ }).click();
	await expect(page.getByTestId('outbox')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });

	// the tick and the good photo are on the server; the bad one is shown, with what to do
	await expect(card).toHaveAttribute('data-status', 'done');
	// the tablet shows it done as soon as it is queued; the server has it a moment later
	await expect.poll(() => ticksOf(unit)).toEqual({ events: before.events + 1, photos: before.photos + 1 });
	const redo = card.getByTestId('photo-redo');
	await expect(redo).toContainText('không phải ảnh');
	await expect(redo).toContainText('Hãy chụp hoặc chọn lại ảnh này');
	// the tablet keeps asking after a reload (the photo waits in its outbox)
	await page.reload();
	await expect(redo).toContainText('không phải ảnh');
	await expect(page.getByTestId('outbox')).toContainText('1 ảnh cần chụp hoặc chọn lại');
	// the card asking again and the outbox's line, at the sizes tablets and phones in the street have
	for (const [width, height] of [
		[412, 915],
		[768, 1024],
		[1024, 768]
	]) {
		await page.setViewportSize({ width, height });
		await redo.scrollIntoViewIfNeeded();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
		for (const part of [redo, page.getByTestId('outbox')]) {
			const box = (await part.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(width);
		}
		await testInfo.attach(`photo-redo-${width}x${height}`, {
			body: await page.screenshot(),
			contentType: 'image/png'
		});
	}
	await page.setViewportSize({ width: 820, height: 1180 });

	// taken again: it goes through, and the tablet stops asking
	await redo.getByRole('button', { name: 'Chụp hoặc chọn lại' }).click();
	await card.getByTestId('pick-photos').setInputFiles(await photo(60));
	await card.getByRole('button', { name: /Lưu: đã xong \(1 ảnh\)/ }).click();
	await expect(page.getByTestId('outbox')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
	await expect(card.getByTestId('photo-redo')).toHaveCount(0);
	await expect.poll(() => ticksOf(unit)).toEqual({ events: before.events + 2, photos: before.photos + 2 });
	await expect(page.getByTestId('outbox')).not.toContainText('cần chụp hoặc chọn lại');
	await context.close();
});

test('the coordinator’s banner page opens on the unit most behind and names it, whatever its kind', async ({
	page
}) => {
	await signIn(page, 'ttvh');
	await page.goto('/ops/checklists');
	const matrix = page.getByTestId('checklist-matrix');
	await expect(matrix).toBeVisible();
	const overdue = async (row: Locator) =>
		Number((await row.getByTestId('unit-overdue').textContent())?.trim() || 0);
	const rows = await matrix.locator('tbody tr').all();
	const most = Math.max(...(await Promise.all(rows.map(overdue))));
	const selected = matrix.locator('tbody tr.selected');
	await expect(selected).toHaveCount(1);
	expect(await overdue(selected)).toBe(most);
	const name = (await selected.locator('th').textContent())!.trim();
	await expect(page.getByTestId('ward-panel').getByRole('heading').first()).toHaveText(`${name}: ảnh đã gửi`);
	await expect(page.getByText(/^Phường chưa gửi ảnh nào/)).toHaveCount(0);
});

test('once the outbox has sent everything, the ticked item says its tick and photo reached the coordinator, not that it is still sending', async ({
	browser,
	url
}) => {
	const unit = 'phuong-binh-thuan';
	const context = await browser.newContext({ baseURL: url, viewport: { width: 768, height: 1024 } });
	const page = await context.newPage();
	await signIn(page, unit);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live');
	const itemId = (await page.getByTestId('checklist-item').first().getAttribute('data-item'))!;
	const card = page.locator(`[data-item="${itemId}"]`);
	const small = await sharp({
		create: { width: 480, height: 360, channels: 3, background: { r: 90, g: 140, b: 60 } }
	})
		.jpeg()
		.toBuffer();

	await card.getByRole('button', { name: 'Đánh dấu xong' }).click();
	await card
		.getByTestId('pick-photos')
		.setInputFiles({ name: 'nho.jpg', mimeType: 'image/jpeg', buffer: small });
	await expect(card.getByRole('img', { name: 'Ảnh 1' })).toBeVisible();
	await card.getByRole('button', { name: /Lưu: đã xong/ }).click();
	await expect(page.getByTestId('outbox')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
	await expect(page.getByTestId('outbox')).toContainText('Đã gửi hết');

	// what the item says follows what the outbox did with its tick: sent, and its photo as the coordinator sees it
	await expect(card).not.toContainText('đang gửi ảnh');
	const said = card.getByTestId('item-sending');
	await expect(said).toHaveAttribute('data-state', 'sent');
	await expect(said).toContainText('Đã gửi');
	await expect(said).toContainText('1 ảnh');
	await expect(said).toContainText('chờ Ban tổ chức duyệt');
	await expect(card.locator('.photos li.pending')).toContainText('Chờ duyệt');

	// and an untick too says it was sent, once it was
	await card.getByRole('button', { name: 'Bỏ đánh dấu' }).click();
	await card.getByLabel('Lý do bỏ đánh dấu').fill('Treo nhầm chỗ');
	await card.getByRole('button', { name: 'Bỏ đánh dấu' }).click();
	await expect(page.getByTestId('outbox')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
	await expect(said).toHaveAttribute('data-state', 'sent');
	await expect(said).toContainText('bỏ đánh dấu');
	await expect(card).not.toContainText('đang gửi');
	await context.close();
});

test('a ward ticks an item with the keyboard alone, the focus always in sight and never lost', async ({
	browser,
	url
}) => {
	const context = await browser.newContext({ baseURL: url, viewport: { width: 1024, height: 768 } });
	const page = await context.newPage();
	await signIn(page, 'phuong-tan-quy');
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'live');
	const focused = () =>
		page.evaluate(() => {
			const e = document.activeElement as HTMLElement;
			// an invisible file input shows its focus on the button around it
			const shown = e.matches('input[type=file]') ? e.parentElement! : e;
			const style = getComputedStyle(shown);
			return {
				tag: e.tagName,
				type: e.getAttribute('type') ?? '',
				text: shown.textContent?.trim() ?? '',
				item: e.closest<HTMLElement>('[data-item]')?.dataset.item ?? null,
				ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
			};
		});
	const itemId = await page
		.getByTestId('checklist-item')
		.filter({ hasText: 'Đánh dấu xong' })
		.first()
		.getAttribute('data-item');
	const first = page.locator(`[data-item="${itemId}"]`);
	// Tab from the top to the first item's button: no mouse anywhere
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		const f = await focused();
		if (f.item === itemId && f.text.includes('Đánh dấu xong')) break;
	}
	expect(await focused()).toMatchObject({ item: itemId, text: 'Đánh dấu xong', ring: true });
	await page.keyboard.press('Enter');
	// the form opened: the keyboard is on its camera button, not the page
	expect(await focused()).toMatchObject({ item: itemId, type: 'file', text: 'Chụp ảnh', ring: true });
	const chooser = page.waitForEvent('filechooser');
	await page.keyboard.press('Space');
	await (await chooser).setFiles(await photo(140));
	await expect(first.getByRole('button', { name: /Lưu: đã xong \(1 ảnh\)/ })).toBeEnabled();
	for (let i = 0; i < 10 && !(await focused()).text.startsWith('Lưu'); i++) await page.keyboard.press('Tab');
	expect(await focused()).toMatchObject({ tag: 'BUTTON', ring: true });
	await page.keyboard.press('Enter');
	await expect(first).toHaveAttribute('data-status', 'done');
	// saved: the keyboard is back on the card's own button
	expect(await focused()).toMatchObject({ item: itemId, tag: 'BUTTON', ring: true });
	await context.close();
});
