/** Invitee lists as .xlsx files, honest or not. */
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

/** An .xlsx whose first sheet holds these rows (the first is the header). */
export async function xlsxOf(rows: string[][]): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet('Khách mời');
	for (const row of rows) sheet.addRow(row);
	return Buffer.from(await book.xlsx.writeBuffer());
}

export { lyingAboutSizes } from '../harness/zip.js';

const endSignature = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** The central directory's records, and where it starts. */
function directoryOf(zip: Buffer): { records: Buffer[]; start: number; end: number } {
	const end = zip.lastIndexOf(endSignature);
	const start = zip.readUInt32LE(end + 16);
	const records: Buffer[] = [];
	let at = start;
	for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
		const length = 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
		records.push(zip.subarray(at, at + length));
		at += length;
	}
	return { records, start, end };
}

/**
 * The same zip with entry `name` left out of its central directory and a stored padding entry,
 * exactly as long in the file, listed twice instead: the listed entries still add up to the bytes
 * before the directory, while a reader walking the entries in file order reads `name` too.
 */
export function hidingAnEntry(zip: Buffer, name: string): Buffer {
	const { records, start, end } = directoryOf(zip);
	const hidden = records.find((r) => r.toString('utf8', 46, 46 + r.readUInt16LE(28)) === name)!;
	const local = hidden.readUInt32LE(42);
	const length = 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28) + hidden.readUInt32LE(20);
	const padName = Buffer.from('docProps/pad.bin');
	const pad = Buffer.alloc(length - 30 - padName.length);
	const header = Buffer.alloc(30);
	header.writeUInt32LE(0x04034b50, 0);
	header.writeUInt16LE(20, 4); // version needed; flags 0, stored (0)
	header.writeUInt32LE(zlib.crc32(pad), 14);
	header.writeUInt32LE(pad.length, 18);
	header.writeUInt32LE(pad.length, 22);
	header.writeUInt16LE(padName.length, 26);
	const record = Buffer.alloc(46);
	record.writeUInt32LE(0x02014b50, 0);
	header.copy(record, 6, 4, 28); // the same fields, two bytes further on
	record.writeUInt16LE(20, 4);
	record.writeUInt32LE(start, 42); // the padding starts where the directory did
	const padRecord = Buffer.concat([record, padName]);
	const directory = Buffer.concat([...records.map((r) => (r === hidden ? padRecord : r)), padRecord]);
	const endRecord = Buffer.from(zip.subarray(end));
	endRecord.writeUInt16LE(records.length + 1, 8);
	endRecord.writeUInt16LE(records.length + 1, 10);
	endRecord.writeUInt32LE(directory.length, 12);
	endRecord.writeUInt32LE(start + length, 16);
	return Buffer.concat([zip.subarray(0, start), header, padName, pad, directory, endRecord]);
}
