/**
 * What the plan has to show: trucks, a run of show, checklist items, a ceremony, a report table.
 * The menus, the pages and the wall screen offer only what is there (a ward's plan has no
 * trucks: no truck tab, no truck map). Worked out from the lists a page loads, so that a page
 * given a narrower list (one unit's share of the plan) narrows what it offers with it.
 */
export interface PlanHas {
	trucks: boolean;
	milestones: boolean;
	checklistItems: boolean;
	ceremony: boolean;
	reportTable: boolean;
}

export interface PlanLists {
	trucks: readonly unknown[];
	milestones: readonly unknown[];
	checklistItems: readonly unknown[];
	/** the ceremony's setup, null or undefined when there is none */
	ceremony: unknown;
	/** the report table, null or undefined when there is none */
	reportTable: unknown;
}

export function planHasOf(lists: PlanLists): PlanHas {
	return {
		trucks: lists.trucks.length > 0,
		milestones: lists.milestones.length > 0,
		checklistItems: lists.checklistItems.length > 0,
		ceremony: lists.ceremony != null,
		reportTable: lists.reportTable != null
	};
}
