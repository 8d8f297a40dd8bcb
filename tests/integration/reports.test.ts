import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDataMap, LiveEvent } from '../../src/lib/types';
import { collect, command, connect, login, waitFor, type TestSocket } from '../helpers/client';
import { defaultScenario, removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let ops: TestSocket;
let opsEvents: LiveEvent[];
let opsCookie: string;
let ward: TestSocket;
let wardCookie: string;
let school: TestSocket;
let otherWard: TestSocket;
let otherWardEvents: LiveEvent[];

const wardId = 'phuong-tan-kieng';
const schoolId = 'thcs-tan-kieng';

async function exportTable(cookie: string, query: string) {
	const response = await fetch(`${server.url}/reports/export?${query}`, { headers: { cookie } });
	return response;
}

async function readWorkbook(response: Response) {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(await response.arrayBuffer());
	return book.worksheets[0];
}

/** The row of the sheet whose label cell (column B) is exactly this text. */
function sheetRow(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
	let found: ExcelJS.Row | undefined;
	sheet.eachRow((row) => {
		if (!found && row.getCell(2).text === label) found = row;
	});
	if (!found) throw new Error(`no row "${label}"`);
	return found;
}

beforeAll(async () => {
	server = await startServer();
	opsCookie = await login(server.url, 'ttvh');
	ops = await connect(server.url, opsCookie);
	opsEvents = collect(ops);
	wardCookie = await login(server.url, wardId);
	ward = await connect(server.url, wardCookie);
	school = await connect(server.url, await login(server.url, schoolId));
	otherWard = await connect(server.url, await login(server.url, 'phuong-tan-hung'));
	otherWardEvents = collect(otherWard);
});

afterAll(async () => {
	for (const s of [ops, ward, school, otherWard]) s?.close();
	await removeServer(server);
});

const submitted = () =>
	opsEvents
		.filter((e) => e.type === 'report.submitted')
		.map((e) => (e.data as EventDataMap['report.submitted']).submission);

describe('units submit their figures', () => {
	it('two units submit; the ops room gets each at once; a revision replaces the first in the totals', async () => {
		expect(
			await command(ward, 'report.submit', {
				unitId: wardId,
				figures: { 'tin-bai': { count: 12 }, 'so-sach': { count: 300 }, 'tong-nguoi': { people: 450 } },
				narrative: { 'trien-khai': 'Phường đã ban hành kế hoạch.' }
			})
		).toMatchObject({ ok: true });
		expect(
			await command(school, 'report.submit', {
				unitId: schoolId,
				figures: { 'tin-bai': { count: 3 }, 'so-sach': { count: 120, note: 'Tủ sách lớp học' } }
			})
		).toMatchObject({ ok: true });
		await waitFor(() => submitted().length === 2);
		expect(submitted().map((s) => [s.unitId, s.version])).toEqual([
			[wardId, 1],
			[schoolId, 1]
		]);

		// the ward revises: version 2, and only it counts
		expect(
			await command(ward, 'report.submit', {
				unitId: wardId,
				figures: { 'tin-bai': { count: 15 }, 'so-sach': { count: 300 }, 'tong-nguoi': { people: 500 } }
			})
		).toMatchObject({ ok: true });
		await waitFor(() => submitted().length === 3);
		expect(submitted()[2]).toMatchObject({ unitId: wardId, version: 2 });

		const csv = await (await exportTable(opsCookie, 'format=csv')).text();
		const line = (label: string) => csv.split('\r\n').find((l) => l.includes(label))!;
		expect(line('Số tin bài về các hoạt động của Tuần lễ')).toMatch(/,18,,/);
		expect(line('Số sách đã huy động')).toMatch(/,420,,/);
	});

	it('the rolled-up .xlsx has the official headers, and its totals are the sums of the latest submissions', async () => {
		const response = await exportTable(opsCookie, 'format=xlsx');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('spreadsheetml');
		const sheet = await readWorkbook(response);
		const texts: string[] = [];
		sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
		expect(texts).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		expect(texts).toContain('ĐƠN VỊ: UBND Quận 7');
		const header = sheetRow(sheet, 'Các hoạt động');
		expect(header.getCell(4).text).toBe('Số lượng');
		expect(sheet.getCell(header.number + 1, 4).text).toBe('Số lớp/số cuộc thi');
		expect(sheet.getCell(header.number + 1, 5).text).toBe('Người');
		const merges = (sheet.model as { merges: string[] }).merges;
		expect(merges).toContain(`D${header.number}:E${header.number}`);
		expect(sheetRow(sheet, 'Số tin bài về các hoạt động của Tuần lễ').getCell(4).value).toBe(15 + 3);
		expect(sheetRow(sheet, 'Số sách đã huy động tặng các trường học, thư viện').getCell(4).value).toBe(
			300 + 120
		);
		expect(sheetRow(sheet, 'Tổng số người tham gia, trong đó:').getCell(5).value).toBe(500);
	});

	it('a unit cannot write, read or export another unit’s figures, nor see them live', async () => {
		expect(
			await command(ward, 'report.submit', {
				unitId: 'phuong-tan-hung',
				figures: { 'tin-bai': { count: 1 } }
			})
		).toMatchObject({ ok: false, code: 'forbidden' });
		expect(await command(school, 'report.save_draft', { unitId: wardId, figures: {} })).toMatchObject({
			ok: false,
			code: 'forbidden'
		});
		const page = await fetch(`${server.url}/reports?unit=phuong-tan-hung`, {
			headers: { cookie: wardCookie },
			redirect: 'manual'
		});
		expect(page.status).toBe(403);
		expect((await exportTable(wardCookie, 'format=csv&unit=phuong-tan-hung')).status).toBe(403);
		expect((await exportTable(wardCookie, 'format=csv')).status).toBe(403);
		const overview = await fetch(`${server.url}/reports/overview`, { headers: { cookie: wardCookie } });
		expect(overview.status).toBe(403);
		// its own it may take, with its notes; the units below it only the organizer may add up
		const own = await exportTable(wardCookie, `format=csv&unit=${schoolId}`);
		expect(own.status).toBe(403);
		const schoolCsv = await (await exportTable(opsCookie, `format=csv&unit=${schoolId}`)).text();
		expect(schoolCsv).toContain('Tủ sách lớp học');
		expect((await exportTable(wardCookie, `format=csv&unit=${wardId}`)).status).toBe(200);
		expect((await exportTable(wardCookie, `format=csv&unit=${wardId}&below=1`)).status).toBe(403);
		expect(otherWardEvents.some((e) => e.type.startsWith('report.'))).toBe(false);

		// the ward's truck crew shares the ward's unit, not its report
		const crewCookie = await login(server.url, 'xe-tan-kieng');
		const crewPage = await fetch(`${server.url}/reports?unit=${wardId}`, {
			headers: { cookie: crewCookie },
			redirect: 'manual'
		});
		expect(crewPage.status).toBe(403);
		expect((await exportTable(crewCookie, `format=xlsx&unit=${wardId}`)).status).toBe(403);
		const crew = await connect(server.url, crewCookie);
		const crewEvents = collect(crew);
		expect(
			await command(ward, 'report.save_draft', { unitId: wardId, figures: { 'tin-bai': { count: 16 } } })
		).toMatchObject({ ok: true });
		await new Promise((r) => setTimeout(r, 300));
		expect(crewEvents.some((e) => e.type.startsWith('report.'))).toBe(false);
		crew.close();
	});

	it('bad numbers are refused cell by cell and nothing is stored', async () => {
		const before = submitted().length;
		const bad = await command(ward, 'report.submit', {
			unitId: wardId,
			figures: {
				'tin-bai': { count: -1 },
				'so-sach': { count: 2.5 },
				'tong-nguoi': { count: 3 },
				'khong-co': { count: 1 }
			}
		});
		expect(bad).toMatchObject({ ok: false, code: 'invalid' });
		const problems = (bad as { problems: { path: string; message: string }[] }).problems;
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ path: 'figures.tin-bai.count', message: 'Số không được âm' }),
				expect.objectContaining({ path: 'figures.so-sach.count', message: 'Chỉ nhập số nguyên' })
			])
		);
		const template = await command(ward, 'report.submit', {
			unitId: wardId,
			figures: { 'tong-nguoi': { count: 3 }, 'khong-co': { count: 1 } }
		});
		expect(template).toMatchObject({ ok: false, code: 'invalid' });
		expect((template as { problems: { path: string }[] }).problems.map((p) => p.path)).toEqual([
			'figures.tong-nguoi.count',
			'figures.khong-co'
		]);

		// the form: a typed "1,5" says why, and nothing is sent
		const form = new FormData();
		form.set('commandId', crypto.randomUUID());
		form.set('cell.tin-bai.count', '1,5');
		form.set('cell.so-sach.count', 'mười');
		const response = await fetch(`${server.url}/reports?/submit`, {
			method: 'POST',
			headers: {
				cookie: wardCookie,
				origin: server.url,
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: form
		});
		const answer = (await response.json()) as { type: string; status: number; data: string };
		expect(answer).toMatchObject({ type: 'failure', status: 400 });
		expect(answer.data).toContain('Chỉ nhập số nguyên (không có phần thập phân)');
		expect(answer.data).toContain('Chỉ nhập chữ số, ví dụ 1.250');
		await new Promise((r) => setTimeout(r, 200));
		expect(submitted().length).toBe(before);
	});

	it('a refusal names the row and column as the table prints them, and a slip of the keyboard is too large', async () => {
		const before = submitted().length;
		const answer = await command(ward, 'report.submit', {
			unitId: wardId,
			figures: { 'tong-nguoi': { people: -5 }, 'lop-boi-duong': { count: 999_999_999_999 } }
		});
		expect(answer).toMatchObject({ ok: false, code: 'invalid' });
		const problems = (answer as { problems: { path: string; message: string; where?: string }[] }).problems;
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					path: 'figures.tong-nguoi.people',
					where: 'Dòng “Tổng số người tham gia, trong đó:”, cột “Người”',
					message: 'Số không được âm'
				})
			])
		);
		const tooLarge = await command(ward, 'report.submit', {
			unitId: wardId,
			figures: { 'lop-boi-duong': { count: 10_000_001 } }
		});
		expect((tooLarge as { problems: unknown[] }).problems).toEqual([
			{
				path: 'figures.lop-boi-duong.count',
				where: 'Dòng 1 “Các lớp bồi dưỡng, tập huấn tổ chức trong Tuần lễ”, cột “Số lớp/số cuộc thi”',
				message: 'Số quá lớn: tối đa 10.000.000'
			}
		]);
		await new Promise((r) => setTimeout(r, 200));
		expect(submitted().length).toBe(before);
	});

	it('a draft goes to the unit’s own screens only, and keeps what was typed', async () => {
		const wardEvents = collect(ward);
		const draft = await command(ward, 'report.save_draft', {
			unitId: wardId,
			figures: { 'tin-bai': { count: 20 } },
			narrative: { 'hoat-dong': 'Đang viết…' }
		});
		expect(draft).toMatchObject({ ok: true });
		await waitFor(() => wardEvents.some((e) => e.type === 'report.draft_saved'));
		await new Promise((r) => setTimeout(r, 200));
		expect(opsEvents.some((e) => e.type === 'report.draft_saved')).toBe(false);
		const page = await fetch(`${server.url}/reports/__data.json`, { headers: { cookie: wardCookie } });
		expect(await page.text()).toContain('Đang viết…');
	});
});

describe('signing off', () => {
	it('freezes the table: a later submission is kept and flagged, the signed table does not change', async () => {
		expect(await command(ops, 'report.sign_off', { note: 'Chốt số liệu gửi Thành phố' })).toMatchObject({
			ok: true
		});
		expect(await command(ops, 'report.sign_off', {})).toMatchObject({ ok: false, code: 'conflict' });
		expect(await command(ward, 'report.sign_off', {})).toMatchObject({ ok: false, code: 'forbidden' });
		expect(
			await command(school, 'report.submit', { unitId: schoolId, figures: { 'tin-bai': { count: 30 } } })
		).toMatchObject({ ok: true });
		await waitFor(() => submitted().some((s) => s.unitId === schoolId && s.version === 2));
		expect(submitted().find((s) => s.unitId === schoolId && s.version === 2)?.afterSignoff).toBe(true);

		const signed = await readWorkbook(await exportTable(opsCookie, 'format=xlsx&table=signed'));
		expect(sheetRow(signed, 'Số tin bài về các hoạt động của Tuần lễ').getCell(4).value).toBe(18);
		const live = await readWorkbook(await exportTable(opsCookie, 'format=xlsx'));
		expect(sheetRow(live, 'Số tin bài về các hoạt động của Tuần lễ').getCell(4).value).toBe(45);
	});
});

describe('the 2023 template', () => {
	it('loads from a scenario and works as 2024’s does: submit, roll up, export', async () => {
		const scenario = JSON.parse(fs.readFileSync(defaultScenario, 'utf8'));
		scenario.reportTable = JSON.parse(
			fs.readFileSync(path.resolve('data/report-tables/htsd-2023.json'), 'utf8')
		);
		const other = await startServer({ scenario: null });
		try {
			const file = path.join(other.dir, 'scenario-2023.json');
			fs.writeFileSync(file, JSON.stringify(scenario));
			const { cli } = await import('../helpers/server');
			expect(cli(other.dbPath, ['import', file, '--accounts']).status).toBe(0);
			await other.stop();
			await other.start();
			const wardSocket = await connect(other.url, await login(other.url, wardId));
			const row = scenario.reportTable.rows.find((r: { inputs: string }) => r.inputs === 'both');
			expect(
				await command(wardSocket, 'report.submit', {
					unitId: wardId,
					figures: { [row.id]: { count: 4, people: 120 } },
					narrative: { 'danh-gia': 'Kết quả tốt.' }
				})
			).toMatchObject({ ok: true });
			wardSocket.close();
			const cookie = await login(other.url, 'ttvh');
			const response = await fetch(`${other.url}/reports/export?format=xlsx`, { headers: { cookie } });
			const sheet = await readWorkbook(response);
			const line = sheetRow(sheet, row.label);
			expect([line.getCell(4).value, line.getCell(5).value]).toEqual([4, 120]);
			const texts: string[] = [];
			sheet.eachRow((r) => texts.push(r.getCell(1).text));
			expect(texts.some((t) => t.includes('năm 2023'))).toBe(true);
		} finally {
			await removeServer(other);
		}
	});
});
