/**
 * The position frame as it goes over the wire to every ops console and wall screen once a
 * second: 330 moving trucks fit in 4 KB, and what is read back is what was sent.
 */
import { describe, expect, it } from 'vitest';
import { frameTime, packFrame, unpackFrame } from '../../src/lib/trucks/position-frame.js';
import type { PositionFrame } from '../../src/lib/trucks/types';

/** 330 trucks spread over a province (~1.5° across), each moving, in every status. */
function province(count = 330): PositionFrame {
	return {
		t: Date.UTC(2026, 9, 3, 1, 30, 12, 345),
		p: Array.from({ length: count }, (_, i) => [
			i,
			Math.round((10.3 + (i % 37) * 0.04) * 1e5),
			Math.round((106.2 + Math.floor(i / 37) * 0.17) * 1e5),
			(i * 7) % 60,
			i % 3 ? (i * 13) % 1001 : -1,
			i % 6
		])
	};
}

describe('a packed position frame', () => {
	it('holds 330 moving trucks in at most 4 KB', () => {
		expect(packFrame(province()).byteLength).toBeLessThanOrEqual(4096);
	});

	it('reads back exactly what was sent: index, position to a metre, speed, progress, status', () => {
		const frame = province();
		expect(unpackFrame(packFrame(frame))).toEqual(frame);
		expect(frameTime(packFrame(frame))).toBe(frame.t);
	});

	it('reads from an ArrayBuffer (a browser) as from a Buffer (node)', () => {
		const packed = packFrame(province(3));
		const copy = new Uint8Array(packed).buffer; // a browser's socket.io gives an ArrayBuffer
		expect(unpackFrame(copy)).toEqual(province(3));
		expect(unpackFrame(Buffer.from(packed))).toEqual(province(3));
	});

	it('caps a speed past 255 km/h and keeps a truck off its route as -1', () => {
		const frame: PositionFrame = { t: 1, p: [[4, 1_075_000, 10_670_000, 400, -1, 1]] };
		expect(unpackFrame(packFrame(frame))?.p[0]).toEqual([4, 1_075_000, 10_670_000, 255, -1, 1]);
	});

	it('refuses bytes that are not a frame', () => {
		expect(unpackFrame(new Uint8Array([1, 2, 3]))).toBeNull();
		const other = packFrame(province(2));
		other[0] = 9; // another version
		expect(unpackFrame(other)).toBeNull();
	});
});
