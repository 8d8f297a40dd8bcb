/**
 * The day's facts beside a report's section I (issue #19), in the city's deployment
 * (data/scenarios/hcm-quan7-2024.json) on the parade's morning: Tân Kiểng's truck ran part of its
 * route, the ward ticked a banner, a school sent its report, each through the real paths (the
 * crew's socket, the tablet's upload and command). Quận 7's coordinator drafts Quận 7's section I
 * from them, the draft saves, and each fact's link opens the page its figure comes from; a ward's
 * staff see their own ward's facts only.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { planLiveAt } from '../harness/scenarios.js';
import { command, connect, login } from '../helpers/client';
import { cameraJpeg, upload } from '../helpers/photos';
import { removeServer, startServer, type TestServer } from '../helpers/server';
import { expect, fitsWidth, signIn, test } from './fixtures';

type Plan = { routes: { id: string; line: { coordinates: [number, number][] } }[] };

let server: TestServer;
let route: [number, number][];
const shots = path.resolve('test-results/day-facts');

test.beforeAll(async () => {
	// a server of its own, and three people's sign-ins (argon2) on a shared machine
	test.setTimeout(120_000);
	const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'khai-mac-day-facts-'));
	// ten minutes into the parade (Tân Kiểng's first checkpoint is at 7g30)
	const plan = planLiveAt('data/scenarios/hcm-quan7-2024.json', dir, '2024-10-04T07:40:00+07:00');
	route = (JSON.parse(fs.readFileSync(plan, 'utf8')) as Plan).routes.find((r) => r.id === 'r-tan-kieng')!.line
		.coordinates;
	server = await startServer({ scenario: plan, dir });
	fs.mkdirSync(shots, { recursive: true });
	await theDay();
});
test.afterAll(async () => removeServer(server));

async function opened(browser: Browser, username: string, width: number, height: number): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, viewport: { width, height } });
	const page = await context.newPage();
	await signIn(page, username);
	return page;
}

/** The day so far: Tân Kiểng's truck drove its route's first four points, its ward ticked a banner, a school reported. */
async function theDay(): Promise<void> {
	const crew = await connect(server.url, await login(server.url, 'xe-tan-kieng'));
	expect(await command(crew, 'truck.depart', { truckId: 'xe-tan-kieng' })).toMatchObject({ ok: true });
	const now = Date.now();
	const fixes = route
		.slice(0, 4)
		.map(([lng, lat], i) => ({ at: now - (4 - i) * 60_000, lat, lng, accuracy: 6, speed: 20 }));
	const ack = await crew.timeout(10_000).emitWithAck('positions', { truckId: 'xe-tan-kieng', fixes });
	expect(ack).toMatchObject({ ok: true, accepted: 4 });
	crew.close();

	const wardCookie = await login(server.url, 'phuong-tan-kieng');
	const photo = await upload(server.url, wardCookie, 'phuong-tan-kieng', await cameraJpeg());
	expect(photo.body).toMatchObject({ ok: true });
	const tablet = await connect(server.url, wardCookie);
	expect(
		await command(tablet, 'checklist.tick', {
			itemId: 'cl-tan-kieng-1',
			uploads: [photo.uploadId],
			quantityDone: null,
			note: ''
		})
	).toMatchObject({ ok: true });
	tablet.close();

	const school = await connect(server.url, await login(server.url, 'thcs-tan-kieng'));
	expect(
		await command(school, 'report.submit', { unitId: 'thcs-tan-kieng', figures: {}, narrative: {} })
	).toMatchObject({ ok: true });
	school.close();
}

const factIds = async (page: Page) => {
	// the facts stream in after the page shows
	await expect(page.getByTestId('day-facts-loading')).toHaveCount(0);
	return page
		.getByTestId('day-facts')
		.locator('li[data-fact]')
		.evaluateAll((li) => li.map((l) => l.getAttribute('data-fact')));
};

test("Quận 7's coordinator drafts section I from the day's facts; the draft saves; each figure links to its page", async ({
	browser
}) => {
	test.setTimeout(120_000);
	const page = await opened(browser, 'ttvh', 1366, 768);
	const facts = page.getByTestId('day-facts');
	const fact = (id: string) => facts.locator(`li[data-fact="${id}"]`);
	// the positions reach the disk on the fleet's next heartbeat (once a second)
	await expect(async () => {
		await page.goto('/reports?unit=quan7');
		await expect(fact('trucks.ran')).toContainText(/tổng cộng [1-9]\d*,\d\d km\./, { timeout: 1000 });
	}).toPass({ timeout: 15_000 });

	expect(await factIds(page)).toEqual([
		'trucks.ran',
		'trucks.routes',
		'checklists.all',
		'checklists.phuong-tan-kieng',
		'reports'
	]);
	await expect(fact('trucks.ran')).toContainText('Có 1/11 xe loa tuyên truyền lưu động theo kế hoạch chạy');
	await expect(fact('checklists.phuong-tan-kieng')).toContainText('Phường Tân Kiểng hoàn thành 1/5 hạng mục');
	await expect(fact('reports')).toContainText('1 đơn vị gửi đúng hạn');
	const links = Object.fromEntries(
		await facts
			.locator('li[data-fact]')
			.evaluateAll((li) =>
				li.map((l) => [l.getAttribute('data-fact'), l.querySelector('a')?.getAttribute('href') ?? null])
			)
	);
	expect(links).toEqual({
		'trucks.ran': '/ops/replay',
		'trucks.routes': '/ops/trucks',
		'checklists.all': '/ops/checklists',
		'checklists.phuong-tan-kieng': '/ward?unit=phuong-tan-kieng',
		reports: '/reports/overview'
	});

	// what the writer typed stays; the draft goes below it, a paragraph per topic
	const section = page.locator('textarea[name="section.trien-khai"]');
	await section.fill('Quận 7 ban hành kế hoạch tổ chức Tuần lễ.');
	await page.getByRole('button', { name: 'Viết nháp từ dữ kiện' }).click();
	const texts = await facts.locator('li[data-fact] > span[lang="vi"]').allTextContents();
	const draft = [`${texts[0]} ${texts[1]}`, `${texts[2]} ${texts[3]}`, texts[4]].join('\n\n');
	await expect(section).toHaveValue(`Quận 7 ban hành kế hoạch tổ chức Tuần lễ.\n\n${draft}`);
	// pressed again: nothing added twice
	await page.getByRole('button', { name: 'Viết nháp từ dữ kiện' }).click();
	await expect(section).toHaveValue(`Quận 7 ban hành kế hoạch tổ chức Tuần lễ.\n\n${draft}`);
	await expect(page.getByTestId('draft-state')).toContainText('Đã lưu nháp', { timeout: 10_000 });
	await facts.scrollIntoViewIfNeeded();
	await page.screenshot({ path: path.join(shots, 'report-quan7-1366.png'), fullPage: true });
	await fitsWidth(page);

	// the draft is the server's: another screen of Quận 7's report has it
	const phone = await opened(browser, 'ttvh', 360, 740);
	await phone.goto('/reports?unit=quan7');
	await expect(phone.locator('textarea[name="section.trien-khai"]')).toHaveValue(
		`Quận 7 ban hành kế hoạch tổ chức Tuần lễ.\n\n${draft}`
	);
	await expect(phone.getByTestId('report-status')).toContainText('Chưa gửi');
	await phone.getByTestId('day-facts').scrollIntoViewIfNeeded();
	await phone.screenshot({ path: path.join(shots, 'report-quan7-360.png'), fullPage: true });
	await fitsWidth(phone);

	// each link opens the page its figure can be checked on
	await fact('trucks.routes').getByRole('link').click();
	await expect(page).toHaveURL(/\/ops\/trucks$/);
	await expect(page.getByRole('row', { name: /Phường Tân Kiểng/ })).toContainText(/phủ \d+%/);
	await page.goBack();
	await fact('checklists.phuong-tan-kieng').getByRole('link').click();
	await expect(page).toHaveURL(/\/ward\?unit=phuong-tan-kieng$/);
	await expect(page.locator('[data-item="cl-tan-kieng-1"]')).toBeVisible();
	await page.goBack();
	await fact('reports').getByRole('link').click();
	await expect(page).toHaveURL(/\/reports\/overview$/);
	await expect(page.getByTestId('completeness').locator('tr[data-unit="thcs-tan-kieng"]')).toBeVisible();
	for (const p of [page, phone]) await p.context().close();
});

test("a ward's staff see their own ward's facts, linked where they may look; another ward's page has none of them", async ({
	browser
}) => {
	const ward = await opened(browser, 'phuong-tan-kieng', 360, 740);
	await expect(ward).toHaveURL(/\/ward$/);
	await ward.goto('/reports');
	const facts = ward.getByTestId('day-facts');
	// not the reports of the schools beneath the ward: those are not theirs to read
	expect(await factIds(ward)).toEqual(['trucks.ran', 'trucks.routes', 'checklists.phuong-tan-kieng']);
	await expect(facts.locator('li[data-fact="trucks.ran"]')).toContainText(
		'Có 1 xe loa tuyên truyền lưu động chạy'
	);
	// the ops room's pages are not theirs: the source is named, not linked; their checklist is
	await expect(facts.locator('li[data-fact="trucks.ran"] a')).toHaveCount(0);
	await expect(facts.locator('li[data-fact="trucks.ran"]')).toContainText('Nguồn: Xem lại hành trình xe loa');
	await expect(facts.locator('li[data-fact="checklists.phuong-tan-kieng"] a')).toHaveAttribute(
		'href',
		'/ward?unit=phuong-tan-kieng'
	);
	await ward.screenshot({ path: path.join(shots, 'report-ward-360.png'), fullPage: true });
	await fitsWidth(ward);

	// Phú Mỹ's truck stayed home and nothing of Tân Kiểng's is Phú Mỹ's
	const other = await opened(browser, 'phuong-phu-my', 360, 740);
	await other.goto('/reports');
	expect(await factIds(other)).toEqual([]);
	await expect(other.getByTestId('day-facts')).toHaveCount(0);
	for (const p of [ward, other]) await p.context().close();
});
