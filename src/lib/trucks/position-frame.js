// @ts-check
/**
 * A position frame as it goes over the wire: binary, 11 bytes a truck. Every ops console and
 * wall screen gets one a second; at 330 moving trucks the JSON frame was 10.4 KB, this is 3.6 KB.
 *
 * Layout (little-endian): u8 version, f64 server time (ms; tools read it at byte 1), i32 south
 * and i32 west edge of the frame (degrees × 1e5); then per truck: u16 index in the page's list,
 * u24 latitude and u24 longitude above those edges (× 1e5: about a metre), u8 km/h (255: at least),
 * u16 progress ‰ + 1 (0: off its route) × 8 + status index.
 *
 * Plain JavaScript (typed by JSDoc) so the benches read frames with this same code.
 */
/** @typedef {import('./types').PositionFrame} PositionFrame */
/** @typedef {ArrayBuffer | Uint8Array} PackedFrame */

const version = 1;
const headerBytes = 17;
const truckBytes = 11;

/**
 * @param {PositionFrame} frame
 * @returns {Uint8Array}
 */
export function packFrame(frame) {
	let south = frame.p.length ? Infinity : 0;
	let west = south;
	for (const [, lat, lng] of frame.p) [south, west] = [Math.min(south, lat), Math.min(west, lng)];
	const bytes = new Uint8Array(headerBytes + truckBytes * frame.p.length);
	const view = new DataView(bytes.buffer);
	view.setUint8(0, version);
	view.setFloat64(1, frame.t, true);
	view.setInt32(9, south, true);
	view.setInt32(13, west, true);
	frame.p.forEach(([index, lat, lng, speed, progress, status], i) => {
		const at = headerBytes + i * truckBytes;
		view.setUint16(at, index, true);
		setUint24(view, at + 2, lat - south);
		setUint24(view, at + 5, lng - west);
		view.setUint8(at + 8, Math.max(0, Math.min(255, speed)));
		view.setUint16(at + 9, ((progress < 0 ? 0 : Math.min(1000, progress) + 1) << 3) | (status & 7), true);
	});
	return bytes;
}

/**
 * The frame's trucks, or null for bytes that are not a frame of this version.
 * @param {PackedFrame} packed
 * @returns {PositionFrame | null}
 */
export function unpackFrame(packed) {
	const bytes = packed instanceof Uint8Array ? packed : new Uint8Array(packed);
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (bytes.byteLength < headerBytes || (bytes.byteLength - headerBytes) % truckBytes) return null;
	if (view.getUint8(0) !== version) return null;
	const south = view.getInt32(9, true);
	const west = view.getInt32(13, true);
	/** @type {PositionFrame['p']} */
	const p = [];
	for (let at = headerBytes; at < bytes.byteLength; at += truckBytes) {
		const packedProgress = view.getUint16(at + 9, true);
		p.push([
			view.getUint16(at, true),
			south + getUint24(view, at + 2),
			west + getUint24(view, at + 5),
			view.getUint8(at + 8),
			(packedProgress >> 3) - 1,
			packedProgress & 7
		]);
	}
	return { t: view.getFloat64(1, true), p };
}

/**
 * The server time a frame was sent at, without reading its trucks (for the benches' clocks).
 * @param {PackedFrame} packed
 */
export function frameTime(packed) {
	const bytes = packed instanceof Uint8Array ? packed : new Uint8Array(packed);
	return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getFloat64(1, true);
}

/**
 * @param {DataView} view
 * @param {number} at
 * @param {number} value
 */
function setUint24(view, at, value) {
	view.setUint16(at, value & 0xffff, true);
	view.setUint8(at + 2, (value >> 16) & 0xff);
}

/**
 * @param {DataView} view
 * @param {number} at
 */
function getUint24(view, at) {
	return view.getUint16(at, true) | (view.getUint8(at + 2) << 16);
}
