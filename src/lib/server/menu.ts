/**
 * The header's menu of each role: the pages its people work on, less those the plan has nothing
 * for (no trucks: no "Xe loa"; no report table: no reports). A page where the missing thing is
 * set up (the ceremony, the checklist items) stays for whoever may set it up there.
 */
import type { MessageKey } from '$lib/i18n';
import type { PlanHas } from '$lib/scenario/plan-has';
import type { Role } from '$lib/types';
import { authorize, type Action, type Actor } from './access';

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

/** what a page needs of the plan to be worth opening, and who sets that up on it */
const pageNeeds: Record<string, { has: keyof PlanHas; setUpBy?: Action }> = {
	'/ops/trucks': { has: 'trucks' },
	'/ops/checklists': { has: 'checklistItems', setUpBy: 'checklist.edit' },
	'/ops/ceremony': { has: 'ceremony', setUpBy: 'ceremony.setup' },
	'/gate': { has: 'ceremony' },
	'/reports/overview': { has: 'reportTable' },
	'/reports': { has: 'reportTable' }
};

export function menuFor(actor: Actor & { kind: 'user' }, has: PlanHas): MenuEntry[] {
	return menuByRole[actor.role].filter(([href]) => {
		const needs = pageNeeds[href];
		return !needs || has[needs.has] || (needs.setUpBy !== undefined && authorize(actor, needs.setUpBy));
	});
}
