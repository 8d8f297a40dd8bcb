// @ts-check
/**
 * Zip files that lie, shared by the tests and the benches (plain ESM JavaScript, see server.js).
 */

/**
 * Where each entry of the zip's central directory starts.
 * @param {Buffer} zip
 * @returns {number[]}
 */
function directoryEntries(zip) {
	const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	const entries = [];
	let at = zip.readUInt32LE(end + 16);
	for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
		entries.push(at);
		at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
	}
	return entries;
}

/**
 * What the zip's entries together say they hold unzipped, bytes.
 * @param {Buffer} zip
 */
export function declaredSize(zip) {
	return directoryEntries(zip).reduce((sum, at) => sum + zip.readUInt32LE(at + 24), 0);
}

/**
 * The same zip, every entry declaring `size` bytes unzipped (in its local header and in the directory).
 * @param {Buffer} zip
 * @param {number} size
 * @returns {Buffer}
 */
export function lyingAboutSizes(zip, size) {
	const out = Buffer.from(zip);
	for (const at of directoryEntries(out)) {
		out.writeUInt32LE(size, at + 24);
		out.writeUInt32LE(size, out.readUInt32LE(at + 42) + 22);
	}
	return out;
}
