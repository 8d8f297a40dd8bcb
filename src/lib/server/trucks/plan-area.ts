/**
 * Where the plan happens: its routes, checkpoints and places (the ceremony, the units' offices,
 * the checklist items). With a wide margin, a truck's fix outside it is a phone's GPS glitch (0,0
 * before a lock, a cached place from another city), never a truck on the parade; as it is, it is
 * what every map shows first.
 */
import { planPlaces } from '$lib/scenario/places';
import { areaAround, type Area } from '$lib/trucks/geometry';
import { listItemSpecs } from '../checklists/store';
import type { Db } from '../db';
import { currentCeremony, listRoutes } from '../scenario/store';
import { listUnits } from '../scenario/units';

/** generous: a depot in the next province, a detour, an unplanned drive to the venue */
export const planMarginKm = 50;

function placesOf(db: Db): [number, number][] {
	return planPlaces({
		units: listUnits(db),
		routes: listRoutes(db),
		checklistItems: listItemSpecs(db),
		ceremony: currentCeremony(db)
	});
}

/** The plan's area, or null when the plan places nothing (then every fix is taken). */
export function planArea(db: Db): Area | null {
	return areaAround(placesOf(db), planMarginKm * 1000);
}

/** What a map of the plan opens on: every place of it; null when it places nothing. */
export function planMapArea(db: Db): Area | null {
	return areaAround(placesOf(db), 0);
}
