/** What a role's street-side home starts with: its unit, the run of show, its notices. */
import { db } from './db';
import { noticesFor } from './notices/store';
import { currentEvent, listRunOfShow } from './scenario/store';
import { getUnit } from './scenario/units';

export function staffHome(unitId: string | null) {
	const unit = unitId ? (getUnit(db(), unitId) ?? null) : null;
	return {
		event: currentEvent(db()) ?? null,
		unit: unit && { id: unit.id, name: unit.name, kind: unit.kind },
		milestones: listRunOfShow(db()),
		notices: noticesFor(db(), 30, unitId)
	};
}
