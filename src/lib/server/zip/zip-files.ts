/**
 * Small files put in one zip and taken out of one: what a report package is (package/). Writing
 * deflates each file and lays them out with rezip.ts; reading goes through unzip-within.ts first
 * (the directory and the file agree, the unzipped size is within the limit), then inflates what
 * was counted and checks each file against its CRC, so a damaged file is refused, not half read.
 */
import zlib from 'node:zlib';
import { rezip } from './rezip';
import { unzipWithin, type CheckedEntry } from './unzip-within';

const stored = 0;
const deflated = 8;

export interface ZipFile {
	name: string;
	bytes: Buffer;
}

/** The files as one zip, in the order given. */
export function zipFiles(files: ZipFile[]): Buffer {
	const entries: CheckedEntry[] = files.map(({ name, bytes }) => ({
		name,
		method: deflated,
		crc: zlib.crc32(bytes),
		compressed: zlib.deflateRawSync(bytes),
		size: bytes.length
	}));
	return rezip(entries);
}

/** The zip's files by name, each within `limit` bytes unzipped in all; or why not. */
export async function unzipFiles(
	bytes: Buffer,
	limit: number
): Promise<Map<string, Buffer> | 'too-large' | 'unreadable'> {
	const entries = await unzipWithin(bytes, limit);
	if (typeof entries === 'string') return entries;
	const files = new Map<string, Buffer>();
	for (const entry of entries) {
		let data: Buffer;
		try {
			// counted already (unzipWithin): inflating it now holds no more than the limit
			data = entry.method === stored ? entry.compressed : zlib.inflateRawSync(entry.compressed);
		} catch {
			return 'unreadable';
		}
		if (data.length !== entry.size || zlib.crc32(data) >>> 0 !== entry.crc >>> 0) return 'unreadable';
		files.set(entry.name, data);
	}
	return files;
}
