import fs from 'node:fs';
import { readDocx } from '../helpers/docx';
import { expect, signIn, test } from './fixtures';

const unit = 'tthtcd-tan-hung';

test('a unit fills its table (a bad cell says why), a reload keeps the draft, it submits; the overview adds it up live', async ({
	browser,
	url
}) => {
	const ops = await browser.newPage({ baseURL: url });
	await signIn(ops, 'ttvh');
	await ops.goto('/reports/overview');
	const books = ops.getByTestId('total-so-sach-count');
	const before = Number((await books.textContent())!.replace(/\D/g, '') || 0);
	const reportedBefore = await ops.getByTestId('units-reported').textContent();

	const context = await browser.newContext({ baseURL: url });
	const page = await context.newPage();
	await signIn(page, unit);
	await expect(page).toHaveURL(/\/reports$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Trung tâm học tập cộng đồng');

	const cell = (row: string, c: 'count' | 'people') => page.locator(`input[name="cell.${row}.${c}"]`);
	await cell('so-sach', 'count').fill('1.250');
	await cell('tin-bai', 'count').fill('-3');
	await expect(page.getByRole('alert').filter({ hasText: 'Số không được âm' })).toBeVisible();
	await cell('tin-bai', 'count').fill('4');
	await page.locator('textarea[name="section.trien-khai"]').fill('Trung tâm tổ chức 3 lớp tin học.');
	await expect(page.getByTestId('draft-state')).toContainText('Đã lưu nháp', { timeout: 10_000 });

	// a reload: what was typed is there (from the server's draft)
	await page.reload();
	await expect(cell('so-sach', 'count')).toHaveValue('1.250');
	await expect(page.locator('textarea[name="section.trien-khai"]')).toHaveValue(
		'Trung tâm tổ chức 3 lớp tin học.'
	);

	await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
	await expect(page.getByTestId('report-status')).toContainText('lần 1');
	// the form still shows what was sent, so sending again sends it again
	await expect(cell('so-sach', 'count')).toHaveValue('1.250');
	await expect(cell('tin-bai', 'count')).toHaveValue('4');

	// the ops room saw it come in, without a reload
	await expect(books).toHaveText((before + 1250).toLocaleString('vi-VN'));
	await expect(ops.getByTestId('units-reported')).not.toHaveText(reportedBefore!);
	await books.click();
	await expect(ops.getByTestId('cell-drill').locator(`[data-unit="${unit}"]`)).toContainText('1.250');

	// the document to sign: the unit's own, then the ops room's with the same total as on its screen
	const documentOf = async (from: typeof page, name: string) => {
		const [download] = await Promise.all([
			from.waitForEvent('download'),
			from.getByRole('link', { name: 'Văn bản báo cáo (.docx)' }).first().click()
		]);
		expect(download.suggestedFilename()).toBe(name);
		return readDocx(fs.readFileSync((await download.path())!));
	};
	const own = await documentOf(page, 'bao-cao-trung-tam-hoc-tap-cong-dong-phuong-tan-hung.docx');
	expect(own.paragraphs).toContain('Trung tâm tổ chức 3 lớp tin học.');
	const booksRow = (docx: Awaited<ReturnType<typeof readDocx>>) =>
		docx.tables.flat().find((row) => row[1]?.text.startsWith('Số sách đã huy động'))!;
	expect(booksRow(own)[3].text).toBe('1.250');
	const rolledUp = await documentOf(ops, 'bao-cao-ubnd-quan-7.docx');
	expect(booksRow(rolledUp)[3].text).toBe(await books.textContent());
	await context.close();
	await ops.close();
});
