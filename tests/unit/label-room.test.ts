import { describe, expect, it } from 'vitest';
import { labelsWithRoom, type LabelBox } from '../../src/lib/ui/map/label-room';

const area = { left: 0, top: 0, right: 400, bottom: 300 };
const box = (id: string, left: number, top: number, rank = 3): LabelBox => ({
	id,
	left,
	top,
	right: left + 60,
	bottom: top + 16,
	rank
});

describe('truck names with room on the map', () => {
	it('keeps every name when none touch', () => {
		expect(labelsWithRoom([box('a', 10, 10), box('b', 10, 40), box('c', 200, 10)], area)).toEqual(
			new Set(['a', 'b', 'c'])
		);
	});

	it('drops a name that would cover one already placed, trouble placed first', () => {
		const shown = labelsWithRoom([box('running', 10, 10, 3), box('incident', 30, 14, 0)], area);
		expect(shown).toEqual(new Set(['incident']));
	});

	it('leaves out a name that runs past the map’s edge', () => {
		expect(labelsWithRoom([box('edge', 360, 10), box('in', 10, 10)], area)).toEqual(new Set(['in']));
	});

	it('of 330 names on one spot, shows one; spread over the map, none overlap', () => {
		const pile = Array.from({ length: 330 }, (_, i) => box(`t${i}`, 100 + (i % 3), 100));
		expect(labelsWithRoom(pile, area).size).toBe(1);
		const spread = Array.from({ length: 330 }, (_, i) => box(`t${i}`, (i * 37) % 340, (i * 53) % 284));
		const shown = [...labelsWithRoom(spread, area)].map((id) => spread.find((b) => b.id === id)!);
		for (const a of shown)
			for (const b of shown)
				if (a !== b)
					expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
		expect(shown.length).toBeGreaterThan(20);
	});
});
