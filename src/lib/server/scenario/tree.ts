/**
 * The unit tree of the current event, for scopes: a coordinator, a leader or a wall screen bound
 * to a unit acts and sees on that unit's subtree. Built once per import and kept; each lookup
 * checks the import it was built from, so a re-import (or one rolled back) is never read stale.
 */
import type { UnitKind } from '$lib/scenario/schema';
import { isLevel } from '$lib/units/kinds';
import type { Db } from '../db';

export interface UnitTree {
	/** the unit and its ancestors, nearest first; empty for a unit the plan does not have */
	lineOf(unitId: string): readonly string[];
	/** the unit and every unit beneath it */
	subtreeOf(unitId: string): ReadonlySet<string>;
	/**
	 * the level a unit belongs to: the nearest administrative unit at or above it (an office of
	 * Quận 7 belongs to Quận 7); the top of the tree when there is none
	 */
	levelOf(unitId: string): string | null;
	/** the unit at the top of the tree */
	readonly root: string | null;
}

interface Built {
	importedAt: number | null;
	tree: UnitTree;
}

const built = new WeakMap<Db, Built>();

function importedAt(db: Db): number | null {
	const row = db.prepare('SELECT imported_at FROM event_info LIMIT 1').get() as
		{ imported_at: number } | undefined;
	return row?.imported_at ?? null;
}

function build(db: Db): UnitTree {
	const rows = db.prepare('SELECT id, parent_id, kind FROM units ORDER BY sort').all() as {
		id: string;
		parent_id: string | null;
		kind: UnitKind;
	}[];
	const kindOf = new Map(rows.map((r) => [r.id, r.kind]));
	const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
	const children = new Map<string, string[]>();
	for (const { id, parent_id } of rows)
		if (parent_id) children.set(parent_id, [...(children.get(parent_id) ?? []), id]);
	const lines = new Map<string, string[]>();
	const subtrees = new Map<string, Set<string>>();
	const root = rows.find((r) => !r.parent_id)?.id ?? null;
	const tree: UnitTree = {
		root,
		levelOf(unitId) {
			// the kinds of unit that run a day of their own: the levels of local government
			return tree.lineOf(unitId).find((id) => isLevel(kindOf.get(id)!)) ?? root;
		},
		lineOf(unitId) {
			let line = lines.get(unitId);
			if (!line) {
				line = [];
				// the import refuses cycles; the bound is a guard, not a rule
				for (let at: string | null | undefined = unitId; at && parentOf.has(at); at = parentOf.get(at)) {
					line.push(at);
					if (line.length > rows.length) break;
				}
				lines.set(unitId, line);
			}
			return line;
		},
		subtreeOf(unitId) {
			let subtree = subtrees.get(unitId);
			if (!subtree) {
				subtree = new Set(parentOf.has(unitId) ? [unitId] : []);
				for (const id of subtree) for (const child of children.get(id) ?? []) subtree.add(child);
				subtrees.set(unitId, subtree);
			}
			return subtree;
		}
	};
	return tree;
}

export function unitTree(db: Db): UnitTree {
	const at = importedAt(db);
	const kept = built.get(db);
	if (kept && kept.importedAt === at) return kept.tree;
	const tree = build(db);
	built.set(db, { importedAt: at, tree });
	return tree;
}

/** Called by the import: the next lookup builds the tree again. */
export function forgetUnitTree(db: Db): void {
	built.delete(db);
}
