/** What the current plan has to show (trucks, a ceremony, a report table…), from its lists. */
import { planHasOf, type PlanHas } from '$lib/scenario/plan-has';
import { ceremonySetup } from './ceremony/store';
import { listItemSpecs } from './checklists/store';
import type { Db } from './db';
import { reportTemplate } from './reports/store';
import { listMilestones } from './scenario/store';
import { listTrucks } from './scenario/units';

export function planHas(db: Db): PlanHas {
	return planHasOf({
		trucks: listTrucks(db),
		milestones: listMilestones(db),
		checklistItems: listItemSpecs(db),
		ceremony: ceremonySetup(db),
		reportTable: reportTemplate(db)
	});
}
