/** What a role's street-side home starts with: its unit, the run of show, its notices. */
import { db } from './db';
import { noticesFor } from './notices/store';
import { currentEvent, milestonesOf } from './scenario/store';
import { getUnit } from './scenario/units';

export function staffHome(unitId: string | null) {
	const unit = unitId ? (getUnit(db(), unitId) ?? null) : null;
	return {
		event: currentEvent(db()) ?? null,
		unit: unit && { id: unit.id, name: unit.name, kind: unit.kind },
		// the run of show of the unit's level and the levels above it
		milestones: milestonesOf(db(), unitId),
		notices: noticesFor(db(), 30, unitId)
	};
}
