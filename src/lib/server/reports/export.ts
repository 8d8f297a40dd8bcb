/**
 * The reporting table as files to hand on: an .xlsx laid out like the official form (the unit
 * prints, signs and stamps it), a CSV for whoever re-keys or merges the numbers. Every row,
 * column name and heading comes from the template, so another year's form needs no code.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { fold } from '$lib/ceremony/search';
import { cellsOf } from '$lib/reports/cells';
import { official } from '$lib/reports/official';
import { xmlText } from '$lib/reports/xml-text';
import type { ReportTemplate } from '$lib/reports/types';
import { formatDateTime } from '$lib/time/format';
import type { ReportSheet } from './picture';

/** The table's columns, 1-based as exceljs counts them. */
export const columns = { stt: 1, label: 2, measure: 3, count: 4, people: 5, note: 6 } as const;
const width = columns.note;
/** in characters, as Excel measures; about 120 in all, which fit-to-width puts on A4 portrait */
const widths = [6, 52, 15, 15, 12, 20];

export interface TableLayout {
	title: number;
	subtitle: number | null;
	tableHeading: number | null;
	/** the first of the two header rows ("Số lượng" above, its sub-columns below) */
	header: number;
	firstRow: number;
	lastRow: number;
	basis: number;
	signature: number;
}

/**
 * Where each part lands. Rows 1–3 are the heading block (unit and motto, number and date),
 * row 4 is left blank as on the form; the rest depends only on what the template fills in.
 */
export function tableLayout(template: ReportTemplate): TableLayout {
	let next = 5;
	const title = next++;
	const subtitle = template.form.subtitle ? next++ : null;
	next++;
	const tableHeading = template.form.tableHeading ? next++ : null;
	const header = next;
	const firstRow = header + 2;
	const lastRow = firstRow + template.rows.length - 1;
	return {
		title,
		subtitle,
		tableHeading,
		header,
		firstRow,
		lastRow,
		basis: lastRow + 1,
		signature: lastRow + 3
	};
}

// Official documents are set in Times New Roman (Nghị định 30/2020/NĐ-CP).
const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({
	name: 'Times New Roman',
	size: 12,
	...extra
});
const thin: Partial<ExcelJS.Borders> = {
	top: { style: 'thin' },
	left: { style: 'thin' },
	bottom: { style: 'thin' },
	right: { style: 'thin' }
};

/** Excel does not grow a row for wrapped text it did not lay out itself: estimate the lines. */
const linesIn = (text: string, chars: number) => Math.max(1, Math.ceil(text.length / Math.max(1, chars - 2)));
const lineHeight = 16;

/** One line of text across columns `from`–`to`, merged so it centres over them. */
function line(
	ws: ExcelJS.Worksheet,
	row: number,
	[from, to]: [number, number],
	text: string,
	style: { font?: Partial<ExcelJS.Font>; align?: 'left' | 'center' } = {}
): void {
	if (to > from) ws.mergeCells(row, from, row, to);
	const cell = ws.getCell(row, from);
	cell.value = text;
	cell.font = font(style.font);
	cell.alignment = { horizontal: style.align ?? 'center', vertical: 'middle', wrapText: true };
	const span = widths.slice(from - 1, to).reduce((a, b) => a + b, 0);
	ws.getRow(row).height = Math.max(ws.getRow(row).height ?? 0, linesIn(text, span) * lineHeight);
}

export async function reportWorkbook(sheet: ReportSheet, exportedAt = Date.now()): Promise<Buffer> {
	const { template, figures } = sheet;
	const { form } = template;
	const at = tableLayout(template);
	const book = new ExcelJS.Workbook();
	book.creator = official.creator;
	book.created = new Date(exportedAt);
	const ws = book.addWorksheet(official.sheetName, {
		pageSetup: {
			paperSize: 9, // A4
			orientation: 'portrait',
			fitToPage: true,
			fitToWidth: 1,
			fitToHeight: 0, // as many pages down as the rows need
			margins: { left: 0.7, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
			printTitlesRow: `${at.header}:${at.header + 1}`
		},
		headerFooter: { oddFooter: official.pageFooter }
	});
	ws.columns = widths.map((w) => ({ width: w }));

	const left: [number, number] = [columns.stt, columns.label];
	const right: [number, number] = [columns.measure, width];
	const all: [number, number] = [1, width];
	line(ws, 1, left, official.unit(sheet.unitName), { font: { bold: true } });
	line(ws, 1, right, official.nation, { font: { bold: true } });
	line(ws, 2, right, official.motto, { font: { bold: true, underline: true, size: 13 } });
	line(ws, 3, left, `${official.number}      ${official.numberSuffix}`);
	line(ws, 3, right, official.dateLine(form.place), { font: { italic: true } });
	line(ws, at.title, all, form.title, { font: { bold: true, size: 14 } });
	if (at.subtitle) line(ws, at.subtitle, all, form.subtitle, { font: { bold: true, size: 13 } });
	if (at.tableHeading)
		line(ws, at.tableHeading, all, form.tableHeading, { font: { bold: true }, align: 'left' });

	// The header: "Số lượng" spans its two sub-columns; the other names span both header rows.
	const [top, sub] = [at.header, at.header + 1];
	const heads: [number, string][] = [
		[columns.stt, official.heads.stt],
		[columns.label, official.heads.activity],
		[columns.measure, official.heads.measure],
		[columns.note, official.heads.note]
	];
	for (const [col, name] of heads) {
		ws.mergeCells(top, col, sub, col);
		ws.getCell(top, col).value = name;
	}
	ws.mergeCells(top, columns.count, top, columns.people);
	ws.getCell(top, columns.count).value = official.heads.quantity;
	ws.getCell(sub, columns.count).value = template.quantityColumns[0];
	ws.getCell(sub, columns.people).value = template.quantityColumns[1];

	template.rows.forEach((row, i) => {
		const r = at.firstRow + i;
		const own = figures[row.id] ?? {};
		const note = own.note || row.note;
		ws.getCell(r, columns.stt).value = row.stt || null;
		ws.getCell(r, columns.label).value = row.label;
		ws.getCell(r, columns.measure).value = row.measure || null;
		ws.getCell(r, columns.note).value = note ? xmlText(note) : null;
		// only the cells the row takes: the others stay empty, as on the paper form
		for (const cell of cellsOf(row)) {
			const value = own[cell];
			if (value === undefined) continue;
			const target = ws.getCell(r, columns[cell]);
			target.value = value;
			if (row.money) target.numFmt = '#,##0';
		}
		const lines = Math.max(
			linesIn(row.label, widths[columns.label - 1]),
			linesIn(row.measure, widths[columns.measure - 1]),
			linesIn(note, widths[columns.note - 1])
		);
		ws.getRow(r).height = lines * lineHeight;
	});

	for (let r = top; r <= at.lastRow; r++) {
		const head = r <= sub;
		const bold = head || template.rows[r - at.firstRow]?.inputs === 'none';
		for (let c = 1; c <= width; c++) {
			const cell = ws.getCell(r, c);
			cell.border = thin;
			cell.font = font({ bold });
			const centred = head || c === columns.stt || c === columns.measure;
			const numeric = c === columns.count || c === columns.people;
			cell.alignment = {
				horizontal: centred ? 'center' : numeric ? 'right' : 'left',
				vertical: 'middle',
				wrapText: !numeric || head
			};
		}
	}
	ws.getRow(top).height = 20;
	ws.getRow(sub).height = linesIn(template.quantityColumns[0], widths[columns.count - 1]) * lineHeight;

	line(ws, at.basis, all, official.exported(sheet.basis, formatDateTime(exportedAt, 'vi')), {
		font: { italic: true, size: 10 },
		align: 'left'
	});
	line(ws, at.signature, right, official.signer, { font: { bold: true } });
	line(ws, at.signature + 1, right, official.signHint, { font: { italic: true } });

	narrativeSheet(book, sheet);
	photoSheet(book, sheet);
	return Buffer.from(await book.xlsx.writeBuffer());
}

/** A sheet of plain columns, its heading row bold and repeated on every printed page. */
function listSheet(book: ExcelJS.Workbook, name: string, heads: [string, number][]): ExcelJS.Worksheet {
	const ws = book.addWorksheet(name, {
		pageSetup: {
			paperSize: 9,
			orientation: 'portrait',
			fitToPage: true,
			fitToWidth: 1,
			fitToHeight: 0,
			printTitlesRow: '1:1'
		},
		headerFooter: { oddFooter: official.pageFooter }
	});
	ws.columns = heads.map(([header, width]) => ({ header, width }));
	ws.getRow(1).font = font({ bold: true });
	return ws;
}

function styleRows(ws: ExcelJS.Worksheet): void {
	ws.eachRow((row) => {
		row.font = font({ bold: row.number === 1 });
		row.alignment = { vertical: 'top', wrapText: true };
	});
}

/** Sections I, II as written: the unit's own text, and on a level's report each unit's beneath it. */
function narrativeSheet(book: ExcelJS.Workbook, sheet: ReportSheet): void {
	const { sheets } = official;
	const ws = listSheet(book, sheets.narrative, [
		[sheets.section, 36],
		[sheets.unit, 30],
		[sheets.text, 90]
	]);
	for (const section of sheet.narrative) {
		ws.addRow([section.title, sheet.unitName, xmlText(section.text)]);
		for (const unit of section.units) ws.addRow([section.title, unit.unitName, xmlText(unit.text)]);
	}
	styleRows(ws);
}

/** The appendix's photos: each with its number as the document gives it, what, where, when. */
function photoSheet(book: ExcelJS.Workbook, sheet: ReportSheet): void {
	const { sheets, heads } = official;
	const ws = listSheet(book, sheets.photos, [
		[heads.stt, 6],
		[sheets.unit, 30],
		[sheets.what, 40],
		[sheets.where, 36],
		[sheets.when, 18],
		[sheets.photoId, 20],
		[sheets.note, 30]
	]);
	sheet.photos.forEach((photo, i) =>
		ws.addRow([
			i + 1,
			photo.unitName,
			photo.what,
			photo.where,
			formatDateTime(photo.when, 'vi'),
			photo.id,
			photo.demo ? official.appendix.demo : ''
		])
	);
	if (sheet.photos.length === 0) ws.addRow(['', official.appendix.none]);
	if (sheet.leftOut) ws.addRow(['', official.appendix.leftOut(sheet.leftOut)]);
	styleRows(ws);
}

/** CSV with a BOM: without it Excel reads UTF-8 as the local code page and mangles the diacritics. */
export function reportCsv(sheet: ReportSheet): string {
	const { template, figures } = sheet;
	const { heads } = official;
	const fields = [heads.stt, heads.activity, heads.measure, ...template.quantityColumns, heads.note];
	const data = template.rows.map((row) => {
		const own = figures[row.id] ?? {};
		const taken = cellsOf(row);
		const value = (cell: 'count' | 'people') => (taken.includes(cell) ? (own[cell] ?? '') : '');
		return [row.stt, row.label, row.measure, value('count'), value('people'), own.note || row.note];
	});
	// notes are typed by people: a leading "=" must not become a formula in whoever opens the file
	return `\uFEFF${Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' })}\r\n`;
}

/** "bao-cao-phuong-tan-phong.xlsx": ASCII only, so every browser and mail client keeps it. */
export function exportFileName(sheet: Pick<ReportSheet, 'unitName'>, ext: 'xlsx' | 'csv' | 'docx'): string {
	const slug = fold(sheet.unitName).replace(/ /g, '-').slice(0, 60).replace(/-+$/, '');
	return `bao-cao-${slug || 'don-vi'}.${ext}`;
}
