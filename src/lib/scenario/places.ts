/**
 * Every place a plan puts on a map: its units' offices, its routes and their checkpoints, its
 * checklist items, its ceremonies, the gathering points. A map opens on them; the fleet screens out GPS fixes far from
 * them. From lists (a page's, or a narrower one), [lng, lat] as in the scenario file.
 */
type LngLat = [number, number];

export interface PlaceLists {
	units?: readonly { position?: LngLat }[];
	routes?: readonly { line: { coordinates: LngLat[] }; checkpoints: readonly { position: LngLat }[] }[];
	checklistItems?: readonly { position?: LngLat }[];
	ceremonies?: readonly { position?: LngLat }[];
	/** milestones: a gathering's point (the others place nothing) */
	milestones?: readonly { position?: LngLat }[];
}

const placed = (list: readonly { position?: LngLat }[] = []): LngLat[] =>
	list.flatMap((x) => (x.position ? [x.position] : []));

export function planPlaces({
	units,
	routes = [],
	checklistItems,
	ceremonies,
	milestones
}: PlaceLists): LngLat[] {
	return [
		...placed(units),
		...routes.flatMap((r) => [...r.line.coordinates, ...r.checkpoints.map((c) => c.position)]),
		...placed(checklistItems),
		...placed(ceremonies),
		...placed(milestones)
	];
}
