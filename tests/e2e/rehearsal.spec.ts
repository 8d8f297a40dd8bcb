/**
 * A 2020 plan rehearsed today: imported as it is, every screen says the programme is over; the
 * admin uploads it again "to rehearse on" today, and the whole plan moves to today, labelled
 * "Diễn tập" in every signed-in page's header and on the wall display, after a restart too. Its
 * last milestone has a day and no hour: it is shown as its date, never as "0g00".
 */
import { vietnamToday } from '../../src/lib/scenario/rehearsal';
import { removeServer, startServer, type TestServer } from '../helpers/server';
import { expect, signIn, test } from './fixtures';

const plan = 'data/scenarios/hcm-2020.json';
let server: TestServer;

test.beforeAll(async () => {
	server = await startServer({ scenario: plan });
});

test.afterAll(async () => removeServer(server));

test('the admin rehearses a 2020 plan today: moved, labelled in the header and on the wall, after a restart too', async ({
	browser
}) => {
	const today = vietnamToday();
	const [year, month, day] = today.split('-');
	const page = await browser.newPage({ baseURL: server.url });
	page.on('dialog', (dialog) => dialog.accept());
	await signIn(page, 'admin');

	await page.goto(`/display`);
	await expect(page.getByTestId('header-next')).toContainText('Chương trình đã xong');
	await expect(page.getByTestId('rehearsal-tag')).toHaveCount(0);

	await page.goto(`/admin/scenario`);
	const form = page.getByTestId('import-scenario');
	await form.getByLabel('Tệp kịch bản (.json)').setInputFiles(plan);
	await form.getByLabel('Diễn tập vào ngày… (không bắt buộc)').fill(today);
	await form.getByRole('button', { name: 'Kiểm tra và nạp' }).click();
	await expect(form.getByRole('status')).toHaveText('Đã lưu.');

	await expect(page.locator('header.bar').getByTestId('rehearsal-tag')).toHaveText(
		'Diễn tập: kế hoạch bắt đầu ngày 30/09/2020'
	);
	await expect(page.getByTestId('rehearsal-now')).toContainText(
		`ngày 30/09/2020, được dời sang ngày ${day}/${month}/${year}`
	);

	await page.goto(`/display`);
	const header = page.locator('.display-header');
	await expect(header.locator('h1').getByTestId('rehearsal-tag')).toHaveText(
		'Diễn tập: kế hoạch bắt đầu ngày 30/09/2020'
	);
	await expect(page.getByTestId('header-next')).not.toContainText('Chương trình đã xong');
	await expect(header).toContainText(`${day}/${month}/${year}`);

	await server.stop();
	await server.start();
	await page.goto(`/ops`);
	await expect(page.locator('header.bar').getByTestId('rehearsal-tag')).toHaveText(
		'Diễn tập: kế hoạch bắt đầu ngày 30/09/2020'
	);
	await expect(page.locator('h1').getByTestId('rehearsal-tag')).toBeVisible();
	// "Kết thúc Tuần lễ" is a day (2020-10-07, moved seven days on): its date, no invented hour
	const end = page.locator('.milestone').filter({ hasText: 'Kết thúc Tuần lễ' }).locator('time');
	const lastDay = new Date(Date.parse(today) + 7 * 86_400_000).toISOString().slice(0, 10).split('-');
	await expect(end).toHaveText(`Trong ngày ${lastDay.reverse().join('/')}`);
	await page.close();
});
