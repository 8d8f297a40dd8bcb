/** Which truck a command is about, who may act on it, and who hears of it: shared by the truck commands. */
import { say } from '$lib/i18n';
import type { Target } from '../access';
import { CommandError } from '../commands/define';
import type { Db } from '../db';
import { truckUnit } from '../scenario/units';
import { fleet } from './live-fleet';

export function truckOrRefuse(truckId: string) {
	const truck = fleet().truck(truckId);
	if (!truck) throw new CommandError('not_found', say('trucks.refusal.noTruck', { truckId }));
	return truck;
}

/**
 * Who sees a truck's changes: the ops rooms and displays of its unit's levels and its own crew
 * (not other crews of its ward).
 */
export function truckAudience(truckId: string): { audience: string[]; about: string[] } {
	return { audience: ['ops', 'display', `truck:${truckId}`], about: unitsOf([truckId]) };
}

/** the units of the trucks (the levels above them see what happens to them) */
export function unitsOf(truckIds: string[]): string[] {
	return [...new Set(truckIds.flatMap((id) => fleet().truck(id)?.unitId ?? []))];
}

/** A truck with its unit, so a coordinator of a level acts only on the level's trucks. */
export function truckTarget(db: Db, truckId: string): Target {
	return { truckId, unitId: truckUnit(db, truckId) ?? null };
}
export const ownTruck = (p: { truckId: string }, db: Db) => truckTarget(db, p.truckId);
