/**
 * Checked entries (unzip-within.ts) written as a zip again, in the same order and with the same
 * compressed data, each local header giving its sizes (no data descriptor to search for): what a
 * streaming reader walks is then exactly what was checked, however the original was laid out.
 */
import type { CheckedEntry } from './unzip-within';

const version = 20; // 2.0: stored or deflated, no zip64
/** flag: the name is UTF-8 */
const utf8Names = 0x800;

/** The fields a local header and the directory's record share, in that order (26 bytes). */
function shared(entry: CheckedEntry, name: Buffer): Buffer {
	const fields = Buffer.alloc(26);
	fields.writeUInt16LE(version, 0);
	fields.writeUInt16LE(utf8Names, 2);
	fields.writeUInt16LE(entry.method, 4);
	// time and date 0
	fields.writeUInt32LE(entry.crc, 10);
	fields.writeUInt32LE(entry.compressed.length, 14);
	fields.writeUInt32LE(entry.size, 18);
	fields.writeUInt16LE(name.length, 22);
	// no extra field
	return fields;
}

export function rezip(entries: CheckedEntry[]): Buffer {
	const files: Buffer[] = [];
	const records: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, 'utf8');
		const fields = shared(entry, name);
		const local = Buffer.alloc(4);
		local.writeUInt32LE(0x04034b50);
		const record = Buffer.alloc(46);
		record.writeUInt32LE(0x02014b50, 0);
		record.writeUInt16LE(version, 4);
		fields.copy(record, 6);
		record.writeUInt32LE(offset, 42);
		files.push(local, fields, name, entry.compressed);
		records.push(record, name);
		offset += local.length + fields.length + name.length + entry.compressed.length;
	}
	const directory = Buffer.concat(records);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	// one buffer, as the reader was always given the file
	return Buffer.concat([...files, directory, end]);
}
