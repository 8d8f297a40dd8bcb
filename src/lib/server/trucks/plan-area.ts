/**
 * Where the plan happens: its routes, checkpoints and places (the ceremonies, the units' offices,
 * the checklist items, the gathering points). With a wide margin, a truck's fix outside it is a phone's GPS glitch (0,0
 * before a lock, a cached place from another city), never a truck on the parade; as it is, it is
 * what every map shows first.
 */
import { planPlaces } from '$lib/scenario/places';
import { areaAround, type Area } from '$lib/trucks/geometry';
import { listItemSpecs } from '../checklists/store';
import type { Db } from '../db';
import { currentCeremonies, listMilestones, listRoutes, listTruckSpecs } from '../scenario/store';
import { unitTree } from '../scenario/tree';
import { expects, gatheringSpecs } from './gatherings';
import { listUnits } from '../scenario/units';

/** generous: a depot in the next province, a detour, an unplanned drive to the venue */
export const planMarginKm = 50;

/** every unit's: the whole event */
const everyUnit = () => true;

/**
 * The places of the plan, or (`mine`) of one level: its units, the routes its trucks drive and
 * its items, its ceremony and the gatherings its trucks go to.
 */
function placesOf(db: Db, mine: (unitId: string) => boolean = everyUnit): [number, number][] {
	const whole = mine === everyUnit;
	const trucks = listTruckSpecs(db).filter((t) => mine(t.unitId));
	const driven = new Set(trucks.flatMap((t) => (t.routeId ? [t.routeId] : [])));
	const gatherings = gatheringSpecs(listMilestones(db)).filter(
		(g) => whole || trucks.some((t) => expects(g, t.id))
	);
	return planPlaces({
		units: listUnits(db).filter((u) => mine(u.id)),
		routes: listRoutes(db).filter((r) => whole || driven.has(r.id)),
		checklistItems: listItemSpecs(db).filter((i) => mine(i.unitId)),
		ceremonies: currentCeremonies(db).filter((c) => mine(c.unitId ?? unitTree(db).root ?? '')),
		milestones: gatherings
	});
}

/** The plan's area, or null when the plan places nothing (then every fix is taken). */
export function planArea(db: Db): Area | null {
	return areaAround(placesOf(db), planMarginKm * 1000);
}

/**
 * What a map of the plan opens on: every place of it, or of the reader's level (`mine`); null
 * when it places nothing.
 */
export function planMapArea(db: Db, mine?: (unitId: string) => boolean): Area | null {
	return areaAround(placesOf(db, mine), 0);
}
