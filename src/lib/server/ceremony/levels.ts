/**
 * Which ceremony belongs to which level: each ceremony is run by the level of its unit (the top's
 * when it has none), and a unit's people attend the nearest ceremony at or above it: Quận 7's gate
 * stands at Quận 7's ceremony if it holds one, else at the city's.
 */
import type { Db } from '../db';
import { unitTree } from '../scenario/tree';

/** The level (a unit id; the top of the tree for the top's) that runs each ceremony, by ceremony id. */
export function ceremonyLevels(db: Db): Map<string, string | null> {
	const tree = unitTree(db);
	const rows = db.prepare('SELECT id, unit_id FROM ceremonies ORDER BY sort').all() as {
		id: string;
		unit_id: string | null;
	}[];
	return new Map(rows.map((r) => [r.id, r.unit_id ? tree.levelOf(r.unit_id) : tree.root]));
}

/** The ceremony a level runs itself, if it holds one. */
export function ceremonyRunBy(db: Db, level: string | null): string | undefined {
	for (const [id, at] of ceremonyLevels(db)) if (at === level) return id;
	return undefined;
}

/**
 * The ceremony a unit's people attend: the nearest at or above it (null unit: the top's), and the
 * level that runs it; the top level when no ceremony is at or above it.
 */
export function ceremonyAttended(db: Db, unitId: string | null): { id?: string; level: string | null } {
	const tree = unitTree(db);
	const byLevel = new Map([...ceremonyLevels(db)].map(([id, level]) => [level, id]));
	for (const level of unitId ? tree.lineOf(unitId) : [])
		if (byLevel.has(level)) return { id: byLevel.get(level), level };
	return { id: byLevel.get(tree.root), level: tree.root };
}
