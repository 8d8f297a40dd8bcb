/** Invitee lists as .xlsx files, honest or not. */
import ExcelJS from 'exceljs';

/** An .xlsx whose first sheet holds these rows (the first is the header). */
export async function xlsxOf(rows: string[][]): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet('Khách mời');
	for (const row of rows) sheet.addRow(row);
	return Buffer.from(await book.xlsx.writeBuffer());
}

export { lyingAboutSizes } from '../harness/zip.js';
