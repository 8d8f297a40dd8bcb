/**
 * Which trucks' names fit on the map without covering each other: a wall map of 330 trucks
 * labelled all at once is an unreadable block. Greedy, most telling first: a truck in trouble
 * keeps its name before one that is merely running. Pure: boxes in, ids out.
 */
import type { TruckStatus } from '$lib/trucks/types';

export interface LabelBox {
	id: string;
	left: number;
	top: number;
	right: number;
	bottom: number;
	/** lower first */
	rank: number;
}

/** The order in which names claim room: trouble first, then trucks under way. */
export const labelRank: Record<TruckStatus, number> = {
	incident: 0,
	lost: 1,
	stopped: 2,
	moving: 3,
	finished: 4,
	idle: 5
};

const overlaps = (a: LabelBox, b: LabelBox, gap: number) =>
	a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;

/** The boxes that lie wholly inside `area` and overlap no box placed before them (by rank, then id). */
export function labelsWithRoom(
	boxes: LabelBox[],
	area: { left: number; top: number; right: number; bottom: number },
	gap = 2
): Set<string> {
	const placed: LabelBox[] = [];
	const order = [...boxes].sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	for (const box of order) {
		const inside =
			box.left >= area.left && box.top >= area.top && box.right <= area.right && box.bottom <= area.bottom;
		if (inside && !placed.some((p) => overlaps(p, box, gap))) placed.push(box);
	}
	return new Set(placed.map((b) => b.id));
}
