/**
 * The package round trip between two deployments, each a real server with its own database:
 * Quận 7 runs its own (data/scenarios/quan7-2024.json), its wards report and its coordinator signs
 * Quận 7's table, then downloads the signed package from the overview; the city runs the nested
 * plan (data/scenarios/hcm-quan7-2024.json), and the Sở's coordinator imports the package on
 * /reports as Quận 7's figures, which the city's overview and export then show. A package edited
 * on the way is refused and changes nothing; the same package twice makes one version. The
 * command line does the same both ways.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planLiveAt } from '../harness/scenarios.js';
import { command, connect, login, type TestSocket } from '../helpers/client';
import { cli, queryDb, removeServer, startServer, type TestServer } from '../helpers/server';
import { unzipFiles, zipFiles } from '../../src/lib/server/zip/zip-files';

const quan7Plan = 'data/scenarios/quan7-2024.json';
const cityPlan = 'data/scenarios/hcm-quan7-2024.json';
/** a row that takes both numbers, as the plans name it */
const rowId = 'bd-chuyen-mon';
const rowLabel = (
	JSON.parse(fs.readFileSync(quan7Plan, 'utf8')) as { reportTable: { rows: { id: string; label: string }[] } }
).reportTable.rows.find((r) => r.id === rowId)!.label;
/** the day the districts' tables are due at the city, and a little before */
const reportingDay = '2024-10-11T09:00:00+07:00';

let quan7: TestServer;
let city: TestServer;
let quan7Cookie: string;
let cityCookie: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
	const quan7Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khai-mac-quan7-'));
	const cityDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khai-mac-city-'));
	[quan7, city] = await Promise.all([
		startServer({ scenario: planLiveAt(quan7Plan, quan7Dir, reportingDay), dir: quan7Dir }),
		startServer({ scenario: planLiveAt(cityPlan, cityDir, reportingDay), dir: cityDir })
	]);
	quan7Cookie = await login(quan7.url, 'ttvh');
	cityCookie = await login(city.url, 'sogddt');
});

afterAll(async () => {
	for (const s of sockets) s.close();
	await Promise.all([removeServer(quan7), removeServer(city)]);
});

async function socketOf(server: TestServer, username: string): Promise<TestSocket> {
	const socket = await connect(server.url, await login(server.url, username));
	sockets.push(socket);
	return socket;
}

const get = (server: TestServer, cookie: string, url: string) =>
	fetch(`${server.url}${url}`, { headers: { cookie } });

/** a form action posted as the page's enhanced form does; its answer as SvelteKit gives it */
async function postForm(server: TestServer, cookie: string, action: string, form: FormData) {
	const response = await fetch(`${server.url}${action}`, {
		method: 'POST',
		headers: { cookie, origin: server.url, accept: 'application/json', 'x-sveltekit-action': 'true' },
		body: form
	});
	return (await response.json()) as { type: string; status?: number; data: string };
}

function importPackage(bytes: Buffer, fileName = 'goi-bao-cao-ubnd-quan-7.zip', cookie = cityCookie) {
	const form = new FormData();
	form.set('commandId', crypto.randomUUID());
	form.set('file', new File([new Uint8Array(bytes)], fileName, { type: 'application/zip' }));
	return postForm(city, cookie, '/reports?/importPackage', form);
}

const quan7Submissions = () =>
	queryDb<{ version: number; figures: string; package: string | null }>(
		city.dbPath,
		"SELECT version, figures, package FROM report_submissions WHERE unit_id = 'quan7' ORDER BY version"
	);

/** the row's line of a CSV export */
async function csvLine(server: TestServer, cookie: string): Promise<string> {
	const csv = await (await get(server, cookie, '/reports/export?format=csv')).text();
	return csv.split('\r\n').find((l) => l.includes(rowLabel))!;
}

let signedPackage: Buffer;

describe("Quận 7's own deployment", () => {
	it('has no package before its table is signed off', async () => {
		const response = await get(quan7, quan7Cookie, '/reports/package');
		expect(response.status).toBe(404);
		expect(await (await get(quan7, quan7Cookie, '/reports/overview')).text()).not.toContain(
			'Tải gói báo cáo đã ký'
		);
	});

	it('signs off its table and gives it as a package: the .xlsx and the data file with its hash', async () => {
		for (const [unitId, count, people] of [
			['phuong-tan-kieng', 3, 120],
			['phuong-tan-hung', 2, 60]
		] as const) {
			const ward = await socketOf(quan7, unitId);
			expect(
				await command(ward, 'report.submit', {
					unitId,
					figures: { [rowId]: { count, people } },
					narrative: {}
				})
			).toMatchObject({ ok: true });
		}
		const form = new FormData();
		form.set('commandId', crypto.randomUUID());
		form.set('note', 'Quận 7 chốt số liệu gửi Thành phố');
		expect(await postForm(quan7, quan7Cookie, '/reports/overview?/signOff', form)).toMatchObject({
			type: 'success'
		});
		expect(await (await get(quan7, quan7Cookie, '/reports/overview')).text()).toContain(
			'Tải gói báo cáo đã ký'
		);

		const response = await get(quan7, quan7Cookie, '/reports/package');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/zip');
		expect(response.headers.get('content-disposition')).toContain('goi-bao-cao-ubnd-quan-7.zip');
		signedPackage = Buffer.from(await response.arrayBuffer());
		const files = (await unzipFiles(signedPackage, 10 * 1024 * 1024)) as Map<string, Buffer>;
		expect([...files.keys()]).toEqual(['goi-bao-cao.json', 'bao-cao-ubnd-quan-7.xlsx']);
		const pack = JSON.parse(files.get('goi-bao-cao.json')!.toString('utf8'));
		expect(pack).toMatchObject({
			format: 'khai-mac/goi-bao-cao-da-ky',
			version: 1,
			content: {
				unit: { id: 'quan7', name: 'UBND Quận 7' },
				signoff: { note: 'Quận 7 chốt số liệu gửi Thành phố' },
				totals: { [rowId]: { count: 5, people: 180 } }
			}
		});
		expect(pack.sha256).toMatch(/^[0-9a-f]{64}$/);

		// the spreadsheet is the signed table as the export gives it
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(files.get('bao-cao-ubnd-quan-7.xlsx')! as unknown as ArrayBuffer);
		let row: ExcelJS.Row | undefined;
		book.worksheets[0].eachRow((r) => (row ??= r.getCell(2).text === rowLabel ? r : undefined));
		expect([row?.getCell(4).value, row?.getCell(5).value]).toEqual([5, 180]);
	});
});

describe("the city's deployment", () => {
	it('refuses a package whose figures were edited on the way, saying so, and changes nothing', async () => {
		const files = (await unzipFiles(signedPackage, 10 * 1024 * 1024)) as Map<string, Buffer>;
		const json = files.get('goi-bao-cao.json')!.toString('utf8').replace('"count": 5', '"count": 50');
		const edited = zipFiles(
			[...files].map(([name, bytes]) => ({ name, bytes: name.endsWith('.json') ? Buffer.from(json) : bytes }))
		);

		const answer = await importPackage(edited);
		expect(answer).toMatchObject({ type: 'failure', status: 400 });
		expect(answer.data).toContain('Gói báo cáo đã bị thay đổi sau khi ký');
		expect(quan7Submissions()).toEqual([]);
	});

	it("imports the package on /reports as Quận 7's submission; the overview and the export show it", async () => {
		const page = await (await get(city, cityCookie, '/reports')).text();
		expect(page).toContain('Nhập gói báo cáo của đơn vị');

		const answer = await importPackage(signedPackage);
		expect(answer).toMatchObject({ type: 'success' });
		expect(answer.data).toContain('Đã nhập gói báo cáo của UBND Quận 7: lần gửi 1');
		const [submission] = quan7Submissions();
		expect(JSON.parse(submission.figures)).toEqual({ [rowId]: { count: 5, people: 180 } });
		expect(JSON.parse(submission.package!)).toMatchObject({ note: 'Quận 7 chốt số liệu gửi Thành phố' });

		expect(await csvLine(city, cityCookie)).toMatch(/,5,180,/);
		const overview = await (await get(city, cityCookie, '/reports/overview')).text();
		expect(overview).toContain('UBND Quận 7: bảng đã ký lúc');
		expect(overview).toContain('nhập từ gói báo cáo');
	});

	it('makes one version of the same package imported twice', async () => {
		expect(await importPackage(signedPackage)).toMatchObject({ type: 'success' });
		expect(quan7Submissions()).toHaveLength(1);
	});

	it("is not Quận 7's coordinator's to import for Quận 7 itself", async () => {
		const answer = await importPackage(signedPackage, undefined, await login(city.url, 'ttvh'));
		expect(answer).toMatchObject({ type: 'failure' });
		expect(quan7Submissions()).toHaveLength(1);
	});
});

describe('the command line, both ways', () => {
	it("writes the signed package from Quận 7's database and imports it into a city's, once", () => {
		const file = path.join(quan7.dir, 'goi.zip');
		const written = cli(quan7.dbPath, ['report-package', file]);
		expect(written.status, written.stderr).toBe(0);
		expect(written.stdout).toContain('UBND Quận 7');

		// a city's database the package has not reached yet: imported, and once however often sent
		const otherCity = path.join(city.dir, 'other-city.sqlite');
		expect(cli(otherCity, ['import', path.resolve(cityPlan)]).status).toBe(0);
		for (let i = 0; i < 2; i++) {
			const imported = cli(otherCity, ['import-package', file]);
			expect(imported.status, imported.stderr).toBe(0);
			expect(imported.stdout).toContain('Đã nhập gói báo cáo của UBND Quận 7: lần gửi 1');
		}
		expect(
			queryDb(otherCity, "SELECT id FROM report_submissions WHERE unit_id = 'quan7' AND package IS NOT NULL")
		).toHaveLength(1);

		// the city that has it from the page already: another download of the same signed table changes nothing
		const again = cli(city.dbPath, ['import-package', file]);
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('đã được nhập');
		expect(quan7Submissions()).toHaveLength(1);

		expect(cli(city.dbPath, ['import-package', path.join(quan7.dir, 'khong-co.zip')]).status).toBe(2);
	});
});
