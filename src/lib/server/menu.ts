/**
 * The header's menu of each role: the pages its people work on, less those the plan has nothing
 * for (no trucks: no "Xe loa"; no report table: no reports). A page where the missing thing is
 * set up (the ceremony, the checklist items) stays for whoever may set it up there.
 */
import type { MessageKey } from '$lib/i18n';
import type { PlanHas } from '$lib/scenario/plan-has';
import type { Role } from '$lib/types';
import { authorize, type Action, type Actor } from './access';
import { db } from './db';
import { unitTree } from './scenario/tree';

export type MenuEntry = [href: string, key: MessageKey];

const menuByRole: Record<Role, MenuEntry[]> = {
	admin: [
		['/admin', 'nav.admin'],
		['/ops', 'nav.ops'],
		['/ops/trucks', 'nav.trucks'],
		['/ops/checklists', 'nav.checklists'],
		['/ops/ceremony', 'nav.ceremony'],
		['/reports/overview', 'nav.reports'],
		['/display', 'nav.display']
	],
	coordinator: [
		['/ops', 'nav.ops'],
		['/ops/trucks', 'nav.trucks'],
		['/ops/checklists', 'nav.checklists'],
		['/ops/ceremony', 'nav.ceremony'],
		['/reports/overview', 'nav.reports'],
		['/display', 'nav.display']
	],
	leader: [
		['/display', 'nav.display'],
		['/ops', 'nav.ops'],
		['/ops/trucks', 'nav.trucks'],
		['/ops/checklists', 'nav.checklists'],
		['/ops/ceremony', 'nav.ceremony'],
		['/reports/overview', 'nav.reports']
	],
	ward_staff: [
		['/ward', 'nav.ward'],
		['/reports', 'nav.report']
	],
	truck_crew: [['/truck', 'nav.truck']],
	gate_staff: [['/gate', 'nav.gate']],
	unit_staff: [['/reports', 'nav.report']]
};

/**
 * what a page needs of the plan to be worth opening, and who sets that up on it (`wholeEvent`:
 * it is set up at the top of the tree, not by a level's coordinator)
 */
const pageNeeds: Record<string, { has: keyof PlanHas; setUpBy?: Action; wholeEvent?: true }> = {
	'/ops/trucks': { has: 'trucks' },
	'/ops/checklists': { has: 'checklistItems', setUpBy: 'checklist.edit' },
	'/ops/ceremony': { has: 'ceremony', setUpBy: 'ceremony.setup', wholeEvent: true },
	'/gate': { has: 'ceremony' },
	'/reports/overview': { has: 'reportTable' },
	'/reports': { has: 'reportTable' }
};

export function menuFor(actor: Actor & { kind: 'user' }, has: PlanHas): MenuEntry[] {
	return menuByRole[actor.role].filter(([href]) => {
		const needs = pageNeeds[href];
		if (!needs || has[needs.has]) return true;
		const target = needs.wholeEvent ? { unitId: unitTree(db()).root } : {};
		return needs.setUpBy !== undefined && authorize(actor, needs.setUpBy, target);
	});
}
