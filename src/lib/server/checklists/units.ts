/** The units a checklist is kept for (đơn vị có bảng việc). */
import type { Unit } from '$lib/scenario/schema';
import { isArea } from '$lib/units/kinds';
import type { Db } from '../db';
import { listUnits, organizerUnit } from '../scenario/units';

/**
 * Every unit with items of its own, and the areas right below the organizer (a district's wards,
 * a city's districts, a ward's tổ dân phố) even before they have any, so that the ops room sees
 * them and can give them some. In the plan's order.
 */
export function checklistUnits(db: Db): Unit[] {
	const withItems = new Set(
		(db.prepare('SELECT DISTINCT unit_id FROM checklist_items').all() as { unit_id: string }[]).map(
			(r) => r.unit_id
		)
	);
	const organizer = organizerUnit(db)?.id;
	return listUnits(db).filter(
		(unit) => withItems.has(unit.id) || (unit.parentId === organizer && isArea(unit.kind))
	);
}
