/** Invitee lists as .xlsx files, honest or not. */
import ExcelJS from 'exceljs';

/** An .xlsx whose first sheet holds these rows (the first is the header). */
export async function xlsxOf(rows: string[][]): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet('Khách mời');
	for (const row of rows) sheet.addRow(row);
	return Buffer.from(await book.xlsx.writeBuffer());
}

/** The same zip, every entry declaring `size` bytes unzipped (in its local header and in the directory). */
export function lyingAboutSizes(zip: Buffer, size: number): Buffer {
	const out = Buffer.from(zip);
	const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	let at = out.readUInt32LE(end + 16);
	for (let n = out.readUInt16LE(end + 10); n > 0; n--) {
		out.writeUInt32LE(size, at + 24);
		out.writeUInt32LE(size, out.readUInt32LE(at + 42) + 22);
		at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
	}
	return out;
}
