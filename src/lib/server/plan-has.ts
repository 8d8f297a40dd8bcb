/** What the current plan has to show (trucks, a ceremony, a report table…), from its lists. */
import { planHasOf, type PlanHas } from '$lib/scenario/plan-has';
import { ownCeremony } from './ceremony/own';
import type { Actor } from './access';
import { listItemSpecs } from './checklists/store';
import type { Db } from './db';
import type { LevelView } from './level-view';
import { reportTemplate } from './reports/store';
import { milestonesOf } from './scenario/store';
import { listCeremonies } from './ceremony/store';
import { listTrucks } from './scenario/units';

/**
 * What the plan has for the reader's level (`level`: see levelView; `actor`: whose ceremony); the
 * whole plan's without.
 */
export function planHas(db: Db, level?: Pick<LevelView, 'within' | 'mine'>, actor?: Actor): PlanHas {
	const mine = level?.mine ?? (() => true);
	return planHasOf({
		trucks: listTrucks(db).filter((t) => mine(t.unitId)),
		milestones: milestonesOf(db, level?.within ?? null),
		checklistItems: listItemSpecs(db).filter((i) => mine(i.unitId)),
		// the reader's own ceremony (their level's, or the one their gate stands at)
		ceremony: actor ? (ownCeremony(db, actor).id ?? null) : (listCeremonies(db)[0] ?? null),
		reportTable: reportTemplate(db)
	});
}
