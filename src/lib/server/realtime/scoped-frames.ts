/**
 * A level's copy of the fleet's position frame: only the trucks of its subtree, each numbered as
 * the level's pages list them (the fleet's order, filtered to the level). A ward's screen never
 * receives where another ward's trucks are.
 */
import type { PositionFrame } from '$lib/trucks/types';

/** the fleet's index of each truck → its index in the level's list; absent: not the level's */
type Renumbering = Map<number, number>;

export class ScopedFrames {
	#trucks: readonly { unitId: string }[] | null = null;
	#renumberings = new Map<ReadonlySet<string>, Renumbering>();

	/** The frame for a level whose units are `within`; null when none of its trucks moved. */
	frameFor(
		frame: PositionFrame,
		trucks: readonly { unitId: string }[],
		within: ReadonlySet<string>
	): PositionFrame | null {
		// a reloaded fleet (an import) lists its trucks anew: number them again
		if (trucks !== this.#trucks) {
			this.#trucks = trucks;
			this.#renumberings.clear();
		}
		let renumbering = this.#renumberings.get(within);
		if (!renumbering) {
			renumbering = new Map();
			trucks.forEach((t, i) => {
				if (within.has(t.unitId)) renumbering!.set(i, renumbering!.size);
			});
			this.#renumberings.set(within, renumbering);
		}
		const p: PositionFrame['p'] = [];
		for (const entry of frame.p) {
			const index = renumbering.get(entry[0]);
			if (index !== undefined) p.push([index, entry[1], entry[2], entry[3], entry[4], entry[5]]);
		}
		return p.length ? { t: frame.t, p } : null;
	}
}

/** The units some ops room or display is scoped to right now, from the `ops@<unit>` rooms there are. */
export function levelScopes(rooms: Iterable<string>): Set<string> {
	const scopes = new Set<string>();
	for (const room of rooms) {
		const match = /^(?:ops|display)@(.+)$/.exec(room);
		if (match && match[1] !== '*') scopes.add(match[1]);
	}
	return scopes;
}
