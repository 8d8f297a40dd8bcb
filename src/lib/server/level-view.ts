/**
 * What a page shows of the event for its reader's level: the lists it loads are filtered by
 * these, so a coordinator of Quận 7 gets Quận 7's units, trucks, items, notices, run of show and
 * ceremony, and the whole event's readers get everything (the top level's run of show and ceremony).
 */
import { feedRooms, inScope, scopeOf, type Actor } from './access';
import { ownCeremony } from './ceremony/own';
import { db } from './db';
import { unitTree } from './scenario/tree';

export type LevelView = ReturnType<typeof levelView>;

export function levelView(actor: Actor) {
	const within = scopeOf(actor);
	const tree = unitTree(db());
	return {
		/** the unit whose subtree the reader sees; null: the whole event */
		within,
		/** whether a unit's things are the reader's */
		mine: inScope(actor),
		/** notices the level's staff hear: to its units and to the units above it; null: all */
		noticeReach: within ? [...tree.subtreeOf(within), ...tree.lineOf(within).slice(1)] : null,
		/** the ceremony the reader's pages show: their level's own (none: it holds none) */
		ceremonyId: ownCeremony(db(), actor).id,
		/** the rooms of the level's ops feed (`ops`, or `ops@<unit>` and `ops@*`) */
		opsFeed: feedRooms(actor, 'ops'),
		displayFeed: feedRooms(actor, 'display')
	};
}
