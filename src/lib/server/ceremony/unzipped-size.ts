/**
 * Whether a zip file (an .xlsx) stays within a size once unzipped, known before anything reads
 * it: first the sizes its central directory declares (a bomb that tells the truth is refused
 * without inflating a byte), then each entry's data really inflated, one entry at a time, cut
 * off as soon as the total passes the limit (the declared sizes are only the file's word).
 * The listed entries must fill the file up to the directory: an entry left out of it would be
 * read by the spreadsheet reader (which walks the entries in order) and never checked here.
 * Nothing inflated is kept. Only deflated and stored entries, as every spreadsheet writes them.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const inflateRaw = promisify(zlib.inflateRaw);

const endSignature = 0x06054b50;
const entrySignature = 0x02014b50;
const localSignature = 0x04034b50;
const stored = 0;
const deflated = 8;
/** flag: the sizes follow the data (a data descriptor of up to 24 bytes) */
const sizesAfterData = 0x08;

interface Entry {
	flags: number;
	method: number;
	compressedSize: number;
	declaredSize: number;
	localHeader: number;
}

/** The entries its central directory lists and where that starts; null when it cannot be read. */
function directory(bytes: Buffer): { entries: Entry[]; start: number } | null {
	// the end record: 22 bytes and a comment of up to 64 KB, at the very end of the file
	let end = -1;
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
		if (bytes.readUInt32LE(at) === endSignature) {
			end = at;
			break;
		}
	if (end < 0) return null;
	const entries: Entry[] = [];
	const start = bytes.readUInt32LE(end + 16);
	let at = start;
	for (let n = bytes.readUInt16LE(end + 10); n > 0; n--) {
		if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== entrySignature) return null;
		entries.push({
			flags: bytes.readUInt16LE(at + 8),
			method: bytes.readUInt16LE(at + 10),
			compressedSize: bytes.readUInt32LE(at + 20),
			declaredSize: bytes.readUInt32LE(at + 24),
			localHeader: bytes.readUInt32LE(at + 42)
		});
		at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
	}
	return { entries, start };
}

/** Where an entry's data starts (after its local header); null when there is no local header. */
function dataStart(bytes: Buffer, entry: Entry): number | null {
	const at = entry.localHeader;
	if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== localSignature) return null;
	return at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
}

/** Every byte before the directory belongs to a listed entry (its header, data and descriptor). */
function fillsTheFile(bytes: Buffer, entries: Entry[], directoryStart: number): boolean {
	let least = 0;
	let most = 0;
	for (const entry of entries) {
		const start = dataStart(bytes, entry);
		if (start === null) return false;
		least += start - entry.localHeader + entry.compressedSize;
		most += start - entry.localHeader + entry.compressedSize + (entry.flags & sizesAfterData ? 24 : 0);
	}
	return least <= directoryStart && directoryStart <= most;
}

export async function unzippedSize(
	bytes: Buffer,
	limit: number
): Promise<'within' | 'too-large' | 'unreadable'> {
	const zip = directory(bytes);
	if (!zip || !fillsTheFile(bytes, zip.entries, zip.start)) return 'unreadable';
	if (zip.entries.reduce((sum, e) => sum + e.declaredSize, 0) > limit) return 'too-large';
	let total = 0;
	for (const entry of zip.entries) {
		if (entry.method !== stored && entry.method !== deflated) return 'unreadable';
		// to the end of the file: inflating stops where the entry's stream does, whatever it declared
		const data = bytes.subarray(dataStart(bytes, entry)!);
		try {
			total +=
				entry.method === stored
					? entry.compressedSize
					: (await inflateRaw(data, { maxOutputLength: limit - total + 1 })).length;
		} catch (error) {
			return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'unreadable';
		}
		if (total > limit) return 'too-large';
	}
	return 'within';
}
