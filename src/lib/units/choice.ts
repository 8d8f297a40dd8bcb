/**
 * Many units chosen at once, by kind, by the unit they come under, or both: "every district",
 * "every unit under a ward", "every primary school under it". One reading for the
 * command that acts on them and the form that says beforehand who they will be.
 */
import type { UnitKind } from '$lib/scenario/schema';

export interface UnitChoice {
	/** of this kind; any kind when null */
	unitKind: UnitKind | null;
	/** under this unit, at any depth (not the unit itself); anywhere when null */
	under: string | null;
}

type TreeUnit = { id: string; kind: UnitKind; parentId: string | null };

/** Every unit below `id`, at any depth, in the order of `units`. */
export function unitsBelow<U extends TreeUnit>(units: U[], id: string): U[] {
	const below = new Set<string>();
	let frontier = new Set([id]);
	while (frontier.size) {
		const next = new Set<string>();
		for (const unit of units)
			if (unit.parentId !== null && frontier.has(unit.parentId) && unit.id !== id && !below.has(unit.id)) {
				below.add(unit.id);
				next.add(unit.id);
			}
		frontier = next;
	}
	return units.filter((unit) => below.has(unit.id));
}

/** The units a choice names, in the order of `units`. */
export function chosenUnits<U extends TreeUnit>(units: U[], choice: UnitChoice): U[] {
	const within = choice.under === null ? units : unitsBelow(units, choice.under);
	return choice.unitKind === null ? within : within.filter((unit) => unit.kind === choice.unitKind);
}
