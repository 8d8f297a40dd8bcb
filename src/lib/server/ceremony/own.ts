/**
 * The ceremony a person's pages and commands are about when they name none: a level's coordinator,
 * leader or wall screen, the one their level runs; a gate, the one its unit attends (the nearest
 * at or above it). A ceremony named is taken as named, and authorize() judges it by its unit.
 */
import { say } from '$lib/i18n';
import { topCeremonyId } from '$lib/scenario/schema';
import { scopeOf, type Actor } from '../access';
import { CommandError } from '../commands/define';
import type { Db } from '../db';
import { unitTree } from '../scenario/tree';
import { ceremonyAttended, ceremonyRunBy } from './levels';
import { getCeremony } from './store';

export interface CeremonyPlace {
	/** the ceremony; none: the level holds none (yet) */
	id?: string;
	/** the unit it belongs to, for authorize(): its level's (the top of the tree for the top's) */
	unitId: string | null;
}

export function ownCeremony(db: Db, actor: Actor): CeremonyPlace {
	if (actor.kind === 'user' && actor.role === 'gate_staff') {
		const { id, level } = ceremonyAttended(db, actor.unitId);
		return { id, unitId: level };
	}
	const level = scopeOf(actor) ?? unitTree(db).root;
	return { id: ceremonyRunBy(db, level), unitId: level };
}

/** The ceremony a command acts on: the one it names (refused when there is none such), or the actor's own. */
export function ceremonyFor(db: Db, actor: Actor, ceremonyId: string | undefined): CeremonyPlace {
	if (!ceremonyId) return ownCeremony(db, actor);
	const ceremony = getCeremony(db, ceremonyId);
	if (!ceremony) throw new CommandError('not_found', say('ceremony.refusal.noCeremony'));
	return { id: ceremony.id, unitId: ceremony.unitId ?? unitTree(db).root };
}

/** The ceremony a command acts on, which must exist (all but the setup, which may create it). */
export function existingCeremony(
	db: Db,
	actor: Actor,
	ceremonyId: string | undefined
): Required<CeremonyPlace> {
	const place = ceremonyFor(db, actor, ceremonyId);
	if (!place.id) throw new CommandError('not_found', say('ceremony.refusal.noCeremony'));
	return { id: place.id, unitId: place.unitId };
}

/** The id a level's first ceremony is saved under: the top's as a plan's single `ceremony`, a level's by its unit. */
export function newCeremonyId(db: Db, level: string | null): string {
	return !level || level === unitTree(db).root ? topCeremonyId : level;
}

/**
 * The ceremony a page shows: the one asked for (`?ceremony=`: a level's below, from the top's
 * overview), else the reader's own. One asked for that does not exist is the reader's own; one
 * outside the reader's scope is refused by the page's read (requireActor on its unit).
 */
export function ceremonyShown(db: Db, actor: Actor, asked: string | null): CeremonyPlace {
	const ceremony = asked ? getCeremony(db, asked) : undefined;
	if (!ceremony) return ownCeremony(db, actor);
	return { id: ceremony.id, unitId: ceremony.unitId ?? unitTree(db).root };
}
