/** The units a checklist is kept for (đơn vị có bảng việc). */
import type { Unit } from '$lib/scenario/schema';
import { isArea } from '$lib/units/kinds';
import type { Db } from '../db';
import type { LevelView } from '../level-view';
import { listUnits, organizerUnit } from '../scenario/units';

/**
 * Of the reader's level: every unit with items of its own, and the areas right below the level's
 * unit (a district's wards, a city's districts, a ward's tổ dân phố; the organizer's for the whole
 * event) even before they have any, so that the ops room sees them and can give them some. In the
 * plan's order.
 */
export function checklistUnits(db: Db, level: Pick<LevelView, 'within' | 'mine'>): Unit[] {
	const withItems = new Set(
		(db.prepare('SELECT DISTINCT unit_id FROM checklist_items').all() as { unit_id: string }[]).map(
			(r) => r.unit_id
		)
	);
	const top = level.within ?? organizerUnit(db)?.id;
	return listUnits(db).filter(
		(unit) => level.mine(unit.id) && (withItems.has(unit.id) || (unit.parentId === top && isArea(unit.kind)))
	);
}
