/** What the current plan has to show (trucks, a ceremony, a report table…), from its lists. */
import { planHasOf, type PlanHas } from '$lib/scenario/plan-has';
import { ceremonySetup } from './ceremony/store';
import { listItemSpecs } from './checklists/store';
import type { Db } from './db';
import type { LevelView } from './level-view';
import { reportTemplate } from './reports/store';
import { listMilestones } from './scenario/store';
import { listTrucks } from './scenario/units';

/** What the plan has for the reader's level (`level`: see levelView); the whole plan's without. */
export function planHas(db: Db, level?: Pick<LevelView, 'within' | 'mine'>): PlanHas {
	const mine = level?.mine ?? (() => true);
	return planHasOf({
		trucks: listTrucks(db).filter((t) => mine(t.unitId)),
		milestones: listMilestones(db),
		checklistItems: listItemSpecs(db).filter((i) => mine(i.unitId)),
		// the ceremony is the whole event's
		ceremony: level?.within ? null : ceremonySetup(db),
		reportTable: reportTemplate(db)
	});
}
