import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellsOf } from '../../src/lib/reports/cells';
import type { Figures, ReportTemplate } from '../../src/lib/reports/types';
import { reportFormSchema, reportTableSchema } from '../../src/lib/scenario/schema';
import {
	columns,
	exportFileName,
	reportCsv,
	reportWorkbook,
	tableLayout
} from '../../src/lib/server/reports/export';
import { reportDocument } from '../../src/lib/server/reports/document';
import type { ReportSheet } from '../../src/lib/server/reports/picture';
import { readDocx } from '../helpers/docx';

function templateFrom(table: unknown): ReportTemplate {
	const parsed = reportTableSchema.parse(table);
	return { ...parsed, form: parsed.form ?? reportFormSchema.parse({}) };
}

const templates: [string, ReportTemplate][] = [
	[
		'the 2024 scenario',
		templateFrom(JSON.parse(fs.readFileSync('data/scenarios/quan7-2024.json', 'utf8')).reportTable)
	],
	[
		'the 2023 template',
		templateFrom(JSON.parse(fs.readFileSync('data/report-tables/htsd-2023.json', 'utf8')))
	]
];

/** Figures found by what the rows are, not by their ids: a count row, a both row, a money row, a none row. */
function figuresFor(template: ReportTemplate): Figures {
	const count = template.rows.find((r) => r.inputs === 'count' && !r.money)!;
	const both = template.rows.find((r) => r.inputs === 'both')!;
	const money = template.rows.find((r) => r.money)!;
	const none = template.rows.find((r) => r.inputs === 'none')!;
	return {
		[count.id]: { count: 12 },
		[both.id]: { count: 3, people: 1250, note: 'Có 1 lớp, trực tuyến "Zoom"' },
		[money.id]: { count: 15_000_000 },
		// a number in a row that takes none must not reach the file
		[none.id]: { count: 99 }
	};
}

const sheetOf = (template: ReportTemplate): ReportSheet => ({
	template,
	eventName: 'Tuần lễ hưởng ứng học tập suốt đời',
	unitName: 'Phòng Giáo dục và Đào tạo Quận 7',
	figures: figuresFor(template),
	basis: 'Tổng hợp trực tiếp từ 3 đơn vị đã gửi',
	parentName: 'UBND Quận 7',
	narrative: [],
	photos: [],
	leftOut: 0
});

const exportedAt = Date.parse('2024-10-05T09:30:00+07:00');

async function readBack(bytes: Buffer): Promise<ExcelJS.Worksheet> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(bytes as unknown as ArrayBuffer);
	expect(book.creator).toBe('Khai Mạc');
	// the table first; the narrative and the photo list on sheets of their own
	expect(book.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Phần I, II', 'Hình ảnh']);
	return book.worksheets[0];
}

describe.each(templates)('the official-layout workbook of %s', (_, template) => {
	const sheet = sheetOf(template);
	const at = tableLayout(template);
	const { form } = template;

	it('has the heading block, the title and the table heading', async () => {
		const ws = await readBack(await reportWorkbook(sheet, exportedAt));
		expect(ws.getCell(1, 1).value).toBe('ĐƠN VỊ: Phòng Giáo dục và Đào tạo Quận 7');
		expect(ws.getCell(1, 3).value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		expect(ws.getCell(2, 3).value).toBe('Độc lập - Tự do - Hạnh phúc');
		expect(ws.getCell(2, 3).font.underline).toBe(true);
		expect(ws.getCell(3, 1).value).toBe('Số:      /BC-');
		expect(ws.getCell(3, 3).value).toBe(`${form.place || '……'}, ngày …… tháng …… năm ……`);
		expect(ws.getCell(at.title, 1).value).toBe(form.title);
		expect(ws.getCell(at.title, 1).font.bold).toBe(true);
		expect(ws.getCell(at.subtitle!, 1).value).toBe(form.subtitle);
		expect(ws.getCell(at.tableHeading!, 1).value).toBe(form.tableHeading);
		expect(String(ws.getCell(at.basis, 1).value)).toBe(
			`${sheet.basis}. Xuất từ Khai Mạc lúc 9g30 05/10/2024.`
		);
	});

	it('has the two header rows with the merges of the form, repeated on every printed page', async () => {
		const ws = await readBack(await reportWorkbook(sheet, exportedAt));
		const [top, sub] = [at.header, at.header + 1];
		const address = (r: number, c: number) => ws.getCell(r, c).address;
		expect(ws.getCell(top, columns.count).value).toBe('Số lượng');
		expect(ws.getCell(top, columns.people).master.address).toBe(address(top, columns.count));
		expect(ws.getCell(sub, columns.count).isMerged).toBe(false);
		expect(ws.getCell(sub, columns.count).value).toBe(template.quantityColumns[0]);
		expect(ws.getCell(sub, columns.people).value).toBe(template.quantityColumns[1]);
		for (const [col, name] of [
			[columns.stt, 'STT'],
			[columns.label, 'Các hoạt động'],
			[columns.measure, 'Đơn vị'],
			[columns.note, 'Ghi chú']
		] as const) {
			expect(ws.getCell(top, col).value).toBe(name);
			expect(ws.getCell(sub, col).master.address).toBe(address(top, col));
		}
		expect(ws.pageSetup).toMatchObject({
			paperSize: 9,
			orientation: 'portrait',
			fitToWidth: 1,
			printTitlesRow: `${top}:${sub}`
		});
	});

	it('has every row of the template in order, numbers only in the cells each row takes', async () => {
		const ws = await readBack(await reportWorkbook(sheet, exportedAt));
		const labels = template.rows.map((_, i) => ws.getCell(at.firstRow + i, columns.label).value);
		expect(labels).toEqual(template.rows.map((r) => r.label));
		expect(at.lastRow).toBe(at.firstRow + template.rows.length - 1);
		template.rows.forEach((row, i) => {
			const r = at.firstRow + i;
			const own = sheet.figures[row.id] ?? {};
			expect(ws.getCell(r, columns.stt).text).toBe(row.stt);
			expect(ws.getCell(r, columns.measure).text).toBe(row.measure);
			expect(ws.getCell(r, columns.note).text).toBe(own.note || row.note);
			for (const cell of ['count', 'people'] as const) {
				const expected = cellsOf(row).includes(cell) ? (own[cell] ?? null) : null;
				expect(ws.getCell(r, columns[cell]).value, `${row.id}.${cell}`).toBe(expected);
			}
			expect(ws.getCell(r, columns.label).font.bold ?? false).toBe(row.inputs === 'none');
			expect(ws.getCell(r, columns.label).alignment.wrapText).toBe(true);
			expect(ws.getCell(r, columns.note).border.bottom?.style).toBe('thin');
		});
		const money = template.rows.findIndex((r) => r.money);
		expect(ws.getCell(at.firstRow + money, columns.count).value).toBe(15_000_000);
		expect(ws.getCell(at.firstRow + money, columns.count).numFmt).toBe('#,##0');
		const none = template.rows.findIndex((r) => r.inputs === 'none');
		expect(ws.getCell(at.firstRow + none, columns.count).value).toBeNull();
	});

	it('writes a CSV Excel opens in Vietnamese, quoted where needed, plain integers', () => {
		const csv = reportCsv(sheet);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe(
			`STT,Các hoạt động,Đơn vị,${template.quantityColumns[0]},${template.quantityColumns[1]},Ghi chú`
		);
		expect(lines).toHaveLength(template.rows.length + 1);
		const both = template.rows.findIndex((r) => r.inputs === 'both');
		const row = template.rows[both];
		expect(lines[both + 1]).toBe(
			`${row.stt},"${row.label}",${row.measure},3,1250,"Có 1 lớp, trực tuyến ""Zoom"""`
		);
		const money = template.rows.findIndex((r) => r.money);
		expect(lines[money + 1]).toMatch(/,15000000,,$/);
		const none = template.rows.findIndex((r) => r.inputs === 'none');
		expect(lines[none + 1]).not.toContain('99');
	});
});

describe.each(templates)('the document to sign (.docx) of %s', (_, template) => {
	const sections = template.form.sections.map((section, i) => ({
		title: section.title,
		text: `Đoạn ${i + 1} của đơn vị.`,
		units: []
	}));
	const sheet = { ...sheetOf(template), narrative: sections };

	it("has the form's own words: its title, subject, sections and table heading, and every row", async () => {
		const docx = await readDocx(await reportDocument(sheet, { photo: async () => null, exportedAt }));
		const { form } = template;
		for (const words of [form.title, form.subtitle, form.tableHeading, ...form.sections.map((s) => s.title)])
			expect(docx.paragraphs).toContain(words);
		for (const [i, section] of sections.entries())
			expect(docx.paragraphs[docx.paragraphs.indexOf(section.title) + 1]).toBe(`Đoạn ${i + 1} của đơn vị.`);
		const table = docx.tables.find((t) => t[0][0].text === 'STT')!;
		expect(table.slice(2).map((row) => row[1].text)).toEqual(template.rows.map((r) => r.label));
		expect(table[1].slice(3, 5).map((c) => c.text)).toEqual(template.quantityColumns);
	});
});

describe('the export around the table', () => {
	const [, template] = templates[0];

	it('moves the table up when the form has no subtitle or table heading', async () => {
		const bare = { ...template, form: reportFormSchema.parse({}) };
		const at = tableLayout(bare);
		expect(at.subtitle).toBeNull();
		expect(at.tableHeading).toBeNull();
		expect(at.header).toBeLessThan(tableLayout(template).header);
		const ws = await readBack(await reportWorkbook({ ...sheetOf(bare), figures: {} }, exportedAt));
		expect(ws.getCell(3, 3).value).toBe('……, ngày …… tháng …… năm ……');
		expect(ws.getCell(at.title, 1).value).toBe('BÁO CÁO');
		expect(ws.getCell(at.header, columns.stt).value).toBe('STT');
	});

	it('keeps a typed note that starts like a formula as text in the CSV', () => {
		const row = template.rows[0];
		const csv = reportCsv({ ...sheetOf(template), figures: { [row.id]: { note: '=1+1' } } });
		expect(csv.split('\r\n')[1]).toMatch(/,"'=1\+1"$/);
	});

	it('names the files in ASCII', () => {
		expect(exportFileName({ unitName: 'Phường Tân Phong' }, 'xlsx')).toBe('bao-cao-phuong-tan-phong.xlsx');
		expect(exportFileName({ unitName: 'Trường THCS Đặng Trần Côn / Q.7' }, 'csv')).toBe(
			'bao-cao-truong-thcs-dang-tran-con-q-7.csv'
		);
		expect(exportFileName({ unitName: '—' }, 'csv')).toBe('bao-cao-don-vi.csv');
	});
});
