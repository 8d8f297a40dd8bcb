/**
 * The report to sign, as the ops room and a ward download it from a real server, opened in a
 * real word processor: LibreOffice converts the .docx to PDF (scripts/report-pdf.js) and what the
 * PDF prints is compared with the rolled-up table the .xlsx gives, cell by cell. The same doors
 * as the other exports: a ward takes its own report, not another's, not the rolled-up one.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/lib/reports/cells';
import { docxToPdf, pdfText, tableFigures } from '../../scripts/report-pdf.js';
import { command, connect, login, type TestSocket } from '../helpers/client';
import { readDocx } from '../helpers/docx';
import { cameraJpeg, upload } from '../helpers/photos';
import { cli, removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let opsCookie: string;
let wardCookie: string;
let ward: TestSocket;
let school: TestSocket;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'report-document-'));

const wardId = 'phuong-tan-kieng';
const wardText = 'Phường Tân Kiểng treo 2 băng rôn, tổ chức 3 lớp “Kỹ năng số” cho người cao tuổi.';

const download = (cookie: string | null, query: string) =>
	fetch(`${server.url}/reports/export?${query}`, { headers: cookie ? { cookie } : {} });

async function saved(response: Response, name: string): Promise<string> {
	const file = path.join(scratch, name);
	fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
	return file;
}

beforeAll(async () => {
	server = await startServer();
	opsCookie = await login(server.url, 'ttvh');
	wardCookie = await login(server.url, wardId);
	ward = await connect(server.url, wardCookie);
	school = await connect(server.url, await login(server.url, 'thcs-tan-kieng'));

	const photo = await upload(server.url, wardCookie, wardId, await cameraJpeg(800, 600));
	expect(photo.body).toMatchObject({ ok: true });
	expect(
		await command(ward, 'report.submit', {
			unitId: wardId,
			figures: {
				'lop-boi-duong': { count: 3 },
				'tong-nguoi': { people: 1250 },
				'bd-tin-hoc': { count: 2, people: 60 },
				'tin-bai': { count: 12 },
				'so-sach': { count: 300 },
				'ngan-sach': { count: 15_000_000 }
			},
			narrative: { 'trien-khai': wardText, 'hoat-dong': 'Các hoạt động diễn ra đúng kế hoạch.' },
			uploads: [photo.uploadId]
		})
	).toMatchObject({ ok: true });
	expect(
		await command(school, 'report.submit', {
			unitId: 'thcs-tan-kieng',
			figures: { 'tin-bai': { count: 3 }, 'so-sach': { count: 120 }, 'bd-tin-hoc': { count: 1, people: 35 } }
		})
	).toMatchObject({ ok: true });
}, 60_000);

afterAll(async () => {
	for (const s of [ward, school]) s?.close();
	await removeServer(server);
	fs.rmSync(scratch, { recursive: true, force: true });
});

/** The rolled-up table's two quantity columns as the .xlsx has them, top to bottom, as printed. */
async function rolledUp(query: string): Promise<{ count: string[]; people: string[] }> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(await (await download(opsCookie, `format=xlsx&${query}`)).arrayBuffer());
	const sheet = book.worksheets[0];
	const figures = { count: [] as string[], people: [] as string[] };
	sheet.eachRow((row) => {
		for (const [column, list] of [
			[4, figures.count],
			[5, figures.people]
		] as const)
			if (typeof row.getCell(column).value === 'number')
				list.push(formatNumber(row.getCell(column).value as number));
	});
	return figures;
}

describe('the report to sign (.docx)', () => {
	it('downloads for the ops room as a named Word file', async () => {
		const response = await download(opsCookie, 'format=docx');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		);
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="bao-cao-ubnd-quan-7.docx"'
		);
		const docx = await readDocx(Buffer.from(await response.arrayBuffer()));
		expect(docx.media.size).toBe(1);
	});

	it("is a ward's own, with its own photo, and not another's, nor the rolled-up table", async () => {
		const own = await download(wardCookie, `format=docx&unit=${wardId}`);
		expect(own.status).toBe(200);
		const docx = await readDocx(Buffer.from(await own.arrayBuffer()));
		expect(docx.tables[0][0][0].text.split('\n').slice(0, 2)).toEqual(['UBND QUẬN 7', 'PHƯỜNG TÂN KIỂNG']);
		expect(docx.media.size).toBe(1);

		expect((await download(wardCookie, 'format=docx&unit=phuong-tan-hung')).status).toBe(403);
		expect((await download(wardCookie, 'format=docx')).status).toBe(403);
		expect((await download(wardCookie, `format=docx&unit=${wardId}&below=1`)).status).toBe(403);
		expect((await download(null, 'format=docx')).status).toBe(401);
	});

	it('is linked from the overview and the unit’s report page', async () => {
		const overview = await (
			await fetch(`${server.url}/reports/overview`, { headers: { cookie: opsCookie } })
		).text();
		expect(overview).toContain('href="/reports/export?format=docx"');
		const report = await (await fetch(`${server.url}/reports`, { headers: { cookie: wardCookie } })).text();
		expect(report).toContain(`href="/reports/export?format=docx&amp;unit=${wardId}"`);
	});
	it('is written by the command line too: a unit’s own, or the level’s as .xlsx; a wrong ask says why', async () => {
		const own = path.join(scratch, 'cli-own.docx');
		const written = cli(server.dbPath, ['report', own, '--unit', wardId]);
		expect(written.stderr).toBe('');
		expect(written.stdout).toContain(
			`✓ Đã ghi báo cáo của Phường Tân Kiểng (Lần gửi thứ 1; 1 ảnh) vào ${own}.`
		);
		const docx = await readDocx(fs.readFileSync(own));
		expect(docx.tables[0][0][0].text.split('\n')[1]).toBe('PHƯỜNG TÂN KIỂNG');
		expect(docx.media.size).toBe(1);

		const book = path.join(scratch, 'cli-level.xlsx');
		expect(cli(server.dbPath, ['report', book]).status).toBe(0);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(book);
		expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Phần I, II', 'Hình ảnh']);

		const unsigned = cli(server.dbPath, ['report', path.join(scratch, 'x.docx'), '--signed']);
		expect([unsigned.status, unsigned.stderr]).toEqual([
			1,
			expect.stringContaining('chưa được chốt và ký: bỏ --signed')
		]);
		const unknown = cli(server.dbPath, ['report', path.join(scratch, 'y.docx'), '--unit', 'khong-co']);
		expect([unknown.status, unknown.stderr.trim()]).toEqual([1, '✗ Kế hoạch không có đơn vị khong-co.']);
		expect(fs.existsSync(path.join(scratch, 'x.docx')) || fs.existsSync(path.join(scratch, 'y.docx'))).toBe(
			false
		);
	});

	// last: LibreOffice takes seconds, after which the server has let this client's idle connection go
	it('opens in LibreOffice, and its PDF prints the rolled-up table the .xlsx gives, cell by cell', async () => {
		// both files first: LibreOffice takes seconds, and the server lets an idle connection go
		const expected = await rolledUp('');
		const pdf = docxToPdf(await saved(await download(opsCookie, 'format=docx'), 'quan7.docx'));
		// 3 classes, 1.250 people and 15.000.000 đồng are the ward's; 12 + 3 news, 300 + 120 books
		expect(expected.count).toEqual(expect.arrayContaining(['3', '15', '420', '15.000.000']));
		expect(tableFigures(pdf)).toEqual(expected);

		const text = pdfText(pdf).replace(/\s+/g, ' ');
		for (const words of [
			'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
			'Độc lập - Tự do - Hạnh phúc',
			'UBND QUẬN 7',
			'BÁO CÁO',
			'Phường Tân Kiểng:',
			'Các hoạt động diễn ra đúng kế hoạch.',
			'Nơi nhận:',
			'THỦ TRƯỞNG ĐƠN VỊ',
			'PHỤ LỤC',
			'Ảnh 1. Hoạt động của đơn vị, ảnh gửi kèm báo cáo lần 1 — Phường Tân Kiểng'
		])
			expect(text).toContain(words);
		// the ward's sentence, every diacritic and the curly quotes kept, over however many lines
		expect(text).toContain(wardText.replace(/\s+/g, ' ').slice(0, 60));
	}, 120_000);
});
