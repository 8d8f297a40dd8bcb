/**
 * Each level's copy of the position frame: only the trucks of its subtree, numbered as its pages
 * list them (the fleet's order, filtered to the level); a level none of whose trucks moved gets
 * none. A district and its ward, both watched, each get their own cut.
 */
import { describe, expect, it } from 'vitest';
import { levelScopes, ScopedFrames } from '../../src/lib/server/realtime/scoped-frames';
import type { PositionFrame } from '../../src/lib/trucks/types';

// a province (its Sở's truck), a district with two wards, a third ward right under the province
const trucks = [
	{ unitId: 'phuong-1' }, // 0
	{ unitId: 'phuong-2' }, // 1
	{ unitId: 'so' }, // 2
	{ unitId: 'phuong-1' }, // 3
	{ unitId: 'quan' }, // 4
	{ unitId: 'xa-3' } // 5
];
const scopes = new Map<string, ReadonlySet<string>>([
	['phuong-1', new Set(['phuong-1', 'truong-1'])],
	['phuong-2', new Set(['phuong-2'])],
	['quan', new Set(['quan', 'phuong-1', 'truong-1', 'phuong-2'])],
	['xa-3', new Set(['xa-3'])]
]);
/** truck i at (10 + i, 106 + i), moving, its progress i */
const at = (i: number): PositionFrame['p'][number] => [i, 1_000_000 + i, 10_600_000 + i, 12, i, 1];
const moved = (...indexes: number[]): PositionFrame => ({ t: 1_728_000_000_000, p: indexes.map(at) });
/** truck `i` of the fleet as entry `index` of a level's frame */
const as = (index: number, i: number) => [index, ...at(i).slice(1)];

/** each level's frame of the second, as the server cuts them: scope → frame, none where nothing moved */
function framesFor(cut: ScopedFrames, frame: PositionFrame, fleet: { unitId: string }[], watched = scopes) {
	const frames = new Map<string, PositionFrame>();
	for (const [scope, within] of watched) {
		const scoped = cut.frameFor(frame, fleet, within);
		if (scoped) frames.set(scope, scoped);
	}
	return frames;
}

describe("a level's frame", () => {
	it('has its own trucks only, numbered in the fleet order of its own list', () => {
		const frames = framesFor(new ScopedFrames(), moved(0, 1, 2, 3), trucks);
		expect(Object.fromEntries(frames)).toEqual({
			'phuong-1': { t: 1_728_000_000_000, p: [as(0, 0), as(1, 3)] },
			'phuong-2': { t: 1_728_000_000_000, p: [as(0, 1)] },
			quan: { t: 1_728_000_000_000, p: [as(0, 0), as(1, 1), as(2, 3)] }
		});
	});

	it('keeps the numbering of the whole list when only some of its trucks moved', () => {
		const frames = framesFor(new ScopedFrames(), moved(3, 4, 5), trucks);
		expect(frames.get('phuong-1')?.p).toEqual([as(1, 3)]);
		expect(frames.get('quan')?.p).toEqual([as(2, 3), as(3, 4)]);
		expect(frames.get('xa-3')?.p).toEqual([as(0, 5)]);
		expect(frames.has('phuong-2')).toBe(false);
	});

	it('is numbered anew when the fleet is listed anew (an import)', () => {
		const cut = new ScopedFrames();
		framesFor(cut, moved(0, 3), trucks);
		const reloaded = [{ unitId: 'phuong-2' }, { unitId: 'phuong-1' }, { unitId: 'phuong-1' }];
		const frames = framesFor(cut, moved(0, 2), reloaded);
		expect(frames.get('phuong-1')?.p).toEqual([as(1, 2)]);
		expect(frames.get('phuong-2')?.p).toEqual([as(0, 0)]);
		expect(frames.get('quan')?.p).toEqual([as(0, 0), as(2, 2)]);
	});

	it('is cut for a scope watched later, without changing the others', () => {
		const cut = new ScopedFrames();
		const some = new Map([...scopes].filter(([scope]) => scope !== 'quan'));
		expect([...framesFor(cut, moved(0, 1), trucks, some).keys()]).toEqual(['phuong-1', 'phuong-2']);
		const frames = framesFor(cut, moved(0, 1), trucks);
		expect(frames.get('quan')?.p).toEqual([as(0, 0), as(1, 1)]);
		expect(frames.get('phuong-1')?.p).toEqual([as(0, 0)]);
	});
});

describe('the scopes watched', () => {
	it("are the units of the level rooms there are; the whole event's and other rooms are not", () => {
		const rooms = ['ops', 'display', 'ops@*', 'ops@quan', 'display@quan', 'display@phuong-1', 'gate@xa-3'];
		expect([...levelScopes([...rooms, 'unit:phuong-2', 'under:xa-3', 'abc123socketid'])]).toEqual([
			'quan',
			'phuong-1'
		]);
	});
});
