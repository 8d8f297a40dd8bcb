/**
 * Where a unit stands against the report deadline: not sent yet (before or after the deadline),
 * sent on time, sent late, or sent on time and revised after it. Pure, so the overview's table and
 * the day's facts for a report (server) say the same of each unit.
 */
import type { SignoffView, SubmissionView } from './types';

export type UnitStanding = 'missing' | 'overdue' | 'on_time' | 'late' | 'revised_late';

/**
 * A unit's standing at `now` (day time): `submissions` are every version of every unit, oldest
 * first; a level beneath that signed its own table answers with it, at the time it signed.
 */
export function unitStanding(
	unitId: string,
	submissions: readonly SubmissionView[],
	levelSignoffs: readonly SignoffView[],
	deadline: number | null,
	now: number
): UnitStanding {
	const signed = levelSignoffs.find((s) => s.unitId === unitId);
	if (signed) return deadline !== null && signed.at > deadline ? 'late' : 'on_time';
	const versions = submissions.filter((s) => s.unitId === unitId);
	if (versions.length === 0) return deadline !== null && now > deadline ? 'overdue' : 'missing';
	if (!versions[0].late && versions.some((s) => s.late)) return 'revised_late';
	return versions[0].late ? 'late' : 'on_time';
}
