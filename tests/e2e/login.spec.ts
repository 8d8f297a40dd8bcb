import { expect, signIn, signOut, test } from './fixtures';

test('each role signs in to its own home and signs out', async ({ page }) => {
	const homes: [string, RegExp, string][] = [
		['ttvh', /\/ops$/, 'Gửi thông báo'],
		['admin', /\/admin$/, 'Cây đơn vị'],
		['phuong-tan-hung', /\/ward$/, 'Bảng việc của phường'],
		['xe-tan-hung', /\/truck$/, 'Gửi vị trí'],
		['cong-2', /\/gate$/, 'Quét thư mời']
	];
	for (const [username, home, text] of homes) {
		await signIn(page, username);
		await expect(page).toHaveURL(home);
		await expect(page.getByText(text).first()).toBeVisible();
		await signOut(page);
		await expect(page).toHaveURL(/\/login$/);
	}
});

test('a wrong password gets a clear message, and the form keeps the username', async ({ page }) => {
	await signIn(page, 'phuong-tan-thuan-tay', 'sai-mat-khau');
	await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
	await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('phuong-tan-thuan-tay');
});

test('the login page is available in English', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await page.getByRole('button', { name: 'Tiếng Việt' }).click();
	await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
});

test('signing in works without JavaScript', async ({ browser, url }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL: url });
	const page = await context.newPage();
	await signIn(page, 'lanhdao');
	await expect(page).toHaveURL(/\/display$/);
	await context.close();
});

test('a page the role may not open says so and leads home, menu and all', async ({ page }) => {
	await signIn(page, 'xe-tan-hung');
	const refused = await page.goto('/ops');
	expect(refused?.status()).toBe(403);
	await expect(page.getByRole('heading', { name: 'Không có quyền' })).toBeVisible();
	await expect(page.getByText('Bạn không có quyền xem trang này.')).toBeVisible();
	// the header is there: the crew's own menu and the way out
	await expect(page.getByRole('navigation').getByRole('link', { name: 'Xe loa' }).first()).toBeAttached();
	await page.getByRole('link', { name: 'Về trang của tôi' }).click();
	await expect(page).toHaveURL(/\/truck$/);

	const missing = await page.goto('/khong-co-trang-nay');
	expect(missing?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
	await page.getByRole('link', { name: 'Về trang của tôi' }).click();
	await expect(page).toHaveURL(/\/truck$/);
	await signOut(page);
});
