/** What every submission is stamped with when it arrives, however it came (typed, or a package). */
import { dayNow } from '../day-clock';
import type { Db } from '../db';
import { currentEvent } from '../scenario/store';
import { unitTree } from '../scenario/tree';
import { getSignoff } from './store';

/** who hears of a submission besides its unit's own screens */
export const organizerAudience = ['ops', 'display'];

/** The day time it arrives, whether that is past the deadline, and after a sign-off that holds its unit. */
export function arrival(
	db: Db,
	unitId: string
): { submittedAt: number; late: boolean; afterSignoff: boolean } {
	const now = dayNow(db);
	const deadline = currentEvent(db)?.reportDeadline;
	return {
		submittedAt: now,
		late: !!deadline && now > Date.parse(deadline),
		// after a table that holds this unit was signed off: the whole event's or a level's above it
		afterSignoff:
			!!getSignoff(db, null) ||
			unitTree(db)
				.lineOf(unitId)
				.some((id) => !!getSignoff(db, id))
	};
}
