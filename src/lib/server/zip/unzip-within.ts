/**
 * A zip file (an .xlsx) checked here, within an unzipped size, before anything else reads it. A
 * streaming reader (exceljs) walks the entries' local headers in file order, while a check reads
 * the central directory, so the two must be made to agree: the directory must list every entry
 * once, in file order, each starting where the one before it ended and the last ending where the
 * directory starts (no byte of the file left unlisted, none listed twice). Then each entry is
 * inflated here and the bytes it really gives are counted, stopped as soon as the total passes the
 * limit (a bomb that tells the truth is refused by its declared sizes first, without inflating a
 * byte); nothing inflated is kept. The reader is then given the entries written again (rezip.ts),
 * not the file: it inflates exactly the data that was counted here, and nothing else.
 * Only deflated and stored entries, as every spreadsheet writes them; no zip64, no encryption.
 */
import zlib from 'node:zlib';

const endSignature = 0x06054b50;
const entrySignature = 0x02014b50;
const localSignature = 0x04034b50;
const descriptorSignature = 0x08074b50;
const stored = 0;
const deflated = 8;
/** flags: encrypted; the sizes follow the data (a data descriptor) */
const encrypted = 0x01;
const sizesAfterData = 0x08;
/** a size or offset this large means zip64: not a guest list */
const zip64 = 0xffffffff;

/** an entry as checked: its data still compressed, and its real size once unzipped */
export interface CheckedEntry {
	name: string;
	method: number;
	crc: number;
	compressed: Buffer;
	size: number;
}

interface Listed {
	name: string;
	crc: number;
	flags: number;
	method: number;
	compressedSize: number;
	declaredSize: number;
	localHeader: number;
}

/** The entries its central directory lists and where that starts; null when it cannot be read. */
function directory(bytes: Buffer): { listed: Listed[]; start: number } | null {
	// the end record: 22 bytes and a comment of up to 64 KB, at the very end of the file
	let end = -1;
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
		if (bytes.readUInt32LE(at) === endSignature) {
			end = at;
			break;
		}
	if (end < 0) return null;
	const listed: Listed[] = [];
	const start = bytes.readUInt32LE(end + 16);
	let at = start;
	for (let n = bytes.readUInt16LE(end + 10); n > 0; n--) {
		if (at + 46 > end || bytes.readUInt32LE(at) !== entrySignature) return null;
		const nameLength = bytes.readUInt16LE(at + 28);
		listed.push({
			name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
			crc: bytes.readUInt32LE(at + 16),
			flags: bytes.readUInt16LE(at + 8),
			method: bytes.readUInt16LE(at + 10),
			compressedSize: bytes.readUInt32LE(at + 20),
			declaredSize: bytes.readUInt32LE(at + 24),
			localHeader: bytes.readUInt32LE(at + 42)
		});
		at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
	}
	return at <= end ? { listed, start } : null;
}

/** inflated a piece at a time; each piece is counted and dropped */
const inflatePiece = 64 * 1024;

/**
 * How many bytes deflated data gives, counted as it streams: at most `most + 1` (then it stops),
 * holding one piece at a time, never the whole (a lying entry would otherwise be inflated into
 * one buffer of up to the whole limit only to be counted). Rejects on data that is not deflate.
 */
function inflatedSize(data: Buffer, most: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const inflate = zlib.createInflateRaw({ chunkSize: inflatePiece });
		let size = 0;
		inflate.on('data', (piece: Buffer) => {
			size += piece.length;
			if (size <= most) return;
			inflate.destroy();
			resolve(size);
		});
		inflate.on('end', () => resolve(size));
		inflate.on('error', reject);
		inflate.end(data);
	});
}

/** Where an entry's data starts (after its local header); null when there is no local header. */
function dataStart(bytes: Buffer, entry: Listed): number | null {
	const at = entry.localHeader;
	if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== localSignature) return null;
	return at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
}

/**
 * The entries in file order, each with its data (still compressed), when the directory accounts
 * for every byte before it exactly once; null otherwise (an entry hidden from it, one listed twice).
 */
function laidOut(
	bytes: Buffer,
	listed: Listed[],
	directoryStart: number
): { entry: Listed; data: Buffer }[] | null {
	const inOrder = [...listed].sort((a, b) => a.localHeader - b.localHeader);
	if (new Set(inOrder.map((e) => e.name)).size !== inOrder.length) return null;
	const laid: { entry: Listed; data: Buffer }[] = [];
	let next = 0;
	for (const entry of inOrder) {
		const { flags, method, compressedSize, declaredSize, localHeader } = entry;
		if (localHeader !== next || flags & encrypted || (method !== stored && method !== deflated)) return null;
		if (compressedSize === zip64 || declaredSize === zip64) return null;
		const start = dataStart(bytes, entry);
		if (start === null || start + compressedSize > directoryStart) return null;
		laid.push({ entry, data: bytes.subarray(start, start + compressedSize) });
		next = start + compressedSize;
		// a data descriptor (crc and both sizes), with its signature or without
		if (flags & sizesAfterData)
			next += next + 4 <= bytes.length && bytes.readUInt32LE(next) === descriptorSignature ? 16 : 12;
	}
	return next === directoryStart ? laid : null;
}

/** The zip's entries in file order, each counted unzipped; or why not. */
export async function unzipWithin(
	bytes: Buffer,
	limit: number
): Promise<CheckedEntry[] | 'too-large' | 'unreadable'> {
	const zip = directory(bytes);
	const laid = zip && laidOut(bytes, zip.listed, zip.start);
	if (!laid) return 'unreadable';
	if (laid.reduce((sum, { entry }) => sum + entry.declaredSize, 0) > limit) return 'too-large';
	const checked: CheckedEntry[] = [];
	let total = 0;
	for (const { entry, data } of laid) {
		let size: number;
		try {
			// the bytes it really gives, whatever it declared: stopped past what is left
			size = entry.method === stored ? data.length : await inflatedSize(data, limit - total);
		} catch {
			return 'unreadable';
		}
		total += size;
		if (total > limit) return 'too-large';
		checked.push({ name: entry.name, method: entry.method, crc: entry.crc, compressed: data, size });
	}
	return checked;
}
