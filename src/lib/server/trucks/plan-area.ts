/**
 * Where the plan happens: its routes, checkpoints and places (the ceremony, the units'
 * offices), with a wide margin. A truck's fix outside it is a phone's GPS glitch (0,0 before
 * a lock, a cached place from another city), never a truck on the parade.
 */
import { areaAround, type Area } from '$lib/trucks/geometry';
import type { Db } from '../db';
import { currentCeremony, listRoutes } from '../scenario/store';
import { listUnits } from '../scenario/units';

/** generous: a depot in the next province, a detour, an unplanned drive to the venue */
export const planMarginKm = 50;

/** The plan's area, or null when the plan places nothing (then every fix is taken). */
export function planArea(db: Db): Area | null {
	const venue = currentCeremony(db)?.position;
	const points: [number, number][] = [
		...listRoutes(db).flatMap((r) => [...r.line.coordinates, ...r.checkpoints.map((c) => c.position)]),
		...listUnits(db).flatMap((u) => (u.position ? [u.position] : [])),
		...(venue ? [venue] : [])
	];
	return areaAround(points, planMarginKm * 1000);
}
